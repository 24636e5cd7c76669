"""Fixed shape of slivnyi_create_user_eager_wrapper_bad.py: upstream moved the bot to a synchronous
library (the handler is a plain function, no event loop); the async equivalent awaits the wrapped
function."""

from asgiref.sync import sync_to_async
from django.db import models


class BotUser(models.Model):
    user_id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=255)


def register(update):
    BotUser.objects.update_or_create(user_id=update.effective_user.id, defaults={"name": update.effective_user.first_name})


async def start_handler(update, context):
    await sync_to_async(register)(update)
