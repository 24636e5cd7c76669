"""Fifth held-out evaluation of asynclint: real async-Django bug fixes and real code from
repositories that no other evaluation set of this project uses (see README.md).

Usage: python benchmarks/holdout5/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--skip-scan]
       [--in-project] [--certainty definite|possible] [--dump FILE] [-v]

Same measurements as holdout2/run.py (whose in-project, extraction and scan code this reuses):
1. reductions (cases/<id>_bad.py annotated `# [rule]`, cases/<id>_good.py silent): strict recall
   (every annotated line has a finding of its rule), lenient recall (any rule), fixed forms silent;
2. the upstream pre-/post-fix files, alone and (--in-project) inside the repository at that commit;
3. the real-code scan (verdicts.toml): known TP/FP, new findings to judge, FP per 10,000 lines.
Precision = (right findings on reductions + judged TPs) / (all findings on reductions + judged findings).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout import run_like_holdout2  # noqa: E402  (benchmarks/ is put on the path above)

if __name__ == "__main__":
    sys.exit(run_like_holdout2(HERE, __doc__))
