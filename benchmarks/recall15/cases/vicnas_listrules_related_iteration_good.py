"""Fixed shape of vicnas_listrules_related_iteration_bad.py: the filtered roles are loaded in a worker
thread."""

from asgiref.sync import sync_to_async
from django.db import models


class Role(models.Model):
    name = models.CharField(max_length=100)
    is_deleted = models.BooleanField(default=False)


class InviteRule(models.Model):
    server_id = models.BigIntegerField()
    roles = models.ManyToManyField(Role)


async def list_rules(message, server_id):
    rules = await sync_to_async(lambda: list(InviteRule.objects.filter(server_id=server_id).prefetch_related("roles")))()
    for rule in rules:
        active = await sync_to_async(lambda: list(rule.roles.filter(is_deleted=False)))()
        names = ", ".join([r.name for r in active])
        await message.channel.send(names or "None")
