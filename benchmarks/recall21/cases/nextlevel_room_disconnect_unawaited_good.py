"""Fixed form of nextlevel_room_disconnect_unawaited. Our own minimal rewrite, not upstream code."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.cache import cache


class GameConsumer(AsyncWebsocketConsumer):
    async def disconnect(self, close_code):
        await self.channel_layer.group_discard(self.game_group, self.channel_name)
        await self.handle_room_disconnect()

    async def handle_room_disconnect(self):
        room = await cache.aget(f"room_{self.game_id}")
        if room:
            await cache.adelete(f"room_{self.game_id}")
