"""Recall reduction (recall18): course notes on Django async views publish, as the way to reach the
database from an async view, ``await sync_to_async(MyModel.objects.all)()`` followed by
``list(data.values())`` in the JsonResponse: the QuerySet is lazy, so the query runs on the loop
(SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class MyModel(models.Model):
    label = models.CharField(max_length=50)


async def async_db_view(request):
    data = await sync_to_async(MyModel.objects.all)()  # [lazy-queryset-from-sync-to-async]
    return JsonResponse({"data": list(data.values())})  # [sync-queryset-evaluation-in-async]
