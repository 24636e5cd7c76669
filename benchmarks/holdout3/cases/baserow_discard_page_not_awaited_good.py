"""Fixed: the consumer awaits its own coroutine method."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class CoreConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.channel_layer.group_add("users", self.channel_name)

    async def discard_current_page(self):
        page = self.scope.get("page")
        if not page:
            return
        group_name = page.get_group_name(**self.scope["page_parameters"])
        await self.channel_layer.group_discard(group_name, self.channel_name)
        del self.scope["page"]
        await self.send_json({"type": "page_discard", "page": page.type})

    async def disconnect(self, message):
        await self.discard_current_page()
        await self.channel_layer.group_discard("users", self.channel_name)
