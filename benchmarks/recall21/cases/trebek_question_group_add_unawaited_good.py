"""Fixed form of trebek_question_group_add_unawaited. Our own minimal rewrite, not upstream code."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class QuestionConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.room_name = self.scope["url_route"]["kwargs"]["room_name"]
        self.room_group_name = f"game_{self.room_name}"
        await self.channel_layer.group_add(self.room_group_name, self.channel_name)
        await self.accept()

    async def send_message(self, event):
        await self.send_json(event["message"])
