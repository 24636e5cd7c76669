"""The fixed shape: the awaiting caller runs the sync `run_check()` in a thread."""

from asgiref.sync import sync_to_async
from django.db import models


class ProbeRow(models.Model):
    title = models.CharField(max_length=50)

    class Meta:
        app_label = "holdout11"


class Plugin:
    def __init__(self):
        self.errors = []

    def check_status(self):
        raise NotImplementedError

    def run_check(self):
        self.errors = []
        try:
            self.check_status()
        except Exception as exc:
            self.errors.append(exc)


class DatabasePlugin(Plugin):
    def check_status(self):
        row = ProbeRow.objects.create(title="probe")
        row.title = "probe2"
        row.save()
        row.delete()


async def run_all():
    plugin = DatabasePlugin()
    await sync_to_async(plugin.run_check, thread_sensitive=True)()
    return plugin.errors
