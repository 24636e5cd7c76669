"""Twenty-second recall set of asynclint (recall22): async-Django bugs from USER REPORTS in the GitHub
issue trackers of the libraries async Django projects run on; README.md says which and how.

Usage: python benchmarks/recall22/run.py [--python PYTHON] [--certainty definite|possible] [-v]

The measurements are recall19's (benchmarks/heldout.run_like_holdout2, imported) on the
reductions only (cases/: strict and lenient recall, fixed forms silent, findings right): the threads
name no upstream file at a commit, so there is nothing else to lint (--skip-real, --skip-scan).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout import run_like_holdout2  # noqa: E402  (benchmarks/ is put on the path above)

if __name__ == "__main__":
    sys.argv += [flag for flag in ("--skip-scan", "--skip-real") if flag not in sys.argv]
    sys.exit(run_like_holdout2(HERE, __doc__))
