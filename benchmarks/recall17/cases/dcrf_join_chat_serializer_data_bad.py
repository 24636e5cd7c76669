"""Recall reduction (recall17, NilCoalescing/djangochannelsrestframework issue 70): an ``@action`` of a
``GenericAsyncAPIConsumer`` builds the user's ModelSerializer in a worker thread
(``database_sync_to_async(UserSerializer)(...)``) and then reads ``.data`` on the loop. DRF runs the
serialisation (and the related field's query) when ``.data`` is read, not in ``__init__``, so the query
runs on the event loop (SynchronousOnlyOperation; the maintainer's diagnosis). The serializer's field
list is our assumption (the report's ``Message.user`` has ``related_name="messages"`` and the read
queried). Our own minimal rewrite of the reported shape, not upstream code."""

from channels.db import database_sync_to_async
from django.contrib.auth.models import User
from django.db import models
from djangochannelsrestframework.decorators import action
from djangochannelsrestframework.generics import GenericAsyncAPIConsumer
from rest_framework import serializers


class Message(models.Model):
    text = models.TextField()
    user = models.ForeignKey(User, related_name="messages", on_delete=models.CASCADE)


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "messages"]


class MessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Message
        fields = ["id", "text", "user"]


class ChatConsumer(GenericAsyncAPIConsumer):
    queryset = Message.objects.all()
    serializer_class = MessageSerializer

    @action()
    async def join_chat(self, chat: int, **kwargs):
        room = f"chat_{chat}"
        await self.channel_layer.group_add(room, self.channel_name)
        user_serializer = await database_sync_to_async(UserSerializer)(self.scope["user"], many=False)
        await self.channel_layer.group_send(
            room,
            {
                "type": "notification",
                "user": user_serializer.data,  # [sync-orm-call-in-async]
                "chat": chat,
            },
        )

    async def notification(self, event):
        await self.send_json({"action": "notification", "user": event["user"], "chat": event["chat"]})
