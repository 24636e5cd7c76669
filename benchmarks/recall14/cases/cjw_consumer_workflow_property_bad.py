"""Recall reduction (recall14): a Channels ``AsyncJsonWebsocketConsumer`` checks access in ``connect()`` by
reading a property of the consumer that loads the workflow with the synchronous ORM (the model imported
inside the property): the query runs on the event loop. Our own minimal rewrite of the shape, not upstream
code."""

from channels.exceptions import DenyConnection
from channels.generic.websocket import AsyncJsonWebsocketConsumer


class BoardConsumer(AsyncJsonWebsocketConsumer):
    @property
    def board_id(self):
        return int(self.scope["url_route"]["kwargs"]["board_id"])

    @property
    def board(self):
        from boards.models import Board

        try:
            return Board.objects.get(pk=self.board_id, owner=self.scope["user"])
        except Board.DoesNotExist:
            return None

    async def connect(self):
        if self.board is None:  # [missing-sync-to-async]
            raise DenyConnection()
        await self.channel_layer.group_add(f"board-{self.board_id}", self.channel_name)
        await self.accept()
