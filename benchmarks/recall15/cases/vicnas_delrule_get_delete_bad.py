"""Recall reduction (recall15): the bot's ``async def`` command that deletes an invite rule loads it with
``objects.get()`` and deletes it, directly: both queries run on the bot's event loop. Our own minimal
rewrite of the shape, not upstream code."""

from django.db import models


class InviteRule(models.Model):
    server_id = models.BigIntegerField()
    code = models.CharField(max_length=20)


async def delete_rule(message, server_id, code):
    try:
        rule = InviteRule.objects.get(server_id=server_id, code=code)  # [sync-orm-call-in-async]
        rule.delete()  # [sync-orm-call-in-async]
    except InviteRule.DoesNotExist:
        await message.channel.send("No such rule.")
        return
    await message.channel.send("Deleted.")
