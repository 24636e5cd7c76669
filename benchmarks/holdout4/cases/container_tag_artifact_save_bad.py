"""For every downloaded tag manifest the async first stage saves an Artifact row built from the
download's attributes and, when the row already exists, fetches it and touches it (a model method
that runs an UPDATE): three ORM round trips per tag on the event loop."""

import asyncio

from django.db import IntegrityError, models
from django.utils import timezone


class Artifact(models.Model):
    file = models.FileField()
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.BigIntegerField()
    timestamp_of_interest = models.DateTimeField(null=True)

    def touch(self):
        Artifact.objects.filter(pk=self.pk).update(timestamp_of_interest=timezone.now())


class FirstStage:
    async def put(self, item):
        return None

    async def run(self, downloads):
        for next_done in asyncio.as_completed(downloads):
            tag = await next_done
            tag.artifact_attributes["file"] = tag.path
            saved = Artifact(**tag.artifact_attributes)
            try:
                saved.save()  # [sync-orm-call-in-async]
            except IntegrityError:
                del tag.artifact_attributes["file"]
                saved = Artifact.objects.get(**tag.artifact_attributes)  # [sync-orm-call-in-async]
                saved.touch()  # [missing-sync-to-async]
            await self.put((tag, saved))
