"""Fixed shape of vicnas_addrule_m2m_write_bad.py: the many-to-many writes run through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import models


class Role(models.Model):
    discord_id = models.BigIntegerField()


class InviteRule(models.Model):
    code = models.CharField(max_length=20)
    roles = models.ManyToManyField(Role)


async def add_rule(message, code, roles):
    rule, _ = await sync_to_async(InviteRule.objects.get_or_create)(code=code)
    await sync_to_async(rule.roles.clear)()
    await sync_to_async(rule.roles.add)(*roles)
    await message.channel.send("Rule saved.")
