"""Fixed: the middleware becomes a channels BaseMiddleware that resolves the user asynchronously,
with the token check run through database_sync_to_async."""

from base64 import b64decode

from channels.auth import UserLazyObject
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from rest_framework.authentication import TokenAuthentication

token_auth = TokenAuthentication()


def token_from_subprotocols(subprotocols):
    prefix = "app.token.value."
    for protocol in subprotocols:
        if protocol.startswith(prefix):
            value = protocol[len(prefix):]
            return b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
    return None


class TokenAuthMiddleware(BaseMiddleware):
    def populate_scope(self, scope):
        if "user" not in scope:
            scope["user"] = UserLazyObject()

    async def resolve_scope(self, scope):
        token = token_from_subprotocols(scope.get("subprotocols", []))
        if token:
            user, _ = await database_sync_to_async(token_auth.authenticate_credentials)(token)
            if user:
                scope["user"]._wrapped = user
