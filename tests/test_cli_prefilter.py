"""The prefilter of ``asynclint check``: which modules can produce a finding.

A module without async code can still produce one when it iterates an async generator defined
elsewhere, subclasses a view with async handlers, or defines middleware through a project base
class; these cases are checked against the pylint route on a small project."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from asynclint import prefilter
from asynclint.rules import ALL

FILES = {
    "shop/__init__.py": "",
    "shop/streams.py": """\
        from library_models import Book


        async def rows():
            yield 1


        def books():
            return Book.objects.aiterator()


        STREAM = books()
    """,
    "shop/report.py": """\
        from shop import streams


        def export():
            for row in streams.rows():
                print(row)
            return [b for b in streams.STREAM]
    """,
    "shop/views.py": """\
        from django.views import View


        class AsyncBase(View):
            async def get(self, request):
                return None
    """,
    "shop/more_views.py": """\
        from shop.views import AsyncBase


        class Mixed(AsyncBase):
            def post(self, request):
                return None
    """,
    "shop/base_middleware.py": """\
        class Base:
            def __init__(self, get_response):
                self.get_response = get_response
    """,
    "shop/middleware.py": """\
        from shop.base_middleware import Base


        class Timing(Base):
            def __call__(self, request):
                return self.get_response(request)
    """,
    "shop/plain.py": """\
        def add(a, b):
            return a + b
    """,
}


def write(root: Path) -> None:
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))


def test_every_rule_declares_what_it_needs():
    undeclared = [rule.symbol for rule in ALL if prefilter.needs(rule) == (prefilter.ANY,)]
    assert not undeclared, (f"give these rules a 'prefilter' declaration, else asynclint check analyses every "
                            f"module for them: {undeclared}")


def test_facts(tmp_path):
    write(tmp_path)
    sources = [(name, (tmp_path / name).read_text()) for name in FILES]
    scan = prefilter.scan(sources, ALL)
    assert prefilter.ASYNC_ITERATION in scan.facts["shop/report.py"]
    assert prefilter.ASYNC_VIEW in scan.facts["shop/more_views.py"]
    assert prefilter.MIDDLEWARE in scan.facts["shop/middleware.py"]
    assert scan.facts["shop/plain.py"] == set()
    assert "shop/plain.py" not in scan.candidates(ALL)


def test_cross_module_findings_match_the_pylint_route(tmp_path):
    write(tmp_path)
    cli = subprocess.run([sys.executable, "-m", "asynclint.cli", "check", "-f", "json", "."], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=300)
    assert cli.returncode in (0, 1), cli.stderr
    mine = {(str(Path(f["path"])), f["line"], f["id"]) for f in json.loads(cli.stdout)}
    pylint = subprocess.run([sys.executable, "-m", "pylint", "--recursive=y", "--load-plugins=asynclint",
                             "--disable=all", "--enable=asynclint", "--persistent=n", "--output-format=json2", "."],
                            cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300)
    theirs = {(m["path"], m["line"], m["messageId"]) for m in json.loads(pylint.stdout)["messages"]}
    assert mine == theirs
    assert {(path, rule) for path, _line, rule in mine} >= {("shop/report.py", "E5705"),
                                                            ("shop/more_views.py", "E5718")}
