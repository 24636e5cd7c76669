"""The async branch of a logging middleware builds its row with a local sync helper that reads
request.user: the lazy user loads the session and the user row on the event loop
(SynchronousOnlyOperation for a logged-in browser request)."""

import asyncio

from django.conf import settings
from django.db import models
from django.utils.decorators import sync_and_async_middleware


class VisitedPath(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    path = models.CharField(max_length=200)

    class Meta:
        app_label = "holdout10"


@sync_and_async_middleware
def visit_log_middleware(get_response):
    def row(request):
        return {
            "user": request.user if request.user.is_authenticated else None,
            "path": request.get_full_path()[:200],
        }

    if asyncio.iscoroutinefunction(get_response):

        async def middleware(request):
            response = await get_response(request)
            data = row(request)  # [missing-sync-to-async]
            await VisitedPath.objects.acreate(**data)
            return response

    else:

        def middleware(request):
            response = get_response(request)
            VisitedPath.objects.create(**row(request))
            return response

    return middleware
