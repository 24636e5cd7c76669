"""Run pylint with asynclint in-process and collect its findings (shared by the tests)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pylint.lint import Run
from pylint.reporters import CollectingReporter

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    symbol: str
    message: str


@contextlib.contextmanager
def on_sys_path(*paths: Path) -> Iterator[None]:
    added = [str(p) for p in paths if str(p) not in sys.path]
    sys.path[:0] = added
    try:
        yield
    finally:
        for entry in added:
            sys.path.remove(entry)


def lint(paths: Iterable[Path], options: dict[str, str] | None = None,
         extra_sys_path: Iterable[Path] = ()) -> list[Finding]:
    """asynclint's findings (only its messages) for ``paths``."""
    args = [
        "--load-plugins=asynclint",
        "--disable=all",
        "--enable=asynclint",
        "--persistent=n",
        "--score=n",
        "--jobs=1",
    ]
    for name, value in (options or {}).items():
        args.append(f"--{name}={value}")
    reporter = CollectingReporter()
    with on_sys_path(*extra_sys_path):
        Run([*args, *map(str, paths)], reporter=reporter, exit=False)
    return sorted(
        Finding(str(Path(m.abspath).resolve()), m.line, m.symbol, m.msg) for m in reporter.messages
    )
