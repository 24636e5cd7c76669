"""Fixed: the sync_to_async wrapper is awaited, so `has_sources` is the boolean."""

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
            has_sources = await sync_to_async(AlternateSource.objects.exists)()
            if has_sources:
                for item in batch:
                    item.source = "alternate"
            for item in batch:
                await self.put(item)
