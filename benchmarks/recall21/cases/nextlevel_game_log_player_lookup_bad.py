"""Recall reduction (recall21): when a pong match ends the consumer's ``async def`` writes the match log and
looks each player up through the model's ``by_login`` classmethod -- a query on the event loop
(SynchronousOnlyOperation; the ``except`` logs it and nothing is saved). Our own minimal rewrite of the
shape, not upstream code."""

import logging

from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone

from pong_log.models import MatchLog, Player, PlayerMatchLog

logger = logging.getLogger(__name__)


class MatchConsumer(AsyncWebsocketConsumer):
    async def save_match(self, players, scores):
        try:
            match = await MatchLog.objects.acreate(started=timezone.now())
            for number, entry in enumerate(players, 1):
                player = Player.by_login(entry["login"])  # [missing-sync-to-async]
                if player:
                    await PlayerMatchLog.objects.acreate(player=player, match=match, score=scores[number - 1])
        except Exception as error:
            logger.error("saving the match failed: %s", error)
