"""Fixed: the helper runs through sync_to_async and so does the custom manager method."""

from asgiref.sync import sync_to_async
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects


class BulkCreateManager(models.Manager):
    def bulk_get_or_create(self, objs):
        objs = list(objs)
        existing = set(self.filter(url__in=[o.url for o in objs]).values_list("url", flat=True))
        return self.bulk_create([o for o in objs if o.url not in existing])


class ContentArtifact(models.Model):
    relative_path = models.TextField()


class RemoteArtifact(models.Model):
    url = models.TextField()
    remote = models.CharField(max_length=100)
    content_artifact = models.ForeignKey(ContentArtifact, on_delete=models.CASCADE)

    objects = BulkCreateManager()


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class RemoteArtifactSaver(Stage):
    def _needed_remote_artifacts(self, batch):
        remotes = {unit.remote for unit in batch if unit.remote}
        prefetch_related_objects(
            [unit.content for unit in batch],
            Prefetch(
                "contentartifact_set",
                queryset=ContentArtifact.objects.prefetch_related(
                    Prefetch("remoteartifact_set",
                             queryset=RemoteArtifact.objects.filter(remote__in=remotes),
                             to_attr="_ras")
                ),
                to_attr="_cas",
            ),
        )
        needed = []
        for unit in batch:
            for content_artifact in unit.content._cas:
                if not content_artifact._ras:
                    needed.append(RemoteArtifact(url=unit.url, remote=unit.remote,
                                                 content_artifact=content_artifact))
        return needed

    async def run(self):
        async for batch in self.batches():
            await sync_to_async(RemoteArtifact.objects.bulk_get_or_create)(
                await sync_to_async(self._needed_remote_artifacts)(batch)
            )
            for unit in batch:
                await self.put(unit)
