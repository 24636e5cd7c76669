"""A hybrid function middleware logs every request; its async branch calls the model manager's
acreate() without await, so no row is ever written (a 'never awaited' warning at most)."""

import asyncio

from django.db import models
from django.utils.decorators import sync_and_async_middleware


class VisitedPath(models.Model):
    path = models.CharField(max_length=200)
    status = models.IntegerField(default=0)

    class Meta:
        app_label = "holdout10"


@sync_and_async_middleware
def visit_log_middleware(get_response):
    def row(request, response):
        return {"path": request.get_full_path()[:200], "status": response.status_code}

    if asyncio.iscoroutinefunction(get_response):

        async def middleware(request):
            response = await get_response(request)
            VisitedPath.objects.acreate(**row(request, response))  # [async-call-not-awaited]
            return response

    else:

        def middleware(request):
            response = get_response(request)
            VisitedPath.objects.create(**row(request, response))
            return response

    return middleware
