"""The same middleware marked with asgiref's public helper."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings


class FeaturePolicyMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(self.get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.async_mode:
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
