"""The persistent cache of ``asynclint check`` (``asynclint.cache``): a warm run reports what a cold
run reports, a change re-analyses exactly the modules that read the changed file, broken cache
files are rebuilt, concurrent runs agree, and ``asynclint clean`` removes it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from asynclint import cache, cli
from tests.lint import ROOT

BOOKSHOP = ROOT / "examples" / "bookshop"
FIXTURES = ROOT / "tests" / "fixtures"
UNCHANGED = re.compile(r"cache .*: (\d+) of (\d+) modules unchanged; (\d+) analysed")

VIEW = textwrap.dedent("""\
    from shop import helpers


    async def report(request):
        return helpers.summary()
""")
HELPERS = textwrap.dedent("""\
    from shop import queries


    def summary():
        return queries.totals()
""")
QUERIES_ORM = textwrap.dedent("""\
    from shop.models import Book


    def totals():
        return Book.objects.count()
""")
QUERIES_PURE = textwrap.dedent("""\
    def totals():
        return 42
""")
MODELS = textwrap.dedent("""\
    from django.db import models


    class Book(models.Model):
        title = models.CharField(max_length=10)
""")
OTHER = textwrap.dedent("""\
    import time


    async def nap(request):
        time.sleep(1)
""")


def check(capsys, *args: str) -> tuple[int, list[dict], tuple[int, int, int] | None]:
    """Exit code, findings (json), and (unchanged, candidates, analysed) from ``-v``."""
    code = cli.main(["check", "--output-format", "json", "-v", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    match = UNCHANGED.search(err)
    counts = tuple(int(group) for group in match.groups()) if match else None
    return code, json.loads(out), counts


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project whose async view reaches the ORM through two helper modules."""
    (tmp_path / "shop").mkdir()
    for name, text in {"__init__.py": "", "views.py": VIEW, "helpers.py": HELPERS, "queries.py": QUERIES_ORM,
                       "models.py": MODELS, "other.py": OTHER}.items():
        (tmp_path / "shop" / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)
    return tmp_path


