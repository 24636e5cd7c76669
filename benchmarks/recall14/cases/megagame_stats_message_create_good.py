"""Fixed shape of megagame_stats_message_create_bad.py: the insert runs in a worker thread."""

from asgiref.sync import sync_to_async

from bot.plugins.base import BasePlugin

from .models import Note


class Plugin(BasePlugin):
    async def on_message(self, message):
        await super().on_message(message)
        await sync_to_async(Note.objects.create)(
            message_id=message.id,
            text=message.content,
        )
