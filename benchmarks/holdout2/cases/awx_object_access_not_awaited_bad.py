"""A websocket consumer checks that the user may see an object before joining its group. The check
is a method decorated with database_sync_to_async, so calling it returns a coroutine; used without
await in `if not ...`, the coroutine is always truthy and the access check never denies."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer


class JobEvents(AsyncJsonWebsocketConsumer):
    @database_sync_to_async
    def can_see(self, access, oid):
        return access.get_queryset().filter(pk=oid).exists()

    async def receive_json(self, content, **kwargs):
        access = content["access"]
        for oid in content.get("ids", []):
            if not self.can_see(access):  # [async-call-not-awaited]
                await self.send_json({"error": "denied"})
                continue
            await self.channel_layer.group_add(f"job-{oid}", self.channel_name)
