"""Fixed shape: an async generator reads the stream with aiohttp."""

import json

import aiohttp


class CustomLLMPredictor:
    def __init__(self, endpoint):
        self.url = f"{endpoint}/generate_stream"

    async def _agenerate_stream(self, prompt):
        async with aiohttp.ClientSession(raise_for_status=True) as session:
            async with session.post(self.url, json={"prompt": prompt}) as response:
                while True:
                    line = await response.content.readuntil(b"\0")
                    if not line:
                        break
                    yield json.loads(line.strip(b"\0").decode("utf-8"))["text"]

    async def agenerate_stream(self, prompt):
        async for tokens in self._agenerate_stream(prompt):
            yield tokens
