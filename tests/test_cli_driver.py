"""``asynclint.driver``: the one walker, the one linter setup, the per-run context and ``lint`` (what
``check``, ``fix``, the editor server and the cache call)."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from asynclint import cli, driver
from asynclint.config import Config
from asynclint.core import context as contexts
from asynclint.rules import ALL

TARGET = (5, 2)
BUGGY = textwrap.dedent("""\
    import time


    async def nap(request):
        time.sleep(1)
""")


def test_walk_skips_what_is_not_a_regular_python_file(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "notes.txt").write_text("")
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / ".#a.py").symlink_to("user@host.1234:1")  # an editor's lock: dangling
    (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")
    (tmp_path / "loop.py").symlink_to(tmp_path / "loop.py")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.py").write_text("y = 2\n")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop: never followed
    found = [os.path.relpath(p, tmp_path) for p in driver.walk(tmp_path)]
    assert found == ["a.py", os.path.join("sub", "b.py")]
    assert [p.name for p in driver.discover([str(tmp_path)], Config(root=tmp_path))] == ["a.py", "b.py"]


def test_walk_limit_and_skipped_folders(tmp_path: Path) -> None:
    for name in ("a", "b", "migrations"):
        (tmp_path / name).mkdir()
        for index in range(3):
            (tmp_path / name / f"m{index}.py").write_text("")
    assert len(list(driver.walk(tmp_path, limit=4))) == 4
    assert not [p for p in driver.walk(tmp_path, skip_dir=lambda name: name == "migrations") if "migrations" in p]


def test_lint_reads_buffers_instead_of_the_disk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    views = tmp_path / "views.py"
    views.write_text("x = 1\n")
    clean = driver.lint([views], ALL, TARGET)
    assert clean.findings == [] and clean.errors == []
    dirty = driver.lint([views], ALL, TARGET, buffers={str(views): BUGGY})
    assert [(f.path, f.line, f.symbol) for f in dirty.findings] == [("views.py", 5, "blocking-call-in-async")]
    assert views.read_text() == "x = 1\n"


def test_lint_runs_in_its_own_context_and_leaves_sys_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "views.py").write_text(BUGGY)
    before, default = sys.path[:], contexts.current()
    context = driver.RunContext()
    result = driver.lint([tmp_path / "pkg" / "views.py"], ALL, TARGET, context=context)
    assert [f.symbol for f in result.findings] == ["blocking-call-in-async"]
    assert sys.path == before and contexts.current() is default
    context.invalidate([str(tmp_path / "pkg" / "views.py")])
    assert not context.kinds and not context.work
    again = driver.lint([tmp_path / "pkg" / "views.py"], ALL, TARGET, context=context)
    assert again.findings == result.findings


def test_fix_restores_sys_path(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "views.py").write_text(BUGGY)
    before = sys.path[:]
    cli.main(["fix", "--diff", "pkg"])
    capsys.readouterr()
    assert sys.path == before


def test_one_setup_errors_list() -> None:
    from asynclint.fixes import engine

    assert engine.SETUP_ERRORS is driver.SETUP_ERRORS
    assert engine.python_files is driver.python_files


@pytest.mark.parametrize("value, expected", [(3, "3"), ("a,b", "a,b"), (["a", "b"], "a,b"), (True, "y")])
def test_option_value(value, expected) -> None:
    kind = {3: "int", True: "yn"}.get(value, "csv") if not isinstance(value, list) else "csv"
    assert driver.option_value("x", {"type": kind}, value) == expected


def test_a_second_run_in_a_fresh_process_still_has_astroids_builtins(tmp_path: Path) -> None:
    """astroid builds ``builtins`` lazily: the first run of a fresh process builds it and drops the
    trees it built, so ``builtins`` must be rebuilt, or every later run crashes on a name lookup."""
    import subprocess

    (tmp_path / "one.py").write_text(BUGGY)
    (tmp_path / "two.py").write_text("async def view(request):\n    return undefined_name\n")
    script = textwrap.dedent(f"""\
        from asynclint import cli
        first = cli.main(["check", "-f", "json", "-o", "/dev/null", {str(tmp_path / "one.py")!r}])
        second = cli.main(["check", "-f", "json", "-o", "/dev/null", {str(tmp_path / "two.py")!r}])
        print(first, second)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert run.stdout.split() == ["1", "0"], run.stderr
    assert "could not be analysed" not in run.stderr


def test_a_django_root_with_an_init_module_is_an_import_root(tmp_path: Path) -> None:
    """``src/backend/`` holds ``manage.py`` and an ``__init__.py``: pylint roots the package at ``src``
    (so ``backend.chat``), but Django runs from ``src/backend`` and the code imports ``chat.helpers``.
    Both go on sys.path, so the view's helper resolves and its sync work is found wherever asynclint
    is started from."""
    backend = tmp_path / "src" / "backend"
    (backend / "chat").mkdir(parents=True)
    for init in (backend / "__init__.py", backend / "chat" / "__init__.py"):
        init.write_text("")
    (backend / "manage.py").write_text("")
    (backend / "chat" / "helpers.py").write_text("import time\n\n\ndef pause():\n    time.sleep(1)\n")
    views = backend / "chat" / "views.py"
    views.write_text("from chat.helpers import pause\n\n\nasync def view(request):\n    pause()\n")
    assert driver.package_roots([views]) == [str(tmp_path / "src"), str(backend)]
    result = driver.lint([views], ALL, TARGET)
    assert [(f.line, f.symbol) for f in result.findings] == [(5, "missing-sync-to-async")]


