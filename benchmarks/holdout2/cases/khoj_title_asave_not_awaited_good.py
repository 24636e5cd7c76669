"""Fixed: asave() is awaited."""

from django.db import models


class Conversation(models.Model):
    title = models.CharField(max_length=200, null=True)


async def make_title(conversation) -> str:
    return "A title"


async def generate_title(conversation_id: int) -> dict:
    conversation = await Conversation.objects.aget(pk=conversation_id)
    conversation.title = await make_title(conversation)
    await conversation.asave()
    return {"status": "ok", "title": conversation.title}
