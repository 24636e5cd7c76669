"""Fixed form of artful_game_state_cache_get. Our own minimal rewrite, not upstream code."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.cache import cache


class GameConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.game_id = self.scope["url_route"]["kwargs"]["game_id"]
        await self.channel_layer.group_add(self.game_id, self.channel_name)
        await self.accept()
        game_state = await cache.aget(f"game:{self.game_id}")
        if game_state and len(game_state["players"]) >= 2:
            await self.channel_layer.group_send(self.game_id, {"type": "send.game", "data": game_state})
