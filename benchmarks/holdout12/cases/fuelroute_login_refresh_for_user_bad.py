"""Held-out reduction (holdout12): an async django-ninja login endpoint that mints a JWT refresh token with
django-ninja-jwt while its blacklist app is installed. ``RefreshToken.for_user()`` then records the token
as an ``OutstandingToken`` row (an ORM write in the calling thread): on the event loop it raises
SynchronousOnlyOperation. Our own minimal rewrite of the shape, not upstream code."""

from django.contrib.auth import aauthenticate
from ninja import Router
from ninja_jwt.tokens import RefreshToken

router = Router()


@router.post("/sign-in")
async def sign_in(request, username: str, password: str):
    account = await aauthenticate(request, username=username, password=password)
    if account is None:
        return 401, {"detail": "bad credentials"}
    pair = RefreshToken.for_user(account)  # [sync-orm-call-in-async]
    return {"refresh": str(pair), "access": str(pair.access_token)}
