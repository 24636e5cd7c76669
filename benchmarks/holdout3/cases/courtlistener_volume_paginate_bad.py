"""An async page lists the cases of one reporter volume, paginated. Each `paginator.page(...)` call
is already wrapped in sync_to_async, but in the EmptyPage branch its argument
`paginator.num_pages` is computed on the event loop first: a cached property that counts the
QuerySet (a COUNT query): SynchronousOnlyOperation for an out-of-range page number."""

from asgiref.sync import sync_to_async
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.template.response import TemplateResponse


class OpinionCluster(models.Model):
    reporter = models.CharField(max_length=100)
    volume = models.IntegerField()
    date_filed = models.DateField()


async def reporter_or_volume_handler(request, reporter, volume):
    cases_in_volume = OpinionCluster.objects.filter(reporter=reporter, volume=volume).order_by("date_filed")
    if not await cases_in_volume.aexists():
        return TemplateResponse(request, "404.html", {}, status=404)
    paginator = Paginator(cases_in_volume, 100, orphans=5)
    page = request.GET.get("page", 1)
    try:
        cases = await sync_to_async(paginator.page)(page)
    except PageNotAnInteger:
        cases = await sync_to_async(paginator.page)(1)
    except EmptyPage:
        cases = await sync_to_async(paginator.page)(paginator.num_pages)  # [sync-orm-call-in-async]
    return TemplateResponse(request, "volume.html", {"cases": cases})
