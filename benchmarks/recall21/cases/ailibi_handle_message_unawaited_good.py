"""Fixed form of ailibi_handle_message_unawaited. Our own minimal rewrite, not upstream code."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer


class InterrogationConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data):
        try:
            data = json.loads(text_data)
            response = await self.handle_message(data)
            await self.send(json.dumps({"message": response}))
        except Exception:
            await self.send(json.dumps({"message": "sorry, something went wrong"}))

    @sync_to_async
    def handle_message(self, data):
        if "message" not in data:
            raise ValueError("no message")
        return f"received: {data['message']}"
