"""Output formats of ``asynclint check``: one module per format, each with ``render(report) -> str``.

``Finding`` is one message, ``Report`` what a run produced; columns are 1-based (as in ruff, flake8,
SARIF and GitHub annotations; pylint's own output counts columns from 0).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = ("text", "json", "github", "sarif", "junit")


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # as shown: relative to the working directory when below it, with '/' separators
    line: int
    column: int  # 1-based
    msgid: str
    symbol: str
    message: str
    end_line: int | None = None
    end_column: int | None = None  # 1-based, exclusive
    code: str = ""  # the flagged source line, stripped (what the baseline matches)
    fix: str | None = None  # "safe" or "unsafe" when ``asynclint fix`` can fix it (text shows [*])
    certainty: str = "definite"  # "definite" (pylint confidence HIGH) or "possible" (INFERENCE)

    @property
    def severity(self) -> str:
        return "error" if self.msgid.startswith(("E", "F")) else "warning"


@dataclass
class Report:
    findings: list[Finding]
    files: list[str] = field(default_factory=list)  # every file checked (shown paths)
    rules: tuple = ()  # the selected rule classes
    baselined: int = 0  # findings hidden by the baseline


def render(fmt: str, report: Report, color: bool = False) -> str:
    if fmt not in FORMATS:
        raise ValueError(fmt)
    module = importlib.import_module(f"asynclint.output.{fmt}")
    if fmt == "text":
        return module.render(report, color=color)
    return module.render(report)


def shown_path(path: str, cwd: str | None = None) -> str:
    """``path`` relative to ``cwd`` when below it, else absolute; always with '/' separators."""
    import os

    cwd = cwd or os.getcwd()
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, cwd) if os.path.splitdrive(absolute)[0] == os.path.splitdrive(cwd)[0] \
        else absolute
    shown = absolute if relative.startswith("..") else relative
    return shown.replace(os.sep, "/")


class _Lines:
    """Source lines by file, read once (for ``Finding.code``)."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def get(self, path: str, line: int) -> str:
        if path not in self._files:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    self._files[path] = handle.read().splitlines()
            except OSError:
                self._files[path] = []
        lines = self._files[path]
        return lines[line - 1].strip() if 0 < line <= len(lines) else ""


CERTAINTIES = ("definite", "possible")


def certainty(confidence) -> str:
    """A pylint confidence as asynclint's certainty: HIGH (and pylint's UNDEFINED) are definite, the
    inferred levels (INFERENCE, INFERENCE_FAILURE, CONTROL_FLOW) possible."""
    name = getattr(confidence, "name", "HIGH")
    return "possible" if name.startswith("INFERENCE") or name == "CONTROL_FLOW" else "definite"


def from_messages(messages, cwd: str | None = None) -> list[Finding]:
    """pylint ``Message`` objects as findings (sorted)."""
    lines = _Lines()
    findings = []
    for m in messages:
        path = m.abspath or m.path
        findings.append(Finding(
            path=shown_path(path, cwd), line=m.line or 1, column=(m.column or 0) + 1,
            msgid=m.msg_id, symbol=m.symbol, message=m.msg,
            end_line=m.end_line, end_column=None if m.end_column is None else m.end_column + 1,
            code=lines.get(path, m.line or 1), certainty=certainty(getattr(m, "confidence", None)),
        ))
    return sorted(findings)
