"""Fixed shape of asgiref_adapter_awaited_uncalled (the maintainer's answer): call the wrapper, await
the coroutine it returns."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class Blog(models.Model):
    title = models.CharField(max_length=100)


def _get_stuff():
    return Blog.objects.first()


async def index(request):
    result = await sync_to_async(_get_stuff)()
    print(result.title)
    return JsonResponse({"msg": "hi"})
