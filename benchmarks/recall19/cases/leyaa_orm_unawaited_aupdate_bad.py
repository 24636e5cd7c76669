"""Recall reduction (recall19): the same page's other wrong option: ``aupdate()`` called without
await, so the UPDATE never runs (the coroutine is dropped). Our own minimal rewrite."""

from django.contrib.auth import get_user_model
from django.http import JsonResponse

User = get_user_model()


async def reactivate(request):
    User.objects.filter(is_active=False).aupdate(is_active=True)  # [async-call-not-awaited]
    return JsonResponse({"ok": True})
