"""``asynclint check`` / ``rules`` / ``explain``: findings, selection, exit codes, errors, baseline,
files and parallelism. The CLI runs in-process (``asynclint.cli.main``) unless the test is about
the installed command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from asynclint import cli, docs
from asynclint.rules import ALL
from tests.lint import ROOT

BOOKSHOP = ROOT / "examples" / "bookshop"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<id>[EW]57\d\d) (?:\[\*\] )?(?P<symbol>[a-z-]+) (?P<msg>.+)$")

BUGGY = textwrap.dedent("""\
    import time

    from django.db import transaction


    async def transfer(request):
        with transaction.atomic():
            pass


    async def nap(request):
        time.sleep(1)
""")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "views.py").write_text(BUGGY)
    return tmp_path


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_findings_in_text_format_and_exit_1(capsys):
    code, out, err = run(capsys, "check", str(BOOKSHOP))
    assert code == 1, err
    lines = out.splitlines()
    summary = next(i for i, line in enumerate(lines) if line.startswith("Found "))
    findings = [LINE.match(line) for line in lines[:summary]]
    assert all(findings), lines
    assert lines[summary].startswith(f"Found {len(findings)} findings")
    assert {m["symbol"] for m in findings} >= {"sync-orm-call-in-async", "async-call-not-awaited"}
    # ruff's convention: [*] marks what `asynclint fix` fixes; unsafe fixes are counted, not marked.
    marked = [line for line in lines[:summary] if " [*] " in line]
    assert marked and lines[summary + 1] == f"[*] {len(marked)} fixable with `asynclint fix`."
    assert lines[summary + 2].endswith("hidden fixes can be enabled with `asynclint fix --unsafe-fixes`.")
    assert "\x1b[" not in out  # not a terminal: no color


def test_color_only_when_asked_or_on_a_terminal(project, capsys):
    assert "\x1b[" in run(capsys, "check", "--color", "always")[1]
    assert "\x1b[" not in run(capsys, "check")[1]


def test_clean_code_exits_0(project, capsys):
    (project / "views.py").write_text("async def ok(request):\n    return 1\n")
    code, out, _ = run(capsys, "check")
    assert code == 0 and out == "All checks passed!\n"


def test_exit_zero(project, capsys):
    code, out, _ = run(capsys, "check", "--exit-zero")
    assert code == 0 and "E5703" in out


@pytest.mark.parametrize(("args", "expected"), [
    (["--select", "sync-transaction-in-async"], {"E5703"}),
    (["--select", "E5703"], {"E5703"}),
    (["--select", "W57"], {"W5712"}),
    (["--select", "E,W5712"], {"E5703", "W5712"}),
    (["--ignore", "blocking-call-in-async"], {"E5703"}),
    (["--select", "ALL", "--ignore", "E"], {"W5712"}),
    ([], {"E5703", "W5712"}),
])
def test_select_and_ignore(project, capsys, args, expected):
    _code, out, _ = run(capsys, "check", "-f", "json", *args)
    assert {f["id"] for f in json.loads(out)} == expected


@pytest.mark.parametrize("args", [["--select", "no-such-rule"], ["--ignore", "X99"]])
def test_unknown_rule_is_one_line_and_exit_2(project, capsys, args):
    code, _, err = run(capsys, "check", *args)
    assert code == 2
    assert "unknown rule" in one_error_line(err)


def test_pylint_disable_comment(project, capsys):
    (project / "views.py").write_text(BUGGY.replace("time.sleep(1)", "time.sleep(1)  # pylint: disable=blocking-call-in-async"))
    _code, out, _ = run(capsys, "check", "-f", "json")
    assert {f["id"] for f in json.loads(out)} == {"E5703"}


@pytest.mark.parametrize(("args", "fragment"), [
    (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["--django-version", "banana"], "invalid django-version 'banana'"),
    (["--django-version", "2.2"], "invalid django-version '2.2'"),
    (["missing.py"], "no such file or directory: missing.py"),
    (["-f", "xml"], "invalid choice: 'xml'"),
])
def test_usage_errors_are_one_line_and_exit_2(project, capsys, args, fragment):
    code, _, err = run(capsys, "check", *args)
    assert code == 2
    assert fragment in one_error_line(err)


def test_syntax_error_is_exit_2_naming_the_file(project, capsys):
    (project / "broken.py").write_text("async def f(:\n    pass\n")
    code, out, err = run(capsys, "check")
    assert code == 2
    line = one_error_line(err)
    assert line.startswith("asynclint: error: broken.py:1: could not be analysed:"), line
    assert "E5703" in out  # the other file's findings are still reported


def test_undecodable_file_is_exit_2(project, capsys):
    (project / "latin.py").write_bytes(b"async def f():\n    return '\xff\xfe'\n")
    code, _, err = run(capsys, "check")
    assert code == 2
    assert "cannot decode latin.py" in one_error_line(err)


def test_unreadable_file_is_exit_2(project, capsys, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = run(capsys, "check", "views.py")
    assert code == 2
    assert one_error_line(err) == "asynclint: error: cannot read views.py: Permission denied"


def test_invalid_linter_option_in_config_is_exit_2(project, capsys):
    (project / "pyproject.toml").write_text('[tool.asynclint]\nchain-depth = "deep"\n')
    code, _, err = run(capsys, "check")
    assert code == 2
    assert "invalid value for chain-depth: 'deep'" in one_error_line(err)


def test_baseline_hides_known_findings_and_survives_line_shifts(project, capsys):
    baseline = project / "asynclint-baseline.json"
    code, _, err = run(capsys, "check", "--write-baseline", str(baseline))
    assert code == 0 and "wrote 2 findings" in err
    entries = json.loads(baseline.read_text())["findings"]
    assert {(e["path"], e["symbol"], e["code"]) for e in entries} == {
        ("views.py", "sync-transaction-in-async", "with transaction.atomic():"),
        ("views.py", "blocking-call-in-async", "time.sleep(1)"),
    }
    assert run(capsys, "check", "--baseline", str(baseline))[0] == 0
    # Unrelated edits move the old findings: still hidden. A new one is reported alone.
    views = project / "views.py"
    views.write_text('"""Docs."""\n\n\n' + views.read_text() + "\n\nasync def later(request):\n    time.sleep(2)\n")
    code, out, _ = run(capsys, "check", "--baseline", str(baseline), "-f", "json")
    assert code == 1
    assert [(f["line"], f["code"]) for f in json.loads(out)] == [(19, "time.sleep(2)")]
    code, out, _ = run(capsys, "check", "--baseline", str(baseline))
    assert "(2 more in the baseline.)" in out


def test_bad_baseline_is_exit_2(project, capsys):
    (project / "b.json").write_text("[]")
    code, _, err = run(capsys, "check", "--baseline", "b.json")
    assert code == 2 and "is not an asynclint baseline" in one_error_line(err)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_gitignore_and_excludes_are_respected(project, capsys):
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(project)}
    subprocess.run(["git", "init", "-q"], cwd=project, check=True, env=env)
    (project / ".gitignore").write_text("generated/\n")
    for folder in ("generated", "legacy", "migrations", ".venv"):
        (project / folder).mkdir()
        (project / folder / "bad.py").write_text(BUGGY)
    (project / "pyproject.toml").write_text('[tool.asynclint]\nextend-exclude = ["legacy/*.py", "migrations"]\n')
    _code, out, _ = run(capsys, "check", "-f", "json")
    assert {f["path"] for f in json.loads(out)} == {"views.py"}
    # A folder named on the command line is checked even when git ignores it.
    _code, out, _ = run(capsys, "check", "-f", "json", "generated")
    assert {f["path"] for f in json.loads(out)} == {"generated/bad.py"}


def test_parallel_jobs_give_the_same_findings(capsys):
    serial = run(capsys, "check", "-f", "json", str(BOOKSHOP))[1]
    # In a subprocess: pylint pickles the linter for its workers, and pytest's captured streams
    # cannot be pickled.
    parallel = subprocess.run([sys.executable, "-m", "asynclint.cli", "check", "-f", "json", "-j", "2",
                               str(BOOKSHOP)], capture_output=True, text=True, check=False, timeout=300)
    assert parallel.returncode == 1, parallel.stderr
    assert json.loads(parallel.stdout) == json.loads(serial)


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for rule in ALL:
        assert re.search(rf"^{rule.msgid}\s+{rule.symbol}\s+\S+\s+\S", out, re.MULTILINE), rule.symbol
    rows = json.loads(run(capsys, "rules", "-f", "json")[1])
    assert [row["symbol"] for row in rows] == [rule.symbol for rule in ALL]
    assert all(row["django"] and row["fix"] for row in rows)


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.symbol)
def test_explain_prints_the_rule_page(capsys, rule):
    by_symbol = run(capsys, "explain", rule.symbol)
    assert by_symbol[0] == 0
    # The text of docs/rules/<symbol>.md (whose freshness tests/test_docs.py checks).
    assert by_symbol[1] == docs.explain(rule) == docs.page(rule, docs.FIXTURES)
    assert run(capsys, "explain", rule.msgid)[1] == by_symbol[1]


def test_explain_unknown_rule(capsys):
    code, _, err = run(capsys, "explain", "nope")
    assert code == 2 and "unknown rule 'nope'" in one_error_line(err)


def test_installed_command(tmp_path):
    command = Path(sys.executable).parent / "asynclint"
    if not command.exists():
        pytest.skip("the asynclint console script is not installed (pip install -e .)")
    proc = subprocess.run([str(command), "check", str(BOOKSHOP)], capture_output=True, text=True, cwd=tmp_path,
                          check=False, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "E5701 [*] sync-orm-call-in-async" in proc.stdout
