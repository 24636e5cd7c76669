"""Recall reduction (recall19): the same page's quiz option that awaits the sync ``update()``:
``update()`` runs its UPDATE on the loop first (SynchronousOnlyOperation) and would then hand an int
to ``await``. Our own minimal rewrite in a project helper called by an async view."""

from django.contrib.auth import get_user_model
from django.http import JsonResponse

User = get_user_model()


async def reactivate_all():
    return await User.objects.filter(is_active=False).update(is_active=True)  # [sync-orm-call-in-async]


async def reactivate(request):
    count = await reactivate_all()
    return JsonResponse({"reactivated": count})
