"""A hybrid middleware that marks itself async with the private asyncio marker attribute; from
Python 3.12 Django no longer sees the instance as a coroutine function, calls it synchronously and
receives an unawaited coroutine."""

import asyncio


class RequestDetailsMiddleware:  # [middleware-async-mode-mismatch]
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if asyncio.iscoroutinefunction(self.get_response):
            self._is_coroutine = asyncio.coroutines._is_coroutine
        else:
            self._is_coroutine = None

    def __call__(self, request):
        if self._is_coroutine:
            return self.__acall__(request)
        request.details = True
        return self.get_response(request)

    async def __acall__(self, request):
        request.details = True
        return await self.get_response(request)
