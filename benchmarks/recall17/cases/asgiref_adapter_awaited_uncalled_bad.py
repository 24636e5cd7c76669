"""Recall reduction (recall17, django/asgiref issue 206): an async view awaits ``sync_to_async(helper)``
itself instead of calling the wrapper: the ``SyncToAsync`` object is not awaitable (TypeError: object
SyncToAsync can't be used in 'await' expression), and the helper never runs. Our own minimal rewrite of
the reported shape, not upstream code."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class Blog(models.Model):
    title = models.CharField(max_length=100)


def _get_stuff():
    return Blog.objects.first()


async def index(request):
    result = await sync_to_async(_get_stuff)  # [sync-to-async-called-not-passed]
    print(result.title)
    return JsonResponse({"msg": "hi"})
