"""Fixed shape: the lookup is awaited. (Upstream went back to the sync `get()`; the bot sets
DJANGO_ALLOW_ASYNC_UNSAFE and runs its ORM calls on the loop.)"""

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
            rr_msg = await ReactionRoleMessage.objects.aget(message=payload.message_id)
            binding = await ReactionRoleBinding.objects.aget(message=rr_msg, emoji=payload.emoji.name)
            if binding.group_name:
                return binding.group_name
        except ReactionRoleMessage.DoesNotExist:
            pass
        return None
