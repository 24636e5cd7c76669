"""The prefilter of ``asynclint check``: which modules can produce a finding.

A module without async code can still produce one when it iterates an async generator defined
elsewhere, subclasses a view with async handlers, or defines middleware through a project base
class; these cases are checked against the pylint route on a small project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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
    "shop/notices.py": """\
        async def banner_text():
            return "hello"
    """,
    "shop/banner.py": """\
        from django.http import HttpResponse

        from shop import notices


        def banner(request):
            text = notices.banner_text()
            return HttpResponse(text)
    """,
    "shop/wording.py": """\
        def banner_text(words):
            return " ".join(words)


        def shout(words):
            return banner_text(words).upper()
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
    # a sync module that imports the module defining a coroutine function it calls; not one that only
    # shares the function's name (its own banner_text)
    assert prefilter.PROJECT_COROUTINES in scan.facts["shop/banner.py"]
    assert scan.facts["shop/wording.py"] == set()


def test_cross_module_findings_match_the_pylint_route(tmp_path):
    write(tmp_path)
    cli = subprocess.run([sys.executable, "-m", "asynclint.cli", "check", "-f", "json", "."], cwd=tmp_path,
                         capture_output=True, text=True, check=False, timeout=300)
    assert cli.returncode in (0, 1), cli.stderr
    mine = {(str(Path(f["path"])), f["line"], f["id"]) for f in json.loads(cli.stdout)}
    pylint = subprocess.run([sys.executable, "-m", "pylint", "--recursive=y", "--load-plugins=asynclint",
                             "--disable=all", "--enable=asynclint", "--persistent=n", "--output-format=json2", "."],
                            cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300,
                            env={**os.environ, prefilter.EVERY_MODULE: "1"})  # its rules skip no module
    theirs = {(m["path"], m["line"], m["messageId"]) for m in json.loads(pylint.stdout)["messages"]}
    assert mine == theirs
    assert {(path, rule) for path, _line, rule in mine} >= {("shop/report.py", "E5705"),
                                                            ("shop/more_views.py", "E5718"),
                                                            ("shop/banner.py", "E5704")}


def _probe():
    from asynclint.rules.base import AsyncLintRule

    class Probe(AsyncLintRule):
        msgid, symbol, summary, prefilter = "W5799", "probe", "A probe.", (prefilter.ASYNC,)

        def visit_call(self, node):
            self.seen.append(node.as_string())

    return Probe


@pytest.mark.parametrize("every_module", [False, True])
def test_the_pylint_route_skips_the_modules_the_prefilter_drops(monkeypatch, every_module):
    """A rule that needs only facts a module's own text decides is not run where the module lacks them
    (``asynclint check`` does not hand it such a module either), unless ``ASYNCLINT_EVERY_MODULE``."""
    import astroid
    from pylint.lint import PyLinter

    if every_module:
        monkeypatch.setenv(prefilter.EVERY_MODULE, "1")
    rule = _probe()(PyLinter())
    sync = astroid.parse("def f():\n    g()\n")
    async_ = astroid.parse("async def f():\n    g()\n")
    seen = []
    for module in (sync, async_, sync):
        rule.seen = []
        for call in module.nodes_of_class(astroid.nodes.Call):
            rule.visit_call(call)
        rule.leave_module(module)
        seen.append(rule.seen)
    assert seen == ([["g()"], ["g()"], ["g()"]] if every_module else [[], ["g()"], []])


# --- the cached scan (asynclint.cache keeps each text's answers by content hash) ----------------------
EDITS = [  # (file, new text or None to delete): each changes what other modules' facts depend on
    ("shop/plain.py", "def add(a, b):\n    return a - b\n"),  # an unrelated edit
    ("shop/streams.py", "from library_models import Book\n\n\ndef rows():\n    return []\n\n\n"
                        "def books():\n    return Book.objects.aiterator()\n\n\nSTREAM = books()\n"),  # no async generator
    ("shop/streams.py", "async def rows():\n    yield 1\n"),  # no iterator source but the generator
    ("shop/views.py", "from django.views import View\n\n\nclass AsyncBase(View):\n"
                      "    def get(self, request):\n        return None\n"),  # the base's handler is sync
    ("shop/views.py", FILES["shop/views.py"]),  # async again
    ("shop/base_middleware.py", "class Base:\n    def __init__(self, app):\n        self.app = app\n"),
    ("shop/extra.py", "from shop.views import AsyncBase\n\n\nclass More(AsyncBase):\n    pass\n"),  # a new file
    ("shop/more_views.py", None),  # a deleted file
    ("shop/plain.py", "def add(a, b)\n    return a - b\n"),  # a syntax error: analysed for it
    ("shop/plain.py", "def add(a, b):\n    return a - b\n"),  # fixed again
]


def _sources(root: Path) -> list[tuple[str, str]]:
    return [(str(path.relative_to(root)), path.read_text()) for path in sorted(root.rglob("*.py"))]


def _cached_scan(directory: Path, sources, rules):
    from asynclint import cache

    return cache.Cache(directory, "settings").scan(sources, rules)


def test_the_cached_scan_keeps_the_facts_of_a_fresh_scan_edit_after_edit(tmp_path):
    project, directory = tmp_path / "project", tmp_path / "cache"
    write(project)
    some = [rule for rule in ALL if prefilter.ASYNC_ITERATION not in prefilter.needs(rule)]
    for step, (name, text) in enumerate([(None, None), *EDITS]):
        if name is not None:
            if text is None:
                (project / name).unlink()
            else:
                (project / name).write_text(textwrap.dedent(text))
        sources = _sources(project)
        for rules in (ALL, some):  # a run with fewer rules asks other questions
            fresh = prefilter.scan(sources, rules)
            expected = (fresh.facts, fresh.unparsable)
            for run in ("after", "warm, after"):
                cached = _cached_scan(directory, sources, rules)
                assert (cached.facts, cached.unparsable) == expected, f"{run} edit {step}"
            broken = "def add(a, b)\n" in (project / "shop/plain.py").read_text()
            assert fresh.unparsable == (["shop/plain.py"] if broken else [])


def test_an_unchanged_file_is_asked_nothing_new(tmp_path):
    project, directory = tmp_path / "project", tmp_path / "cache"
    write(project)
    _cached_scan(directory, _sources(project), ALL)
    assert not any(module.computed for module in _cached_scan(directory, _sources(project), ALL).modules)
    (project / "shop/plain.py").write_text("def add(a, b):\n    return b + a\n")
    scan = _cached_scan(directory, _sources(project), ALL)
    assert [module.path for module in scan.modules if module.computed] == ["shop/plain.py"]
    assert scan.facts == prefilter.scan(_sources(project), ALL).facts


@pytest.mark.parametrize("damage", ["garbage", "wrong-types"])
def test_a_damaged_prefilter_memo_is_not_trusted(tmp_path, damage):
    project, directory = tmp_path / "project", tmp_path / "cache"
    write(project)
    sources = _sources(project)
    _cached_scan(directory, sources, ALL)
    shards = list(directory.rglob("prefilter/*.json"))
    assert shards
    for shard in shards:
        if damage == "garbage":
            shard.write_bytes(b"{\"records\": ")
        else:  # every answer turned into the opposite kind of value
            records = json.loads(shard.read_text())["records"]
            for record in records.values():
                record["memo"] = {key: ("yes" if value is None or isinstance(value, bool) else 1)
                                  for key, value in record["memo"].items()}
            shard.write_text(json.dumps({"records": records}))
    assert _cached_scan(directory, sources, ALL).facts == prefilter.scan(sources, ALL).facts
