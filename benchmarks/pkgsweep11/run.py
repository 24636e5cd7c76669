"""Package sweep (pkgsweep11): asynclint on reusable Django packages that ship async code (async views,
async middleware, async twins of their sync API, async cache clients) from repositories that no other
evaluation set of this project had used (README.md says which and why), every finding judged, and the
package's own sync-on-loop bugs that asynclint misses listed.

Usage: python benchmarks/pkgsweep11/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

sweep7's measurement (its run.py pointed at this folder's verdicts.toml) for precision and false
positives per 10k lines, then recall: of the sync-on-loop bugs of the packages (the TP verdicts and the
[[miss]] entries, by repo, path and line), those a finding of any rule now lands on.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from heldout import run_sweep_with_recall  # noqa: E402  (benchmarks/ is on the path above)

if __name__ == "__main__":
    sys.exit(run_sweep_with_recall(HERE, "pkgsweep11", __doc__, library_only=False))
