"""An owner-only bot command refreshes the planner statistics with a raw cursor opened directly in
the async command handler (the bot runs every command on its event loop)."""

import time

from discord.ext import commands
from django.db import connection


class Core(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.command()
    @commands.is_owner()
    async def analyzedb(self, ctx: commands.Context):
        with connection.cursor() as cursor:  # [sync-orm-call-in-async]
            started = time.time()
            cursor.execute("ANALYZE")
            ended = time.time()
        await ctx.send(f"Analyzed database in {round((ended - started) * 1000)}ms.")
