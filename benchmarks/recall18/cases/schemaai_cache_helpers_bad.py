"""Recall reduction (recall18): a published performance insight (schema.ai, Redis + Django) on a
session-replay service: ``list_blocks_async`` calls the shared helpers ``_get_cached_blocks`` and
``_cache_blocks``, which call ``cache.get()``/``cache.set()`` synchronously, so each Redis round trip
blocks the event loop. Our own minimal rewrite of the shape."""

from django.core.cache import cache


def _cache_key(recording_id):
    return f"replay-blocks:{recording_id}"


def _get_cached_blocks(recording_id):
    return cache.get(_cache_key(recording_id))


def _cache_blocks(recording_id, blocks):
    cache.set(_cache_key(recording_id), blocks, timeout=300)


async def list_blocks_async(recording_id, fetch_blocks):
    blocks = _get_cached_blocks(recording_id)  # [missing-sync-to-async]
    if blocks is None:
        blocks = await fetch_blocks(recording_id)
        _cache_blocks(recording_id, blocks)  # [missing-sync-to-async]
    return blocks
