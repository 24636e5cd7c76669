"""Fixed form (recall19): awaited."""

from django.contrib.auth import get_user_model
from django.http import JsonResponse

User = get_user_model()


async def reactivate(request):
    await User.objects.filter(is_active=False).aupdate(is_active=True)
    return JsonResponse({"ok": True})
