"""A class middleware that only adds process_exception: sync __call__, no mode flags."""

from django.contrib import messages
from django.shortcuts import redirect


class LoginErrorMiddleware:  # [sync-only-middleware]
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PermissionError):
            return None
        messages.error(request, str(exception))
        return redirect("/login/")
