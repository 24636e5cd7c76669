"""Recall reduction (recall20): a Channels ``AsyncWebsocketConsumer`` translates every server message
into the user's language with the project's plain ``translate_text()``, which calls googletrans and, on
failure, DeepL through requests: each notification blocks the event loop for a network round trip.
Our own minimal rewrite of the shape, not upstream code."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from tr_utils.translate import translate_text


class NotificationConsumer(AsyncWebsocketConsumer):
    async def user_message(self, event):
        message = event["message"]
        language = await sync_to_async(lambda: self.scope["user"].profile.language or "en")()
        try:
            message["message"] = translate_text(message["message"], language)  # [missing-sync-to-async]
        except Exception as error:
            print(f"Translation failed: {error}")
        await self.send(text_data=json.dumps(message))
