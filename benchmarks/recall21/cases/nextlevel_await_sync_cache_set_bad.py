"""Recall reduction (recall21): when a pong game ends the consumer marks the game finished in the
(Redis) Django cache with ``await cache.set(...)``: the sync call blocks the event loop, then awaiting
its result raises TypeError (a value, not an awaitable), so the match log after it is never saved. Our
own minimal rewrite of the shape, not upstream code."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.cache import cache


class PongConsumer(AsyncWebsocketConsumer):
    async def game_end(self, event):
        await self.send(text_data=json.dumps({"type": "game_end", "winner": event["winner"]}))
        await cache.set(f"game_status_{self.game_id}", False, timeout=180)  # [sync-cache-call-in-async]
        await self.save_log(event["winner"])

    async def save_log(self, winner):
        await self.channel_layer.group_send("logs", {"type": "log.winner", "winner": winner})
