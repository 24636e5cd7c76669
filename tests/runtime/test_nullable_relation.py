"""Runtime proof for the *possible* finding on a nullable forward relation
(``asynclint.core.django_kinds.nullable_relation``; sync-orm-call-in-async's
``bad_nullable_relation_read.py``): reading ``book.publisher`` (``ForeignKey(null=True)``) of a book
fetched without ``select_related`` queries on the event loop whenever ``publisher_id`` is set
(SynchronousOnlyOperation), and reads None without any query when it is NULL. Which of the two a
row is, the analysis cannot know: hence possible, not silent."""

from __future__ import annotations

import asyncio

import pytest

from tests.runtime.support import load_module, seed

pytestmark = pytest.mark.django_runtime


def test_nullable_relation_queries_when_its_id_is_set():
    from django.core.exceptions import SynchronousOnlyOperation

    from library.models import Book

    seed()
    assert Book.objects.get(pk=1).publisher_id == 1
    publisher_of = load_module("sync-orm-call-in-async/bad_nullable_relation_read.py").publisher_of
    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(publisher_of(1))


def test_nullable_relation_with_a_null_id_reads_none_without_a_query():
    from library.models import Book

    seed()
    Book.objects.filter(pk=1).update(publisher=None)
    publisher_of = load_module("sync-orm-call-in-async/bad_nullable_relation_read.py").publisher_of
    # Any query on the loop's thread raises SynchronousOnlyOperation: completing proves none ran.
    assert asyncio.run(publisher_of(1)) is None
