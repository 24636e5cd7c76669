"""The editor server with two workspace folders whose packages have the same name: each folder's
check sees its own modules, never the other folder's (astroid caches modules by name)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from asynclint import server  # noqa: E402
from asynclint.rules import ALL  # noqa: E402

VIEW = textwrap.dedent("""\
    from shop import helpers


    async def report(request):
        return helpers.summary()
""")
ORM = textwrap.dedent("""\
    from django.contrib.auth.models import Permission


    def summary():
        return Permission.objects.count()
""")
PURE = "def summary():\n    return 0\n"


def folder(root: Path, helpers: str) -> Path:
    (root / "shop").mkdir(parents=True)
    (root / "shop" / "__init__.py").write_text("")
    (root / "shop" / "helpers.py").write_text(helpers)
    (root / "shop" / "views.py").write_text(VIEW)
    return root / "shop" / "views.py"


def test_two_folders_with_the_same_package_name(tmp_path: Path) -> None:
    queries, pure = folder(tmp_path / "a", ORM), folder(tmp_path / "b", PURE)
    analyzer = server.Analyzer()
    try:
        def symbols(view: Path) -> list[str]:
            outcome = analyzer.check(str(view), view.read_text(), 1, ALL, (5, 2), {})
            assert not outcome.error, outcome.error
            return [found.symbol for found in outcome.findings]

        for _ in range(2):  # each order: a, b, a, b
            assert symbols(queries) == ["missing-sync-to-async"]
            assert symbols(pure) == []
    finally:
        analyzer.close()
