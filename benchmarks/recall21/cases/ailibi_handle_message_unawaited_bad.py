"""Recall reduction (recall21): the interrogation chat consumer's ``receive`` calls its own
``@sync_to_async`` method ``handle_message(data)`` without await and puts the coroutine into
``json.dumps``: TypeError, caught, and the player only ever gets the apology. Our own minimal rewrite of
the shape, not upstream code."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer


class InterrogationConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data):
        try:
            data = json.loads(text_data)
            response = self.handle_message(data)  # [async-call-not-awaited]
            await self.send(json.dumps({"message": response}))
        except Exception:
            await self.send(json.dumps({"message": "sorry, something went wrong"}))

    @sync_to_async
    def handle_message(self, data):
        if "message" not in data:
            raise ValueError("no message")
        return f"received: {data['message']}"
