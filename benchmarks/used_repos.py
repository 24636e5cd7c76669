"""Print every public repository (owner/name) that any evaluation set under benchmarks/ names: the
exclusion list a new held-out set starts from (a repository a set was built or tuned on is not held out).

Usage: python benchmarks/used_repos.py [--strict]

Collected from the ``repo``/``name`` fields of every ``.toml`` here, every ``github.com/owner/name`` and,
unless ``--strict``, every backticked or plain ``owner/name`` token of the READMEs and audits (prose
names repositories too: "left-out candidates", audits of projects linted once). Over-inclusion is the
safe side for an exclusion list: a path-like token (``tests/fixtures``) only excludes a repository that
does not exist."""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELD = re.compile(r'^\s*(?:repo|name|repository)\s*=\s*"([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)"', re.MULTILINE)
URL = re.compile(r"github\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)")
TOKEN = re.compile(r"(?<![\w./-])([A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})(?![\w/])")
#: First parts of tokens that are paths or prose, not owners.
NOT_OWNERS = {"tests", "docs", "benchmarks", "asynclint", "src", "cases", "fixtures", "django", "and", "or",
              "TP", "FP", "pre", "post", "sync", "async", "with", "without", "read", "write", "main"}


def _repository_like(token: str) -> bool:
    owner, name = token.split("/", 1)
    return (owner not in NOT_OWNERS and re.search("[A-Za-z]{2}", owner) is not None
            and re.search("[A-Za-z]{2}", name) is not None
            and re.search(r"\.(py|md|toml|txt|html|cfg|ini|json|yml|yaml)$", name) is None)


def used(strict: bool = False) -> set[str]:
    found: set[str] = set()
    for path in HERE.rglob("*"):
        if path.suffix not in {".toml", ".md", ".py"} or not path.is_file() or path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found.update(FIELD.findall(text) if path.suffix == ".toml" else ())
        found.update(m.rstrip(".") for m in URL.findall(text))
        if not strict and path.suffix == ".md":
            found.update(t.rstrip(".") for t in TOKEN.findall(text) if _repository_like(t))
    return {name.removesuffix(".git") for name in found}


if __name__ == "__main__":
    print("\n".join(sorted(used("--strict" in sys.argv), key=str.lower)))
