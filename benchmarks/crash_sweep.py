"""Crash sweep (issue 16): run ``asynclint check`` over large trees of real Python and count crashes.

    python benchmarks/crash_sweep.py ROOT [ROOT ...] [--fix]

Each ROOT (Django's own ``django/`` and ``tests/`` from the sdist — ``pip download --no-deps
--no-binary :all: 'django==5.2.*'`` — and public projects, e.g. the checkouts under /work/corpus)
is checked in a fresh process. A crash is an exit status other than 0, 1 or 2, a traceback, or a
file that could not be analysed for another reason than its syntax (pylint's ``astroid-error`` /
``fatal``: asynclint's own failure). Syntax errors (files of the tree that are not valid for the
running Python, such as Django's test data) are counted apart. ``--fix`` also runs ``fix --diff``.

Prints, per root and in total: Python files, lines, findings, syntax errors, crashes, time; the
exit status is 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def lines_of(root: Path) -> tuple[int, int]:
    from asynclint import driver
    from asynclint.config import Config

    files = driver.discover([str(root)], Config(root=root))
    total = 0
    for path in files:
        with open(path, "rb") as handle:
            total += handle.read().count(b"\n")
    return len(files), total


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "asynclint.cli", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})


def sweep(root: Path, fix: bool) -> dict:
    files, lines = lines_of(root)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = run(["check", ".", "--no-cache", "-f", "json", "-o", str(report), "--exit-zero"], root)
        findings = len(json.loads(report.read_text())) if report.exists() else 0
    errors = [line for line in proc.stderr.splitlines() if "could not be analysed" in line]
    syntax = [line for line in errors if "Parsing failed" in line]
    crashes = [line for line in errors if line not in syntax]
    if proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr:
        crashes.append(f"check exited {proc.returncode}: {proc.stderr[-2000:]}")
    if fix:
        fixed = run(["fix", "--diff", "--unsafe-fixes", "."], root)
        if fixed.returncode not in (0, 1, 2) or "Traceback" in fixed.stderr:
            crashes.append(f"fix exited {fixed.returncode}: {fixed.stderr[-2000:]}")
    return dict(root=str(root), files=files, lines=lines, findings=findings, syntax_errors=len(syntax),
                crashes=crashes, seconds=time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--fix", action="store_true", help="also run fix --diff --unsafe-fixes")
    args = parser.parse_args()
    results = []
    for root in args.roots:
        result = sweep(root.resolve(), args.fix)
        results.append(result)
        print(f"{result['root']}: {result['files']} files, {result['lines']} lines, {result['findings']} findings, "
              f"{result['syntax_errors']} syntax errors, {len(result['crashes'])} crashes, "
              f"{result['seconds']:.0f}s", flush=True)
        for crash in result["crashes"]:
            print(f"  CRASH {crash}")
    total = {key: sum(r[key] for r in results) for key in ("files", "lines", "findings", "syntax_errors", "seconds")}
    crashes = sum(len(r["crashes"]) for r in results)
    print(f"total: {len(results)} roots, {total['files']} files, {total['lines']} lines, {total['findings']} findings, "
          f"{total['syntax_errors']} syntax errors, {crashes} crashes, {total['seconds']:.0f}s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
