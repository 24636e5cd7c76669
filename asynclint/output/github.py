"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message`` annotations."""

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
        props.append(f"title={_property(f'asynclint {f.msgid} ({f.symbol})')}")
        lines.append(f"::{f.severity} {','.join(props)}::{_data(f'{f.msgid} {f.symbol}: {f.message}')}")
    return "".join(line + "\n" for line in lines)