def test_warm_run_reports_what_a_cold_run_reports_and_analyses_nothing(capsys, project):
    cold = check(capsys, ".")
    assert cold[2] == (0, 2, 2)
    assert {(f["path"], f["symbol"]) for f in cold[1]} == {("shop/views.py", "missing-sync-to-async"),
                                                           ("shop/other.py", "blocking-call-in-async")}
    warm = check(capsys, ".")
    assert warm[:2] == cold[:2]
    assert warm[2] == (2, 2, 0)
    assert check(capsys, ".", "--no-cache")[:2] == cold[:2]
    directory = project / cache.DIRECTORY
    assert (directory / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_change_in_a_helper_module_reanalyses_the_module_that_calls_it(capsys, project):
    check(capsys, ".")
    (project / "shop" / "queries.py").write_text(QUERIES_PURE)
    code, found, counts = check(capsys, ".")
    assert counts == (1, 2, 1)  # views.py read queries.py (through helpers.py); other.py did not
    assert [f["path"] for f in found] == ["shop/other.py"]
    assert check(capsys, ".", "--no-cache")[:2] == (code, found)
    (project / "shop" / "queries.py").write_text(QUERIES_ORM)
    code, found, counts = check(capsys, ".")
    assert counts == (1, 2, 1)
    assert sorted(f["path"] for f in found) == ["shop/other.py", "shop/views.py"]


def test_the_entries_record_reverse_dependencies(capsys, project):
    check(capsys, ".")
    spaces = list((project / cache.DIRECTORY / f"v{cache.FORMAT}").iterdir())
    assert len(spaces) == 1
    recorded = cache.Cache(project / cache.DIRECTORY, spaces[0].name)
    views = str(project / "shop" / "views.py")
    assert recorded.dependents(str(project / "shop" / "queries.py")) == [views]
    assert recorded.dependents(str(project / "shop" / "helpers.py")) == [views]
    assert recorded.dependents(views) == []


API = VIEW.replace("async def report", "async def api")


def test_an_answer_memoised_for_another_module_carries_what_it_read(capsys, project, monkeypatch):
    """api.py is analysed first; views.py reuses the memoised chain of helpers.summary() without
    reading queries.py itself (summary's result does not come from it), and must still depend on it."""
    (project / "shop" / "api.py").write_text(API)
    (project / "shop" / "helpers.py").write_text(HELPERS.replace("return queries.totals()",
                                                                 "queries.totals()\n    return {}"))
    memo_hits = []
    used = cache._Memo._used  # pylint: disable=protected-access

    def noting(memo, key):
        memo_hits.append(key)
        used(memo, key)

    monkeypatch.setattr(cache._Memo, "_used", noting)  # pylint: disable=protected-access
    cold = check(capsys, ".")
    assert memo_hits  # the memo was used across modules (else this test proves nothing)
    assert sorted(f["path"] for f in cold[1]) == ["shop/api.py", "shop/other.py", "shop/views.py"]
    (project / "shop" / "queries.py").write_text(QUERIES_PURE)
    code, found, counts = check(capsys, ".")
    assert counts == (1, 3, 2)  # both views, not other.py
    assert [f["path"] for f in found] == ["shop/other.py"]
    assert check(capsys, ".", "--no-cache")[:2] == (code, found)


def test_a_module_depends_on_what_its_analysis_read_not_on_every_import(capsys, project):
    """views.py's chain goes through helpers.py and queries.py; models.py is read too (Book), but a
    module the helpers import and the analysis never opens is no dependency."""
    (project / "shop" / "unused.py").write_text("X = 1\n")
    (project / "shop" / "helpers.py").write_text("from shop import unused\n" + HELPERS)
    check(capsys, ".")
    (project / "shop" / "unused.py").write_text("X = 2\n")
    assert check(capsys, ".")[2] == (2, 2, 0)
    (project / "shop" / "models.py").write_text(MODELS.replace("max_length=10", "max_length=11"))
    assert check(capsys, ".")[2] == (1, 2, 1)


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage", "wrong-shape", "empty"])
def test_broken_cache_files_are_rebuilt(capsys, project, damage):
    cold = check(capsys, ".")
    entries = [p for p in (project / cache.DIRECTORY).rglob("*.json")]
    assert len(entries) >= 3  # two modules and the prefilter's facts
    for entry in entries:
        if damage == "delete":
            entry.unlink()
        elif damage == "truncate":
            entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
        elif damage == "garbage":
            entry.write_bytes(b"\xff\x00not json")
        elif damage == "wrong-shape":
            entry.write_text(json.dumps({"path": 1, "hash": [], "messages": "x", "facts": 3, "key": None}))
        else:
            entry.write_text("")
    again = check(capsys, ".")
    assert again[:2] == cold[:2]
    assert again[2] == (0, 2, 2)
    assert check(capsys, ".")[2] == (2, 2, 0)  # rebuilt


def test_a_cached_message_with_a_wrong_field_is_not_trusted(capsys, project):
    cold = check(capsys, ".")
    for entry in (project / cache.DIRECTORY).rglob("files/*/*.json"):
        data = json.loads(entry.read_text())
        data["messages"] = [{"msg_id": 5}]
        entry.write_text(json.dumps(data))
    assert check(capsys, ".")[:2] == cold[:2]


def test_cache_dir_option_environment_and_no_cache(capsys, project, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("cachedir") / "c"
    check(capsys, ".", "--cache-dir", str(elsewhere))
    assert (elsewhere / "CACHEDIR.TAG").is_file()
    assert not (project / cache.DIRECTORY).exists()
    from_env = tmp_path_factory.mktemp("env") / "c"
    monkeypatch.setenv(cache.ENVIRONMENT, str(from_env))
    check(capsys, ".")
    assert (from_env / ".gitignore").is_file()
    assert check(capsys, ".", "--no-cache")[2] is None
    monkeypatch.delenv(cache.ENVIRONMENT)
    check(capsys, ".", "--no-cache")
    assert not (project / cache.DIRECTORY).exists()


def test_settings_change_the_space(capsys, project):
    check(capsys, ".")
    assert check(capsys, ".", "--select", "blocking-call-in-async")[2] == (0, 2, 2)
    assert check(capsys, ".", "--django-version", "4.2")[2] == (0, 2, 2)
    assert check(capsys, ".")[2] == (2, 2, 0)


def test_clean_removes_the_cache_and_nothing_else(capsys, project, tmp_path_factory):
    check(capsys, ".")
    assert cli.main(["clean"]) == 0
    assert not (project / cache.DIRECTORY).exists()
    assert (project / "shop" / "views.py").exists()
    assert cli.main(["clean"]) == 0  # nothing to remove
    not_ours = tmp_path_factory.mktemp("notours")
    (not_ours / "precious.txt").write_text("keep")
    capsys.readouterr()
    assert cli.main(["clean", "--cache-dir", str(not_ours)]) == 2
    assert "not an asynclint cache" in capsys.readouterr().err
    assert (not_ours / "precious.txt").exists()


def run_process(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "asynclint.cli", "check", "--output-format", "json", *args, "."],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def finished(run: subprocess.Popen) -> tuple[int, list]:
    out, err = run.communicate(timeout=300)
    assert b"Traceback" not in err, err
    return run.returncode, json.loads(out)


def warm_counts(project: Path) -> tuple[int, list, tuple[int, int, int] | None]:
    """A warm run in a fresh process (as a second process would be): exit code, findings and
    (unchanged, candidates, analysed). In a fresh process, not this one: what the suite's other tests
    left in this process must not decide what these cross-process tests see."""
    run = run_process(project, "-v")
    out, err = run.communicate(timeout=300)
    assert b"Traceback" not in err, err
    match = UNCHANGED.search(err.decode())
    return run.returncode, json.loads(out), tuple(int(group) for group in match.groups()) if match else None


def test_parallel_workers_store_their_modules(project):
    cold = finished(run_process(project, "-j", "2"))
    warm = warm_counts(project)
    assert warm[:2] == cold
    assert warm[2] == (2, 2, 0)


def test_two_processes_at_once_finish_with_correct_results(project):
    expected = finished(run_process(project, "--no-cache"))
    for _ in range(2):  # cold (both write the same entries), then warm (one may read while the other writes)
        runs = [run_process(project) for _ in range(2)]
        assert [finished(run) for run in runs] == [expected, expected]
    assert warm_counts(project)[2] == (2, 2, 0)


def test_warm_run_equals_cold_run_on_the_example_project(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(BOOKSHOP)
    directory = str(tmp_path / "c")
    cold = check(capsys, ".", "--cache-dir", directory)
    warm = check(capsys, ".", "--cache-dir", directory)
    assert cold[1] and warm[:2] == cold[:2]
    assert warm[2][0] == warm[2][1] and warm[2][2] == 0


def test_warm_run_equals_cold_run_on_the_fixtures(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(FIXTURES)
    directory = str(tmp_path / "c")
    cold = check(capsys, ".", "--cache-dir", directory, "--exit-zero")
    warm = check(capsys, ".", "--cache-dir", directory, "--exit-zero")
    assert len(cold[1]) > 100 and warm[:2] == cold[:2]
    assert warm[2][0] == warm[2][1] and warm[2][2] == 0


AUTHORS = textwrap.dedent("""\
    from django.db import models


    class Author(models.Model):
        name = models.CharField(max_length=10)
""")
BOOKS = textwrap.dedent("""\
    from django.db import models


    class Book(models.Model):
        author = models.ForeignKey("shop.Author", on_delete=models.CASCADE, related_name="books")
""")
COUNT = textwrap.dedent("""\
    from shop.authors import Author


    async def count(request):
        author = await Author.objects.aget(pk=1)
        return author.books.count()
""")


def test_a_related_name_declared_in_a_module_not_imported_is_a_dependency(capsys, tmp_path, monkeypatch):
    """``author.books`` is known from the project's relation index, not from an import."""
    (tmp_path / "shop").mkdir()
    for name, text in {"__init__.py": "", "authors.py": AUTHORS, "views.py": COUNT}.items():
        (tmp_path / "shop" / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "books.py").write_text(BOOKS)  # a new file declares the relation
    code, found, counts = check(capsys, ".")
    assert counts == (0, 1, 1) and [f["symbol"] for f in found] == ["sync-orm-call-in-async"]
    assert check(capsys, ".")[2] == (1, 1, 0)
    (tmp_path / "shop" / "books.py").write_text(BOOKS.replace('"books"', '"volumes"'))
    code, found, counts = check(capsys, ".")
    assert counts == (0, 1, 1) and found == []


def test_an_unusable_cache_directory_costs_speed_not_results(capsys, project):
    (project / "not-a-dir").write_text("")
    expected = check(capsys, ".", "--no-cache")[:2]
    assert check(capsys, ".", "--cache-dir", str(project / "not-a-dir" / "c"))[:2] == expected


def test_the_cache_is_bounded_and_reports_its_size(capsys, project):
    cli.main(["check", "-v", "."])
    assert re.search(r"cache .*: \d+ files, \d+\.\d MB", capsys.readouterr().err)
    directory = project / cache.DIRECTORY
    spaces = [cache.Cache(directory, f"space{index}") for index in range(cache.KEEP_SPACES + 2)]
    gone = project / "gone.py"
    gone.write_text("x = 1\n")
    for space in spaces:
        space.store(str(gone), cache.file_hash(str(gone)), [], [], {})
        space.prune()
        time.sleep(0.05)  # distinct modification times
    used = {p.name for p in (directory / f"v{cache.FORMAT}").iterdir()}
    assert len(used) == cache.KEEP_SPACES and spaces[-1].settings in used  # the least recently used went
    gone.unlink()
    (spaces[-1].space / "pruned").unlink()
    spaces[-1].prune()  # entries of deleted files go (at most once an hour)
    assert not list((spaces[-1].space / "files").glob("*/*.json"))


def test_the_api_an_editor_uses_lookup_by_text_and_unsaved_buffers(project):
    """``driver.lint(..., buffers=, cache=)`` stores the buffer's findings under the buffer's hash;
    ``Cache.lookup(path, text)`` answers for that text only."""
    from asynclint import driver
    from asynclint.rules import ALL

    space = cache.Cache(project / "c", cache.settings_key(ALL, "5.2", {}))
    views = project / "shop" / "views.py"
    files = sorted((project / "shop").glob("*.py"))
    edited = VIEW + "\n\nasync def other(request):\n    return helpers.summary()\n"
    result = driver.lint(files, ALL, (5, 2), {}, buffers={str(views): edited}, cache=space)
    assert sorted(f.line for f in result.findings if f.path.endswith("views.py")) == [5, 9]
    fresh = cache.Cache(project / "c", space.settings)
    assert [m.line for m in fresh.lookup(str(views), edited)] == [5, 9]
    assert fresh.lookup(str(views), VIEW) is None  # the disk's text was never analysed
    assert fresh.lookup(str(views)) is None
    again = driver.lint(files, ALL, (5, 2), {}, cache=cache.Cache(project / "c", space.settings))
    assert sorted(f.line for f in again.findings if f.path.endswith("views.py")) == [5]


def test_structured_values_round_trip_as_json_and_nothing_else_is_stored():
    finding = cache.CachedMessage("E5701", "sym", "text", "/p.py", "p.py", line=3, finding=None)
    value = {"a": (1, "x", None, [finding]), 2: 2.5}
    assert cache.decode(json.loads(json.dumps(cache.encode(value)))) == value
    with pytest.raises(TypeError):
        cache.encode(object())
    for forged in ({"c": "os:system", "f": {}}, {"c": "asynclint.cache:Cache", "f": {}}, {"x": 1}):
        with pytest.raises((ValueError, TypeError)):
            cache.decode(forged)


MIDDLEWARE = textwrap.dedent("""\
    class ClientIpMiddleware:
        def __init__(self, get_response):
            self.get_response = get_response

        def __call__(self, request):
            return self.get_response(request)
""")


def test_a_changed_deployment_file_reanalyses_the_modules_that_asked_how_http_is_served(
        capsys, tmp_path, monkeypatch):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "middleware.py").write_text(MIDDLEWARE)
    (tmp_path / "shop" / "other.py").write_text(OTHER)
    (tmp_path / "Procfile").write_text("web: gunicorn shop.asgi:application -k uvicorn.workers.UvicornWorker\n")
    monkeypatch.chdir(tmp_path)
    code, found, counts = check(capsys, ".")
    assert "sync-only-middleware" in [f["symbol"] for f in found]
    assert check(capsys, ".")[2] == (2, 2, 0)
    (tmp_path / "Procfile").write_text("web: gunicorn shop.wsgi --workers 3\n")
    code, found, counts = check(capsys, ".")
    assert counts == (1, 2, 1)  # other.py never asked
    assert "sync-only-middleware" not in [f["symbol"] for f in found]
    assert (code, found) == check(capsys, ".", "--no-cache")[:2]


def test_the_source_fingerprint_is_the_same_in_every_process(tmp_path):
    """A subprocess started from another folder (as the tests' CLI runs are) computes the same hash."""
    other = subprocess.run([sys.executable, "-c", "from asynclint import cache; print(cache.source_fingerprint())"],
                           cwd=tmp_path, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "7"})
    assert other.stdout.strip() == cache.source_fingerprint()


def test_the_source_hash_ignores_what_is_left_beside_the_modules(tmp_path):
    package = tmp_path / "package"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "sub" / "b.py").write_text("B = 2\n")
    before = cache.sources_hash(package, "1.0")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (package / ".#a.py").symlink_to("user@host.1234")  # an editor's lock: a dangling link
    (package / ".a.py.tmp.py").write_text("half written")
    (package / "notes.txt").write_text("not a module")
    assert cache.sources_hash(package, "1.0") == before
    (package / "sub" / "b.py").write_text("B = 3\n")
    assert cache.sources_hash(package, "1.0") != before
    assert cache.sources_hash(package, "1.1") != cache.sources_hash(package, "1.0")


def make_shop(root: Path, monkeypatch, files: dict[str, str]) -> None:
    """A ``shop`` package with these modules under ``root``, the current directory, default cache."""
    (root / "shop").mkdir()
    for name, text in files.items():
        (root / "shop" / name).write_text(text)
    monkeypatch.chdir(root)
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)


