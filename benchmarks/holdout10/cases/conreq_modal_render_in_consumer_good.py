"""The helper runs in a thread (channels' database_sync_to_async)."""

from time import sleep

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import models
from django.template.loader import render_to_string
from solo.models import SingletonModel


class ServerConfig(SingletonModel):
    base_url = models.URLField(default="http://localhost:8989")
    api_key = models.CharField(max_length=64, blank=True)

    class Meta:
        app_label = "holdout10"


class MediaServer:
    def __init__(self):
        self.config = ServerConfig.get_solo()

    def series(self, tvdb_id):
        return {"id": tvdb_id, "seasons": []} if self.config.api_key else None


def series_modal(tvdb_id):
    server = MediaServer()
    series = server.series(tvdb_id)
    retries = 0
    while series is None and retries < 5:
        retries += 1
        sleep(0.5)
        series = server.series(tvdb_id)
    return render_to_string("modal/series.html", {"series": series})


class CommandConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        if content.get("command") == "modal":
            await self.generate_modal(content)

    async def generate_modal(self, content):
        response = {"command": "render", "html": None}
        if content.get("tvdb_id") is not None:
            response["html"] = await database_sync_to_async(series_modal)(content["tvdb_id"])
        await self.send_json(response)
