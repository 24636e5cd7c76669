"""A long editing session: the server's analysis keeps no memory per edit (the benchmark
``benchmarks/server_latency.py --memory 1000`` measures the process; this test the Python heap)."""

from __future__ import annotations

import gc
import textwrap
import tracemalloc

import pytest

pytest.importorskip("pygls")

from asynclint.rules import ALL  # noqa: E402
from asynclint.server import Analyzer  # noqa: E402


def test_a_hundred_and_fifty_edits_leave_the_heap_as_it_was(tmp_path):
    """After warming up, 75 more edits leave the heap as it was (at most 100 KiB, the old 200 KiB per 150
    edits): growth per edit is a leak, a one-off resize of a structure earlier tests filled is not. A leak
    grows the heap in every window of 75 edits, a one-off resize (a shared dict that the tests run before
    this one in the same worker left near its resize point) in one: the quieter of two consecutive
    windows must stay under the bound."""
    from astroid import builder

    hooked = builder.AstroidBuilder.file_build
    app = tmp_path / "shop"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text("from django.db import models\n\n\nclass Book(models.Model):\n    pass\n")
    (app / "services.py").write_text("from .models import Book\n\n\ndef load():\n    return Book.objects.count()\n")
    views = app / "views.py"
    text = textwrap.dedent("""\
        from . import services
        from .models import Book


        async def view(request):
            services.load()
            return Book.objects.get(pk=1)
        """)
    views.write_text(text)
    analyzer = Analyzer()

    def edit(index: int) -> None:
        analyzer.forget([str(views)])
        outcome = analyzer.check(str(views), text + f"x = {index}\n", index, ALL, (5, 2), {})
        assert [found.symbol for found in outcome.findings] == ["missing-sync-to-async", "sync-orm-call-in-async"]

    try:
        for index in range(30):  # warm: the modules and pylint's own state are in place
            edit(index)
        gc.collect()
        tracemalloc.start()
        for index in range(30, 105):  # one-off growth (a shared dict resized after earlier tests) lands here
            edit(index)
        gc.collect()
        snapshots = [tracemalloc.take_snapshot()]
        for window in (range(105, 180), range(180, 255)):
            for index in window:
                edit(index)
            gc.collect()
            snapshots.append(tracemalloc.take_snapshot())
    finally:
        tracemalloc.stop()
        analyzer.close()  # astroid as it was, for the tests that run after this one
    grown = [sum(stat.size_diff for stat in after.compare_to(before, "filename"))
             for before, after in zip(snapshots, snapshots[1:])]
    assert min(grown) < 100 * 1024, (
        f"the heap grew by {grown[0] / 1024:.0f} and {grown[1] / 1024:.0f} KiB over two windows of 75 edits in "
        f"a steady state")
    assert builder.AstroidBuilder.file_build is hooked  # buffers no longer stand in for files
