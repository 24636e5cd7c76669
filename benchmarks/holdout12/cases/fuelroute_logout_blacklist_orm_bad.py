"""Held-out reduction (holdout12): an async django-ninja sign-out endpoint that blacklists the refresh
token from its cookie and deletes its bookkeeping rows, all on the event loop. ``blacklist()`` writes
OutstandingToken/BlacklistedToken rows and the queryset ``delete()`` is a direct ORM call: the first one
raises SynchronousOnlyOperation, which the broad ``except`` turns into "invalid token" for every user.
Our own minimal rewrite of the shape, not upstream code."""

from django.http import JsonResponse
from ninja import Router
from ninja_jwt.token_blacklist.models import OutstandingToken
from ninja_jwt.tokens import RefreshToken

router = Router()


@router.post("/sign-out")
async def sign_out(request):
    raw = request.COOKIES.get("refresh_token")
    if not raw:
        return JsonResponse({"detail": "no token"}, status=400)
    try:
        token = RefreshToken(raw)  # [sync-orm-call-in-async]
        token.blacklist()  # [sync-orm-call-in-async]
        OutstandingToken.objects.filter(jti=token["jti"]).delete()  # [sync-orm-call-in-async]
    except Exception:
        return JsonResponse({"detail": "token rejected"}, status=400)
    return JsonResponse({"detail": "signed out"})
