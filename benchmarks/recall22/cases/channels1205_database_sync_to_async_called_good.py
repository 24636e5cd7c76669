"""Fixed form of channels1205_database_sync_to_async_called_bad.py (the documented form): the method
is passed to the adapter, which calls it in a worker thread."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import User


class NameConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.username = await database_sync_to_async(self.get_name)()
        await self.accept()

    def get_name(self):
        return User.objects.all()[0].username
