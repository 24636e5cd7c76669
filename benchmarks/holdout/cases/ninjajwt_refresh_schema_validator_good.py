from typing import Optional

from asgiref.sync import sync_to_async
from django.db import models
from ninja import Schema
from pydantic import root_validator


class BlacklistedToken(models.Model):
    jti = models.CharField(max_length=255, unique=True)

    class Meta:
        app_label = "tokens"


class RefreshToken:
    def __init__(self, raw: str) -> None:
        self.jti = raw[-8:]

    def blacklist(self):
        return BlacklistedToken.objects.get_or_create(jti=self.jti)


class RefreshIn(Schema):
    refresh: str


class RefreshOut(Schema):
    refresh: str
    access: Optional[str] = None

    @root_validator(skip_on_failure=True)
    def rotate(cls, values: dict) -> dict:
        token = RefreshToken(values["refresh"])
        token.blacklist()
        values["access"] = "access-" + token.jti
        return values


class AsyncTokenController:
    async def refresh_token(self, payload: RefreshIn):
        refreshed = await sync_to_async(RefreshOut)(**payload.dict())
        return refreshed
