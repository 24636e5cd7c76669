"""Fixed: both ORM steps run in a thread (upstream first used loop.run_in_executor, later
sync_to_async)."""

import asyncio
import os
import socket

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import models
from django.utils import timezone


class ContentAppStatus(models.Model):
    name = models.TextField(unique=True)
    last_heartbeat = models.DateTimeField(auto_now=True)

    def save_heartbeat(self):
        self.last_heartbeat = timezone.now()
        self.save(update_fields=["last_heartbeat"])


async def _heartbeat():
    name = f"{os.getpid()}@{socket.gethostname()}"
    interval = settings.CONTENT_APP_TTL // 4
    while True:
        status, created = await sync_to_async(ContentAppStatus.objects.get_or_create)(name=name)
        if not created:
            await sync_to_async(status.save_heartbeat)()
        await asyncio.sleep(interval)


async def server(app):
    asyncio.ensure_future(_heartbeat())
    return app
