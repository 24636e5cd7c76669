"""Every fixture file yields exactly the findings its ``# [symbol]`` annotations name, on those lines.

Conventions: ``tests/fixtures/README.md``. Files are linted once per set of options (the nearest
``options.toml``), so the whole suite costs a few pylint runs, not one per file.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from tests.lint import FIXTURES, lint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_ANNOTATION = re.compile(r"#\s*(?:(?P<offset>[+-]\d+):\s*)?\[(?P<symbols>[a-z0-9, -]+)\]\s*$")


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.py") if "__pycache__" not in p.parts)


def options_for(path: Path) -> dict[str, str]:
    for folder in [path.parent, *path.parent.parents]:
        candidate = folder / "options.toml"
        if candidate.exists():
            return {k: ",".join(map(str, v)) if isinstance(v, list) else str(v)
                    for k, v in tomllib.loads(candidate.read_text()).items()}
        if folder == FIXTURES:
            break
    return {}


def expected(path: Path) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _ANNOTATION.search(line)
        if match:
            target = number + int(match.group("offset") or 0)
            for symbol in match.group("symbols").split(","):
                found.add((target, symbol.strip()))
    return found


@lru_cache(maxsize=None)
def _all_findings() -> dict[str, set[tuple[int, str]]]:
    groups: dict[tuple, list[Path]] = defaultdict(list)
    for path in fixture_files():
        groups[tuple(sorted(options_for(path).items()))].append(path)
    results: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for options, paths in groups.items():
        for finding in lint(paths, dict(options), extra_sys_path=[FIXTURES]):
            results[finding.path].add((finding.line, finding.symbol))
    return results


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture(path: Path) -> None:
    want = expected(path)
    if path.name.startswith("bad_"):
        assert want, f"{path.name} is a bad_ fixture without any '# [symbol]' annotation"
    if path.name.startswith("good_"):
        assert not want, f"{path.name} is a good_ fixture but carries annotations"
    got = _all_findings().get(str(path.resolve()), set())
    missing = sorted(want - got)
    unexpected = sorted(got - want)
    assert not missing and not unexpected, (
        f"\n  expected but not reported: {missing}\n  reported but not expected: {unexpected}"
    )
