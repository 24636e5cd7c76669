"""Fixed form of aeche_record_move_on_loop: the manager's methods run in a worker thread. Our own minimal rewrite, not
upstream code."""

import json
from typing import Optional

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from sudoku_race.models import RaceSession
from sudoku_race.state import RaceStateManager


class RaceConsumer(AsyncWebsocketConsumer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.race: Optional[RaceStateManager] = None
        self.group_name: Optional[str] = None

    async def connect(self):
        self.user = self.scope["user"]
        self.group_name = f"race_{self.scope['url_route']['kwargs']['code']}"
        session = await RaceSession.objects.aget(pk=self.scope["url_route"]["kwargs"]["session_id"])
        self.race = RaceStateManager(session)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def start_race(self):
        success, started = await sync_to_async(self.race.start)()
        if success:
            await self.channel_layer.group_send(self.group_name, {"type": "race.started", "at": started})

    async def receive(self, text_data):
        data = json.loads(text_data)
        ok = await sync_to_async(self.race.record_move)(self.user.pk, data["cell"], data["value"])
        if not ok:
            await self.send(json.dumps({"error": "move not recorded"}))
