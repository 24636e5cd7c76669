"""Fixed: the database_sync_to_async method is awaited (and gets the id it needs)."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer


class JobEvents(AsyncJsonWebsocketConsumer):
    @database_sync_to_async
    def can_see(self, access, oid):
        return access.get_queryset().filter(pk=oid).exists()

    async def receive_json(self, content, **kwargs):
        access = content["access"]
        for oid in content.get("ids", []):
            if not await self.can_see(access, oid):
                await self.send_json({"error": "denied"})
                continue
            await self.channel_layer.group_add(f"job-{oid}", self.channel_name)
