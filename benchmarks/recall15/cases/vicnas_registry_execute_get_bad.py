"""Recall reduction (recall15): the ``async def execute`` method of the bot's command registry looks up
the server's settings and the command's row with ``objects.get()`` and asks a many-to-many manager
whether it has rows, directly: every query runs on the bot's event loop. Our own minimal rewrite of the
shape, not upstream code."""

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
            settings = ServerSettings.objects.get(server_id=message.guild.id)  # [sync-orm-call-in-async]
        except ServerSettings.DoesNotExist:
            await message.channel.send("Server not configured.")
            return
        command = await ServerCommand.objects.aget(server=settings, name=name)
        if command.allowed_roles.exists():  # [sync-orm-call-in-async]
            await message.channel.send("Restricted.")
            return
        await self.handlers[name](message, args, settings)
