"""Fixed: the cursor work runs in a local function wrapped with sync_to_async."""

import time

from asgiref.sync import sync_to_async
from discord.ext import commands
from django.db import connection


class Core(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.command()
    @commands.is_owner()
    async def analyzedb(self, ctx: commands.Context):
        @sync_to_async
        def analyze():
            with connection.cursor() as cursor:
                started = time.time()
                cursor.execute("ANALYZE")
                return time.time() - started

        elapsed = await analyze()
        await ctx.send(f"Analyzed database in {round(elapsed * 1000)}ms.")
