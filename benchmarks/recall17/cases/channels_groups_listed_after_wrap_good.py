"""Fixed shape of channels_groups_listed_after_wrap: the QuerySet is evaluated inside the worker thread
(the maintainer's advice: force evaluation inside the sync_to_async call)."""

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import Group


class GroupsConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        groups = await sync_to_async(list)(Group.objects.all())
        names = [group.name for group in groups]
        await self.send(text_data=",".join(names))
