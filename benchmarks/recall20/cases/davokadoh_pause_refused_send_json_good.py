"""Fixed form of davokadoh_pause_refused_send_json (recall20): the send is awaited."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class PlayerConsumer(AsyncJsonWebsocketConsumer):
    pauses_left = 1

    async def receive_json(self, content, **kwargs):
        if content["type"] == "PAUSE":
            if self.pauses_left > 0:
                self.pauses_left -= 1
                await self.channel_layer.group_send(self.group, {"type": "game_pause"})
            else:
                await self.send_json({"type": "pause_refused"})

    async def game_pause(self, event):
        await self.send_json(event)
