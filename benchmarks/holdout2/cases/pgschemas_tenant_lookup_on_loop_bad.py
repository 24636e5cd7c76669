"""A tenant-routing middleware made hybrid: the shared sync part looks the request's host up in the
domain table, and the async branch calls it directly, so the lookup runs on the event loop."""

from asgiref.sync import iscoroutinefunction
from django.db import models
from django.http import Http404
from django.utils.decorators import sync_and_async_middleware


class Domain(models.Model):
    host = models.CharField(max_length=200, unique=True)
    schema = models.CharField(max_length=63)


@sync_and_async_middleware
def TenantMiddleware(get_response):
    def select_tenant(request):
        host = request.get_host().split(":")[0]
        try:
            domain = Domain.objects.get(host=host)
        except Domain.DoesNotExist:
            raise Http404(host)
        request.schema = domain.schema

    if iscoroutinefunction(get_response):

        async def middleware(request):
            select_tenant(request)  # [missing-sync-to-async]
            return await get_response(request)

    else:

        def middleware(request):
            select_tenant(request)
            return get_response(request)

    return middleware
