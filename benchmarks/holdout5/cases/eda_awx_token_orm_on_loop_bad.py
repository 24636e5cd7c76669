"""A Channels consumer answers a rule-engine worker: after loading the rulebook in a thread it looks
up the activation instance and the owner's controller token with the sync ORM directly in the async
handler (a manager get, then a forward foreign key read and a `.first()`), on the event loop."""

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
        instance = ActivationInstance.objects.get(id=message.activation_id)  # [sync-orm-call-in-async]
        token = ControllerToken.objects.filter(user_id=instance.activation.user_id).first()  # [sync-orm-call-in-async]
        await self.send(text_data=rulesets)
        await self.send(text_data=token.token if token else "")

    @database_sync_to_async
    def get_resources(self, activation_id):
        instance = ActivationInstance.objects.get(id=activation_id)
        return instance.activation.rulesets
