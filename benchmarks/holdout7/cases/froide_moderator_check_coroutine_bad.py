"""A Channels consumer for a moderation dashboard admits only moderators. The check lives in a plain
`def` that returns early for staff and otherwise hands back `database_sync_to_async(check)(...)`:
a coroutine. `connect()` tests it with `if not ...`, and a coroutine is always truthy, so every
logged-in user was let in (and the permission query never ran)."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import models


class Moderator(models.Model):
    user_id = models.IntegerField()


def user_moderates(user):
    return Moderator.objects.filter(user_id=user.pk).exists()


def is_moderator(scope):
    if scope["user"].is_staff:
        return True
    return database_sync_to_async(user_moderates)(scope["user"])


class ModerationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        if not is_moderator(self.scope):  # [async-call-not-awaited]
            await self.close()
            return
        await self.accept()
