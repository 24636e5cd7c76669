"""Fixed form (recall18): the page's fix runs the create through sync_to_async."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import models


class Message(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    content = models.TextField()


class ChatConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()

    async def receive(self, text_data):
        message = json.loads(text_data)["message"]
        user = self.scope["user"]
        await sync_to_async(Message.objects.create)(user=user, content=message)
        await self.send(text_data=json.dumps({"message": message, "user": user.username}))
