"""Fixed: the search helper runs in a thread."""

import datetime

import requests
from asgiref.sync import sync_to_async
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
        response = await sync_to_async(do_search)(
            request.GET.copy(),
            override_params={"filed_after": datetime.date.today() - datetime.timedelta(days=28),
                             "court": pk},
            facet=False,
        )
        context[f"results_{name}"] = response["results"]
    return TemplateResponse(request, "court.html", context)
