"""The same middleware, declared for both modes and routing async chains to an async __call__."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.contrib import messages
from django.shortcuts import redirect


class LoginErrorMiddleware:
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
        return self.get_response(request)

    async def __acall__(self, request):
        return await self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PermissionError):
            return None
        messages.error(request, str(exception))
        return redirect("/login/")
