"""Recall reduction (recall14): a cron coroutine loads the due steps with a ``database_sync_to_async``
helper (a list of model instances), then reads a model property that follows a foreign key
(``self.tab.workflow_id``) for each: a query on the event loop. Our own minimal rewrite of the shape,
not upstream code."""

from channels.db import database_sync_to_async
from django.db import models


class Tab(models.Model):
    workflow_id = models.IntegerField()


class Step(models.Model):
    tab = models.ForeignKey(Tab, on_delete=models.CASCADE)
    is_busy = models.BooleanField(default=False)

    @property
    def workflow_id(self):
        return self.tab.workflow_id


@database_sync_to_async
def load_due_steps():
    return list(Step.objects.filter(is_busy=False))


async def queue_fetches(publish):
    steps = await load_due_steps()
    for step in steps:
        await publish(step.workflow_id, step.id)  # [missing-sync-to-async]
