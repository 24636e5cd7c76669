"""Fixed: both helpers run through sync_to_async."""

from math import ceil

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.cache import caches
from waffle import switch_is_active


def get_s3_cache(fallback_cache="db_cache"):
    if settings.DEBUG or not switch_is_active("enable-s3-cache"):
        return caches[fallback_cache]
    return caches["s3"]


def make_s3_cache_key(base_key, timeout_seconds):
    if settings.DEBUG or not switch_is_active("enable-s3-cache"):
        return base_key
    return f"{int(ceil(timeout_seconds / 86400))}-days:{base_key}"


class RelatedSearch:
    async def run(self, cluster_id):
        return [cluster_id]


async def es_get_related_clusters_with_cache(cluster, request):
    cache = await sync_to_async(get_s3_cache)("db_cache")
    key = await sync_to_async(make_s3_cache_key)(f"clusters-mlt-es:{cluster.pk}", 86400 * 7)
    cached = await cache.aget(key)
    if cached is not None:
        return cached
    results = await RelatedSearch().run(cluster.pk)
    await cache.aset(key, results)
    return results
