"""Fixed form (recall18): the coroutine is awaited."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import HttpResponse


class Blog(models.Model):
    name = models.CharField(max_length=100)


async def index(request):
    results = await sync_to_async(Blog.objects.get)(pk=123)
    return HttpResponse(f"Hello {results.name}")
