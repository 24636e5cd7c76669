"""Recall reduction (recall18): a Django async-views lesson's quiz shows ``await User.objects.get(id=1)``
in an async view as the error: the sync ``get()`` runs on the loop before anything is awaited
(SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from django.contrib.auth.models import User
from django.http import JsonResponse


async def get_user(request):
    user = await User.objects.get(id=1)  # [sync-orm-call-in-async]
    return JsonResponse({"username": user.username})
