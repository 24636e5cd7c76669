"""The async branch runs the helpers in a thread."""

import asyncio

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.decorators import sync_and_async_middleware


@sync_and_async_middleware
def bearer_auth_middleware(get_response):
    def authenticate(request):
        header = request.headers.get("Authorization")
        if header:
            user_id, key = header.split(" ")[1].split(":")
            user = get_user_model().objects.get(pk=user_id)
            request.user = user
            cache.set(f"key-{user.pk}", key, 10)
        return request

    def forget(request):
        if getattr(request, "user", None) is not None and request.user.pk:
            cache.delete(f"key-{request.user.pk}")

    if asyncio.iscoroutinefunction(get_response):

        async def middleware(request):
            try:
                request = await sync_to_async(authenticate)(request)
            except Exception:
                response = JsonResponse({"error": "authentication failed"}, status=401)
            else:
                response = await get_response(request)
            await sync_to_async(forget)(request)
            return response

    else:

        def middleware(request):
            try:
                request = authenticate(request)
            except Exception:
                response = JsonResponse({"error": "authentication failed"}, status=401)
            else:
                response = get_response(request)
            forget(request)
            return response

    return middleware