HANDLERS = textwrap.dedent("""\
    class Handler:
        async def handle(self, request):
            return self.fetch()

        def fetch(self):
            return None
""")
SPECIAL = textwrap.dedent("""\
    from shop.handlers import Handler
    from shop.models import Book


    class Special(Handler):
        def fetch(self):
            return Book.objects.get(pk=1)
""")


def test_a_new_file_that_subclasses_a_project_class_reanalyses_the_modules_dispatching_to_it(
        capsys, tmp_path, monkeypatch):
    """``self.fetch()`` reaches the overrides the project's text index of class bases finds: a file
    that starts naming ``Handler`` among its bases is read by no earlier analysis, so it is no recorded
    dependency; the entry's recorded index answers go stale instead (``cache.TEXT_QUERIES``)."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "models.py": MODELS, "handlers.py": HANDLERS})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "special.py").write_text(SPECIAL)
    code, found, _counts = check(capsys, ".")
    assert [(f["path"], f["symbol"]) for f in found] == [("shop/handlers.py", "missing-sync-to-async")]
    assert check(capsys, ".", "--no-cache")[:2] == (code, found)
    assert check(capsys, ".")[:2] == (code, found)
    (tmp_path / "shop" / "special.py").write_text(SPECIAL.replace("(Handler)", ""))  # no longer a subclass
    assert check(capsys, ".")[1] == []


LEDGER = textwrap.dedent("""\
    from django.dispatch import Signal


    class Ledger:
        _closed = Signal()


    async def close_ledger(request):
        Ledger._closed.send(sender=Ledger)
        return True