def test_a_module_of_a_namespace_folder_imports_from_the_manage_py_folder(tmp_path: Path, monkeypatch) -> None:
    """``src/bank/internal/services/`` has no ``__init__.py`` (a namespace package): pylint roots the
    service module at its own folder, but Django imports it, and its ``bank.models``, from ``src/``,
    the ``manage.py`` folder. Linted alone (an editor, a pre-commit run on changed files), the module
    must still see the project's models. The search for that folder stops at the repository's top (or
    the current folder): none above the project, none beyond it."""
    src = tmp_path / "checkout" / "src"
    services = src / "bank" / "internal" / "services"
    services.mkdir(parents=True)
    (src / "manage.py").write_text("")
    (src / "bank" / "__init__.py").write_text("")
    (src / "bank" / "models.py").write_text(
        "from django.db import models\n\n\nclass Account(models.Model):\n    number = models.CharField(max_length=9)\n")
    service = services / "accounts.py"
    service.write_text("from bank.models import Account\n\n\nasync def first(number):\n"
                       "    return Account.objects.filter(number=number).first()\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)  # neither a repository's top nor the current folder above the file
    assert driver.package_roots([service]) == [str(services)]
    (tmp_path / "checkout" / ".git").mkdir()
    assert driver.package_roots([service]) == [str(services), str(src)]
    result = driver.lint([service], ALL, TARGET)
    assert [(f.line, f.symbol) for f in result.findings] == [(5, "sync-orm-call-in-async")]


def test_a_run_in_chunks_freezes_its_survivors_and_hands_them_back(tmp_path: Path, monkeypatch) -> None:
    """Each chunk's full collection walks only what is new (``driver.survivors_frozen``); the run ends
    with nothing frozen that it froze, the findings are those of one chunk, and a caller's own frozen
    objects (the editor server's, this suite's fixture) are left as they were, nothing added."""
    import gc

    monkeypatch.chdir(tmp_path)
    files = []
    for index in range(3):
        files.append(tmp_path / f"views{index}.py")
        files[-1].write_text(BUGGY)
    whole = [(f.path, f.line, f.symbol) for f in driver.lint(files, ALL, TARGET).findings]
    assert len(whole) == 3
    monkeypatch.setattr(driver, "CHUNK", 1)
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda freeze=gc.freeze: (frozen.append(1), freeze())[1])
    caller = gc.get_freeze_count()
    assert [(f.path, f.line, f.symbol) for f in driver.lint(files, ALL, TARGET).findings] == whole
    assert frozen == [] or caller == 0
    gc.unfreeze()  # as a command-line run starts: nothing frozen (the fixture unfreezes anyway)
    assert [(f.path, f.line, f.symbol) for f in driver.lint(files, ALL, TARGET).findings] == whole
    assert len(frozen) >= 3  # at the start and after each of the chunks but the last's
    assert gc.get_freeze_count() == 0


def test_caller_summaries_outlive_the_chunks_and_change_no_finding(tmp_path: Path, monkeypatch) -> None:
    """Two copies of a project under one root, so every class name is defined twice: the search for
    the callers of ``Catalogue.render`` reads the other copy's ``views.py`` too. Its summary (which
    method each ``.render(...)`` call there runs, no nodes: ``RunContext.caller_summaries``) survives
    the chunk's trees, so a later chunk's question about the other copy's ``render`` does not parse and
    infer that file again; the findings are those of one chunk."""
    from asynclint.core import django_kinds

    monkeypatch.chdir(tmp_path)
    files = []
    for copy in ("shop_a", "shop_b"):
        package = tmp_path / copy
        package.mkdir()
        (package / "__init__.py").write_text("")
        (package / "models.py").write_text(textwrap.dedent(f"""\
            from django.db import models


            class Book(models.Model):
                title = models.CharField(max_length=10)

                class Meta:
                    app_label = "{copy}"
            """))
        (package / "catalogue.py").write_text(textwrap.dedent("""\
            class Catalogue:
                async def render(self, book):
                    book.save()
            """))
        (package / "views.py").write_text(textwrap.dedent(f"""\
            from {copy}.catalogue import Catalogue
            from {copy}.models import Book


            async def show(pk):
                book = await Book.objects.aget(pk=pk)
                return await Catalogue().render(book)
            """))
        files += [package / "catalogue.py", package / "views.py"]
    whole = sorted((f.path, f.line, f.symbol) for f in driver.lint(files, ALL, TARGET).findings)
    assert [(os.path.basename(path), line) for path, line, _symbol in whole] == [("catalogue.py", 3)] * 2
    asked = []
    monkeypatch.setattr(django_kinds, "_method_uses", lambda module, name, uses=django_kinds._method_uses:
                        (asked.append(module.file), uses(module, name))[1])
    monkeypatch.setattr(driver, "CHUNK", 1)
    context = contexts.RunContext()
    assert sorted((f.path, f.line, f.symbol) for f in driver.lint(files, ALL, TARGET, context=context).findings) \
        == whole
    views = [str(tmp_path / copy / "views.py") for copy in ("shop_a", "shop_b")]
    assert {(path, "render") for path in views} <= set(context.caller_summaries)
    # shop_a's views.py is inferred for shop_a's questions (its calls run that copy's render); shop_b's
    # questions skip it: its summary, from shop_a's first chunk, says that no call there runs shop_b's render
    later = asked.index(str(tmp_path / "shop_b" / "catalogue.py"))
    assert views[0] in asked[:later] and views[1] in asked[:later] and views[0] not in asked[later:]
