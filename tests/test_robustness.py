"""Issue 16: every failure of the reliability audit, reproduced; each must give one clear line (exit 2)
or the right answer, never a hang, a traceback, a lost edit or a silent wrong answer.

The CLI runs in-process (``asynclint.cli.main``); a hang fails the test through ``no_hang``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import textwrap
from pathlib import Path

import pytest

from asynclint import cli, driver
from asynclint.fixes import engine
from tests.lint import ROOT

BOOKSHOP = ROOT / "examples" / "bookshop"
SLEEPY = textwrap.dedent("""\
    import time


    async def nap(request):
        time.sleep(1)
""")
FIXABLE = textwrap.dedent("""\
    from django.contrib.auth import get_user


    async def who(request):
        return get_user(request)
""")


@pytest.fixture
def no_hang():
    """Fail (instead of hanging the suite) when a run takes more than a minute."""
    def expired(signum, frame):
        raise TimeoutError("asynclint hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """A project folder outside any git work tree (so the folder is walked)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


# --- 1, 2: named pipes, symlink loops, dangling symlinks ---------------------------------------------
@pytest.mark.parametrize("command", ["check", "fix"])
def test_1_2_walk_skips_pipes_loops_and_dangling_links(folder, capsys, no_hang, command) -> None:
    (folder / "views.py").write_text(SLEEPY)
    os.mkfifo(folder / "pipe.py")
    (folder / "loop.py").symlink_to(folder / "loop.py")
    (folder / ".#views.py").symlink_to("user@host.4242:1700000000")  # an editor's lock file
    (folder / "gone.py").symlink_to(folder / "missing.py")
    code, out, err = run(capsys, command, ".")
    assert code == 1, err
    assert "blocking-call-in-async" in out + err
    assert "pipe.py" not in out + err and "loop.py" not in out + err


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: os.mkfifo(p), "not a regular file"),
    (lambda p: p.symlink_to(p), "a symlink loop"),
    (lambda p: p.symlink_to(p.parent / "missing.py"), "a dangling symlink"),
])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_1_2_a_named_pipe_or_broken_link_is_one_line(folder, capsys, no_hang, command, make, expected) -> None:
    make(folder / "odd.py")
    code, _out, err = run(capsys, command, "odd.py")
    assert code == 2
    assert expected in one_line(err)


# --- 3: bad configuration and baseline paths ---------------------------------------------------------
def test_3_tool_that_is_not_a_table(folder, capsys) -> None:
    (folder / "pyproject.toml").write_text("tool = 3\n")
    (folder / "views.py").write_text(SLEEPY)
    code, _out, err = run(capsys, "check", ".")
    assert code == 2
    assert "'tool' must be a table" in one_line(err)


def test_3_write_baseline_to_a_missing_folder(folder, capsys) -> None:
    (folder / "views.py").write_text(SLEEPY)
    code, _out, err = run(capsys, "check", ".", "--write-baseline", "nope/baseline.json")
    assert code == 2
    assert "cannot write baseline nope/baseline.json" in one_line(err)


# --- 4: code that crashes pylint ---------------------------------------------------------------------
def test_4_a_deep_expression_is_one_line_and_no_crash_report(folder, capsys, monkeypatch) -> None:
    import pylint.lint.pylinter

    def no_report(*args, **kwargs):
        raise AssertionError("pylint wrote a crash report")

    monkeypatch.setattr(pylint.lint.pylinter, "prepare_crash_report", no_report)
    (folder / "deep.py").write_text("async def f(qs):\n    return qs" + ".filter(x=1)" * 1000 + "\n")
    (folder / "views.py").write_text(SLEEPY)
    code, out, err = run(capsys, "check", ".")
    assert code == 2
    line = one_line(err)
    assert line.startswith("asynclint: error: deep.py:") and "nests too deeply" in line
    assert "views.py:5:5" in out  # the other files are still analysed


# --- 5, 6: syntax errors the prefilter hid; what the summary says ------------------------------------
def test_5_a_syntax_error_without_async_code_is_reported(folder, capsys) -> None:
    (folder / "broken.py").write_text("def f(:\n    pass\n")
    code, out, err = run(capsys, "check", ".")
    assert code == 2
    assert "broken.py:1: could not be analysed" in one_line(err)
    assert "All checks passed" not in out and "1 file could not be analysed." in out


