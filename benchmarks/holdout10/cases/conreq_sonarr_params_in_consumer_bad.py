"""A websocket consumer's request command calls a project helper that reads the singleton settings
row through django-solo's get_solo() (a cached get_or_create): a query on the event loop."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import models
from solo.models import SingletonModel


class AppConfig(SingletonModel):
    tv_folder = models.CharField(max_length=200, default="/tv")
    anime_folder = models.CharField(max_length=200, default="/anime")
    season_folders = models.BooleanField(default=True)

    class Meta:
        app_label = "holdout10"


def series_parameters(is_anime):
    config = AppConfig.get_solo()
    return {
        "root": config.anime_folder if is_anime else config.tv_folder,
        "season_folders": config.season_folders,
    }


def queue_series(tvdb_id, parameters):
    return {"tvdb_id": tvdb_id, **parameters}


class CommandConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        if content.get("command") == "request":
            await self.request_content(content)

    async def request_content(self, content):
        parameters = series_parameters(content.get("anime", False))  # [missing-sync-to-async]
        result = await database_sync_to_async(queue_series)(content["tvdb_id"], parameters)
        await self.send_json(result)
