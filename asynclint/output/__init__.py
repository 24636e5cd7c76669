"""Output formats of ``asynclint check``: one module per format, each with ``render(report) -> str``.

Every format reads ``asynclint.finding.Finding`` (re-exported here), with its path as shown
(``shown``); ``Report`` is what a run produced. Columns are 1-based (as in ruff, flake8, SARIF and
GitHub annotations; pylint's own output counts columns from 0).
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field

from asynclint.finding import CERTAINTIES, Finding, certainty, from_message

__all__ = ["CERTAINTIES", "FORMATS", "Finding", "Report", "certainty", "from_messages", "render", "shown",
           "shown_path"]

FORMATS = ("text", "json", "github", "sarif", "junit")


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

    if cwd is None and not os.path.isabs(path):  # already relative to the working directory
        relative = os.path.normpath(path)
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
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


def shown(findings, cwd: str | None = None) -> list[Finding]:
    """The findings with their paths as shown (``shown_path``) and their flagged line (``code``)
    filled in where the rule did not record it; sorted."""
    lines = _Lines()
    result = []
    for found in findings:
        code = found.code or lines.get(found.path, found.line)
        result.append(dataclasses.replace(found, path=shown_path(found.path, cwd), code=code))
    return sorted(result)


def from_messages(messages, cwd: str | None = None, structured: dict | None = None) -> list[Finding]:
    """pylint ``Message`` objects as shown findings (sorted); ``structured``: the findings the rules
    recorded, by ``Finding.key`` (``asynclint.finding.collect``)."""
    return shown([from_message(message, structured) for message in messages], cwd)
