"""Baselines: today's findings recorded in a file, so a CI gate fails only on new ones.

A finding is matched by file, symbol and code (the flagged source line, stripped), not by line
number, so unrelated edits above it do not resurface it. The same code flagged twice in one file
needs two entries. Paths are stored relative to the baseline file's folder.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

FORMAT = 1


class BaselineError(Exception):
    pass


def _key(path: str, symbol: str, code: str, base: Path) -> tuple[str, str, str]:
    absolute = Path(path).resolve()
    try:
        relative = os.path.relpath(absolute, base.resolve())
    except ValueError:  # another drive
        relative = str(absolute)
    return relative.replace(os.sep, "/"), symbol, code


def write(file: str, findings) -> int:
    base = Path(file).resolve().parent
    entries = sorted(_key(f.path, f.symbol, f.code, base) for f in findings)
    data = {"asynclint-baseline": FORMAT,
            "findings": [{"path": p, "symbol": s, "code": c} for p, s, c in entries]}
    try:
        Path(file).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"cannot write baseline {file}: {error.strerror}") from None
    return len(entries)


def load(file: str) -> Counter:
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"cannot read baseline {file}: {error.strerror}") from None
    except ValueError as error:
        raise BaselineError(f"baseline {file} is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("asynclint-baseline") != FORMAT or not isinstance(
            data.get("findings"), list):
        raise BaselineError(f"{file} is not an asynclint baseline (write one with --write-baseline)")
    try:
        return Counter((e["path"], e["symbol"], e["code"]) for e in data["findings"])
    except (KeyError, TypeError):
        raise BaselineError(f"baseline {file}: every finding needs path, symbol and code") from None


def apply(file: str, findings) -> tuple[list, int]:
    """(the findings not in the baseline, how many were hidden)."""
    remaining = load(file)
    base = Path(file).resolve().parent
    new, hidden = [], 0
    for finding in findings:
        key = _key(finding.path, finding.symbol, finding.code, base)
        if remaining[key] > 0:
            remaining[key] -= 1
            hidden += 1
        else:
            new.append(finding)
    return new, hidden
