"""``asynclint fix`` (``asynclint.fixes``): expected outputs byte for byte, the round trip over every
fixture and the example project, what is written (and what is not), and a fixed fixture under real
Django.

Expected outputs sit next to their fixture: ``bad_<case>.py.fixed`` is ``bad_<case>.py`` after
``fix --unsafe-fixes`` (named ``.py.fixed`` so that no fixture harness lints or runs it). A fixture
without one must come out of ``fix`` unchanged: no fix is offered there.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import libcst
import pytest

from asynclint.fixes import SAFE, UNSAFE, fix_paths
from asynclint.fixes import edits, engine
from asynclint.fixes.base import Fix
from tests.lint import FIXTURES, ROOT, on_sys_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXPECTED_SUFFIX = ".fixed"
BOOKSHOP = ROOT / "examples" / "bookshop"


def options_in(path: Path, root: Path) -> dict[str, str]:
    """The options of the nearest ``options.toml`` at or above ``path`` (up to ``root``)."""
    for folder in [path.parent, *path.parent.parents]:
        candidate = folder / "options.toml"
        if candidate.exists():
            return {k: str(v) for k, v in tomllib.loads(candidate.read_text()).items()}
        if folder == root:
            break
    return {}


def python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def copy_fixtures(destination: Path) -> Path:
    copy = destination / "fixtures"
    shutil.copytree(FIXTURES, copy, ignore=shutil.ignore_patterns("*" + EXPECTED_SUFFIX, "__pycache__"))
    return copy


def fix_tree(root: Path, unsafe: bool = True, diff: bool = False) -> list:
    """Fix every file under ``root``, one run per set of options (as the fixture harness lints)."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for path in python_files(root):
        groups[tuple(sorted(options_in(path, root).items()))].append(str(path))
    reports = []
    with on_sys_path(root):
        for options, paths in groups.items():
            options = dict(options)
            version = options.pop("django-version", None)
            reports.append(fix_paths(paths, unsafe=unsafe, diff=diff, django_version=version, options=options))
    engine.forget_under([str(root)])  # the copies' modules must not stand in for the originals later
    return reports


@pytest.fixture(scope="module")
def fixed_fixtures(tmp_path_factory):
    """A copy of tests/fixtures after ``fix --unsafe-fixes``, and the reports."""
    copy = copy_fixtures(tmp_path_factory.mktemp("fixed"))
    reports = fix_tree(copy)
    return copy, reports


def fixture_files() -> list[Path]:
    return python_files(FIXTURES)


# --- expected outputs --------------------------------------------------------------------------------
@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixed_output(fixed_fixtures, path: Path):
    copy, _reports = fixed_fixtures
    got = (copy / path.relative_to(FIXTURES)).read_bytes()
    expected_file = path.with_name(path.name + EXPECTED_SUFFIX)
    if expected_file.exists():
        assert got == expected_file.read_bytes(), f"fix output differs from {expected_file.name}"
    else:
        assert got == path.read_bytes(), (
            f"fix changed {path.name}, which has no {expected_file.name}: review the output and add it"
        )


def test_every_expected_output_has_its_fixture():
    orphans = [p for p in FIXTURES.rglob("*" + EXPECTED_SUFFIX) if not p.with_suffix("").exists()]
    assert not orphans


def test_every_fixable_rule_has_an_expected_output():
    covered = {p.relative_to(FIXTURES).parts[0] for p in FIXTURES.rglob("*" + EXPECTED_SUFFIX)}
    assert set(engine.fixable()) <= covered, sorted(set(engine.fixable()) - covered)


def test_fix_reports_no_errors(fixed_fixtures):
    _copy, reports = fixed_fixtures
    assert not [error for report in reports for error in report.errors]


# --- the round trip -----------------------------------------------------------------------------------
def _assert_round_trip(root: Path, changed: list[str]) -> None:
    for path in changed:
        text = Path(path).read_text(encoding="utf-8")
        libcst.parse_module(text)
        compile(text, path, "exec", dont_inherit=True)
    before = {p: p.read_bytes() for p in python_files(root)}
    again = fix_tree(root)
    assert not [path for report in again for path in report.changed], "a second fix changed files"
    assert {p: p.read_bytes() for p in python_files(root)} == before
    fixable = [
        f"{left.finding.where()}: {left.finding.symbol} ({left.kind})"
        for report in again for left in report.left
        if left.kind in (engine.UNSAFE_LEFT, engine.CONFLICT, engine.INVALID)
    ]
    assert not fixable, "findings left that a fix could still handle:\n" + "\n".join(fixable)
    still = [f.where() for report in again for f in report.remaining if f.fix_safety is not None]
    assert not still


