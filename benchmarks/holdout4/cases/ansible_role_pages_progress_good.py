"""Fixed: `async with` the report, `await progress_bar.asave()` and `await progress_bar.aincrement()`."""

import asyncio
import math

from asgiref.sync import sync_to_async
from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    code = models.TextField()
    total = models.IntegerField(null=True)
    done = models.IntegerField(default=0)

    async def __aenter__(self):
        await self.asave()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.asave()

    async def aincrement(self):
        self.done += 1
        await sync_to_async(self.save)()


def parse_metadata(result):
    return {"count": 0, "results": []}


class RoleFirstStage:
    def __init__(self, remote):
        self.remote = remote

    async def _fetch_roles(self):
        async with ProgressReport(message="Parsing pages", code="sync.parsing.roles") as progress_bar:
            downloader = self.remote.get_downloader(url=self.remote.url)
            metadata = parse_metadata(await downloader.run())
            progress_bar.total = math.ceil(metadata["count"] / 10)
            await progress_bar.asave()
            yield metadata
            await progress_bar.aincrement()
            not_done = {asyncio.ensure_future(self.remote.get_downloader(url=u).run()) for u in metadata["results"]}
            while not_done:
                done, not_done = await asyncio.wait(not_done, return_when=asyncio.FIRST_COMPLETED)
                for item in done:
                    yield parse_metadata(item.result())
                    await progress_bar.aincrement()
