"""An async API endpoint renames a conversation and calls asave() without await: the title is
never stored, though the response says it was."""

from django.db import models


class Conversation(models.Model):
    title = models.CharField(max_length=200, null=True)


async def make_title(conversation) -> str:
    return "A title"


async def generate_title(conversation_id: int) -> dict:
    conversation = await Conversation.objects.aget(pk=conversation_id)
    conversation.title = await make_title(conversation)
    conversation.asave()  # [async-call-not-awaited]
    return {"status": "ok", "title": conversation.title}
