"""Fixed shape of petroly_track_aget_unawaited_bad.py: the lookup is awaited."""

from django.db import models


class ChatProfile(models.Model):
    chat_id = models.BigIntegerField(unique=True)


async def start_tracking(update, context):
    context.user_data.clear()
    try:
        await ChatProfile.objects.aget(chat_id=update.effective_user.id)
    except ChatProfile.DoesNotExist:
        await update.message.reply_text("Link your account first.")
    await update.message.reply_text("Pick a term.")
