"""The instance is marked with asgiref's markcoroutinefunction."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpResponse


class CrossOriginMiddleware:
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
