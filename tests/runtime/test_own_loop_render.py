"""A coroutine that its sync caller drives on a loop of its own (``asyncio.run``): a template rendered
there with no context evaluates nothing and completes, while one given a lazy QuerySet evaluates it and
Django raises ``SynchronousOnlyOperation`` (a loop runs in the thread). sync-template-render-in-async
stays silent for the first on such a loop (``rules.base._renders_no_data``) and reports the second."""

from __future__ import annotations

import asyncio

import pytest

pytestmark = pytest.mark.django_runtime

_TEXT = "{% for book in books %}{{ book.title }} {% endfor %}end"


def _template():
    from django.template import engines

    return engines["django"].from_string(_TEXT)  # the backend Template that loader.get_template returns


def test_a_render_without_data_completes_on_its_own_loop():
    async def build():
        return _template().render(), _template().render({"version": 2})

    assert asyncio.run(build()) == ("end", "end")


def test_a_render_of_a_queryset_raises_on_its_own_loop():
    from django.core.exceptions import SynchronousOnlyOperation

    from library.models import Book

    async def build():
        return _template().render({"books": Book.objects.all()})

    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(build())
