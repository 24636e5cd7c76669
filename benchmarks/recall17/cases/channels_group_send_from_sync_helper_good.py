"""Fixed shape of channels_group_send_from_sync_helper (the maintainer's advice): await the channel
layer directly from the async code."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class StatusConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        group = f"device_{content['device']}"
        await self.channel_layer.group_send(group, {"type": "status.update", "status": content["status"]})
        await self.send_json({"ok": True})

    async def status_update(self, event):
        await self.send_json(event)
