"""Recall reduction (recall17, django/channels issue 2003): a module function decorated with
``@database_sync_to_async`` returns a sliced, ordered QuerySet; the async view that awaits it iterates
the result on the loop, where the query runs (SynchronousOnlyOperation at /cats/). Our own minimal
rewrite of the reported shape, not upstream code."""

from channels.db import database_sync_to_async
from django.db import models
from django.http import JsonResponse


class Cat(models.Model):
    name = models.CharField(max_length=50)


@database_sync_to_async
def get_all_cats():  # [lazy-queryset-from-sync-to-async]
    return Cat.objects.all().order_by("-id")[:3]


async def cats(request):
    latest = await get_all_cats()
    return JsonResponse({"cats": [cat.name for cat in latest]})  # [sync-queryset-evaluation-in-async]
