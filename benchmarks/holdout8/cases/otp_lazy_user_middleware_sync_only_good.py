"""Declared for both modes; an async chain gets an async __acall__."""

import functools

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.utils.functional import SimpleLazyObject


class SecondFactorMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.is_async:
            return self.__acall__(request)
        self._install(request)
        return self.get_response(request)

    async def __acall__(self, request):
        self._install(request)
        return await self.get_response(request)

    def _install(self, request):
        user = getattr(request, "user", None)
        if user is not None:
            request.user = SimpleLazyObject(functools.partial(self._mark, request, user))

    def _mark(self, request, user):
        user.second_factor = request.session.get("second_factor")
        return user
