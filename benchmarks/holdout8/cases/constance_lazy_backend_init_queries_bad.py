"""A lazily built settings store whose backend fills its cache from the database when constructed."""

from django.db import models
from django.utils.functional import LazyObject


class Setting(models.Model):
    key = models.CharField(max_length=100)
    value = models.TextField()

    class Meta:
        app_label = "store"


class DatabaseStore:
    def __init__(self):
        self.values = {s.key: s.value for s in Setting.objects.all()}

    async def aget(self, key):
        return self.values.get(key)


class LazyStore(LazyObject):
    def _setup(self):
        self._wrapped = DatabaseStore()


store = LazyStore()


async def banner(request):
    return await store.aget("BANNER")  # [missing-sync-to-async]
