"""Fixed form of zerox_translate_helper_in_consumer (recall20): the helper runs in a worker thread."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from tr_utils.translate import translate_text


class NotificationConsumer(AsyncWebsocketConsumer):
    async def user_message(self, event):
        message = event["message"]
        language = await sync_to_async(lambda: self.scope["user"].profile.language or "en")()
        try:
            message["message"] = await sync_to_async(translate_text)(message["message"], language)
        except Exception as error:
            print(f"Translation failed: {error}")
        await self.send(text_data=json.dumps(message))
