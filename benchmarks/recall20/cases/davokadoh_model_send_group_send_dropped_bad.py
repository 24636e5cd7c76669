"""Recall reduction (recall20): a pong ``Game`` model broadcasts its status with a plain ``def send()``
that calls ``get_channel_layer().group_send(...)`` as a statement: the layer's coroutine is dropped, so
no player ever receives the pause. Our own minimal rewrite of the shape, not upstream code."""

from channels.layers import get_channel_layer
from django.db import models


class Game(models.Model):
    status = models.CharField(max_length=10, default="play")

    def send(self, content):
        get_channel_layer().group_send(f"game_{self.pk}", content)  # [async-call-not-awaited]

    def pause(self, player):
        self.status = "pause"
        self.send({"type": "game_status", "status": self.status})
