"""An async documentation page gathers coverage numbers with an awaited helper, then renders its
template with django.shortcuts.render() on the event loop: the template engine (and the context
processors, which read request.user and the session) run synchronously on the loop."""

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class Disclosure(models.Model):
    year = models.IntegerField()


async def get_coverage_data():
    return {"disclosures": await Disclosure.objects.acount()}


async def bulk_data_index(request: HttpRequest) -> HttpResponse:
    coverage = await get_coverage_data()
    return render(  # [sync-template-render-in-async]
        request,
        "bulk-data.html",
        coverage,
    )
