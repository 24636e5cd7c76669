"""Fixed shape: the check is a coroutine function and is awaited."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import models


class Moderator(models.Model):
    user_id = models.IntegerField()


def user_moderates(user):
    return Moderator.objects.filter(user_id=user.pk).exists()


async def is_moderator(scope):
    if scope["user"].is_staff:
        return True
    return await database_sync_to_async(user_moderates)(scope["user"])


class ModerationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        if not await is_moderator(self.scope):
            await self.close()
            return
        await self.accept()
