"""The token lookup now lives in a consumer method decorated with database_sync_to_async, but the
handler calls it without await: the controller information is built with a coroutine object instead
of the token (and the query never runs)."""

from dataclasses import dataclass

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import models


class Activation(models.Model):
    user_id = models.IntegerField()


class ActivationInstance(models.Model):
    activation = models.ForeignKey(Activation, on_delete=models.CASCADE)


class ControllerToken(models.Model):
    user_id = models.IntegerField()
    token = models.TextField()


@dataclass
class WorkerMessage:
    activation_id: int


@dataclass
class ControllerInfo:
    url: str
    token: str


class RulebookConsumer(AsyncWebsocketConsumer):
    async def handle_workers(self, message: WorkerMessage):
        info = ControllerInfo(
            url="https://controller.example",
            token=self.get_token(message),  # [async-call-not-awaited]
        )
        await self.send(text_data=repr(info))

    @database_sync_to_async
    def get_token(self, message):
        instance = ActivationInstance.objects.get(id=message.activation_id)
        token = ControllerToken.objects.filter(user_id=instance.activation.user_id).first()
        return token.token
