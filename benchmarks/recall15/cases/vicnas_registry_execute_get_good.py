"""Fixed shape of vicnas_registry_execute_get_bad.py: the lookups run through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import models


class ServerSettings(models.Model):
    server_id = models.BigIntegerField(unique=True)


class Role(models.Model):
    discord_id = models.BigIntegerField()


class ServerCommand(models.Model):
    server = models.ForeignKey(ServerSettings, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)
    allowed_roles = models.ManyToManyField(Role)


class Registry:
    def __init__(self):
        self.handlers = {}

    async def execute(self, message, name, args):
        try:
            settings = await sync_to_async(ServerSettings.objects.get)(server_id=message.guild.id)
        except ServerSettings.DoesNotExist:
            await message.channel.send("Server not configured.")
            return
        command = await ServerCommand.objects.aget(server=settings, name=name)
        if await sync_to_async(command.allowed_roles.exists)():
            await message.channel.send("Restricted.")
            return
        await self.handlers[name](message, args, settings)
