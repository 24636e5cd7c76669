"""Fixed shape of channels_sliced_cats_decorated: the decorated function returns a tuple (evaluated in
the worker thread), as the reporter found works."""

from channels.db import database_sync_to_async
from django.db import models
from django.http import JsonResponse


class Cat(models.Model):
    name = models.CharField(max_length=50)


@database_sync_to_async
def get_all_cats():
    return tuple(Cat.objects.all().order_by("-id")[:3])


async def cats(request):
    latest = await get_all_cats()
    return JsonResponse({"cats": [cat.name for cat in latest]})
