"""A header middleware with a sync and an async path that marks its instance with asyncio's private
coroutine marker. On Python 3.12+ Django (through asgiref) asks inspect, which ignores that marker:
in an async chain the instance is called as sync and __acall__'s coroutine is never awaited."""

import asyncio

from django.conf import settings


class FeaturePolicyMiddleware:  # [middleware-async-mode-mismatch]
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
        response = self.get_response(request)
        response["Permissions-Policy"] = self.header()
        return response

    async def __acall__(self, request):
        response = await self.get_response(request)
        response["Permissions-Policy"] = self.header()
        return response

    def header(self):
        features = getattr(settings, "FEATURE_POLICY", {})
        return ", ".join(f"{name}=()" for name in sorted(features))
