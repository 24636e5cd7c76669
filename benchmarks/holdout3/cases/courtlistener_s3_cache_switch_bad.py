"""Async search helpers pick their cache backend and key through two small project helpers that ask
a django-waffle switch whether the S3 cache is enabled. `switch_is_active()` reads the Switch model
(through waffle's cache, falling back to a query): a sync database call two frames down, on the
event loop, for every related-cases lookup."""

from math import ceil

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
    cache = get_s3_cache("db_cache")  # [missing-sync-to-async]
    key = make_s3_cache_key(f"clusters-mlt-es:{cluster.pk}", 86400 * 7)  # [missing-sync-to-async]
    cached = await cache.aget(key)
    if cached is not None:
        return cached
    results = await RelatedSearch().run(cluster.pk)
    await cache.aset(key, results)
    return results
