"""``path:line:col: E5701 symbol message``, one finding a line, colored on a terminal; a possible
finding (one that depends on a branch or dispatch asynclint cannot decide) says ``(possible)``."""

from __future__ import annotations

from asynclint.output import Report

_RESET = "\033[0m"
_BOLD = "\033[1m"
_CYAN = "\033[36m"
_RED = "\033[31m"
_YELLOW = "\033[33m"


def render(report: Report, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    lines = []
    for f in report.findings:
        where = paint(_BOLD, f"{f.path}:{f.line}:{f.column}:")
        ident = paint(_RED if f.severity == "error" else _YELLOW, f.msgid)
        mark = "[*] " if f.fix_safety == "safe" else ""
        maybe = "(possible) " if f.certainty == "possible" else ""
        lines.append(f"{where} {ident} {mark}{paint(_CYAN, f.symbol)} {maybe}{f.message}")
    count = len(report.findings)
    if count:
        files = len({f.path for f in report.findings})
        summary = f"Found {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}."
    else:
        summary = "All checks passed!"
    if report.baselined:
        summary += f" ({report.baselined} more in the baseline.)"
    safe = sum(1 for f in report.findings if f.fix_safety == "safe")
    unsafe = sum(1 for f in report.findings if f.fix_safety == "unsafe")
    if safe:
        summary += f"\n[*] {safe} fixable with `asynclint fix`."
    if unsafe:
        summary += f"\n{unsafe} hidden fix{'es' if unsafe != 1 else ''} can be enabled with `asynclint fix --unsafe-fixes`."
    lines.append(summary)
    return "\n".join(lines) + "\n"
