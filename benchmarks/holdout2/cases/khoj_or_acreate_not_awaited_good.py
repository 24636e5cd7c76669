"""Fixed: the fallback is awaited too."""

from django.db import models


class Conversation(models.Model):
    user_id = models.IntegerField()
    updated_at = models.DateTimeField(auto_now=True)


class Conversations:
    @staticmethod
    async def latest_for(user_id: int, conversation_id=None):
        if conversation_id:
            return await Conversation.objects.filter(user_id=user_id, id=conversation_id).afirst()
        return await (
            Conversation.objects.filter(user_id=user_id).order_by("-updated_at").afirst()
        ) or await Conversation.objects.acreate(user_id=user_id)
