"""Recall reduction (recall15): a python-telegram-bot ``async def`` command handler checks that the
sender has a profile with the model's ``aget()``, but without ``await``: the coroutine is dropped, the
lookup never runs and its ``DoesNotExist`` can never be caught. Our own minimal rewrite of the shape, not
upstream code."""

from django.db import models


class ChatProfile(models.Model):
    chat_id = models.BigIntegerField(unique=True)


async def start_tracking(update, context):
    context.user_data.clear()
    try:
        ChatProfile.objects.aget(chat_id=update.effective_user.id)  # [async-call-not-awaited]
    except ChatProfile.DoesNotExist:
        await update.message.reply_text("Link your account first.")
    await update.message.reply_text("Pick a term.")
