"""A hybrid CORS middleware whose async path asks a project signal's receivers, through two helper
methods, with the sync Signal.send(): every receiver runs on the event loop."""

import re

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.dispatch import Signal
from django.http import HttpResponse

request_allowed = Signal()

URLS_REGEX = r"^/api/.*$"
ALLOWED = ["https://example.com"]


class CrossOriginMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.async_mode:
            return self.__acall__(request)
        response = self.preflight(request)
        if response is None:
            response = self.get_response(request)
        self.add_headers(request, response)
        return response

    async def __acall__(self, request):
        response = self.preflight(request)  # [missing-sync-to-async]
        if response is None:
            response = await self.get_response(request)
        self.add_headers(request, response)  # [missing-sync-to-async]
        return response

    def preflight(self, request):
        request._cross_origin = self.enabled(request)
        if request._cross_origin and request.method == "OPTIONS":
            return HttpResponse(headers={"content-length": "0"})
        return None

    def add_headers(self, request, response):
        origin = request.headers.get("origin")
        if not origin:
            return response
        if origin not in ALLOWED and not self.ask_receivers(request):
            return response
        response["Access-Control-Allow-Origin"] = origin
        return response

    def enabled(self, request):
        return bool(re.match(URLS_REGEX, request.path_info)) or self.ask_receivers(request)

    def ask_receivers(self, request):
        answers = request_allowed.send(sender=None, request=request)
        return any(value for _receiver, value in answers)
