"""The nested helper runs in a worker thread."""

import requests
from asgiref.sync import sync_to_async
from django.http import JsonResponse


async def google_callback(request):
    @sync_to_async
    def profile(access_token):
        response = requests.get(
            "https://accounts.example.com/userinfo",
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=10,
        )
        return response.json()

    info = await profile(request.GET["token"])
    return JsonResponse({"id": info.get("id")})
