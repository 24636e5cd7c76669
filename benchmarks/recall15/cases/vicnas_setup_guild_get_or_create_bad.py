"""Recall reduction (recall15): a discord.py bot's ``async def`` that runs when the bot joins a server
creates the server's settings row with ``get_or_create()`` and saves it, directly: both queries run on
the bot's event loop (SynchronousOnlyOperation). Our own minimal rewrite of the shape, not upstream code."""

from django.db import models


class ServerSettings(models.Model):
    server_id = models.BigIntegerField(unique=True)
    name = models.CharField(max_length=100)


async def on_server_join(bot, server):
    settings, created = ServerSettings.objects.get_or_create(  # [sync-orm-call-in-async]
        server_id=server.id, defaults={"name": server.name}
    )
    if not created:
        settings.name = server.name
        settings.save()  # [sync-orm-call-in-async]
    await server.system_channel.send("Ready.")
