"""Lint the whole installed ``django/`` package with asynclint only.

Django's own source is a large, real-world corpus: asynclint must not crash
on it (no ``fatal`` F0001 / ``astroid-error`` F0002, no traceback), and later
rules assert what it should (not) find there.  The lint runs once per module
(``django_tree_lint`` fixture, ``-j 2``, json2 output); the tests read it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

django = pytest.importorskip("django")

pytestmark = pytest.mark.slow

ASYNCLINT_ID = re.compile(r"^[A-Z]57\d\d$")  # asynclint owns E57xx / W57xx
CRASH_SYMBOLS = {"fatal", "astroid-error"}  # F0001 / F0002
# pylint's ast walker logs this line before the traceback of a crashing checker
CRASH_SITE = re.compile(r"^Exception on node .* in file '.*'$", re.MULTILINE)
# the traceback inside pylint's crash report (pylint-crash-*.txt)
REPORT_TB = re.compile(r"following stacktrace:\s*</summary>\s*```python\n(.*?)```", re.DOTALL)


@dataclass
class TreeLint:
    returncode: int
    stderr: str
    messages: list[dict]  # every json2 message of the run
    crash_reports: list[str] = field(default_factory=list)  # their tracebacks

    @property
    def asynclint(self) -> list[dict]:
        return [m for m in self.messages if ASYNCLINT_ID.match(m["messageId"])]

    @property
    def crashes(self) -> list[dict]:
        return [m for m in self.messages if m["symbol"] in CRASH_SYMBOLS]


@pytest.fixture(scope="module")
def django_tree_lint(tmp_path_factory: pytest.TempPathFactory) -> TreeLint:
    root = Path(django.__file__).parent
    tmp = tmp_path_factory.mktemp("django_tree")
    out = tmp / "pylint.json"
    cmd = [
        sys.executable, "-m", "pylint", "-j", "2", "--persistent=n", "--score=n",
        "--recursive=y", "--load-plugins=asynclint",
        "--disable=all", "--enable=asynclint", "--enable=astroid-error,fatal",
        "--output-format=json2", f"--output={out}", str(root),
    ]
    # cwd=tmp: no project config applies; PYLINTHOME=tmp: crash reports land here.
    env = {**os.environ, "PYLINTHOME": str(tmp)}
    proc = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True, check=False)
    # A checker crash under -j 2 aborts the whole run: then there is no output.
    try:
        messages = json.loads(out.read_text(encoding="utf-8"))["messages"]
    except (OSError, ValueError, KeyError):
        messages = []
    reports = sorted({tb for p in tmp.glob("pylint-crash-*.txt")
                      for tb in REPORT_TB.findall(p.read_text(encoding="utf-8"))})
    lint = TreeLint(proc.returncode, proc.stderr, messages, reports)

    counts = Counter(f"{m['messageId']} {m['symbol']}" for m in lint.asynclint)
    print(f"\nasynclint on {root}: {len(lint.asynclint)} findings, rc={proc.returncode}")
    for key, n in sorted(counts.items()):
        print(f"  {key}: {n}")
    return lint


def test_django_tree_does_not_crash(django_tree_lint: TreeLint) -> None:
    lint = django_tree_lint
    details = "\n".join(
        [f"{m['symbol']} in {m['path']}" for m in lint.crashes]
        + sorted(set(CRASH_SITE.findall(lint.stderr)))
        + lint.crash_reports
        + [lint.stderr[:5000]]
    )
    assert not lint.crashes, f"asynclint crashed on Django's tree:\n{details}"
    assert "Traceback (most recent call last)" not in lint.stderr, details
    assert lint.returncode & 1 == 0, f"fatal bit in exit code {lint.returncode}:\n{details}"
    assert lint.returncode & 32 == 0, f"usage error, exit code {lint.returncode}:\n{details}"



MIDDLEWARE_RULES = {"sync-only-middleware", "middleware-async-mode-mismatch", "sync-only-middleware-in-settings"}


def test_django_own_middleware_is_not_flagged(django_tree_lint: TreeLint) -> None:
    """Django's middleware are hybrid (MiddlewareMixin, and RemoteUserMiddleware's own __acall__ since 5.2);
    tests/test_middleware_analysis.py checks that the analysis does see them as middleware."""
    found = [f"{m['path']}:{m['line']} {m['symbol']}" for m in django_tree_lint.asynclint
             if m["symbol"] in MIDDLEWARE_RULES]
    assert not found, "\n".join(found)
