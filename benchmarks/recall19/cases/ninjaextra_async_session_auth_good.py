"""Fixed form (recall19): the issue's suggestion, ``user = await request.auser()`` (Django 5.0+)."""

from django.conf import settings
from ninja import NinjaAPI
from ninja.security import APIKeyCookie


class AsyncSessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    async def __call__(self, request):
        key = self._get_key(request)
        return await self.authenticate(request, key)

    async def authenticate(self, request, key):
        user = await request.auser()
        if user.is_authenticated:
            return user
        return None


api = NinjaAPI(auth=AsyncSessionAuth())


@api.get("/me")
async def me(request):
    return {"username": request.auth.get_username()}
