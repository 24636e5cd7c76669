"""Held-out reduction (holdout13): a Telegram bot (aiogram, run by ``asyncio.run`` from a management
command) schedules the reminders of a queue in a coroutine that loads the queue and its group with the
synchronous ORM ``get()``: on the bot's event loop both raise SynchronousOnlyOperation. Our own minimal
rewrite of the shape, not upstream code."""

import asyncio

from django.utils import timezone

from rota.models import Channel, Rota


async def notify(rota_id, thread_id):
    await asyncio.sleep(0)


async def plan_reminders(rota_id: int, channel_id: int):
    rota = Rota.objects.get(pk=rota_id)  # [sync-orm-call-in-async]
    channel = Channel.objects.get(pk=channel_id)  # [sync-orm-call-in-async]
    if rota.starts_at > timezone.now():
        await asyncio.sleep((rota.starts_at - timezone.now()).seconds)
    await notify(rota.pk, channel.thread_id)
