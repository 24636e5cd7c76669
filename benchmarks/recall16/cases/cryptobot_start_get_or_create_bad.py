"""Recall reduction (recall16): an aiogram 3 ``/start`` handler (the bot calls ``django.setup()`` in its
entry point) registers the sender with the manager's ``get_or_create()`` directly: SynchronousOnlyOperation
on the bot's loop. Our own minimal rewrite of the shape, not upstream code."""

from django.db import models


class Subscriber(models.Model):
    telegram_id = models.BigIntegerField(unique=True)


async def on_start(message):
    subscriber, created = Subscriber.objects.get_or_create(telegram_id=message.from_user.id)  # [sync-orm-call-in-async]
    await message.answer("Welcome!" if created else "Welcome back!")
