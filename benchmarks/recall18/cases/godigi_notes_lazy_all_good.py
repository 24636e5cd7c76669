"""Fixed form (recall18): the rows are fetched with the async iteration of the QuerySet (Django 4.1+)."""

from django.db import models
from django.http import JsonResponse


class MyModel(models.Model):
    label = models.CharField(max_length=50)


async def async_db_view(request):
    data = [row async for row in MyModel.objects.values()]
    return JsonResponse({"data": data})
