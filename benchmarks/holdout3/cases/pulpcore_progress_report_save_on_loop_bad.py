"""A download stage reports progress through a model that is also a context manager: __enter__ marks
it running and saves it, __exit__ saves the final state. Inside the async stage the report is used
with a plain `with` and saved after every finished download: ORM writes on the event loop (hidden by
DJANGO_ALLOW_ASYNC_UNSAFE)."""

import asyncio

from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    code = models.TextField()
    state = models.TextField(default="waiting")
    done = models.IntegerField(default=0)

    def __enter__(self):
        self.state = "running"
        self.save()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.state = "completed" if exc_type is None else "failed"
        self.save()


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
        with ProgressReport(message="Downloading", code="sync.downloading") as pb:
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    pb.done += task.result()
                    pb.save()  # [sync-orm-call-in-async]
