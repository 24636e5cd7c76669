"""Held-out reduction (holdout13), fixed shape: the queue and its group are loaded with the async ORM
twins. Must stay silent."""

import asyncio

from django.utils import timezone

from rota.models import Channel, Rota


async def notify(rota_id, thread_id):
    await asyncio.sleep(0)


async def plan_reminders(rota_id: int, channel_id: int):
    rota = await Rota.objects.aget(pk=rota_id)
    channel = await Channel.objects.aget(pk=channel_id)
    if rota.starts_at > timezone.now():
        await asyncio.sleep((rota.starts_at - timezone.now()).seconds)
    await notify(rota.pk, channel.thread_id)
