"""Fixed shape of cjw_consumer_workflow_property_bad.py: the lookup runs in Channels' database thread."""

from channels.db import database_sync_to_async
from channels.exceptions import DenyConnection
from channels.generic.websocket import AsyncJsonWebsocketConsumer


class BoardConsumer(AsyncJsonWebsocketConsumer):
    @property
    def board_id(self):
        return int(self.scope["url_route"]["kwargs"]["board_id"])

    @database_sync_to_async
    def get_board(self):
        from boards.models import Board

        try:
            return Board.objects.get(pk=self.board_id, owner=self.scope["user"])
        except Board.DoesNotExist:
            return None

    async def connect(self):
        if await self.get_board() is None:
            raise DenyConnection()
        await self.channel_layer.group_add(f"board-{self.board_id}", self.channel_name)
        await self.accept()