""")
HOOKS = textwrap.dedent("""\
    from django.dispatch import receiver

    from shop.ledger import Ledger
    from shop.models import Book


    @receiver(Ledger._closed)
    def count_books(sender, **kwargs):
        return Book.objects.count()
""")


def test_a_new_file_that_connects_a_receiver_reanalyses_the_modules_sending_the_signal(
        capsys, tmp_path, monkeypatch):
    """A private signal without receivers that query is quiet; a new file connecting one is found by
    the text index of receivers, not through any import of the sending module."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "models.py": MODELS, "ledger.py": LEDGER})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "hooks.py").write_text(HOOKS)
    code, found, _counts = check(capsys, ".")
    assert [(f["path"], f["symbol"]) for f in found] == [("shop/ledger.py", "sync-signal-send-in-async")]
    assert check(capsys, ".", "--no-cache")[:2] == (code, found)
    (tmp_path / "shop" / "hooks.py").write_text(HOOKS.replace("Ledger._closed", "Ledger._opened"))
    assert check(capsys, ".")[1] == []


# --- inputs the analysis reads that are neither astroid lookups nor the recorded text indexes --------
def _warm_equals_no_cache(capsys) -> list[dict]:
    warm = check(capsys, ".")
    assert warm[:2] == check(capsys, ".", "--no-cache")[:2]
    return warm[1]


