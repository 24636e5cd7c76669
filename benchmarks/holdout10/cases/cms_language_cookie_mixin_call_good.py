"""The same middleware declared sync-only: Django runs it in a thread with a sync get_response."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language


class RememberLanguageMiddleware(MiddlewareMixin):
    async_capable = False

    def __init__(self, get_response):
        super().__init__(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language()
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == language:
            return response
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
        return response
