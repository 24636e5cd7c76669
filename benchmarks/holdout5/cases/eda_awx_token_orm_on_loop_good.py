"""Fixed: the instance and token lookups move into a method decorated with database_sync_to_async,
which the handler awaits."""

from dataclasses import dataclass

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import models


class Activation(models.Model):
    name = models.CharField(max_length=100)
    user_id = models.IntegerField()
    rulesets = models.TextField()


class ActivationInstance(models.Model):
    activation = models.ForeignKey(Activation, on_delete=models.CASCADE)
    status = models.CharField(max_length=20)


class ControllerToken(models.Model):
    user_id = models.IntegerField()
    token = models.TextField()


@dataclass
class WorkerMessage:
    activation_id: int


class RulebookConsumer(AsyncWebsocketConsumer):
    async def handle_workers(self, message: WorkerMessage):
        rulesets = await self.get_resources(message.activation_id)
        token = await self.get_token(message)
        await self.send(text_data=rulesets)
        await self.send(text_data=token)

    @database_sync_to_async
    def get_resources(self, activation_id):
        instance = ActivationInstance.objects.get(id=activation_id)
        return instance.activation.rulesets

    @database_sync_to_async
    def get_token(self, message):
        instance = ActivationInstance.objects.get(id=message.activation_id)
        token = ControllerToken.objects.filter(user_id=instance.activation.user_id).first()
        return token.token if token else ""
