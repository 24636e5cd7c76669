"""A discord.py bot on the Django ORM: while moving to the async ORM, the reaction-role listener got
`aget()` calls without await. The message lookup returns a coroutine, the next lookup gets the
coroutine as a filter value, and the role is never granted (four months on the main branch)."""

from discord.ext import commands
from django.db import models


class ReactionRoleMessage(models.Model):
    message = models.BigIntegerField()
    non_auth_users = models.BooleanField(default=False)


class ReactionRoleBinding(models.Model):
    message = models.ForeignKey(ReactionRoleMessage, on_delete=models.CASCADE)
    emoji = models.CharField(max_length=100)
    group_name = models.CharField(max_length=100, null=True)


class Reactions(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.Cog.listener("on_raw_reaction_add")
    async def add_react_listener(self, payload):
        if payload.user_id == self.bot.user.id:
            return True
        try:
            rr_msg = ReactionRoleMessage.objects.aget(message=payload.message_id)  # [async-call-not-awaited]
            binding = await ReactionRoleBinding.objects.aget(message=rr_msg, emoji=payload.emoji.name)
            if binding.group_name:
                return binding.group_name
        except ReactionRoleMessage.DoesNotExist:
            pass
        return None
