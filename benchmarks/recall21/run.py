"""Twenty-first recall set of asynclint (recall21): upstream async-Django bug fixes mined from the history of
async Django repositories no earlier set used; README.md says which and how.

Usage: python benchmarks/recall21/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--in-project]
       [--certainty definite|possible] [-v]

The measurements are recall15's (holdout2's, through benchmarks/heldout.run_like_holdout2) without the
real-code scan (this set has no verdicts.toml): reductions in cases/ (strict and lenient recall, fixed
forms silent), and the upstream pre-/post-fix files alone and (--in-project) inside their repository at
both commits.
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
    if "--skip-scan" not in sys.argv:
        sys.argv.append("--skip-scan")  # recall only: this set has no verdicts.toml
    sys.exit(recall15.run_like_holdout2(HERE, __doc__))
