"""Held-out reduction (holdout12), fixed shape: the blacklisting and the row deletion run in a sync
helper that the endpoint awaits through sync_to_async. Must stay silent."""

from asgiref.sync import sync_to_async
from django.http import JsonResponse
from ninja import Router
from ninja_jwt.token_blacklist.models import OutstandingToken
from ninja_jwt.tokens import RefreshToken

router = Router()


def _revoke(raw):
    token = RefreshToken(raw)
    token.blacklist()
    OutstandingToken.objects.filter(jti=token["jti"]).delete()


@router.post("/sign-out")
async def sign_out(request):
    raw = request.COOKIES.get("refresh_token")
    if not raw:
        return JsonResponse({"detail": "no token"}, status=400)
    try:
        await sync_to_async(_revoke)(raw)
    except Exception:
        return JsonResponse({"detail": "token rejected"}, status=400)
    return JsonResponse({"detail": "signed out"})
