"""ajslater/codex 8975999 (PR 673): the only sync-only middleware of the chain (it sets the time zone
from the session and a Server header) cost two thread hops per request under Granian's ASGI worker; the
fix makes it hybrid. Own reduction."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.utils import timezone


def _apply_zone(request):
    zone = request.session.get("zone")
    if zone:
        timezone.activate(zone)


class ServerHeaderMiddlewareBefore:  # [sync-only-middleware]
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _apply_zone(request)
        response = self.get_response(request)
        response["Server"] = "shop/1.0"
        return response


class ServerHeaderMiddlewareAfter:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.is_async:
            return self._serve(request)
        _apply_zone(request)
        response = self.get_response(request)
        response["Server"] = "shop/1.0"
        return response

    async def _serve(self, request):
        await sync_to_async(_apply_zone)(request)
        response = await self.get_response(request)
        response["Server"] = "shop/1.0"
        return response
