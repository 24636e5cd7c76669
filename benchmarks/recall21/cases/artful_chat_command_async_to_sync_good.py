"""Fixed form of artful_chat_command_async_to_sync: the handler runs in a worker thread, where
``async_to_sync`` is allowed. Our own minimal rewrite, not upstream code."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from mine_chat.commands import handle_chat


class ChatConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data):
        data = json.loads(text_data)
        data["game"] = self.game_code
        regular = await sync_to_async(handle_chat)(data)
        if regular[0] is True:
            await self.channel_layer.group_send(self.group, {"type": "chat.message", "message": data["message"]})
