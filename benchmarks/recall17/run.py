"""Seventeenth recall set of asynclint (recall17): async-Django bugs from published GitHub bug reports;
README.md says which and how.

Usage: python benchmarks/recall17/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--in-project]
       [--certainty definite|possible] [-v]

The measurements are recall15's (holdout2's, through benchmarks/heldout.run_like_holdout2) without the
real-code scan (no verdicts.toml here): reductions in cases/ (strict and lenient recall, fixed forms
silent), and, for the cases whose fix is a commit of a public repository, the upstream pre-/post-fix
files alone and (--in-project) inside their repository at both commits.
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
    # recall15's runner (heldout.run_like_holdout2) loads holdout2/run.py and calls its main(); this set
    # does the same, and hands holdout2's upstream-file runners only the cases fixed by a commit (a
    # report answered in the thread has no pre-/post-fix file to lint).
    spec = importlib.util.spec_from_file_location("holdout2_run", HERE.parent / "holdout2" / "run.py")
    holdout2 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(holdout2)
    for name in ("real_files", "real_files_in_project"):
        def committed(python, cases, *rest, _original=getattr(holdout2, name)):
            return _original(python, [case for case in cases if "fix" in case], *rest)
        setattr(holdout2, name, committed)
    holdout2.HERE, holdout2.CASES, holdout2.__doc__ = HERE, HERE / "cases", __doc__
    if "--skip-scan" not in sys.argv:
        sys.argv.append("--skip-scan")  # recall only: this set has no verdicts.toml
    sys.exit(holdout2.main())
