"""Held-out reduction (holdout13): a plain ``async def`` method of a discord.py cog (awaited by the
cog's listeners) looks up the logging channel in a Django configuration table with the synchronous ORM.
Our own minimal rewrite of the shape, not upstream code."""

from discord.ext.commands import Cog

from core.models import Option


class Helpdesk(Cog):
    def __init__(self, bot):
        self.bot = bot
        self.guild = None

    async def post(self, text):
        target = Option.objects.filter(key="helpdesk_channel").first()  # [sync-orm-call-in-async]
        if not target:
            return
        await self.guild.get_channel(int(target.value)).send(text)
