"""Fixed form of avishek_host_check_unawaited. Our own minimal rewrite, not upstream code."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

import territory.helpers as game_helpers
from territory.models import Arena

arenas = {}


class ArenaConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.user = self.scope["user"]
        self.code = self.scope["url_route"]["kwargs"]["code"]
        try:
            self.arena = await database_sync_to_async(Arena.objects.get)(code=self.code)
        except Arena.DoesNotExist:
            await self.close()
            return
        await self.channel_layer.group_add(f"arena_{self.code}", self.channel_name)
        await self.accept()
        if await game_helpers.is_host(self.arena, self.user) and self.code not in arenas:
            arenas[self.code] = {"players": {self.user.pk: game_helpers.start_position(200, 200)}}
