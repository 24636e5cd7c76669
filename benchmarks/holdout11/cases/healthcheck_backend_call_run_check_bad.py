"""A plugin base class gains `async def __call__` that runs the plugin's sync `run_check()`, which calls
the subclass's `check_status()`; the database plugin writes, saves and deletes a row there, so every
awaited plugin call queries the database on the event loop (SynchronousOnlyOperation)."""

from django.db import models


class ProbeRow(models.Model):
    title = models.CharField(max_length=50)

    class Meta:
        app_label = "holdout11"


class Plugin:
    def __init__(self):
        self.errors = []

    async def __call__(self):
        return self.run_check()  # [missing-sync-to-async]

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
    await plugin()
    return plugin.errors
