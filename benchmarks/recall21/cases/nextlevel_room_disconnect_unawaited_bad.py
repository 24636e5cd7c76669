"""Recall reduction (recall21): the game consumer's ``disconnect`` calls its own coroutine method
``handle_room_disconnect()`` as a statement: the coroutine is dropped, so a player who leaves never
frees the tournament room. Our own minimal rewrite of the shape, not upstream code."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.cache import cache


class GameConsumer(AsyncWebsocketConsumer):
    async def disconnect(self, close_code):
        await self.channel_layer.group_discard(self.game_group, self.channel_name)
        self.handle_room_disconnect()  # [async-call-not-awaited]

    async def handle_room_disconnect(self):
        room = await cache.aget(f"room_{self.game_id}")
        if room:
            await cache.adelete(f"room_{self.game_id}")
