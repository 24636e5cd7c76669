"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message`` annotations; a possible
finding says so in its title and message."""

from __future__ import annotations

from asynclint.output import Report


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for f in report.findings:
        props = [f"file={_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None:
            props.append(f"endLine={f.end_line}")
        if f.end_column is not None and f.end_line == f.line:
            props.append(f"endColumn={f.end_column}")
        maybe = ", possible" if f.certainty == "possible" else ""
        props.append(f"title={_property(f'asynclint {f.msgid} ({f.symbol}{maybe})')}")
        shown = f"(possible) {f.message}" if maybe else f.message
        lines.append(f"::{f.severity} {','.join(props)}::{_data(f'{f.msgid} {f.symbol}: {shown}')}")
    return "".join(line + "\n" for line in lines)
