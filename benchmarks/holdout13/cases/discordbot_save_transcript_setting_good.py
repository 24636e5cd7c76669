"""Held-out reduction (holdout13), fixed shape: the configuration row is read in a helper that
``sync_to_async`` runs in a worker thread. Must stay silent."""

from asgiref.sync import sync_to_async
from discord.ext.commands import Cog, Context, command

from core.models import Option


@sync_to_async
def read_option(key):
    stored = Option.objects.filter(key=key).first()
    return stored.value if stored else None


class Archive(Cog):
    def __init__(self, bot):
        self.bot = bot

    @command(name="archive")
    async def archive(self, ctx: Context, amount=None):
        stored = await read_option("archive_amount")
        if not amount:
            amount = int(stored) if stored else 100
        lines = [message.content async for message in ctx.channel.history(limit=int(amount))]
        await ctx.send(f"archived {len(lines)} messages")
