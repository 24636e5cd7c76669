"""An async generator pages through a remote API: a progress report model used as a sync context
manager, its total saved after the first page and its counter method (which saves) called after each
page, all inside the generator, i.e. on the event loop of the sync pipeline."""

import asyncio
import math

from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    code = models.TextField()
    total = models.IntegerField(null=True)
    done = models.IntegerField(default=0)

    def __enter__(self):
        self.save()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.save()

    def increment(self):
        self.done += 1
        self.save()


def parse_metadata(result):
    return {"count": 0, "results": []}


class RoleFirstStage:
    def __init__(self, remote):
        self.remote = remote

    async def _fetch_roles(self):
        with ProgressReport(message="Parsing pages", code="sync.parsing.roles") as progress_bar:
            downloader = self.remote.get_downloader(url=self.remote.url)
            metadata = parse_metadata(await downloader.run())
            progress_bar.total = math.ceil(metadata["count"] / 10)
            progress_bar.save()  # [sync-orm-call-in-async]
            yield metadata
            progress_bar.increment()  # [missing-sync-to-async]
            not_done = {asyncio.ensure_future(self.remote.get_downloader(url=u).run()) for u in metadata["results"]}
            while not_done:
                done, not_done = await asyncio.wait(not_done, return_when=asyncio.FIRST_COMPLETED)
                for item in done:
                    yield parse_metadata(item.result())
                    progress_bar.increment()  # [missing-sync-to-async]
