"""The saver stage writes a batch of content units and their artifact links in one transaction. The
`with transaction.atomic():` block (and a nested one per unit, to survive an IntegrityError) sits
directly in the async stage, around an awaited plugin hook: the transaction runs on the event loop,
and the awaited hook can switch to other coroutines in the middle of it."""

from django.db import IntegrityError, models, transaction


class ContentArtifact(models.Model):
    relative_path = models.TextField()


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class ContentSaver(Stage):
    async def _pre_save(self, batch):
        return None

    async def run(self):
        async for batch in self.batches():
            links = []
            with transaction.atomic():  # [sync-transaction-in-async]
                await self._pre_save(batch)
                for unit in batch:
                    if unit.content._state.adding:
                        try:
                            with transaction.atomic():  # [sync-transaction-in-async]
                                unit.content.save()
                        except IntegrityError:
                            unit.content = type(unit.content).objects.get(pk=unit.content.pk)
                    for artifact in unit.artifacts:
                        links.append(ContentArtifact(relative_path=artifact.relative_path))
                ContentArtifact.objects.bulk_create(links)  # [sync-orm-call-in-async]
            for unit in batch:
                await self.put(unit)
