"""Fixed: the whole batch is processed by a sync function run through sync_to_async, so the
transaction (and the sync pre-save hook) runs in one thread."""

from asgiref.sync import sync_to_async
from django.db import IntegrityError, models, transaction


class ContentArtifact(models.Model):
    relative_path = models.TextField()


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class ContentSaver(Stage):
    def _pre_save(self, batch):
        return None

    async def run(self):
        async for batch in self.batches():
            def process_batch():
                links = []
                with transaction.atomic():
                    self._pre_save(batch)
                    for unit in batch:
                        if unit.content._state.adding:
                            try:
                                with transaction.atomic():
                                    unit.content.save()
                            except IntegrityError:
                                unit.content = type(unit.content).objects.get(pk=unit.content.pk)
                        for artifact in unit.artifacts:
                            links.append(ContentArtifact(relative_path=artifact.relative_path))
                    ContentArtifact.objects.bulk_create(links)

            await sync_to_async(process_batch)()
            for unit in batch:
                await self.put(unit)
