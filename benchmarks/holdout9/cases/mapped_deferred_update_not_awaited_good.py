"""The deferred jobs await the async methods."""

from django.db import models


class Source(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        app_label = "holdout9"


class SyncConfig(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE)
    enabled = models.BooleanField(default=True)

    class Meta:
        app_label = "holdout9"

    async def update_one(self, member_id):
        return member_id

    async def update_all(self):
        return None

    @classmethod
    async def deferred_update_one(cls, config_id, member_id):
        config = await cls.objects.select_related("source").aget(id=config_id)
        if config.enabled:
            await config.update_one(member_id=member_id)

    @classmethod
    async def deferred_update_all(cls, config_id):
        config = await cls.objects.select_related("source").aget(id=config_id)
        if config.enabled:
            await config.update_all()
