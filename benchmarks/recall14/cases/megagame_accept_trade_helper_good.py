"""Fixed shape of megagame_accept_trade_helper_bad.py: the helper runs in a worker thread."""

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
        await sync_to_async(pass_deal)(deal)
