"""An async adapter returns the user's latest conversation or creates one; the fallback acreate()
in the `or` is not awaited, so a user with no conversation gets a coroutine back."""

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
        ) or Conversation.objects.acreate(user_id=user_id)  # [async-call-not-awaited]
