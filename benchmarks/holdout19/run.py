"""Nineteenth held-out precision set (holdout19): asynclint on public Django applications served
under ASGI (README.md says which and why), every finding judged.

Usage: python benchmarks/holdout19/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

sweep8's run.py (sweep7's measurement) pointed at this folder's verdicts.toml.
"""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location("sweep8_run", HERE.parent / "sweep8" / "run.py")
    sweep8 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sweep8)
    sys.exit(sweep8.sweep7().main(HERE, "holdout19", __doc__))
