"""A pipeline stage asks whether any alternate content source is configured before looking for
artifacts there. The ORM check is wrapped in sync_to_async, but the wrapper's result is never awaited:
`acs_exists` is a coroutine, always truthy, so every batch takes the expensive lookup path (and the
coroutine is never run)."""

from asgiref.sync import sync_to_async
from django.db import models


class AlternateSource(models.Model):
    name = models.CharField(max_length=100)


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class AlternateSourceHandler(Stage):
    async def run(self):
        async for batch in self.batches():
            has_sources = sync_to_async(AlternateSource.objects.exists)()  # [async-call-not-awaited]
            if has_sources:
                for item in batch:
                    item.source = "alternate"
            for item in batch:
                await self.put(item)
