"""A Channels 2 ASGI middleware puts the user of a DRF auth token (sent as a websocket subprotocol)
into the scope. Under Channels 2 the middleware's __call__(scope) runs when the server builds the
application instance, on the event loop; the token check (`authenticate_credentials`, a query of the
token and its user) runs there: SynchronousOnlyOperation from Django 3.0."""

from base64 import b64decode

from rest_framework.authentication import TokenAuthentication

token_auth = TokenAuthentication()


def token_from_subprotocols(subprotocols):
    prefix = "app.token.value."
    for protocol in subprotocols:
        if protocol.startswith(prefix):
            value = protocol[len(prefix):]
            return b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
    return None


class TokenAuthMiddleware:
    def __init__(self, inner):
        self.inner = inner

    def __call__(self, scope):
        if "user" not in scope:
            token = token_from_subprotocols(scope.get("subprotocols", []))
            if token:
                user, _ = token_auth.authenticate_credentials(token)  # [sync-auth-call-in-async]
                if user:
                    scope["user"] = user
        return self.inner(scope)
