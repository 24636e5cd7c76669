"""Fixed form (recall18): the async form of the query."""

from django.contrib.auth.models import User
from django.http import JsonResponse


async def get_user(request):
    user = await User.objects.aget(id=1)
    return JsonResponse({"username": user.username})
