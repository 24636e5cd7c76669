"""Recall reduction (recall21): the quiz game's question consumer joins the room's group with
``self.channel_layer.group_add(...)`` as a statement: the coroutine is dropped, the socket never joins
the group and no question broadcast reaches it. Our own minimal rewrite of the shape, not upstream
code."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class QuestionConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.room_name = self.scope["url_route"]["kwargs"]["room_name"]
        self.room_group_name = f"game_{self.room_name}"
        self.channel_layer.group_add(self.room_group_name, self.channel_name)  # [async-call-not-awaited]
        await self.accept()

    async def send_message(self, event):
        await self.send_json(event["message"])
