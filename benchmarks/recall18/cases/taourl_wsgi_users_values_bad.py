"""Recall reduction (recall18): a Q&A page on SynchronousOnlyOperation with async views: the view
builds ``User.objects.all()`` and returns ``list(users.values())`` in a JsonResponse, evaluating the
QuerySet on the loop. Our own minimal rewrite of the shape."""

from django.http import JsonResponse


async def async_view(request):
    from django.contrib.auth.models import User

    users = User.objects.all()
    return JsonResponse({"users": list(users.values())})  # [sync-queryset-evaluation-in-async]
