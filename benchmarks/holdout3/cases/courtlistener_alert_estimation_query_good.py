"""Fixed: the parameter builder runs through sync_to_async."""

from datetime import date, timedelta

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class Court(models.Model):
    parent_court = models.ForeignKey("self", null=True, related_name="appeals_to",
                                     on_delete=models.SET_NULL)


def get_child_court_ids_for_parents(court_ids):
    children = Court.objects.filter(parent_court_id__in=court_ids).values_list("pk", flat=True)
    found = list(children)
    return found + (get_child_court_ids_for_parents(found) if found else [])


def make_court_filter(cd):
    courts = cd.get("court", "").split()
    return "court_id:(" + " OR ".join(courts + get_child_court_ids_for_parents(courts)) + ")"


def add_filter_queries(params, cd):
    params["fq"] = [make_court_filter(cd)]


def build_alert_estimation_query(cd, day_count):
    params = {"q": cd.get("q") or "*", "rows": 0}
    cd["filed_after"] = date.today() - timedelta(days=day_count)
    add_filter_queries(params, cd)
    return params


class SearchClient:
    async def count(self, params):
        return 0


async def get_result_count(request, version, day_count):
    cd = await sync_to_async(dict)(request.GET.items())
    client = SearchClient()
    extra = await sync_to_async(build_alert_estimation_query)(cd, int(day_count))
    total = await client.count(extra)
    return JsonResponse({"count": total})
