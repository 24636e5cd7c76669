"""An async OAuth callback calls a nested sync helper that fetches the user's profile with requests."""

import requests
from django.http import JsonResponse


async def google_callback(request):
    def profile(access_token):
        response = requests.get(
            "https://accounts.example.com/userinfo",
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=10,
        )
        return response.json()

    info = profile(request.GET["token"])  # [missing-sync-to-async]
    return JsonResponse({"id": info.get("id")})
