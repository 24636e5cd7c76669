"""Recall reduction (recall18): a Q&A page on a Channels chat whose messages fail to save: the
``AsyncWebsocketConsumer.receive`` creates the message row with ``Message.objects.create(...)``
directly on the loop (SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

import json

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
        Message.objects.create(user=user, content=message)  # [sync-orm-call-in-async]
        await self.send(text_data=json.dumps({"message": message, "user": user.username}))
