"""An LLM tutor served over Server-Sent Events by a Channels `AsyncHttpConsumer`. The base consumer's
async `handle()` builds the bot through `self.create_chatbot(...)`, an abstract method that each
consumer subclass implements; the tutor's implementation constructs a bot whose `__init__` fetches
the problem set from a content API with `requests.get`: a blocking HTTP call on the event loop for
every tutor message."""

from abc import ABC, abstractmethod

import requests
from channels.generic.http import AsyncHttpConsumer
from django.conf import settings


def fetch_problem(module_id):
    response = requests.get(settings.CONTENT_API_URL, params={"module_id": module_id}, timeout=10)
    return response.json()["results"][0]["content"]


class TutorBot:
    def __init__(self, user_id, module_id):
        self.user_id = user_id
        self.problem = fetch_problem(module_id)

    async def get_completion(self, message):
        yield f"{self.problem}: {message}"


class BaseBotConsumer(ABC, AsyncHttpConsumer):
    @abstractmethod
    def create_chatbot(self, data):
        """Return the bot that answers this request."""

    async def handle(self, body):
        data = {"module_id": body.decode(), "message": "hint"}
        await self.send_headers(headers=[(b"Content-Type", b"text/event-stream")])
        bot = self.create_chatbot(data)  # [missing-sync-to-async]
        async for chunk in bot.get_completion(data["message"]):
            await self.send_body(chunk.encode(), more_body=True)
        await self.send_body(b"", more_body=False)


class TutorBotConsumer(BaseBotConsumer):
    def create_chatbot(self, data):
        return TutorBot(self.scope["user"].pk, data["module_id"])
