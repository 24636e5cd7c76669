"""Fixed: the custom QuerySet method runs through sync_to_async and the QuerySet is iterated with
`async for` (the upstream fix used an async iterable wrapper built on sync_to_async)."""

from collections import defaultdict

from asgiref.sync import sync_to_async
from django.db import models
from django.utils import timezone


class TouchQuerySet(models.QuerySet):
    def touch(self):
        return self.update(timestamp_of_interest=timezone.now())


class Artifact(models.Model):
    sha256 = models.CharField(max_length=64, null=True)
    sha512 = models.CharField(max_length=128, null=True)
    timestamp_of_interest = models.DateTimeField(auto_now=True)

    objects = TouchQuerySet.as_manager()

    DIGEST_FIELDS = ("sha512", "sha256")


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class QueryExistingArtifacts(Stage):
    async def run(self):
        async for batch in self.batches():
            digests_by_type = defaultdict(list)
            for unit in batch:
                for digest_type in Artifact.DIGEST_FIELDS:
                    value = getattr(unit.artifact, digest_type)
                    if value:
                        digests_by_type[digest_type].append(value)
                        break
            for digest_type, digests in digests_by_type.items():
                existing = Artifact.objects.filter(**{f"{digest_type}__in": digests}).only(digest_type)
                await sync_to_async(existing.touch)()
                for unit in batch:
                    wanted = getattr(unit.artifact, digest_type)
                    async for result in existing:
                        if getattr(result, digest_type) == wanted:
                            unit.artifact = result
                            break
            for unit in batch:
                await self.put(unit)
