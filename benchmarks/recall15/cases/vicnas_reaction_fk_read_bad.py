"""Recall reduction (recall15): the bot's ``async def`` reaction handler loads an application through
``sync_to_async(Application.objects.get)`` and then reads its foreign key ``application.server``
directly: the related row is not loaded, so the read runs a query on the bot's event loop. Our own
minimal rewrite of the shape, not upstream code."""

from asgiref.sync import sync_to_async
from django.db import models


class ServerSettings(models.Model):
    server_id = models.BigIntegerField(unique=True)


class Application(models.Model):
    server = models.ForeignKey(ServerSettings, on_delete=models.CASCADE)
    status = models.CharField(max_length=20)


async def handle_reaction(bot, application_id):
    application = await sync_to_async(Application.objects.get)(id=application_id, status="PENDING")
    settings = application.server  # [sync-orm-call-in-async]
    return bot.get_guild(settings.server_id)
