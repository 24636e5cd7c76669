"""Fixed shape of vicnas_delrule_get_delete_bad.py: both queries run through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import models


class InviteRule(models.Model):
    server_id = models.BigIntegerField()
    code = models.CharField(max_length=20)


async def delete_rule(message, server_id, code):
    try:
        rule = await sync_to_async(InviteRule.objects.get)(server_id=server_id, code=code)
        await sync_to_async(rule.delete)()
    except InviteRule.DoesNotExist:
        await message.channel.send("No such rule.")
        return
    await message.channel.send("Deleted.")
