"""Recall reduction (recall20): a pong player's ``AsyncJsonWebsocketConsumer`` answers a refused pause
with ``self.send_json(...)`` without await: the inherited coroutine method's coroutine is dropped and the
client never hears the refusal. Our own minimal rewrite of the shape, not upstream code."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class PlayerConsumer(AsyncJsonWebsocketConsumer):
    pauses_left = 1

    async def receive_json(self, content, **kwargs):
        if content["type"] == "PAUSE":
            if self.pauses_left > 0:
                self.pauses_left -= 1
                await self.channel_layer.group_send(self.group, {"type": "game_pause"})
            else:
                self.send_json({"type": "pause_refused"})  # [async-call-not-awaited]

    async def game_pause(self, event):
        await self.send_json(event)
