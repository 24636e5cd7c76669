"""redbox 7cd3b4c: a throttled chat consumer called its own async send_to_client() without await, so the
"queued" notice was never sent; the fix awaits it. Own reduction."""

import asyncio
import json


class ChatConsumer:
    async def send_to_client(self, kind, data=None):
        await self.send(text_data=json.dumps({"type": kind, "data": data}))

    async def send(self, text_data):
        print(text_data)

    async def throttle_before(self, delay):
        if delay > 1:
            self.send_to_client("info", "your message is queued")  # [async-call-not-awaited]
            await asyncio.sleep(delay)

    async def throttle_after(self, delay):
        if delay > 1:
            await self.send_to_client("info", "your message is queued")
            await asyncio.sleep(delay)
