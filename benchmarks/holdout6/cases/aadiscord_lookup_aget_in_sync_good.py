"""Fixed shape: the sync builder uses the sync `get()` and the command runs it in a thread.
(Upstream only switched back to `get()`, relying on DJANGO_ALLOW_ASYNC_UNSAFE.)"""

from asgiref.sync import sync_to_async
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
            char = EveCharacter.objects.get(character_name=input_name)
            embed.description = f"**{char.character_name}** [{char.corporation_ticker}]"
        except EveCharacter.DoesNotExist:
            embed.description = "Character not found"
        return embed

    @commands.command(pass_context=True)
    async def lookup(self, ctx, *, input_name):
        return await ctx.send(embed=await sync_to_async(self.get_lookup_embed)(input_name))
