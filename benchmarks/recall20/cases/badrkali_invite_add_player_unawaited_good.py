"""Fixed form of badrkali_invite_add_player_unawaited (recall20): the coroutine method is awaited."""

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db.models import Q


class GameState:
    def __init__(self):
        self.players = {}

    async def add_player(self, username, room):
        self.players[username] = await sync_to_async(lambda: room.player1_id)()


class GameStateManager:
    def __init__(self):
        self.states = {}

    def get_or_create(self, room_id):
        if room_id not in self.states:
            self.states[room_id] = GameState()
        return self.states[room_id]


manager = GameStateManager()


class GameConsumer(AsyncWebsocketConsumer):
    async def join_invited_room(self):
        from pong_rooms.models import Match
        room = await sync_to_async(lambda: Match.objects.filter(Q(pk=self.room_id)).first())()
        if room:
            self.group_name = f"game_room_{room.id}"
            await self.channel_layer.group_add(self.group_name, self.channel_name)
            self.game_state = manager.get_or_create(room.id)
            await self.game_state.add_player("", room)
            await self.channel_layer.group_send(self.group_name, {"type": "start_game"})
