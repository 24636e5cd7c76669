"""The LLM predictor's async streaming method iterates the predictor's own sync generator, which
posts to the model server with `requests.post(..., stream=True)` and yields lines as they arrive:
the request and every read of the stream block the event loop; the `await asyncio.sleep(0.1)`
between tokens only slowed the stream down."""

import asyncio
import json

import requests


class CustomLLMPredictor:
    def __init__(self, endpoint):
        self.url = f"{endpoint}/generate_stream"

    def _generate_stream(self, prompt):
        response = requests.post(self.url, json={"prompt": prompt}, stream=True)
        for line in response.iter_lines(delimiter=b"\0"):
            if line:
                yield json.loads(line.decode("utf-8"))["text"]

    async def agenerate_stream(self, prompt):
        for tokens in self._generate_stream(prompt):  # [missing-sync-to-async]
            yield tokens
            await asyncio.sleep(0.1)
