"""A hybrid middleware that marks its instance as a coroutine function with asyncio's private
marker. asgiref/Django (Python 3.12+) test with inspect, which ignores that marker: Django treats the
instance as sync in an async chain and the async path's coroutine is handled as a response."""

import asyncio

from django.http import HttpResponse


class CrossOriginMiddleware:  # [middleware-async-mode-mismatch]
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
        response = self.preflight(request)
        if response is None:
            response = self.get_response(request)
        response["Vary"] = "origin"
        return response

    async def __acall__(self, request):
        response = self.preflight(request)
        if response is None:
            response = await self.get_response(request)
        response["Vary"] = "origin"
        return response

    def preflight(self, request):
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            return HttpResponse(headers={"content-length": "0"})
        return None