def test_5_syntax_of_a_newer_python_says_so(folder, capsys) -> None:
    (folder / "new.py").write_text("try:\n    pass\nexcept ValueError, TypeError:\n    pass\n")
    code, _out, err = run(capsys, "check", ".")
    assert code == 2
    line = one_line(err)
    if sys.version_info < (3, 14):
        assert "needs Python 3.14 or newer" in line and "run asynclint with the project's Python" in line


def test_5_a_relative_import_outside_a_package_is_no_crash(folder, capsys) -> None:
    """``from .create import tournaments`` in a folder without ``__init__.py`` (karagoz36/transcendence):
    the name has no qualified name, and asking whether it is a thread adapter must not crash."""
    (folder / "pages").mkdir()
    (folder / "pages" / "lobby.py").write_text(
        "from .create import tournaments\n\n\nasync def lobby(request):\n    return tournaments.get(1)\n")
    code, out, err = run(capsys, "check", ".")
    assert code == 0 and "could not be analysed" not in err + out


def test_6_no_python_files(folder, capsys) -> None:
    (folder / "empty").mkdir()
    code, out, _err = run(capsys, "check", "empty")
    assert code == 0
    assert out.strip() == "No Python files found."


def test_6_a_named_file_that_is_not_python(folder, capsys) -> None:
    (folder / "notes.txt").write_text("Remember: the ORM is sync.\n")
    code, out, err = run(capsys, "check", "notes.txt")
    assert code == 2
    assert "notes.txt:1: could not be analysed" in one_line(err)
    assert "All checks passed" not in out


# --- 7, 12, 13: what fix writes -----------------------------------------------------------------------
def test_7_a_write_that_fails_is_not_counted_as_fixed(folder, capsys, monkeypatch) -> None:
    (folder / "views.py").write_text(FIXABLE)

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(engine, "write_atomically", read_only)
    code, _out, err = run(capsys, "fix", ".")
    assert code == 2
    assert "views.py: not written: Read-only file system" in err
    assert "fixed sync-auth-call-in-async" not in err
    assert "0 fixed in 0 files, 1 remaining" in err
    assert (folder / "views.py").read_text() == FIXABLE


def test_12_an_edit_saved_while_fix_runs_is_kept(folder, capsys, monkeypatch) -> None:
    views = folder / "views.py"
    views.write_text(FIXABLE)
    saved = FIXABLE + "\n# the user's edit\n"
    real_apply = engine.apply_fixes

    def user_saves_meanwhile(*args, **kwargs):
        views.write_text(saved)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(engine, "apply_fixes", user_saves_meanwhile)
    code, _out, err = run(capsys, "fix", ".")
    assert code == 2
    assert "views.py: not written: it changed while asynclint fix ran" in err
    assert views.read_text() == saved


def test_13_fix_keeps_owner_hard_links_and_a_final_bare_cr(folder, capsys) -> None:
    views = folder / "views.py"
    views.write_bytes(FIXABLE.replace("\n", "\r").encode())
    other = folder / "other_name.py.bak"
    os.link(views, other)
    owner = (4242, 4343) if os.getuid() == 0 else (os.getuid(), os.getgid())
    if os.getuid() == 0:
        os.chown(views, *owner)
    code, _out, err = run(capsys, "fix", "views.py")
    assert code == 0, err
    data = views.read_bytes()
    assert b"await aget_user(request)" in data
    assert data.endswith(b"\r") and b"\n" not in data
    assert other.read_bytes() == data  # the hard link still shares the content
    status = views.stat()
    assert (status.st_uid, status.st_gid) == owner and status.st_nlink == 2


def test_13_atomic_write_keeps_owner_and_refuses_a_changed_file(tmp_path: Path) -> None:
    target = tmp_path / "a.py"
    target.write_bytes(b"x = 1\n")
    if os.getuid() == 0:
        os.chown(target, 4242, 4343)
    before = target.stat()
    engine.write_atomically(str(target), b"x = 2\n", expected=b"x = 1\n")
    after = target.stat()
    assert target.read_bytes() == b"x = 2\n"
    assert (after.st_uid, after.st_gid, after.st_mode) == (before.st_uid, before.st_gid, before.st_mode)
    with pytest.raises(engine.ChangedMeanwhile):
        engine.write_atomically(str(target), b"x = 3\n", expected=b"x = 1\n")
    assert target.read_bytes() == b"x = 2\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".asynclint-")]


