"""Thirteenth held-out evaluation of asynclint (holdout13): upstream async-Django bug fixes and real async
code from repositories no other set of this project uses; README.md says which and how.

Usage: python benchmarks/holdout13/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--skip-scan]
       [--in-project] [--certainty definite|possible] [--dump FILE] [-v]

The measurements are holdout2's (benchmarks/heldout.run_like_holdout2): reductions in cases/ (strict and
lenient recall, fixed forms silent), the upstream pre-/post-fix files alone and in project, and the
real-code scan of verdicts.toml (TP/FP, new findings to judge, FP per 10,000 lines).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout import run_like_holdout2  # noqa: E402  (benchmarks/ is put on the path above)

if __name__ == "__main__":
    sys.exit(run_like_holdout2(HERE, __doc__))