def test_a_module_an_import_did_not_find_appearing_reanalyses_the_importer(capsys, tmp_path, monkeypatch):
    """``from shop import helpers`` without ``shop/helpers.py`` resolves to nothing (silent); the file
    appearing later is no file any analysis read, so the entry records where it would be found."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "views.py": VIEW, "queries.py": QUERIES_ORM,
                                      "models.py": MODELS})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "helpers.py").write_text(HELPERS)
    found = _warm_equals_no_cache(capsys)
    assert [(f["path"], f["symbol"]) for f in found] == [("shop/views.py", "missing-sync-to-async")]


LAZY_CONSUMER = textwrap.dedent("""\
    async def greet(scope, receive, send):
        return scope["author"].name
""")
LAZY_MIDDLEWARE = textwrap.dedent("""\
    from asgiref.sync import async_to_sync
    from channels.db import database_sync_to_async
    from django.utils.functional import SimpleLazyObject

    from shop.models import Book


    class LazyBookMiddleware:
        def __init__(self, inner):
            self.inner = inner

        async def __call__(self, scope, receive, send):
            scope["author"] = SimpleLazyObject(lambda: async_to_sync(database_sync_to_async(Book.objects.get))(pk=1))
            return await self.inner(scope, receive, send)
""")


def test_a_new_lazy_channels_scope_entry_reanalyses_the_modules_reading_scope(capsys, tmp_path, monkeypatch):
    """The scope keys a project makes lazy through ``async_to_sync`` are read from every project file's
    text (``channels.project_lazy_loop_runner_keys``): a consumer's entry keeps that answer."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "models.py": MODELS, "consumers.py": LAZY_CONSUMER})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "middleware.py").write_text(LAZY_MIDDLEWARE)
    found = _warm_equals_no_cache(capsys)
    assert ("shop/consumers.py", "async-to-sync-in-async") in [(f["path"], f["symbol"]) for f in found]


