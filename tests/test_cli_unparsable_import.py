"""A module the checked code imports that the running Python cannot parse (BallsDex's models use
3.12's ``class QuerySet[T: Model]`` and were silently unknown under 3.11): ``check`` says so once on
stderr, naming the file and the Python it needs, without changing the exit status; the cache repeats
the notice for a reused entry and re-analyses the importer once the module parses."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from asynclint import cli

MODELS = textwrap.dedent("""\
    from django.db import models


    class Ball(models.Model):
        name = models.CharField(max_length=10)


    {newer}
""")
VIEW = textwrap.dedent("""\
    from app.models import Ball


    async def count(request):
        return Ball.objects.count()
""")


def newer_syntax() -> tuple[str, str]:
    """A statement the running Python rejects and what the notice says about it (a plain syntax error
    on a Python newer than every syntax ``driver.NEWER_SYNTAX`` knows)."""
    if sys.version_info < (3, 12):
        return "class Manager[T: models.Model](models.Manager):\n    pass\n", "needs Python 3.12 or newer"
    if sys.version_info < (3, 14):
        return "def tolerant():\n    try:\n        pass\n    except ValueError, TypeError:\n        pass\n", \
            "needs Python 3.14 or newer"
    return "def broken(:\n    pass\n", "it has a syntax error"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "models.py").write_text(MODELS.format(newer=newer_syntax()[0]))
    (tmp_path / "app" / "views.py").write_text(VIEW)
    return tmp_path


def check(capsys, *args: str) -> tuple[int, list, list[str]]:
    code = cli.main(["check", "-f", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out or "[]"), [line for line in err.splitlines() if line.strip()]


def notice_line(lines: list[str]) -> str:
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("cached", [False, True])
def test_an_unparsable_import_is_said_once_without_failing_the_run(capsys, project, cached):
    cache = ["--cache-dir", str(project / "cache")] if cached else ["--no-cache"]
    for _run in range(2 if cached else 1):  # cold, then warm from the cache
        code, findings, lines = check(capsys, *cache, "app/views.py")
        # Ball's module is not loaded: Ball is a model only by the models convention, so its query is a
        # possible finding (exit status 1 for it, not for the notice)
        assert code == 1 and [(f["symbol"], f["certainty"]) for f in findings] == [
            ("sync-orm-call-in-async", "possible")]
        line = notice_line(lines)
        assert line.startswith("asynclint: warning: app/models.py:") and newer_syntax()[1] in line
        assert "imported module could not be parsed" in line


def test_a_checked_file_that_does_not_parse_is_an_error_not_a_notice(capsys, project):
    code, _findings, lines = check(capsys, "--no-cache", "app")
    assert code == 2
    assert [line for line in lines if "could not be analysed" in line] == lines and len(lines) == 1


def test_the_importer_is_analysed_again_once_the_module_parses(capsys, project):
    cache = ["--cache-dir", str(project / "cache")]
    check(capsys, *cache, "app/views.py")
    (project / "app" / "models.py").write_text(MODELS.format(newer=""))
    code, findings, lines = check(capsys, *cache, "app/views.py")
    assert code == 1 and lines == []
    assert [(f["path"], f["line"]) for f in findings] == [("app/views.py", 5)]
