"""A JSON array of findings (``path``, ``line``, ``column``, ``end_line``, ``end_column``, ``id``,
``symbol``, ``severity``, ``certainty`` ("definite" or "possible"), ``message``, ``code``)."""

from __future__ import annotations

import json

from asynclint.output import Report


def render(report: Report) -> str:
    return json.dumps([
        {"path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line,
         "end_column": f.end_column, "id": f.msgid, "symbol": f.symbol, "severity": f.severity,
         "certainty": f.certainty, "message": f.message, "code": f.code}
        for f in report.findings
    ], indent=2) + "\n"
