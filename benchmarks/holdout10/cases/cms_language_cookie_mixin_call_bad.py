"""A MiddlewareMixin subclass replaces the mixin's __call__ with a sync one that post-processes the
response. The mixin declares the class async-capable and its __init__ marks the instance as a
coroutine function under ASGI, so Django awaits __call__'s result: here get_response hands back a
coroutine, and the cookie is set on that coroutine (AttributeError)."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language


class RememberLanguageMiddleware(MiddlewareMixin):  # [middleware-async-mode-mismatch]
    def __init__(self, get_response):
        super().__init__(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language()
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == language:
            return response
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
        return response
