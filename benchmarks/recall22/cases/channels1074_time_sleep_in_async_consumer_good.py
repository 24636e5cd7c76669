"""Fixed form of channels1074_time_sleep_in_async_consumer_bad.py (the maintainer's answer): the pause
awaits ``asyncio.sleep``."""

import asyncio

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class SessionCoreConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        await self.send_json({"state": "waiting", "session": content.get("session")})
        await asyncio.sleep(3)
        await self.send_json({"state": "resumed"})
