"""An async job scheduler runs a management command (raw SQL counts and a hosting provider's HTTP API)
with call_command right on the event loop."""

from django.core.management import call_command
from django.db import models


class Source(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        app_label = "holdout9"

    async def fetch_all(self):
        return []

    @classmethod
    async def deferred_import_all(cls, source_id):
        source = await cls.objects.aget(id=source_id)
        members = await source.fetch_all()
        call_command("rescale_workers")  # [blocking-call-in-async]
        return len(members)
