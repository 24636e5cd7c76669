"""DJANGO_ALLOW_ASYNC_UNSAFE turns Django's check off: with it set (to any value, even "false"), a sync
query in a coroutine runs instead of raising SynchronousOnlyOperation. asynclint therefore stays
silent on test modules of a project whose test run sets it (``own_loop.async_unsafe_allowed_in_tests``,
sync-orm-call-in-async's ``async-unsafe-tests`` fixture) and reports the same test elsewhere."""

from __future__ import annotations

import asyncio

import pytest

from tests.runtime.support import seed

pytestmark = pytest.mark.django_runtime


async def _latest_title():
    from library.models import Book

    return Book.objects.latest("pk").title


def test_the_sync_query_raises_without_the_variable(monkeypatch):
    from django.core.exceptions import SynchronousOnlyOperation

    seed()
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(_latest_title())


@pytest.mark.parametrize("value", ["true", "false", "1"])
def test_the_sync_query_runs_with_the_variable_set(monkeypatch, value):
    seed()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", value)
    assert isinstance(asyncio.run(_latest_title()), str)
