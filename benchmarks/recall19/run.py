"""Nineteenth recall set of asynclint (recall19): async-Django bugs reported in PUBLISHED Q&A and blog
pages (Stack Overflow, forum/ticket threads, blog posts, tutorials, Q&A sites); README.md says which
and how.

Usage: python benchmarks/recall19/run.py [--python PYTHON] [--certainty definite|possible] [-v]

The measurements are recall15's (holdout2's, through benchmarks/heldout.run_like_holdout2) on the
reductions only (cases/: strict and lenient recall, fixed forms silent, findings right): the pages
name no repository, so there are no upstream files to lint (--skip-real) and no real-code scan.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location("recall15_run", HERE.parent / "recall15" / "run.py")
    recall15 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recall15)  # puts benchmarks/ on the path; its __main__ block does not run
    for flag in ("--skip-scan", "--skip-real"):  # reductions only: no repository, no verdicts.toml
        if flag not in sys.argv:
            sys.argv.append(flag)
    sys.exit(recall15.run_like_holdout2(HERE, __doc__))
