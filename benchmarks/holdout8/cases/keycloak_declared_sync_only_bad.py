"""Token-checking middleware that declares itself sync-only (every async request pays a thread hop)."""

from django.http import JsonResponse
from django.utils.deprecation import MiddlewareMixin


def token_is_valid(header):
    return header.startswith("Bearer ")


class TokenCheckMiddleware(MiddlewareMixin):  # [sync-only-middleware]
    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not token_is_valid(request.headers.get("Authorization", "")):
            return JsonResponse({"detail": "forbidden"}, status=403)
        return self.get_response(request)
