"""Fixed: the save-or-fetch-and-touch sequence moved to a sync helper awaited through
sync_to_async."""

import asyncio

from asgiref.sync import sync_to_async
from django.db import IntegrityError, models
from django.utils import timezone


class Artifact(models.Model):
    file = models.FileField()
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.BigIntegerField()
    timestamp_of_interest = models.DateTimeField(null=True)

    def touch(self):
        Artifact.objects.filter(pk=self.pk).update(timestamp_of_interest=timezone.now())


def _save_artifact_blocking(attributes):
    saved = Artifact(**attributes)
    try:
        saved.save()
    except IntegrityError:
        del attributes["file"]
        saved = Artifact.objects.get(**attributes)
        saved.touch()
    return saved


class FirstStage:
    async def put(self, item):
        return None

    async def run(self, downloads):
        for next_done in asyncio.as_completed(downloads):
            tag = await next_done
            tag.artifact_attributes["file"] = tag.path
            saved = await sync_to_async(_save_artifact_blocking)(tag.artifact_attributes)
            await self.put((tag, saved))
