"""Held-out reduction (holdout12), fixed shape: the token is minted (and its OutstandingToken row
written) in a worker thread through sync_to_async. Must stay silent."""

from asgiref.sync import sync_to_async
from django.contrib.auth import aauthenticate
from ninja import Router
from ninja_jwt.tokens import RefreshToken

router = Router()


@router.post("/sign-in")
async def sign_in(request, username: str, password: str):
    account = await aauthenticate(request, username=username, password=password)
    if account is None:
        return 401, {"detail": "bad credentials"}
    pair = await sync_to_async(RefreshToken.for_user)(account)
    return {"refresh": str(pair), "access": str(pair.access_token)}
