"""Fixed shape of dcrf_join_chat_serializer_data (the reporter's fix after the maintainer's answer): a
method decorated with ``@database_sync_to_async`` builds the serializer and returns its ``.data``."""

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

    @database_sync_to_async
    def current_user(self):
        return UserSerializer(self.scope["user"], many=False).data

    @action()
    async def join_chat(self, chat: int, **kwargs):
        room = f"chat_{chat}"
        await self.channel_layer.group_add(room, self.channel_name)
        await self.channel_layer.group_send(
            room,
            {"type": "notification", "user": await self.current_user(), "chat": chat},
        )

    async def notification(self, event):
        await self.send_json({"action": "notification", "user": event["user"], "chat": event["chat"]})
