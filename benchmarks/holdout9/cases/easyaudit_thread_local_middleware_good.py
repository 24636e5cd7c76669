"""The request is kept in asgiref's context-aware Local and the middleware is hybrid."""

import contextlib

from asgiref.local import Local
from asgiref.sync import iscoroutinefunction, markcoroutinefunction

_state = Local()


def current_request():
    return getattr(_state, "request", None)


class AuditMiddleware:
    async_capable = True
    sync_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(self.get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        _state.request = request
        response = self.get_response(request)
        with contextlib.suppress(AttributeError):
            del _state.request
        return response

    async def __acall__(self, request):
        _state.request = request
        response = await self.get_response(request)
        with contextlib.suppress(AttributeError):
            del _state.request
        return response
