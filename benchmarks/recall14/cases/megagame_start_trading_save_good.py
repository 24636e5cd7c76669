"""Fixed shape of megagame_start_trading_save_bad.py: the save runs in a worker thread."""

from asgiref.sync import sync_to_async
from django import forms
from django.db import models
from service_objects.services import Service


class Deal(models.Model):
    team_id = models.IntegerField()
    channel_id = models.BigIntegerField(null=True)


class OpenDeal(Service):
    team_id = forms.IntegerField()

    def process(self):
        return Deal.objects.create(team_id=self.cleaned_data["team_id"])


async def start_trading(interaction, team_id):
    deal = await sync_to_async(OpenDeal.execute)({"team_id": team_id})
    deal.channel_id = interaction.channel.id
    await sync_to_async(deal.save)()
    await interaction.response.send_message(f"deal {deal.pk} opened")
