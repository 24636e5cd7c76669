"""Fixed shape of cryptobot_start_get_or_create_bad.py: the lookup goes through ``sync_to_async``."""

from asgiref.sync import sync_to_async
from django.db import models


class Subscriber(models.Model):
    telegram_id = models.BigIntegerField(unique=True)


async def on_start(message):
    subscriber, created = await sync_to_async(Subscriber.objects.get_or_create)(telegram_id=message.from_user.id)
    await message.answer("Welcome!" if created else "Welcome back!")
