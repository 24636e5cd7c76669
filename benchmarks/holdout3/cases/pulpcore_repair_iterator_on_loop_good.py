"""Fixed: the report is used with `async with` and incremented asynchronously, and the QuerySet is
iterated with `async for`."""

import asyncio

from asgiref.sync import sync_to_async
from django.core.files.storage import default_storage
from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    done = models.IntegerField(default=0)

    async def __aenter__(self):
        await sync_to_async(self.save)()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await sync_to_async(self.save)()

    def increment(self):
        self.done += 1
        self.save()


class Artifact(models.Model):
    file = models.FileField()


class ContentArtifact(models.Model):
    artifact = models.ForeignKey(Artifact, null=True, on_delete=models.SET_NULL)
    content_id = models.IntegerField()


async def repair_artifacts(subset_ids=None):
    loop = asyncio.get_running_loop()
    query_set = ContentArtifact.objects.exclude(artifact__isnull=True)
    if subset_ids is not None:
        query_set = query_set.filter(content_id__in=subset_ids)
    async with ProgressReport(message="Identify missing units") as missing:
        async for content_artifact in query_set.select_related("artifact").aiterator():
            artifact = content_artifact.artifact
            valid = await loop.run_in_executor(None, default_storage.exists, artifact.file.name)
            if not valid:
                await sync_to_async(missing.increment)()
