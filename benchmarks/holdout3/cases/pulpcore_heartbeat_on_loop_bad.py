"""The aiohttp content server starts a heartbeat coroutine with asyncio.ensure_future. Every few
seconds it fetches-or-creates its status row and, when the row existed, calls a model method that
saves a new timestamp: ORM reads and writes on the event loop that serves all downloads (the content
app set DJANGO_ALLOW_ASYNC_UNSAFE, so it only stalled, it did not raise)."""

import asyncio
import os
import socket

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
        status, created = ContentAppStatus.objects.get_or_create(name=name)  # [sync-orm-call-in-async]
        if not created:
            status.save_heartbeat()  # [missing-sync-to-async]
        await asyncio.sleep(interval)


async def server(app):
    asyncio.ensure_future(_heartbeat())
    return app
