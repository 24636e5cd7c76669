"""The async dispatcher creates a task row with the async ORM, then notifies the workers through a
module-level sync helper that runs a raw `pg_notify` on Django's connection: a blocking database call
on the event loop (SynchronousOnlyOperation once the connection is touched from the loop)."""

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
        wakeup_worker(WAKEUP_UNBLOCK)  # [missing-sync-to-async]
    return task
