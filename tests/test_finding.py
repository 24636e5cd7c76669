"""The one structured finding: built when the rule reports, carried to every consumer, the same with
``-j`` (pylint's worker processes) as in one process."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

from asynclint import driver, output
from asynclint.finding import DEFINITE, Finding, Fix, NoFix, Step
from asynclint.fixes import engine
from asynclint.rules import ALL
from tests.lint import FIXTURES, ROOT, on_sys_path

CHAIN = FIXTURES / "missing-sync-to-async" / "bad_helper_chain_across_modules.py"
ORM = FIXTURES / "sync-orm-call-in-async" / "bad_instance_methods.py"


def _findings(path) -> list[Finding]:
    with on_sys_path(FIXTURES):
        findings, errors, _target = engine.lint([str(path)], engine.select_symbols())
    assert not errors
    return findings


def test_a_finding_carries_its_row_kind_fix_and_certainty():
    findings = {f.line: f for f in _findings(ORM)}
    save = findings[11]
    assert save.row.name == "save" and save.row.async_name == "asave" and save.kind == "model instance"
    assert isinstance(save.fix, Fix) and save.fix.safety == "safe" and save.fix.edits
    assert save.certainty == DEFINITE and save.column >= 1 and save.code.startswith("book.save()")
    assert isinstance(findings[26].fix, NoFix)  # full_clean() has no async form: the reason travels too


def test_a_chain_finding_carries_its_steps():
    found = [f for f in _findings(CHAIN) if f.symbol == "missing-sync-to-async"]
    assert found and all(f.chain and all(isinstance(step, Step) and step.line > 0 for step in f.chain)
                         for f in found)
    assert any(step.path != str(CHAIN) for f in found for step in f.chain), "a step in the other module"


def test_findings_are_plain_data():
    for finding in _findings(ORM) + _findings(CHAIN):
        assert pickle.loads(pickle.dumps(finding)) == finding


def test_check_reads_the_rules_findings_in_one_process_and_with_workers():
    """``-j 2`` (a subprocess: pylint pickles the linter, which pytest's capture cannot be)."""
    documents = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "asynclint.cli", "check", "-f", "json", "-j", jobs,
                               "missing-sync-to-async", "sync-orm-call-in-async"], cwd=FIXTURES,
                              capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(FIXTURES)])})
        assert proc.returncode == 1, proc.stderr
        documents.append(json.loads(proc.stdout))
    assert documents[0] == documents[1]
    assert any(f["chain"] for f in documents[0]) and any(f["fix"] for f in documents[0])


def test_the_driver_hands_structured_findings_to_every_consumer():
    rules = [rule for rule in ALL if rule.symbol == "sync-orm-call-in-async"]
    with on_sys_path(FIXTURES):
        result = driver.lint([str(ORM)], rules, (5, 2))
    assert result.findings == output.shown(_findings(ORM))
    assert all(f.fix is not None for f in result.findings)
