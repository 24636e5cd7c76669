"""Runtime proof for a deferred field read by the instance's own coroutine method run by
``asyncio.run`` from sync code (sync-orm-call-in-async's ``bad_deferred_field_read_in_asyncio_run.py``,
``spines_for_the_nightly_task``: the shape of a Celery task driving a model's messaging coroutine).
The calls harness runs only the fixtures' top-level ``async def``s (their awaited forms are proven
there); this calls the sync function, outside any loop, and checks that the read inside the loop
``asyncio.run`` starts raises, and that the good file's form, whose query loads the field, does not."""

from __future__ import annotations

import pytest

from tests.runtime.support import load_module, seed

pytestmark = pytest.mark.django_runtime


def test_deferred_field_read_by_a_method_run_with_asyncio_run_raises():
    from django.core.exceptions import SynchronousOnlyOperation

    seed()
    task = load_module("sync-orm-call-in-async/bad_deferred_field_read_in_asyncio_run.py").spines_for_the_nightly_task
    with pytest.raises(SynchronousOnlyOperation):
        task()


def test_loaded_field_read_by_a_method_run_with_asyncio_run_completes():
    seed()
    task = load_module("sync-orm-call-in-async/good_deferred_field_loaded_for_own_method.py").spines_for_the_nightly_task
    assert task() == ["1: The Left Hand of Darkness"]
