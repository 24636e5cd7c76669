"""Fixed form of alit83_get_user_aget_in_try (recall20): the helper is a coroutine function that awaits
the query inside its ``try``."""

from urllib.parse import parse_qs

from channels.middleware import BaseMiddleware
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

User = get_user_model()


async def find_user(user_id):
    try:
        return await User.objects.aget(pk=user_id)
    except User.DoesNotExist:
        return AnonymousUser()


class TokenAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        params = parse_qs(scope["query_string"].decode())
        user_id = params.get("uid", [None])[0]
        scope["user"] = await find_user(user_id) if user_id else AnonymousUser()
        return await super().__call__(scope, receive, send)
