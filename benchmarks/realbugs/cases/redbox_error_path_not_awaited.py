"""redbox 9f600c1: on a malformed scope the async consumer called close() and its own async
send_to_client() without await, so neither happened before the re-raise; the fix awaits both.
Own reduction."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer


class ChatConsumer(AsyncWebsocketConsumer):
    async def send_to_client(self, kind, data=None):
        await self.send(text_data=json.dumps({"type": kind, "data": data}))

    async def receive_before(self, text_data=None, bytes_data=None):
        try:
            chat_id = self.scope["url_route"]["kwargs"]["chat_id"]
        except KeyError:
            self.close()  # [async-call-not-awaited]
            self.send_to_client("error", "something went wrong")  # [async-call-not-awaited]
            raise
        return chat_id

    async def receive_after(self, text_data=None, bytes_data=None):
        try:
            chat_id = self.scope["url_route"]["kwargs"]["chat_id"]
        except KeyError:
            await self.close()
            await self.send_to_client("error", "something went wrong")
            raise
        return chat_id
