"""Held-out sweep (sweep20): asynclint on reusable packages and projects built on the async Django
ecosystem whose async code calls libraries (django-ninja operations and Channels consumers publishing
Celery tasks and reading django-redis, server-sent events over redis streams, LLM packages bridging the
ORM), in repositories no earlier set of this project had used (README.md says which and why), every
finding judged, and the library calls on the loop that it misses listed.

Usage: python benchmarks/sweep20/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

sweep9's measurement (sweep7's run.py pointed at this folder's verdicts.toml) for precision and false
positives per 10k lines, then library-call recall: of the library calls on the loop (the TP verdicts
marked `library = true` and the [[miss]] entries, by repo, path and line), those a finding of any rule
now lands on.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from heldout import run_sweep_with_recall  # noqa: E402  (benchmarks/ is on the path above)

if __name__ == "__main__":
    sys.exit(run_sweep_with_recall(HERE, "sweep20", __doc__, library_only=True))
