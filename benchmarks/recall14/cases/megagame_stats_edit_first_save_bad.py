"""Recall reduction (recall14): a discord.py bot plugin of a Django project handles a message edit in an
``async def`` event handler (the plugin pool gathers the coroutine on the client's loop) and reads and
writes the logged row with the synchronous ORM: SynchronousOnlyOperation. Our own minimal rewrite of
the shape, not upstream code."""

from bot.plugins.base import BasePlugin

from .models import Note


class Plugin(BasePlugin):
    async def on_message_edit(self, before, after):
        note = Note.objects.filter(message_id=before.id).first()  # [sync-orm-call-in-async]
        if note is None:
            return
        note.text = after.content
        note.save()  # [sync-orm-call-in-async]
