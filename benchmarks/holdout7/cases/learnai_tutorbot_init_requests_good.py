"""Fixed shape: the constructor only records its arguments; the problem is fetched by an async method
with an async HTTP client before the first completion."""

from abc import ABC, abstractmethod

import httpx
from channels.generic.http import AsyncHttpConsumer
from django.conf import settings


async def fetch_problem(module_id):
    async with httpx.AsyncClient() as client:
        response = await client.get(settings.CONTENT_API_URL, params={"module_id": module_id}, timeout=10)
    return response.json()["results"][0]["content"]


class TutorBot:
    def __init__(self, user_id, module_id):
        self.user_id = user_id
        self.module_id = module_id
        self.problem = None

    async def load_problem(self):
        if self.problem is None:
            self.problem = await fetch_problem(self.module_id)

    async def get_completion(self, message):
        await self.load_problem()
        yield f"{self.problem}: {message}"


class BaseBotConsumer(ABC, AsyncHttpConsumer):
    @abstractmethod
    def create_chatbot(self, data):
        """Return the bot that answers this request."""

    async def handle(self, body):
        data = {"module_id": body.decode(), "message": "hint"}
        await self.send_headers(headers=[(b"Content-Type", b"text/event-stream")])
        bot = self.create_chatbot(data)
        async for chunk in bot.get_completion(data["message"]):
            await self.send_body(chunk.encode(), more_body=True)
        await self.send_body(b"", more_body=False)


class TutorBotConsumer(BaseBotConsumer):
    def create_chatbot(self, data):
        return TutorBot(self.scope["user"].pk, data["module_id"])
