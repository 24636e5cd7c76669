"""``asynclint fix``: rewrite what the rules found into its async form, with libcst.

The analysis decides *what* is wrong (the rules' findings, and the same core they use: the kind of a
receiver, the table row of a call, the targeted Django version); the fixers (one module per rule,
named like its symbol) decide the edits from the table's rows; ``edits`` applies them byte-exactly.

Public API:

- ``fix_paths(paths, *, unsafe=False, diff=False, select=(), ignore=(), django_version=None,
  options=None) -> FixReport``: fix (or, with ``diff``, show) the findings under ``paths``;
- ``engine.lint(paths, symbols, *, overlay=None, django_version=None, options=None) -> (findings,
  setup_errors, target)``: the structured findings (``asynclint.finding.Finding``, with their fixes)
  of one in-process pylint run; ``overlay`` maps real paths to unsaved text (an editor buffer);
- ``fixable() -> tuple[str, ...]``: the symbols of the rules with an automatic fix (derived from the
  rules' ``fix_safety`` declarations).

Whether one finding can be fixed is on the finding itself: ``asynclint.finding.Finding.fix`` (a
``Fix`` with its safety and edits, a ``NoFix`` saying why not, or None: the rule has no fixer).

``python -m asynclint.fixes PATH... [--unsafe-fixes] [--diff]`` runs it from the command line.
"""

from __future__ import annotations

from asynclint.finding import Finding, Fix, NoFix
from asynclint.fixes.base import SAFE, UNSAFE
from asynclint.fixes.engine import Applied, FixReport, Left, fix_paths, fixable, python_files

__all__ = ["SAFE", "UNSAFE", "Applied", "Finding", "Fix", "FixReport", "Left", "NoFix", "fix_paths", "fixable",
           "python_files"]
