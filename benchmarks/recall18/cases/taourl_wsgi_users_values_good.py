"""Fixed form (recall18). The page's fix, ``await sync_to_async(list)(User.objects.all)``, hands the
bound method itself to ``list`` (TypeError: 'method' object is not iterable); this is the corrected
shape: the values are listed in the thread."""

from asgiref.sync import sync_to_async
from django.http import JsonResponse


def user_rows():
    from django.contrib.auth.models import User

    return list(User.objects.values())


async def async_view(request):
    users = await sync_to_async(user_rows)()
    return JsonResponse({"users": users})
