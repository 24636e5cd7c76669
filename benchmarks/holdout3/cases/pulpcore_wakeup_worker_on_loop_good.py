"""Fixed: the sync notification helper runs in a thread through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import connection, models

WAKEUP_UNBLOCK = "unblock"


class Task(models.Model):
    name = models.CharField(max_length=100)
    state = models.CharField(max_length=20, default="waiting")


def wakeup_worker(reason):
    with connection.connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify('worker_wakeup', %s)", (reason,))


async def adispatch(name, immediate=False):
    task = await Task.objects.acreate(name=name)
    send_wakeup = bool(immediate)
    if send_wakeup:
        await sync_to_async(wakeup_worker)(WAKEUP_UNBLOCK)
    return task
