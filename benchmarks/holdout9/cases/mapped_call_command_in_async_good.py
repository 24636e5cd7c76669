"""The command runs in a thread."""

from asgiref.sync import sync_to_async
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
        await sync_to_async(call_command)("rescale_workers")
        return len(members)
