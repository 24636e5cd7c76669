"""Runtime proof of ``django_api.EVALUATIONS``' ``fills_cache`` column, which
``asynclint.core.evaluation.reads_filled_cache`` uses to report one finding where a statement
evaluates the same QuerySet twice (``if a not in qs and b not in qs:``, sync-queryset-evaluation-in-async's
``bad_second_evaluation_reads_the_cache.py``): an operation marked True runs the QuerySet itself and
keeps its rows, so the next evaluation of that object runs no query; one marked False (``qs[0]``,
``qs[i]``, a step slice, ``repr()``) queries a sliced clone and leaves the cache empty."""

from __future__ import annotations

import pytest

from asynclint import django_api as api
from tests.runtime.support import seed

pytestmark = pytest.mark.django_runtime

def _for_loop(qs):
    for _row in qs:
        break


def _index(qs):
    try:
        return qs[1]
    except IndexError:  # one row seeded: the query ran all the same
        return None


#: Each operation of the table, done the way the analysis recognises it.
OPERATIONS = {
    "iteration": _for_loop,
    "comprehension": lambda qs: [row for row in qs],
    "conversion": list,
    "len": len,
    "truth": bool,
    "membership": lambda qs: 1 in qs,
    "index": _index,
    "first": lambda qs: qs[0],
    "step-slice": lambda qs: qs[::2],
    "unpacking": lambda qs: [*qs],
    "repr": repr,
    "held-repr": lambda qs: str({"books": qs}),
}


def test_every_evaluation_is_proven():
    assert set(OPERATIONS) == set(api.EVALUATIONS)


@pytest.mark.parametrize("operation", sorted(api.EVALUATIONS))
def test_the_evaluation_fills_the_result_cache_as_the_table_says(operation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from library.models import Book

    seed()
    books = Book.objects.all()
    with CaptureQueriesContext(connection) as queries:
        OPERATIONS[operation](books)
        assert len(queries) == 1
        "1" in [str(book.pk) for book in books]  # noqa: B015 (a second evaluation of the same object)
    filled = api.EVALUATIONS[operation].fills_cache
    assert len(queries) == (1 if filled else 2), f"{operation}: {[q['sql'] for q in queries.captured_queries]}"
