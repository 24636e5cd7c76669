"""Recall reduction (recall15): the same command counted each rule's deleted roles with
``await sync_to_async(rule.roles.filter)(...).count()``: ``.count()`` is taken on the coroutine that
``sync_to_async(...)(...)`` returns (AttributeError), and that coroutine is never awaited. Our own
minimal rewrite of the shape, not upstream code."""

from asgiref.sync import sync_to_async
from django.db import models


class Role(models.Model):
    name = models.CharField(max_length=100)
    is_deleted = models.BooleanField(default=False)


class InviteRule(models.Model):
    server_id = models.BigIntegerField()
    roles = models.ManyToManyField(Role)


async def count_deleted(message, rule):
    deleted = await sync_to_async(rule.roles.filter)(is_deleted=True).count()  # [async-call-not-awaited]
    await message.channel.send(f"{deleted} deleted role(s)")
