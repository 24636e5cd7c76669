"""Held-out reduction (holdout13), fixed shape: the lookup runs through the async ORM twin ``afirst()``.
Must stay silent."""

from discord.ext.commands import Cog

from core.models import Option


class Helpdesk(Cog):
    def __init__(self, bot):
        self.bot = bot
        self.guild = None

    async def post(self, text):
        target = await Option.objects.filter(key="helpdesk_channel").afirst()
        if not target:
            return
        await self.guild.get_channel(int(target.value)).send(text)
