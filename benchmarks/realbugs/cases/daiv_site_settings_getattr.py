"""daiv 7b7777f1: a settings object's __getattr__ fell back to SiteConfiguration.get_cached(), which
queries on a cache miss, and agent tools read it on the loop (SynchronousOnlyOperation); the fix
runs the lookup in a worker thread when a loop is running. Own reduction."""

import asyncio
import concurrent.futures

from django.core.cache import cache
from django.db import close_old_connections

from shop.models import SiteConfiguration


class SiteSettings:
    def __getattr__(self, name):
        config = cache.get("site-config")
        if config is None:
            config = SiteConfiguration.objects.first()
        return getattr(config, name, None)


site_settings = SiteSettings()

_executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)


def _lookup(name):
    close_old_connections()
    try:
        return getattr(SiteConfiguration.objects.first(), name, None)
    finally:
        close_old_connections()


async def agent_tool_before():
    return site_settings.name  # [missing-sync-to-async]


async def agent_tool_after():
    return await asyncio.get_running_loop().run_in_executor(_executor, _lookup, "name")
