"""Fixed form of nextlevel_await_sync_cache_set. Our own minimal rewrite, not upstream code."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.cache import cache


class PongConsumer(AsyncWebsocketConsumer):
    async def game_end(self, event):
        await self.send(text_data=json.dumps({"type": "game_end", "winner": event["winner"]}))
        await sync_to_async(cache.set)(f"game_status_{self.game_id}", False, timeout=180)
        await self.save_log(event["winner"])

    async def save_log(self, winner):
        await self.channel_layer.group_send("logs", {"type": "log.winner", "winner": winner})
