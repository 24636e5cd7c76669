"""Held-out reduction (holdout13): a discord.py cog of a Django project (the bot is started on the ASGI
application's event loop) reads a configuration row with the synchronous ORM inside an ``async def``
command: SynchronousOnlyOperation on the loop. Our own minimal rewrite of the shape, not upstream code."""

from discord.ext.commands import Cog, Context, command

from core.models import Option


class Archive(Cog):
    def __init__(self, bot):
        self.bot = bot

    @command(name="archive")
    async def archive(self, ctx: Context, amount=None):
        stored = Option.objects.filter(key="archive_amount").first()  # [sync-orm-call-in-async]
        if not amount:
            amount = int(stored.value) if stored else 100
        lines = [message.content async for message in ctx.channel.history(limit=int(amount))]
        await ctx.send(f"archived {len(lines)} messages")