LAST_SEEN = textwrap.dedent("""\
    class LastSeenMiddleware:
        def __init__(self, get_response):
            self.get_response = get_response

        def __call__(self, request):
            request.seen = request.user.pk
            return self.get_response(request)
""")
PROFILE = textwrap.dedent("""\
    async def profile(request):
        return request.user.is_authenticated
""")
SETTINGS = 'MIDDLEWARE = [\n    "django.contrib.auth.middleware.AuthenticationMiddleware",\n]\n'


def _in_views(found: list[dict]) -> list[str]:
    return [f["symbol"] for f in found if f["path"] == "shop/views.py"]


def test_a_middleware_newly_listed_in_settings_reanalyses_the_views(capsys, tmp_path, monkeypatch):
    """A project middleware listed in ``MIDDLEWARE`` that reads ``request.user`` before every view loads
    the user in a thread: the settings are read as text (``core.middleware._listings``), so a view's
    entry keeps that answer and the hashes of the files it names."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "middleware.py": LAST_SEEN, "views.py": PROFILE,
                                      "settings.py": SETTINGS})
    (tmp_path / "Procfile").write_text("web: uvicorn shop.asgi:application\n")
    assert _in_views(check(capsys, ".")[1]) == ["sync-auth-call-in-async"]
    (tmp_path / "shop" / "settings.py").write_text(SETTINGS + 'MIDDLEWARE += ["shop.middleware.LastSeenMiddleware"]\n')
    assert _in_views(_warm_equals_no_cache(capsys)) == []
    (tmp_path / "shop" / "settings.py").write_text(SETTINGS + 'OTHER = ["shop.middleware.LastSeenMiddleware"]\n')
    assert _in_views(_warm_equals_no_cache(capsys)) == ["sync-auth-call-in-async"]


BANNER = textwrap.dedent("""\
    from constance import config


    async def banner(request):
        return str(config.BANNER_TEXT)
""")


def test_a_changed_library_requirement_reanalyses_the_modules_whose_messages_name_its_release(
        capsys, tmp_path, monkeypatch):
    """The targeted release of a library comes from the project's requirement files (``versions.library``),
    read as text: an entry keeps the answer, so pinning a release without the async form changes the
    suggestion in a warm run too."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "views.py": BANNER})
    cold = check(capsys, ".")[1]
    assert len(cold) == 1 and "has no async form of it" not in cold[0]["message"]
    (tmp_path / "requirements.txt").write_text("django-constance==4.2.0\n")
    found = _warm_equals_no_cache(capsys)
    assert len(found) == 1 and "has no async form of it" in found[0]["message"]


FETCH_SCRIPT = textwrap.dedent("""\
    import asyncio
    import time


    async def main():
        time.sleep(1)


    if __name__ == "__main__":
        asyncio.run(main())
""")


def test_a_new_importer_of_a_script_reanalyses_the_script(capsys, tmp_path, monkeypatch):
    """Blocking in a script's own event loop is tolerated while only scripts import it; whether anything
    else does is read from every project file's text (``own_loop.script_program``), so the script's entry
    keeps that answer: a new module importing it makes the blocking call a finding again."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "fetch.py": FETCH_SCRIPT})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "web.py").write_text("from shop.fetch import main\n\nRUN = main\n")
    found = _warm_equals_no_cache(capsys)
    assert [(f["path"], f["symbol"]) for f in found] == [("shop/fetch.py", "blocking-call-in-async")]


RATES = textwrap.dedent("""\
    import asyncio
    import time


    class RateTable:
        pass


    async def example():
        time.sleep(1)


    if __name__ == "__main__":
        asyncio.run(example())
