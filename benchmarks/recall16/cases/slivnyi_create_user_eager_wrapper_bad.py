"""Recall reduction (recall16): a python-telegram-bot v20 ``/start`` handler calls a sync helper of the
same module, which hands ``sync_to_async`` the *result* of ``update_or_create(...)`` instead of the
function: the query runs right there, on the event loop (SynchronousOnlyOperation), and the wrapper is
never awaited. Our own minimal rewrite of the shape, not upstream code."""

from asgiref.sync import sync_to_async
from django.db import models


class BotUser(models.Model):
    user_id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=255)


def register(update):
    sync_to_async(BotUser.objects.update_or_create(user_id=update.effective_user.id, defaults={"name": update.effective_user.first_name}))  # [sync-to-async-called-not-passed]


async def start_handler(update, context):
    register(update)  # [missing-sync-to-async]
