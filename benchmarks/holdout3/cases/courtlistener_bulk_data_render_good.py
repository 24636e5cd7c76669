"""Fixed: render() runs in a thread through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class Disclosure(models.Model):
    year = models.IntegerField()


async def get_coverage_data():
    return {"disclosures": await Disclosure.objects.acount()}


async def bulk_data_index(request: HttpRequest) -> HttpResponse:
    coverage = await get_coverage_data()
    return await sync_to_async(render)(
        request,
        "bulk-data.html",
        coverage,
    )
