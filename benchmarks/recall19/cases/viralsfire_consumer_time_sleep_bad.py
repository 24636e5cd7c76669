"""Recall reduction (recall19): an article on blocking in Django Channels: a chat
``AsyncWebsocketConsumer``'s ``receive`` runs a time-consuming step as ``time.sleep(5)`` before
broadcasting to the room group: every connection on that loop stalls for five seconds. Our own
minimal rewrite."""

import json
import time

from channels.generic.websocket import AsyncWebsocketConsumer


class ChatConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.room_group_name = f"chat_{self.scope['url_route']['kwargs']['room_name']}"
        await self.channel_layer.group_add(self.room_group_name, self.channel_name)
        await self.accept()

    async def receive(self, text_data):
        message = json.loads(text_data)["message"]
        time.sleep(5)  # [blocking-call-in-async]
        await self.channel_layer.group_send(self.room_group_name, {"type": "chat_message", "message": message})

    async def chat_message(self, event):
        await self.send(text_data=json.dumps({"message": event["message"]}))
