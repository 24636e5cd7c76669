"""Recall reduction (recall22): Channels issue #1074 ('pending_message_store.send_and_flush missing in
Channels 2'): a websocket consumer sends a message and then pauses with ``time.sleep(3)``; the
reporter found the message held back, and the maintainer's answer: in an async consumer always sleep
with ``await asyncio.sleep``, a plain sleep blocks the whole process. Our own minimal rewrite."""

import time

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class SessionCoreConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        await self.send_json({"state": "waiting", "session": content.get("session")})
        time.sleep(3)  # [blocking-call-in-async]
        await self.send_json({"state": "resumed"})
