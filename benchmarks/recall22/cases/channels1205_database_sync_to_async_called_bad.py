"""Recall reduction (recall22): Channels issue #1205 (a reader proposing a 'typo' fix to the
databases docs): in an async consumer, ``await database_sync_to_async(self.get_name())`` instead of
``database_sync_to_async(self.get_name)()``: the method runs (and queries) on the event loop, and the
adapter gets its return value. The maintainer's reply keeps the documented form. Our own minimal
rewrite of the proposed line."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import User


class NameConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.username = await database_sync_to_async(self.get_name())  # [sync-to-async-called-not-passed]
        await self.accept()

    def get_name(self):
        return User.objects.all()[0].username
