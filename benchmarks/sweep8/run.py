"""Eighth precision sweep (sweep8): asynclint on async Django projects and libraries that no other
evaluation set of this project had used (README.md says which and why), every finding judged.

Usage: python benchmarks/sweep8/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

The same measurement as sweep7 (its run.py, pointed at this folder's verdicts.toml): each [[scan]] is
linted inside its whole repository at its commit, only ``paths`` are linted, and findings are matched to
the [[verdict]] tables by repo, path, line and rule.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sweep7():
    spec = importlib.util.spec_from_file_location("sweep7_run", HERE.parent / "sweep7" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(sweep7().main(HERE, "sweep8", __doc__))