def test_round_trip_over_every_fixture(fixed_fixtures):
    copy, reports = fixed_fixtures
    changed = [path for report in reports for path in report.changed]
    assert changed
    _assert_round_trip(copy, changed)


def test_round_trip_over_the_example_project(tmp_path):
    project = tmp_path / "bookshop"
    shutil.copytree(BOOKSHOP, project, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3"))
    with on_sys_path(project):
        report = fix_paths([str(project)], unsafe=True)
    engine.forget_under([str(project)])
    assert not report.errors
    views = (project / "shop" / "views.py").read_text()
    for fixed in (
        "book = await Book.objects.aget(pk=pk)",  # get() -> aget()
        "book = await aget_object_or_404(Book, pk=pk)",  # get_object_or_404, import updated
        "if not await results.aexists():",  # truth value (unsafe)
        "    async for book in books:",
        '    async for book in Book.objects.order_by("pk").aiterator():',
        'await book.asave(update_fields=["stock"])',
        "totals = await sync_to_async(services.stock_summary)()",  # missing sync_to_async (unsafe)
        "    user = await request.auser()\n",  # request.user (unsafe)
        'return TemplateResponse(request, "shop/book_list.html", {"books": Book.objects.all()})',
        "book_count = await author.books.acount()",
    ):
        assert fixed in views, fixed
    assert "with transaction.atomic():" in views  # no automatic fix
    assert "from django.shortcuts import aget_object_or_404, get_object_or_404, redirect, render" in views
    _assert_round_trip(project, report.changed)


def test_safe_fixes_only_without_unsafe(tmp_path):
    copy = copy_fixtures(tmp_path)
    reports = fix_tree(copy, unsafe=False)
    applied = [fixed for report in reports for fixed in report.fixed]
    assert applied and all(fixed.safety == SAFE for fixed in applied)
    hidden = [left for report in reports for left in report.left if left.kind == engine.UNSAFE_LEFT]
    assert {left.finding.symbol for left in hidden} >= {
        "sync-template-render-in-async", "sync-test-client-in-async-test", "missing-sync-to-async",
        "sync-auth-call-in-async", "blocking-call-in-async", "sync-queryset-evaluation-in-async",
    }
    ordered = (copy / "sync-queryset-evaluation-in-async" / "bad_fix_truth_and_first.py").read_text()
    assert "book = await Book.objects.filter(published=True).afirst()" in ordered  # Meta.ordering: safe
    assert "author = Author.objects.all()[0]" in ordered  # no ordering: unsafe, left


# --- what is written ----------------------------------------------------------------------------------
VIEW = '''\
"""A view."""

from library.models import Book


async def detail(request, pk):
    return Book.objects.get(pk=pk)  # é
'''


def _lint_fix(path: Path, **kwargs):
    with on_sys_path(FIXTURES):
        return fix_paths([str(path)], **kwargs)


def test_diff_writes_nothing(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(VIEW, encoding="utf-8")
    report = _lint_fix(path, diff=True)
    assert path.read_text(encoding="utf-8") == VIEW
    assert "-    return Book.objects.get(pk=pk)  # é\n+    return await Book.objects.aget(pk=pk)  # é\n" in report.diff
    assert report.changed == [str(path.resolve())]
    assert not report.remaining and report.exit_code == 1  # the fix is still to be written


@pytest.mark.parametrize(("encoding", "newline", "prefix"), [
    ("utf-8", "\r\n", b""),
    ("utf-8-sig", "\n", b"\xef\xbb\xbf"),
    ("latin-1", "\n", b""),
])
def test_encoding_newlines_and_permissions_are_kept(tmp_path, encoding, newline, prefix):
    source = VIEW
    if encoding == "latin-1":
        source = "# -*- coding: latin-1 -*-\n" + source
    path = tmp_path / "views.py"
    path.write_bytes(source.replace("\n", newline).encode(encoding))
    path.chmod(0o640)
    report = _lint_fix(path)
    assert report.fixed and not report.errors
    data = path.read_bytes()
    assert data.startswith(prefix) and data.count(b"\xef\xbb\xbf") == len(prefix) // 3
    expected = source.replace("return Book.objects.get(pk=pk)", "return await Book.objects.aget(pk=pk)")
    assert data == expected.replace("\n", newline).encode(encoding)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not list(tmp_path.glob(".asynclint-*"))  # no temporary file left behind
    again = _lint_fix(path)
    assert not again.changed and path.read_bytes() == data


def test_symlinks_stay_links(tmp_path):
    target = tmp_path / "real.py"
    target.write_text(VIEW, encoding="utf-8")
    link = tmp_path / "views.py"
    link.symlink_to(target)
    _lint_fix(link)
    assert link.is_symlink()
    assert "await Book.objects.aget(pk=pk)" in target.read_text(encoding="utf-8")


def test_a_result_that_does_not_compile_is_refused():
    source = "def f(qs):\n    return qs.aget()\n"
    bad = Fix(SAFE, "await in a sync def", (edits.add_await(edits.Span(2, 11, 2, 20)),))
    result, applied, refused = engine.apply_fixes(source, [bad])
    assert result == source and applied == [] and refused == {0: engine.INVALID}


def test_overlapping_fixes_are_deferred():
    source = "async def f(qs):\n    x = qs.get()\n"
    call = edits.Span(2, 8, 2, 16)
    first = Fix(SAFE, "a", (edits.rename_call(call, "aget"), edits.add_await(call)))
    second = Fix(SAFE, "b", (edits.add_await(call),))
    result, applied, refused = engine.apply_fixes(source, [first, second])
    assert result == "async def f(qs):\n    x = await qs.aget()\n"
    assert applied == [0] and refused == {1: engine.CONFLICT}


def test_select_and_ignore(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(VIEW, encoding="utf-8")
    assert not _lint_fix(path, select=["E5702"]).changed
    assert not _lint_fix(path, ignore=["sync-orm-call-in-async"]).changed
    assert _lint_fix(path, select=["E57"], diff=True).changed


def test_below_the_targeted_version_there_is_no_fix(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(VIEW, encoding="utf-8")
    report = _lint_fix(path, django_version="4.0")
    assert not report.changed
    assert [left.kind for left in report.left] == ["no replacement in the targeted Django version"]


# --- fixability (check's [*] marks) ---------------------------------------------------------------------
def test_fixability():
    def by_line(relative: str) -> dict[int, str | None]:
        return _fixability_of(FIXTURES / relative)

    truth = by_line("sync-queryset-evaluation-in-async/bad_fix_truth_and_first.py")
    assert truth == {13: UNSAFE, 19: UNSAFE, 26: SAFE, 32: UNSAFE, 37: SAFE, 43: UNSAFE, 49: None}
    orm = by_line("sync-orm-call-in-async/bad_instance_methods.py")
    assert orm[11] == SAFE and orm[26] is None  # save() → asave(); full_clean() has no async form


def _fixability_of(path: Path) -> dict[int, str | None]:
    with on_sys_path(FIXTURES):
        findings, _errors, _target = engine.lint([str(path)], engine.select_symbols())
        return {finding.line: finding.fix_safety for finding in findings}


def test_check_output_findings_carry_the_fix():
    output = pytest.importorskip("asynclint.output")
    path = FIXTURES / "sync-orm-call-in-async" / "bad_manager_get.py"
    with on_sys_path(FIXTURES):
        findings, _errors, _target = engine.lint([str(path)], engine.select_symbols())
    first = findings[0]
    shown = output.shown([first])[0]
    assert shown.fix_safety == SAFE == first.fix_safety and shown.fix.edits == first.fix.edits
    assert (shown.path, shown.line, shown.column) == (output.shown_path(first.path), first.line, first.column)


# --- the command line -------------------------------------------------------------------------------------
def test_module_entry_point(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(VIEW, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(FIXTURES), str(ROOT)])}
    shown = subprocess.run([sys.executable, "-m", "asynclint.fixes", "--diff", str(path)], capture_output=True,
                           text=True, env=environment, cwd=tmp_path, check=False)
    assert shown.returncode == 1, shown.stderr
    assert "+    return await Book.objects.aget(pk=pk)  # é" in shown.stdout
    assert "1 would be fixed in 1 file, 0 remaining" in shown.stderr
    assert path.read_text(encoding="utf-8") == VIEW
    fixed = subprocess.run([sys.executable, "-m", "asynclint.fixes", str(path)], capture_output=True, text=True,
                           env=environment, cwd=tmp_path, check=False)
    assert fixed.returncode == 0, fixed.stderr
    assert "await Book.objects.aget(pk=pk)" in path.read_text(encoding="utf-8")


# --- under real Django ----------------------------------------------------------------------------------
RUNNER = textwrap.dedent('''
    """Run the top-level async functions of fixture files under Django; print how each ended."""
    import asyncio, gc, importlib.util, inspect, json, re, sys, tempfile, warnings

    import django
    from django.conf import settings

    fixtures = sys.argv[1]
    sys.path.insert(0, fixtures)
    if not settings.configured:
        settings.configure(
            SECRET_KEY="asynclint-fix-tests",
            INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "library"],
            DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                                   "NAME": tempfile.mktemp(suffix=".sqlite3")}},
            CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            DEFAULT_AUTO_FIELD="django.db.models.AutoField",
            ALLOWED_HOSTS=["testserver"],
            USE_TZ=True,
        )
    django.setup()
    from django.core.management import call_command
    from django.test import AsyncRequestFactory
    call_command("migrate", run_syncdb=True, verbosity=0)
    from library.models import Author, Book, Publisher, Tag

    def seed():
        for model in (Book, Tag, Publisher, Author):
            model._base_manager.all().delete()
        author = Author.objects.create(pk=1, name="Ursula K. Le Guin")
        publisher = Publisher.objects.create(pk=1, name="Ace Books", active=True)
        tag = Tag.objects.create(pk=1, name="science fiction")
        Book.objects.create(pk=1, title="The Left Hand of Darkness", author=author, publisher=publisher).tags.add(tag)

    values = {"request": lambda: AsyncRequestFactory().get("/"), "pk": lambda: 1, "book_id": lambda: 1,
              "author_id": lambda: 1, "author": lambda: Author.objects.get(pk=1),
              "book": lambda: Book.objects.get(pk=1), "tag": lambda: Tag.objects.get(pk=1),
              "publisher": lambda: Publisher.objects.get(pk=1)}
    results = {}
    for path in sys.argv[2:]:
        spec = importlib.util.spec_from_file_location("fixture_" + re.sub(r"\\W", "_", path), path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, function in vars(module).items():
            if not inspect.iscoroutinefunction(function) or function.__module__ != module.__name__:
                continue
            parameters = inspect.signature(function).parameters
            if any(p not in values for p in parameters):
                continue
            seed()
            arguments = {p: values[p]() for p in parameters}
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    asyncio.run(function(**arguments))
                    outcome = "ok"
                except Exception as error:
                    outcome = type(error).__name__
                gc.collect()
            if any("never awaited" in str(w.message) for w in caught):
                outcome += " (coroutine never awaited)"
            results[f"{path}::{name}"] = outcome
    print(json.dumps(results))
''')

RUNTIME_FIXTURES = (
    "sync-orm-call-in-async/bad_manager_get.py",
    "sync-orm-call-in-async/bad_queryset_writes.py",
    "sync-orm-call-in-async/bad_related_managers.py",
    "sync-orm-call-in-async/bad_fix_formatting_and_aliases.py",
    "sync-queryset-evaluation-in-async/bad_for_loop_over_queryset.py",
    "sync-queryset-evaluation-in-async/bad_comprehensions.py",
    "sync-queryset-evaluation-in-async/bad_builtins_that_iterate.py",
    "async-iterator-in-sync-loop/bad_for_over_aiterator.py",
)


def _run_under_django(root: Path, relatives) -> dict[str, str]:
    runner = root.parent / "run_fixtures.py"
    runner.write_text(RUNNER)
    completed = subprocess.run([sys.executable, str(runner), str(root), *(str(root / r) for r in relatives)],
                               capture_output=True, text=True, check=False, cwd=root.parent)
    assert completed.returncode == 0, completed.stderr
    return {key.replace(str(root) + os.sep, ""): value for key, value in json.loads(completed.stdout).items()}


@pytest.mark.django_runtime
def test_fixed_fixtures_run_under_django(fixed_fixtures, tmp_path):
    pytest.importorskip("django")
    copy, _reports = fixed_fixtures
    original = _run_under_django(copy_fixtures(tmp_path), RUNTIME_FIXTURES)
    fixed = _run_under_django(copy, RUNTIME_FIXTURES)
    assert original.keys() == fixed.keys() and len(fixed) > 30
    raised = {name for name, outcome in original.items() if outcome == "SynchronousOnlyOperation"}
    assert len(raised) > 25, original  # the bug is real before the fix
    broken = {name: outcome for name, outcome in fixed.items() if outcome != "ok"}
    assert not broken, broken  # and gone after it


def test_rule_pages_say_whether_the_rule_is_fixable():
    from asynclint.rules import ALL

    for rule in ALL:
        section = sys.modules[rule.__module__].__doc__.split("## Fix safety", 1)[1].split("##", 1)[0].strip()
        says_no = section.startswith("No automatic fix")
        assert says_no == (rule.fix_safety is None), (rule.symbol, section[:80])
