"""The check moved to a MiddlewareMixin hook: the mixin serves sync and async chains."""

from django.http import JsonResponse
from django.utils.deprecation import MiddlewareMixin


def token_is_valid(header):
    return header.startswith("Bearer ")


class TokenCheckMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if not token_is_valid(request.headers.get("Authorization", "")):
            return JsonResponse({"detail": "forbidden"}, status=403)
        return None