# --- 8: option values ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "toml", "expected"), [
    (["--django-version", "99.0"], "", "unknown django-version '99.0': expected a Django feature release from 3.0 to"),
    (["--django-version", "6.3"], "", "unknown django-version '6.3'"),
    (["--django-version", ""], "", "--django-version: empty value"),
    (["-j", "-1"], "", "expected 0 (one per CPU) or a positive number"),
    ([], "django-version = 5.10", "django-version must be a string: quote it"),
    ([], "chain-depth = -5", "invalid chain-depth -5: expected an integer of at least 1"),
])
def test_8_out_of_range_options_are_one_line(folder, capsys, args, toml, expected) -> None:
    (folder / "pyproject.toml").write_text(f"[tool.asynclint]\n{toml}\n")
    (folder / "views.py").write_text(SLEEPY)
    code, _out, err = run(capsys, "check", ".", *args)
    assert code == 2
    assert expected in one_line(err)


# --- 9: fix agrees with check -------------------------------------------------------------------------
def test_9_fix_remaining_agrees_with_check(tmp_path: Path, monkeypatch, capsys) -> None:
    project = tmp_path / "bookshop"
    shutil.copytree(BOOKSHOP, project)
    monkeypatch.chdir(project)
    code, _out, err = run(capsys, "fix", ".")
    assert code == 1, err
    remaining = int(err.strip().splitlines()[-1 if "--unsafe-fixes" not in err.splitlines()[-1] else -2]
                    .split(", ")[1].split()[0])
    code, out, _err = run(capsys, "check", ".", "-f", "json")
    assert len(json.loads(out)) == remaining
    assert remaining > 0


def test_9_fix_diff_reports_what_is_left_at_the_lines_on_disk(folder, capsys) -> None:
    (folder / "views.py").write_text(textwrap.dedent("""\
        import time

        from django.db import transaction

        START = time.time()


        async def view(request):
            time.sleep(1)
            with transaction.atomic():
                pass
    """))
    code, out, err = run(capsys, "fix", "--unsafe-fixes", "--diff", ".")
    assert code == 1
    assert "+import asyncio" in out  # the edited text has one more line
    assert "views.py:10:5: left sync-transaction-in-async" in err
    code, out, _err = run(capsys, "check", ".", "-f", "json")
    assert [(f["line"], f["symbol"]) for f in json.loads(out)][-1] == (10, "sync-transaction-in-async")


# --- 10, 11: one finding per problem, the real reason a fix was not applied ----------------------------
def test_10_one_finding_per_position(folder, capsys) -> None:
    (folder / "views.py").write_text(textwrap.dedent("""\
        async def edit(request):
            return request.user.has_perm("shop.change_book")
    """))
    code, out, _err = run(capsys, "check", ".", "-f", "json")
    assert code == 1
    found = [(f["line"], f["column"], f["symbol"]) for f in json.loads(out)]
    assert found == [(2, 12, "sync-auth-call-in-async")]


def test_11_libcst_failing_is_not_called_an_overlap(folder, capsys, monkeypatch) -> None:
    import libcst

    (folder / "views.py").write_text(FIXABLE)
    real_parse = libcst.parse_module

    def refuse(source, *args, **kwargs):
        real_parse("(")  # raises libcst's own ParserSyntaxError

    monkeypatch.setattr(libcst, "parse_module", refuse)  # engine imports libcst where it parses
    code, _out, err = run(capsys, "fix", ".")
    assert code == 1
    assert "overlaps another fix" not in err
    assert "left sync-auth-call-in-async (libcst cannot parse the file)" in err


# --- 15: the documentation ------------------------------------------------------------------------------
def test_15_help_and_readme(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    text = capsys.readouterr().out
    assert "exit status: 0" in text
    for option in ("--output-format", "--color"):
        assert text.split(option, 1)[1].split("\n  -", 1)[0].count(" ") > 8, option  # has a help text
    code, out, _err = run(capsys, "rules")
    assert code == 0 and "django_api." not in out
    readme = (ROOT / "README.md").read_text()
    assert "asynclint fix" in readme
    assert "shop/views.py:54:12: E5701" in readme and "shop/views.py:54:11" not in readme


def test_walk_and_discover_agree_on_skipping(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("")
    os.mkfifo(tmp_path / "b.py")
    assert [Path(p).name for p in driver.walk(tmp_path)] == ["a.py"]
