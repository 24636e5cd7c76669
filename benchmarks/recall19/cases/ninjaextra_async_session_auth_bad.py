"""Recall reduction (recall19): a django-ninja-extra issue (#201, 'async session auth bug'): the
library's async session authenticator checks ``request.user.is_authenticated`` inside its async
``authenticate``; that loads the session and the user on the loop. Our own minimal rewrite as a
project's async cookie authenticator."""

from django.conf import settings
from ninja import NinjaAPI
from ninja.security import APIKeyCookie


class AsyncSessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    async def __call__(self, request):
        key = self._get_key(request)
        return await self.authenticate(request, key)

    async def authenticate(self, request, key):
        if request.user.is_authenticated:  # [sync-auth-call-in-async]
            return request.user
        return None


api = NinjaAPI(auth=AsyncSessionAuth())


@api.get("/me")
async def me(request):
    return {"username": request.auth.get_username()}
