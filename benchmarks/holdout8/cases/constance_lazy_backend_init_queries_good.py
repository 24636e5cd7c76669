"""The backend no longer reads the database when constructed; reads happen in its async method."""

from django.db import models
from django.utils.functional import LazyObject


class Setting(models.Model):
    key = models.CharField(max_length=100)
    value = models.TextField()

    class Meta:
        app_label = "store"


class DatabaseStore:
    async def aget(self, key):
        row = await Setting.objects.filter(key=key).afirst()
        return row.value if row else None


class LazyStore(LazyObject):
    def _setup(self):
        self._wrapped = DatabaseStore()


store = LazyStore()


async def banner(request):
    return await store.aget("BANNER")
