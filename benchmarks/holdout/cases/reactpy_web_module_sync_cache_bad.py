"""An async view that serves a file through a named cache with the sync cache API."""

from django.core.cache import caches
from django.http import HttpResponse

module_cache = caches["default"]


async def module_file(request, name: str) -> HttpResponse:
    key = f"module:{name}"
    response = module_cache.get(key)  # [sync-cache-call-in-async]
    if response is None:
        response = HttpResponse("export default 1;", content_type="text/javascript")
        module_cache.set(key, response, timeout=None)  # [sync-cache-call-in-async]
    return response
