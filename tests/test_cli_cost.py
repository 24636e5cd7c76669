"""Issue 16, item 14 (cost): a long run shows a progress line on a terminal and nothing otherwise,
``check`` and ``fix`` lint in chunks and release the project's trees between them (memory stays
bounded on large trees), and ``-j`` says what it costs."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from astroid import MANAGER

from asynclint import cli, driver
from asynclint.core.django_kinds import is_project_file
from asynclint.rules import ALL

FIXABLE = textwrap.dedent("""\
    from django.contrib.auth import get_user


    async def who(request):
        return get_user(request)
""")
HELPER = "def helper_{i}(value):\n    return value + {i}\n"


def many_files(root: Path, count: int) -> None:
    """``count`` modules, each importing the previous one, and one module ``fix`` can fix."""
    package = root / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for i in range(count):
        imports = f"from pkg.m{i - 1} import helper_{i - 1}\n\n" if i else ""
        (package / f"m{i}.py").write_text(imports + "\nasync def view(request):\n    return None\n\n\n"
                                          + HELPER.format(i=i))
    (package / "views.py").write_text(FIXABLE)


def run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; its exit status and what the terminal received."""
    main, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "asynclint.cli", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    received = b""
    while True:
        ready, _, _ = select.select([main], [], [], 300)
        if not ready:
            process.kill()
            raise TimeoutError("asynclint hung")
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        received += chunk
    os.close(main)
    return process.wait(timeout=60), received.decode("utf-8", "replace")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    many_files(tmp_path, driver.CHUNK + 6)
    return tmp_path


@pytest.mark.slow
def test_a_progress_line_on_a_terminal(tree: Path) -> None:
    code, shown = run_on_a_terminal(["check", "--no-cache", "."], tree)
    assert code == 1
    assert f"\r\x1b[Kasynclint: analysed {driver.CHUNK} of " in shown
    assert shown.endswith("\r\x1b[K") or "\r\x1b[K" in shown.split("asynclint: analysed")[-1]
    code, shown = run_on_a_terminal(["fix", "pkg/views.py"], tree)
    assert code == 0, shown
    assert "\r\x1b[Kasynclint: fix round 1: analysing 1 file" in shown
    assert "\r\x1b[Kasynclint: fix round 1: applying 1 fix to pkg/views.py (6 lines)" in shown
    assert "1 fixed in 1 file, 0 remaining" in shown


def test_no_progress_line_when_stderr_is_not_a_terminal(tree: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tree)
    assert cli.main(["check", "--no-cache", "."]) == 1
    assert cli.main(["fix", "pkg/views.py"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "\x1b" not in err and "analys" not in err
    assert err.strip().splitlines()[-1] == "1 fixed in 1 file, 0 remaining"


@pytest.mark.parametrize("lean", [True, False], ids=["check", "fix"])
def test_the_project_trees_are_released_chunk_by_chunk(tree: Path, monkeypatch, lean: bool) -> None:
    """The trees of a chunk's modules go before the next chunk (``fix`` lints without lean, too)."""
    monkeypatch.chdir(tree)
    files = [str(path) for path in sorted((tree / "pkg").glob("*.py"))]
    held = []

    def count(done: int, total: int) -> None:
        held.append(sum(1 for module in list(MANAGER.astroid_cache.values())
                        if is_project_file(getattr(module, "file", None))))

    result = driver.lint(files, ALL, (5, 2), lean=lean, progress=count)
    assert len(result.analysed) == len(files) - 1  # not the empty __init__.py
    assert len(held) == 2  # two chunks
    assert max(held) <= 2, held  # after each chunk: at most the package and the module a later chunk imports


def test_jobs_help_says_what_it_costs(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "-j N, --jobs N processes (default 1" in text
    assert "memory grows with N" in text
