"""Recall reduction (recall15): the bot's ``async def`` command that adds an invite rule gets or creates
the rule through a ``sync_to_async`` wrapper, then rewrites its many-to-many roles with ``clear()`` and
``add()`` directly: both writes run on the bot's event loop. Our own minimal rewrite of the shape, not
upstream code."""

from asgiref.sync import sync_to_async
from django.db import models


class Role(models.Model):
    discord_id = models.BigIntegerField()


class InviteRule(models.Model):
    code = models.CharField(max_length=20)
    roles = models.ManyToManyField(Role)


async def add_rule(message, code, roles):
    rule, _ = await sync_to_async(InviteRule.objects.get_or_create)(code=code)
    rule.roles.clear()  # [sync-orm-call-in-async]
    rule.roles.add(*roles)  # [sync-orm-call-in-async]
    await message.channel.send("Rule saved.")
