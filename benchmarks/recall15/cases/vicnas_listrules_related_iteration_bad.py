"""Recall reduction (recall15): the bot's ``async def`` command that lists invite rules loads the rules
(with their roles prefetched) in a worker thread, then, per rule, iterates ``rule.roles.filter(...)`` in
a list comprehension: a new query (the prefetch does not cover a filter) evaluated on the bot's event
loop. Our own minimal rewrite of the shape, not upstream code."""

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
        names = ", ".join([r.name for r in rule.roles.filter(is_deleted=False)])  # [sync-queryset-evaluation-in-async]
        await message.channel.send(names or "None")
