"""The same bot's character-lookup embed builder is a plain (sync) method called by two commands;
the async-ORM migration changed its lookup to `aget()`, which in a sync function only creates a
coroutine: the next line reads an attribute of the coroutine and every lookup fails."""

from discord import Embed
from discord.ext import commands
from django.db import models


class EveCharacter(models.Model):
    character_name = models.CharField(max_length=254)
    corporation_ticker = models.CharField(max_length=5)


class Members(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    def get_lookup_embed(self, input_name):
        embed = Embed(title=f"Character Lookup {input_name}")
        try:
            char = EveCharacter.objects.aget(character_name=input_name)  # [async-call-not-awaited]
            embed.description = f"**{char.character_name}** [{char.corporation_ticker}]"
        except EveCharacter.DoesNotExist:
            embed.description = "Character not found"
        return embed

    @commands.command(pass_context=True)
    async def lookup(self, ctx, *, input_name):
        return await ctx.send(embed=self.get_lookup_embed(input_name))
