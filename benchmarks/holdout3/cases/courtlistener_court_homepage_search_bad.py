"""An async court home page runs the site's search helper once per court. The helper, shared with
sync views in another module, reads the courts table, validates a search form and queries the search
engine over HTTP; the async view calls it directly and indexes its result: database and network I/O
on the event loop (SynchronousOnlyOperation in production)."""

import datetime

import requests
from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


class Court(models.Model):
    short_name = models.CharField(max_length=100)
    in_use = models.BooleanField(default=True)


class SearchForm(forms.Form):
    q = forms.CharField(required=False)
    court = forms.CharField(required=False)


def do_search(get_params, override_params=None, facet=True):
    courts = list(Court.objects.filter(in_use=True))
    get_params.update(override_params or {})
    form = SearchForm(get_params)
    if not form.is_valid():
        return {"results": [], "courts": courts}
    response = requests.get("http://search:8983/select", params=form.cleaned_data, timeout=10)
    return {"results": response.json()["docs"], "courts": courts}


async def court_homepage(request: HttpRequest, pk: str) -> HttpResponse:
    court = await Court.objects.aget(pk=pk)
    context = {"court": court.short_name}
    for name in ("a", "b"):
        context[f"results_{name}"] = do_search(  # [missing-sync-to-async]
            request.GET.copy(),
            override_params={"filed_after": datetime.date.today() - datetime.timedelta(days=28),
                             "court": pk},
            facet=False,
        )["results"]
    return TemplateResponse(request, "court.html", context)
