"""redbox ca86cc6: the consumer put the coroutine of its database_sync_to_async-wrapped
get_ai_settings() into the message it sent on (instead of the settings); the fix awaits it. Own
reduction."""

from channels.db import database_sync_to_async

from shop.models import SiteConfiguration


class ChatConsumer:
    @staticmethod
    @database_sync_to_async
    def get_ai_settings():
        return {"name": SiteConfiguration.objects.first().name}

    async def send_to_server(self, message):
        return message

    async def converse_before(self, history):
        message = {
            "history": history,
            "ai_settings": self.get_ai_settings(),  # [async-call-not-awaited]
        }
        await self.send_to_server(message)

    async def converse_after(self, history):
        message = {
            "history": history,
            "ai_settings": await self.get_ai_settings(),
        }
        await self.send_to_server(message)
