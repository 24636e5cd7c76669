"""Fixed: the per-model query is iterated asynchronously (upstream: an async iterable built on
sync_to_async over the sync iterator)."""

from collections import defaultdict

from django.db import models
from django.db.models import Q


class Content(models.Model):
    natural_id = models.CharField(max_length=255)

    def q(self):
        return Q(natural_id=self.natural_id)

    def natural_key(self):
        return (self.natural_id,)


class Stage:
    async def batches(self):
        yield []

    async def put(self, item):
        return item


class QueryExistingContents(Stage):
    async def run(self):
        async for batch in self.batches():
            q_by_model = defaultdict(lambda: Q(pk__in=[]))
            units_by_key = defaultdict(list)
            for unit in batch:
                if unit.content._state.adding:
                    model_type = type(unit.content)
                    q_by_model[model_type] = q_by_model[model_type] | unit.content.q()
                    units_by_key[unit.content.natural_key()].append(unit)
            for model_type, content_q in q_by_model.items():
                async for result in model_type.objects.filter(content_q).aiterator():
                    for unit in units_by_key[result.natural_key()]:
                        unit.content = result
            for unit in batch:
                await self.put(unit)
