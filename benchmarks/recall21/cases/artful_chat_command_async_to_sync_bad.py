"""Recall reduction (recall21): the minesweeper game's chat consumer hands each message to the
sibling module's plain ``handle_chat()``; for a command it calls ``run_command()``, which tells the game
group with ``async_to_sync(layer.group_send)`` -- inside the running event loop (RuntimeError: You cannot
use AsyncToSync in the same thread as an async event loop). Our own minimal rewrite of the shape, not
upstream code."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer

from mine_chat.commands import handle_chat


class ChatConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data):
        data = json.loads(text_data)
        data["game"] = self.game_code
        regular = handle_chat(data)  # [async-to-sync-in-async]
        if regular[0] is True:
            await self.channel_layer.group_send(self.group, {"type": "chat.message", "message": data["message"]})
