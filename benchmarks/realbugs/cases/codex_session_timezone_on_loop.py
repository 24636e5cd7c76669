"""ajslater/codex 50a4102: the async path of a hybrid middleware class called a static helper through
self that reads request.session (a lazy session load: a query with the cached_db backend) on the loop;
the fix adds an async helper that awaits session.aget(). Own reduction."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.utils import timezone


class TimezoneMiddlewareBefore:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    @staticmethod
    def _apply_zone(request):
        zone = request.session.get("zone")
        if zone:
            timezone.activate(zone)

    def __call__(self, request):
        if self.is_async:
            return self._serve(request)
        self._apply_zone(request)
        return self.get_response(request)

    async def _serve(self, request):
        self._apply_zone(request)  # [missing-sync-to-async]
        return await self.get_response(request)


class TimezoneMiddlewareAfter:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    @staticmethod
    def _apply_zone(request):
        zone = request.session.get("zone")
        if zone:
            timezone.activate(zone)

    @staticmethod
    async def _aapply_zone(request):
        zone = await request.session.aget("zone")
        if zone:
            timezone.activate(zone)

    def __call__(self, request):
        if self.is_async:
            return self._serve(request)
        self._apply_zone(request)
        return self.get_response(request)

    async def _serve(self, request):
        await self._aapply_zone(request)
        return await self.get_response(request)
