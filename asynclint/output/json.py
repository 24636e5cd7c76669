"""A JSON array of findings (``path``, ``line``, ``column``, ``end_line``, ``end_column``, ``id``,
``symbol``, ``severity``, ``message``, ``code``, ``certainty`` ("definite" or "possible"), ``chain``
(the project calls down to the sync work: ``path``, ``line``, ``text`` each) and ``fix`` (null, or
``safety`` "safe"/"unsafe" and ``description``))."""

from __future__ import annotations

import json

from asynclint.output import Report, shown_path


def render(report: Report) -> str:
    return json.dumps([
        {"path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line,
         "end_column": f.end_column, "id": f.msgid, "symbol": f.symbol, "severity": f.severity,
         "message": f.message, "code": f.code, "certainty": f.certainty,
         "chain": [{"path": shown_path(step.path), "line": step.line, "text": step.text} for step in f.chain],
         "fix": {"safety": f.fix.safety, "description": f.fix.description} if f.fix_safety else None}
        for f in report.findings
    ], indent=2) + "\n"
