"""Recall reduction (recall17, django/channels issue 1194): async consumer code calls a sync helper of
the project, and that helper broadcasts with ``async_to_sync(channel_layer.group_send)(...)``: on the
loop's thread asgiref refuses (RuntimeError: You cannot use AsyncToSync in the same thread as an async
event loop - just await the async function directly). Our own minimal rewrite of the reported shape,
not upstream code."""

from asgiref.sync import async_to_sync
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer


def broadcast_status(group, status):
    channel_layer = get_channel_layer()
    async_to_sync(channel_layer.group_send)(group, {"type": "status.update", "status": status})


class StatusConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        group = f"device_{content['device']}"
        broadcast_status(group, content["status"])  # [async-to-sync-in-async]
        await self.send_json({"ok": True})

    async def status_update(self, event):
        await self.send_json(event)
