"""Fixed: the async branch runs the shared sync part through sync_to_async."""

from asgiref.sync import iscoroutinefunction, sync_to_async
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
        aselect_tenant = sync_to_async(select_tenant)

        async def middleware(request):
            await aselect_tenant(request)
            return await get_response(request)

    else:

        def middleware(request):
            select_tenant(request)
            return get_response(request)

    return middleware
