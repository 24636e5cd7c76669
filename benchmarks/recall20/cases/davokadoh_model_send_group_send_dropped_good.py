"""Fixed form of davokadoh_model_send_group_send_dropped (recall20): ``send`` and ``pause`` are coroutine
functions that await the layer (the consumer awaits ``pause``)."""

from channels.layers import get_channel_layer
from django.db import models


class Game(models.Model):
    status = models.CharField(max_length=10, default="play")

    async def send(self, content):
        await get_channel_layer().group_send(f"game_{self.pk}", content)

    async def pause(self, player):
        self.status = "pause"
        await self.send({"type": "game_pause", "by_player": player.username})
