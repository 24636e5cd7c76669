"""Recall reduction (recall21): the minesweeper game consumer reads the game state from the (Redis)
Django cache with the sync ``cache.get()`` on connect: network I/O that blocks the event loop for every
socket. Our own minimal rewrite of the shape, not upstream code."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.cache import cache


class GameConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.game_id = self.scope["url_route"]["kwargs"]["game_id"]
        await self.channel_layer.group_add(self.game_id, self.channel_name)
        await self.accept()
        game_state = cache.get(f"game:{self.game_id}")  # [sync-cache-call-in-async]
        if game_state and len(game_state["players"]) >= 2:
            await self.channel_layer.group_send(self.game_id, {"type": "send.game", "data": game_state})