""")


def test_a_new_caller_of_a_demo_run_by_its_modules_main_block_reanalyses_it(capsys, tmp_path, monkeypatch):
    """A library module's demo coroutine, run only by the module's own ``if __name__ == "__main__":``
    block, may block while other modules import the module for its classes; which files name the demo
    is read from the project's text (``own_loop.files_naming``), so a new view awaiting it is seen warm."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "rates.py": RATES,
                                      "prices.py": "from shop.rates import RateTable\n\nTABLE = RateTable()\n"})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "views.py").write_text("from shop.rates import example\n\n\nasync def page(request):\n"
                                                "    await example()\n")
    found = _warm_equals_no_cache(capsys)
    assert ("shop/rates.py", "blocking-call-in-async") in [(f["path"], f["symbol"]) for f in found]


JOBS = textwrap.dedent("""\
    import asyncio
    from pathlib import Path


    async def fetch():
        return Path("feed.xml").read_text()


    def refresh():
        asyncio.run(fetch())
""")


def test_a_new_module_awaiting_a_worker_loop_coroutine_reanalyses_it(capsys, tmp_path, monkeypatch):
    """A coroutine only a sync function runs (``asyncio.run``) may read a local file; which files name it is
    read from the project's text (``own_loop.files_naming``), so a new view awaiting it is seen warm too."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "jobs.py": JOBS})
    assert check(capsys, ".")[1] == []
    (tmp_path / "shop" / "views.py").write_text("from shop.jobs import fetch\n\n\nasync def page(request):\n"
                                                "    await fetch()\n")
    found = _warm_equals_no_cache(capsys)
    assert ("shop/jobs.py", "blocking-call-in-async") in [(f["path"], f["symbol"]) for f in found]


def test_the_text_indexes_asked_again_come_from_memoised_terms_and_equal_a_fresh_index(tmp_path):
    """A warm run asks the text indexes again (``TEXT_QUERIES``); each file's terms come from a memo by
    its bytes' hash (``Cache._file_terms``), so only changed files are searched; the answers equal a
    fresh ``text_indexes``, for odd encodings too, and a corrupt memo shard is dropped, not trusted."""
    from asynclint.core import django_kinds

    files = {"models.py": b"class Book(Base, mixins.Audit):\n    Title = 1\n",
             "bom.py": b"\xef\xbb\xbfclass Shelf(Book):\r\n    pass\r\n",
             "latin.py": b"# -*- coding: latin-1 -*-\nclass Caf\xe9(Book):\n    N\xe9 = Book\n",
             "tests/test_books.py": b"class BookTest(Book):\n    Fixture = 1\n"}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    root = str(tmp_path)
    fresh = django_kinds.text_indexes(root)

    def answers(store):
        return {(kind, name): store._text_answer(kind, root, name)
                for kind in ("bases", "names") for name in ("Book", "Base", "Audit", "Title", "BookTest", "Shelf")}

    expected = {(kind, name): cache._paths((fresh[0] if kind == "bases" else fresh[1]).get(name, []))
                for kind, name in answers(cache.Cache(tmp_path / "c", "s"))}
    cold = cache.Cache(tmp_path / "c", "s")
    assert answers(cold) == expected and len(list((cold.space / "terms").glob("*.json"))) >= 1
    warm = cache.Cache(tmp_path / "c", "s")
    searched = []
    search = django_kinds.text_terms
    try:
        django_kinds.text_terms = lambda text: searched.append(text) or search(text)
        assert answers(warm) == expected and searched == []  # nothing searched again
        (tmp_path / "models.py").write_bytes(b"class Book(Other):\n    pass\n")
        changed = cache.Cache(tmp_path / "c", "s")
        assert changed._text_answer("bases", root, "Other") == [str(tmp_path / "models.py")]
        assert len(searched) == 1  # the changed file only
    finally:
        django_kinds.text_terms = search
    for shard in (warm.space / "terms").glob("*.json"):  # well-formed JSON, malformed records
        records = json.loads(shard.read_text())["records"]
        shard.write_text(json.dumps({"records": {key: {"used": 1, "bases": [3], "words": "x"} for key in records}}))
    (warm.space / "terms" / "f.json").write_text('{"records": ')  # truncated
    fresh = django_kinds.text_indexes(root)
    assert cache.Cache(tmp_path / "c", "s")._text_answer("bases", root, "Other") == fresh[0]["Other"]
    assert cache.Cache(tmp_path / "c", "s")._text_answer("names", root, "Title") == []


def test_the_cold_run_memoises_the_terms_its_analysis_searched(capsys, tmp_path, monkeypatch):
    """The analysis' own text indexes (a cold or changed module's) use the same terms memo, so the warm
    run after a cold one searches no file again (the example project's views ask the bases index)."""
    import shutil

    from asynclint.core import django_kinds

    shutil.copytree(BOOKSHOP, tmp_path / "bookshop")
    monkeypatch.chdir(tmp_path / "bookshop")
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)
    cold = check(capsys, ".")
    assert cold[2][0] == 0 and list(Path(".asynclint_cache").glob("v*/*/terms/*.json"))
    searched = []
    search = django_kinds.text_terms
    monkeypatch.setattr(django_kinds, "text_terms", lambda text: searched.append(text) or search(text))
    warm = check(capsys, ".")
    assert warm[2][2] == 0 and warm[1] == cold[1] and searched == []


