"""Fixed form (recall18): the insight's fix, separate async helpers that await the cache's a-methods."""

from django.core.cache import cache


def _cache_key(recording_id):
    return f"replay-blocks:{recording_id}"


async def _aget_cached_blocks(recording_id):
    return await cache.aget(_cache_key(recording_id))


async def _acache_blocks(recording_id, blocks):
    await cache.aset(_cache_key(recording_id), blocks, timeout=300)


async def list_blocks_async(recording_id, fetch_blocks):
    blocks = await _aget_cached_blocks(recording_id)
    if blocks is None:
        blocks = await fetch_blocks(recording_id)
        await _acache_blocks(recording_id, blocks)
    return blocks
