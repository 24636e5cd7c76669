"""Recall reduction (recall14): a discord.py button callback creates a trade through a django-service-objects
``Service`` run by ``sync_to_async`` (its ``process()`` returns the new model instance), then saves that
instance directly on the event loop: SynchronousOnlyOperation. Our own minimal rewrite of the shape, not
upstream code."""

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
    deal.save()  # [sync-orm-call-in-async]
    await interaction.response.send_message(f"deal {deal.pk} opened")
