"""``asynclint fix``: rewrite what the rules found into its async form, with libcst.

The analysis decides *what* is wrong (the rules' findings, and the same core they use: the kind of a
receiver, the table row of a call, the targeted Django version); the fixers (one module per rule,
named like its symbol) decide the edits from the table's rows; ``edits`` applies them byte-exactly.

Public API:

- ``fix_paths(paths, *, unsafe=False, diff=False, select=(), ignore=(), django_version=None,
  options=None) -> FixReport``: fix (or, with ``diff``, show) the findings under ``paths``;
- ``fixability(finding, *, django_version=None) -> "safe" | "unsafe" | None``: whether ``fix``
  would fix a finding (for ``check``'s ``[*]`` marks and its count of hidden unsafe fixes);
- ``fix_safety(symbol) -> "safe" | "unsafe" | "safe or unsafe" | None``: how a rule is fixed (for
  ``asynclint rules`` and the rule pages).

``python -m asynclint.fixes PATH... [--unsafe-fixes] [--diff]`` runs it from the command line.
"""

from __future__ import annotations

from asynclint.fixes.base import SAFE, UNSAFE, Fix, NoFix
from asynclint.fixes.engine import (
    FIXABLE, Applied, Finding, FixReport, Left, fix_paths, fix_safety, fixability, python_files,
)

__all__ = ["FIXABLE", "SAFE", "UNSAFE", "Applied", "Finding", "Fix", "FixReport", "Left", "NoFix", "fix_paths",
           "fix_safety", "fixability", "python_files"]
