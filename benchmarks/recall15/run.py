"""Fifteenth recall set of asynclint (recall15): upstream async-Django bug fixes mined from the history of
async Django repositories no earlier set used; README.md says which and how.

Usage: python benchmarks/recall15/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--in-project]
       [--certainty definite|possible] [-v]

The measurements are holdout2's (benchmarks/heldout.run_like_holdout2) without the real-code scan (this
set has no verdicts.toml): reductions in cases/ (strict and lenient recall, fixed forms silent), and the
upstream pre-/post-fix files alone and (--in-project) inside their repository at both commits.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout import run_like_holdout2  # noqa: E402  (benchmarks/ is put on the path above)

if __name__ == "__main__":
    if "--skip-scan" not in sys.argv:
        sys.argv.append("--skip-scan")  # recall only: this set has no verdicts.toml
    sys.exit(run_like_holdout2(HERE, __doc__))
