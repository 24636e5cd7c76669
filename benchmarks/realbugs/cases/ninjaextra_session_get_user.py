"""django-ninja-extra 29beb1e: the async session authenticator still read request.user (a lazy object
that queries); the fix loads the user with sync_to_async(get_user). Own reduction."""

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user


class SessionAuth:
    async def authenticate_before(self, request, key):
        current_user = request.user  # [sync-auth-call-in-async]
        return current_user if current_user.is_authenticated else None

    async def authenticate_after(self, request, key):
        current_user = await sync_to_async(get_user)(request)
        return current_user if current_user.is_authenticated else None
