"""``asynclint check`` and the pylint route report identical findings.

The CLI hands pylint only the modules its prefilter lets through and builds them without astroid's
own inference (``asynclint.lean``); the pylint route (``pylint --load-plugins=asynclint
--disable=all --enable=asynclint``, with ``ASYNCLINT_EVERY_MODULE`` so its rules skip no module) lints
every module the usual way. Both must find the same
(file, line, column, id, message) on the example project and on every fixture file, each fixture
folder with its own ``options.toml`` (passed to pylint as options, to the CLI as ``[tool.asynclint]``).

Each route runs in a subprocess of its own (one for all fixture groups), from the repository root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict

import pytest

from asynclint.prefilter import EVERY_MODULE
from tests.lint import FIXTURES, ROOT
from tests.test_fixtures import fixture_files, options_for

PYLINT_DRIVER = r"""
import json, sys
from pylint.lint import Run
from pylint.reporters import CollectingReporter
out = []
for options, paths in json.loads(sys.stdin.read()):
    reporter = CollectingReporter()
    args = ["--load-plugins=asynclint", "--disable=all", "--enable=asynclint", "--persistent=n",
            "--score=n", *[f"--{k}={v}" for k, v in options.items()], *paths]
    Run(args, reporter=reporter, exit=False)
    out += [[m.abspath, m.line, m.column, m.msg_id, m.msg] for m in reporter.messages]
print(json.dumps(out))
"""

CLI_DRIVER = r"""
import contextlib, io, json, os, sys, tempfile
from asynclint import cli
out = []
for options, paths in json.loads(sys.stdin.read()):
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "pyproject.toml")
        with open(config, "w") as handle:
            handle.write("[tool.asynclint]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in options.items()))
        report = os.path.join(tmp, "out.json")
        code = cli.main(["check", "--config", config, "-f", "json", "-o", report, *paths])
        assert code in (0, 1), code
        with open(report) as handle:
            out += [[os.path.abspath(f["path"]), f["line"], f["column"] - 1, f["id"], f["message"]]
                    for f in json.load(handle)]
print(json.dumps(out))
"""


def _run(driver: str, groups: list) -> set[tuple]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(FIXTURES), os.environ.get("PYTHONPATH", "")]),
           EVERY_MODULE: "1"}  # the pylint route without the prefilter's gate: what the CLI must equal
    proc = subprocess.run([sys.executable, "-c", driver], input=json.dumps(groups), cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1800, check=False)
    assert proc.returncode == 0, proc.stderr[-5000:]
    return {tuple(finding) for finding in json.loads(proc.stdout.strip().splitlines()[-1])}


def _compare(groups: list) -> set[tuple]:
    cli, pylint = _run(CLI_DRIVER, groups), _run(PYLINT_DRIVER, groups)
    only_cli, only_pylint = sorted(cli - pylint), sorted(pylint - cli)
    assert not only_cli and not only_pylint, (
        "\nonly asynclint check:\n  " + "\n  ".join(map(str, only_cli))
        + "\nonly the pylint route:\n  " + "\n  ".join(map(str, only_pylint)))
    return cli


def test_example_project() -> None:
    project = ROOT / "examples" / "bookshop"
    files = sorted(str(p) for p in project.rglob("*.py") if "__pycache__" not in p.parts)
    found = _compare([[{}, files]])
    assert len({f[1] for f in found}) >= 9, found


@pytest.mark.slow
def test_fixtures() -> None:
    groups: dict[tuple, list[str]] = defaultdict(list)
    for path in fixture_files():
        groups[tuple(sorted(options_for(path).items()))].append(str(path))
    found = _compare([[dict(options), paths] for options, paths in groups.items()])
    assert found
