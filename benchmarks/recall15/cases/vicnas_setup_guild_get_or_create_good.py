"""Fixed shape of vicnas_setup_guild_get_or_create_bad.py: both queries run through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import models


class ServerSettings(models.Model):
    server_id = models.BigIntegerField(unique=True)
    name = models.CharField(max_length=100)


async def on_server_join(bot, server):
    settings, created = await sync_to_async(ServerSettings.objects.get_or_create)(
        server_id=server.id, defaults={"name": server.name}
    )
    if not created:
        settings.name = server.name
        await sync_to_async(settings.save)()
    await server.system_channel.send("Ready.")
