"""Seventh precision sweep (sweep7): asynclint on async Django projects and libraries that no other
evaluation set of this project had used (README.md says which and why), every finding judged.

Usage: python benchmarks/sweep7/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

Each [[scan]] of verdicts.toml is linted inside its whole repository at its commit (holdout2's
``scan``: the tracked files extracted, so deployment files decide ASGI vs WSGI; only ``paths`` are
linted). Findings are matched to the [[verdict]] tables by repo, path, line and rule. Prints TP, FP,
new findings to judge, known TPs lost, precision and false positives per 10,000 lines.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from heldout import EXTRA, describe, interpreter, load  # noqa: E402  (benchmarks/ is on the path above)


def holdout2_scan():
    """holdout2/run.py's real-code scan (the later sets share it, not a copy of it)."""
    spec = importlib.util.spec_from_file_location("holdout2_run", HERE.parent / "holdout2" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.scan


def main(here: Path = HERE, label: str = "sweep7", doc: str | None = None) -> int:
    """The sweep of ``here``'s verdicts.toml (sweep8/run.py runs its own folder through this one)."""
    parser = argparse.ArgumentParser(description=(doc or __doc__).split("\n\n")[0])
    parser.add_argument("--python", type=interpreter, default=sys.executable)
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--certainty", choices=["definite", "possible"])
    parser.add_argument("--dump", type=Path, help="write the findings (JSON) to this file")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.certainty:
        EXTRA.extend(["--certainty", args.certainty])
    print(f"asynclint: {describe(args.python, here)}")
    found = holdout2_scan()(args.python, load(here, "verdicts.toml"), args.corpus, args.verbose)
    if args.dump:
        args.dump.write_text(json.dumps(found["raw"], indent=1))
    tp, fp, lines = found["tp"], found["fp"], found["lines"]
    judged = tp + fp
    print(f"{label}: {lines} lines, {found['findings']} findings: TP {tp}, FP {fp}, "
          f"new to judge {len(found['new'])}, known TP lost {len(found['tp_lost'])}, known FP gone {found['fp_gone']}; "
          f"precision {tp}/{judged} = {(tp / judged if judged else 1):.2f}; "
          f"FP per 10k lines {(fp / lines * 10_000 if lines else 0.0):.2f}")
    for label, items in (("FP", found["fp_list"]), ("lost", found["tp_lost"]), ("new", found["new"])):
        for item in items:
            print(f"  {label}: {item}")
    if found["skipped"]:
        print(f"  not scanned (no checkout): {', '.join(found['skipped'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
