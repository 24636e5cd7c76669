"""Recall reduction (recall14): a discord.py button's ``async def`` callback hands the trade to a sync
helper of another project module, which moves the trade to its next state and saves it (and reads its
foreign keys): the helper's queries run on the event loop. Our own minimal rewrite of the shape, not
upstream code."""

from asgiref.sync import sync_to_async
from django.db import models


class Deal(models.Model):
    state = models.CharField(max_length=20, default="new")


def pass_deal(deal: Deal) -> None:
    deal.state = "other_side" if deal.state == "this_side" else "this_side"
    deal.save()


class AcceptButton:
    async def accept(self, interaction, deal_id):
        deal = await sync_to_async(Deal.objects.get)(id=deal_id)
        await interaction.channel.delete()
        pass_deal(deal)  # [missing-sync-to-async]
