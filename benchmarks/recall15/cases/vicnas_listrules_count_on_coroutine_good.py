"""Fixed shape of vicnas_listrules_count_on_coroutine_bad.py: the count runs in the worker thread."""

from asgiref.sync import sync_to_async
from django.db import models


class Role(models.Model):
    name = models.CharField(max_length=100)
    is_deleted = models.BooleanField(default=False)


class InviteRule(models.Model):
    server_id = models.BigIntegerField()
    roles = models.ManyToManyField(Role)


async def count_deleted(message, rule):
    deleted = await sync_to_async(lambda: rule.roles.filter(is_deleted=True).count())()
    await message.channel.send(f"{deleted} deleted role(s)")
