"""Recall reduction (recall14): the same bot plugin logs every new message in an ``async def`` handler
with ``Model.objects.create(...)`` on the event loop: SynchronousOnlyOperation. Our own minimal rewrite
of the shape, not upstream code."""

from bot.plugins.base import BasePlugin

from .models import Note


class Plugin(BasePlugin):
    async def on_message(self, message):
        await super().on_message(message)
        Note.objects.create(  # [sync-orm-call-in-async]
            message_id=message.id,
            text=message.content,
        )
