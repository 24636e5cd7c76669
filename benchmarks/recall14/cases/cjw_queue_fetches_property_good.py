"""Fixed shape of cjw_queue_fetches_property_bad.py: the foreign key is read in the database thread."""

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
    return [(step.workflow_id, step) for step in Step.objects.filter(is_busy=False)]


async def queue_fetches(publish):
    pairs = await load_due_steps()
    for workflow_id, step in pairs:
        await publish(workflow_id, step.id)
