"""Fixed: the custom manager method runs in a thread through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import IntegrityError, models, transaction


class BulkCreateManager(models.Manager):
    def bulk_get_or_create(self, objs, batch_size=500):
        objs = list(objs)
        try:
            with transaction.atomic():
                return self.bulk_create(objs, batch_size=batch_size)
        except IntegrityError:
            return [self.get(sha256=obj.sha256) for obj in objs]


class BaseModel(models.Model):
    objects = BulkCreateManager()

    class Meta:
        abstract = True


class Artifact(BaseModel):
    sha256 = models.CharField(max_length=64, unique=True)
    file = models.CharField(max_length=255)


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class ArtifactSaver(Stage):
    async def run(self):
        async for batch in self.batches():
            to_save = [unit for unit in batch if unit.artifact._state.adding]
            if to_save:
                saved = await sync_to_async(Artifact.objects.bulk_get_or_create)([unit.artifact for unit in to_save])
                for unit, artifact in zip(to_save, saved):
                    unit.artifact = artifact
            for unit in batch:
                await self.put(unit)
