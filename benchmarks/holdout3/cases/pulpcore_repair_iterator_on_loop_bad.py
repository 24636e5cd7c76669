"""The repair task walks every content artifact and checks its file in a thread pool. The walk
itself is a plain `for` over `query_set.select_related(...).iterator()` inside the async function,
where `query_set` is a manager QuerySet possibly narrowed by `filter()` in a branch; the progress
reports are sync context-manager models whose increment() saves: queries and writes on the loop."""

import asyncio

from django.core.files.storage import default_storage
from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    done = models.IntegerField(default=0)

    def __enter__(self):
        self.save()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.save()

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
    with ProgressReport(message="Identify missing units") as missing:
        for content_artifact in query_set.select_related("artifact").iterator():  # [sync-orm-call-in-async]
            artifact = content_artifact.artifact
            valid = await loop.run_in_executor(None, default_storage.exists, artifact.file.name)
            if not valid:
                missing.increment()  # [missing-sync-to-async]
