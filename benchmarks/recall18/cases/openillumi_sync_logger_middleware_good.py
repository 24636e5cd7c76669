"""Fixed form (recall18): the post's fix, an async-capable middleware."""

import logging
import time

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

logger = logging.getLogger(__name__)


class ApiLoggerMiddleware:
    sync_capable = False
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(self.get_response):
            markcoroutinefunction(self)

    async def __call__(self, request):
        started = time.monotonic()
        response = await self.get_response(request)
        logger.info("%s %s %.3f", request.method, request.path, time.monotonic() - started)
        return response
