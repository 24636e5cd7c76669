"""Fixed shape of megagame_stats_edit_first_save_bad.py: the query and the write run in a worker thread."""

from asgiref.sync import sync_to_async

from bot.plugins.base import BasePlugin

from .models import Note


class Plugin(BasePlugin):
    async def on_message_edit(self, before, after):
        note = await sync_to_async(Note.objects.filter(message_id=before.id).first)()
        if note is None:
            return
        note.text = after.content
        await sync_to_async(note.save)()
