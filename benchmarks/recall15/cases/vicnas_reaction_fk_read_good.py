"""Fixed shape of vicnas_reaction_fk_read_bad.py: the foreign key is read in a worker thread."""

from asgiref.sync import sync_to_async
from django.db import models


class ServerSettings(models.Model):
    server_id = models.BigIntegerField(unique=True)


class Application(models.Model):
    server = models.ForeignKey(ServerSettings, on_delete=models.CASCADE)
    status = models.CharField(max_length=20)


async def handle_reaction(bot, application_id):
    application = await sync_to_async(Application.objects.get)(id=application_id, status="PENDING")
    settings = await sync_to_async(lambda: application.server)()
    return bot.get_guild(settings.server_id)