SHELF = textwrap.dedent("""\
    from asgiref.sync import sync_to_async

    from shop.models import Book


    @sync_to_async
    def _by_title(title):
        return Book.objects.filter(title=title)


    async def first_by_title(title):
        books = await _by_title(title)
        return await books.afirst()
""")


def test_a_module_that_starts_naming_a_thread_function_reanalyses_its_lazy_queryset(capsys, tmp_path, monkeypatch):
    """lazy-queryset-from-sync-to-async is silent while every caller of the function evaluates its
    QuerySet with the async API and no other module names it (``core.lazy.callers_evaluate_safely``
    reads the other modules' text): another module naming it later makes the answer unknown again."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "models.py": MODELS, "shelf.py": SHELF,
                                      "other.py": "TOTAL = 1\n"})
    (tmp_path / "manage.py").write_text("")
    lazy = lambda found: [f["path"] for f in found if f["symbol"] == "lazy-queryset-from-sync-to-async"]  # noqa: E731
    assert lazy(check(capsys, ".")[1]) == []
    (tmp_path / "shop" / "other.py").write_text("from shop.shelf import _by_title\n")
    assert lazy(_warm_equals_no_cache(capsys)) == ["shop/shelf.py"]


LISTENER = textwrap.dedent("""\
    import asyncio
    import threading

    from django.core.cache import cache


    async def listen():
        cache.set("listening", True)


    def _run():
        asyncio.run(listen())


    def start():
        threading.Thread(target=_run).start()
""")
ALLOWING_SETTINGS = 'import os\n\nos.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"\n'


def test_where_the_project_allows_sync_work_on_a_one_chain_loop_is_a_text_answer(capsys, tmp_path, monkeypatch):
    """The one-chain loop silence asks the project's text where it sets DJANGO_ALLOW_ASYNC_UNSAFE
    (``own_loop.async_unsafe_set_in_production``). Its answer is recorded per module as a text answer, not
    as a read of every project file: a change to an unrelated file re-analyses only that file, and the
    settings that stop setting the variable re-analyse the listener (whose cache write is a finding again: the
    cache's backend may query, so only the variable lets it run there; a sleep would need nothing)."""
    make_shop(tmp_path, monkeypatch, {"__init__.py": "", "listener.py": LISTENER, "settings.py": ALLOWING_SETTINGS,
                                      "other.py": OTHER, "views.py": VIEW, "helpers.py": HELPERS,
                                      "queries.py": QUERIES_ORM, "models.py": MODELS})
    cold = check(capsys, ".")
    assert sorted(f["path"] for f in cold[1]) == ["shop/other.py", "shop/views.py"]
    (tmp_path / "shop" / "helpers.py").write_text(HELPERS + "\nX = 1\n")
    assert check(capsys, ".")[2] == (2, 3, 1)  # views.py alone: it read helpers.py
    (tmp_path / "shop" / "settings.py").write_text(ALLOWING_SETTINGS + "DEBUG = True\n")
    assert check(capsys, ".")[2][2] == 0  # the answer is the same settings module: nothing to redo
    (tmp_path / "shop" / "settings.py").write_text("DEBUG = True\n")
    found = _warm_equals_no_cache(capsys)
    assert sorted(f["path"] for f in found) == ["shop/listener.py", "shop/other.py", "shop/views.py"]
