"""Fixed: the whole pagination (page lookup and the num_pages fallback) runs in one sync function
through sync_to_async."""

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

    @sync_to_async
    def paginate(queryset, number):
        paginator = Paginator(queryset, 100, orphans=10)
        try:
            return paginator.page(number)
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    cases = await paginate(cases_in_volume, request.GET.get("page", 1))
    return TemplateResponse(request, "volume.html", {"cases": cases})
