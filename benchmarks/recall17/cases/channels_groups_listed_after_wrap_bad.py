"""Recall reduction (recall17, django/channels issue 1916): an async websocket consumer hands the bound
manager method ``Group.objects.all`` to ``sync_to_async`` and lists the result on the loop. The worker
thread only builds the lazy QuerySet; ``list()`` then runs the query on the event loop
(SynchronousOnlyOperation). Our own minimal rewrite of the reported shape, not upstream code."""

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import Group


class GroupsConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        groups = await sync_to_async(Group.objects.all)()  # [lazy-queryset-from-sync-to-async]
        names = [group.name for group in list(groups)]  # [sync-queryset-evaluation-in-async]
        await self.send(text_data=",".join(names))
