"""Fixed form of nextlevel_game_log_player_lookup: the classmethod runs in a worker thread through a
``@sync_to_async`` method. Our own minimal rewrite, not upstream code."""

import logging

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone

from pong_log.models import MatchLog, Player, PlayerMatchLog

logger = logging.getLogger(__name__)


class MatchConsumer(AsyncWebsocketConsumer):
    @sync_to_async
    def player_by_login(self, login):
        return Player.by_login(login)

    async def save_match(self, players, scores):
        try:
            match = await MatchLog.objects.acreate(started=timezone.now())
            for number, entry in enumerate(players, 1):
                player = await self.player_by_login(entry["login"])
                if player:
                    await PlayerMatchLog.objects.acreate(player=player, match=match, score=scores[number - 1])
        except Exception as error:
            logger.error("saving the match failed: %s", error)
