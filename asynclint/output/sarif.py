"""SARIF 2.1.0 (GitHub code scanning and other SARIF viewers), with each rule's metadata and its
documentation page as help.

Also a pylint reporter: ``pylint --load-plugins=asynclint --output-format=asynclint.output.sarif.SarifReporter``.
"""

from __future__ import annotations

import json
import os
import sys
from urllib.parse import quote

from pylint.reporters import BaseReporter

import asynclint
from asynclint.output import Finding, Report, from_messages

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning"}
#: SARIF ``rank`` (0-100, how sure the tool is) by certainty.
RANKS = {"definite": 90.0, "possible": 50.0}


def _rule_entry(rule) -> dict:
    from asynclint import docs

    found = docs.sections(rule)
    text = docs.explain(rule)
    entry = {
        "id": rule.msgid,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(found.get("What it does", rule.summary).split())},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": _LEVELS[docs.severity(rule)]},
        "properties": {"tags": ["django", "async"], "symbol": rule.symbol, "fixSafety": rule.fix_safety or "none",
                       "djangoVersions": str(rule.django_versions),
                       "djangoSince": ".".join(map(str, rule.django_versions.since or ())) or "any"},
    }
    uri = docs.help_uri(rule)
    if uri:
        entry["helpUri"] = uri
    return entry


def _other_rule(msgid: str, symbol: str, description: str = "") -> dict:
    """A message of pylint or another plugin (pylint route only)."""
    return {"id": msgid, "name": symbol, "shortDescription": {"text": description or symbol},
            "defaultConfiguration": {"level": "error" if msgid[:1] in "EF" else "warning"}}


def _uri(path: str) -> tuple[str, bool]:
    """(URI, relative?) of a shown path."""
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/") if not path.startswith("/") else path), False
    return quote(path), True


def document(findings: list[Finding], rules, others: dict[str, tuple[str, str]] | None = None) -> dict:
    """The SARIF log. ``rules``: asynclint rule classes to describe; ``others``: msgid -> (symbol,
    description) of any other message the findings carry."""
    entries = [_rule_entry(rule) for rule in rules]
    index = {entry["id"]: i for i, entry in enumerate(entries)}
    for finding in findings:
        if finding.msgid not in index:
            symbol, description = (others or {}).get(finding.msgid, (finding.symbol, ""))
            index[finding.msgid] = len(entries)
            entries.append(_other_rule(finding.msgid, symbol, description))
    results = []
    for f in findings:
        uri, relative = _uri(f.path)
        region = {"startLine": f.line, "startColumn": f.column}
        if f.end_line is not None:
            region["endLine"] = f.end_line
            if f.end_column is not None:
                region["endColumn"] = f.end_column
        location = {"artifactLocation": {"uri": uri, **({"uriBaseId": "%SRCROOT%"} if relative else {})},
                    "region": region}
        results.append({
            "ruleId": f.msgid,
            "ruleIndex": index[f.msgid],
            "level": "error" if f.severity == "error" else "warning",
            "rank": RANKS[f.certainty],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {"asynclint/v1": f"{f.path}:{f.symbol}:{f.code}"},
            "properties": {"certainty": f.certainty, "fixSafety": f.fix_safety or "none"},
        })
    cwd = os.getcwd().replace(os.sep, "/").rstrip("/") + "/"
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "asynclint", "version": asynclint.__version__,
                                "semanticVersion": asynclint.__version__, "rules": entries}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(cwd if cwd.startswith("/") else "/" + cwd)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report: Report) -> str:
    return json.dumps(document(report.findings, report.rules), indent=2) + "\n"


class SarifReporter(BaseReporter):
    """pylint reporter: every message of the run (asynclint's and any other checker's) as SARIF."""

    name = "asynclint-sarif"
    extension = "sarif"

    def __init__(self, output=None) -> None:
        super().__init__(output)
        self._messages = []

    def handle_message(self, msg) -> None:
        self._messages.append(msg)

    def display_messages(self, layout) -> None:  # pylint: disable=unused-argument
        from asynclint.rules import ALL

        findings = from_messages(self._messages)
        others = {}
        store = getattr(self.linter, "msgs_store", None)
        for finding in findings:
            if store is not None and finding.msgid not in others:
                try:
                    definition = store.get_message_definitions(finding.msgid)[0]
                    others[finding.msgid] = (definition.symbol, " ".join(definition.description.split()))
                except Exception:  # pylint: disable=broad-except
                    others[finding.msgid] = (finding.symbol, "")
        print(json.dumps(document(findings, ALL, others), indent=2), file=self.out or sys.stdout)

    def display_reports(self, layout) -> None:
        """No textual reports in SARIF."""

    def _display(self, layout) -> None:
        """Not used."""
