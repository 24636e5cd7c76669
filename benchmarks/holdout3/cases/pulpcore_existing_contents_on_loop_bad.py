"""A stage replaces unsaved content units by the saved ones. The model class is not named: it is
`type(unit.content)` of each unit (plugins define the content models), its Q objects are merged per
model, and each model's default manager is queried with `.iterator()` in a plain `for` loop inside
the async stage: the query runs on the event loop."""

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
                for result in model_type.objects.filter(content_q).iterator():  # [sync-orm-call-in-async]
                    for unit in units_by_key[result.natural_key()]:
                        unit.content = result
            for unit in batch:
                await self.put(unit)
