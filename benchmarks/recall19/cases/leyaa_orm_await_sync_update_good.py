"""Fixed form (recall19): the page's right option, ``aupdate()`` awaited."""

from django.contrib.auth import get_user_model
from django.http import JsonResponse

User = get_user_model()


async def reactivate_all():
    return await User.objects.filter(is_active=False).aupdate(is_active=True)


async def reactivate(request):
    count = await reactivate_all()
    return JsonResponse({"reactivated": count})
