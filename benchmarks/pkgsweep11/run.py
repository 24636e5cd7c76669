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

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from heldout import load  # noqa: E402  (benchmarks/ is on the path above)


def sweep7():
    spec = importlib.util.spec_from_file_location("sweep7_run", HERE.parent / "sweep7" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def recall(found: list[dict], data: dict) -> str:
    at = {(f["repo"], f["path"], f["line"]) for f in found}
    judged = {(v["repo"], v["path"], v["line"]) for v in data.get("verdict", []) if v["verdict"] == "TP"}
    listed = {(m["repo"], m["path"], m["line"]): m for m in data.get("miss", [])}
    universe = judged | set(listed)
    hit = universe & at
    left = [listed[key] for key in sorted(set(listed) - at)]
    lines = [f"recall {len(hit)}/{len(universe)} = {(len(hit) / len(universe) if universe else 1):.2f} "
             f"(sync-on-loop bugs: the TP verdicts and the listed misses; still missed {len(left)})"]
    lines += [f"  missed: {m['repo']} {m['path']}:{m['line']} {m['call']}" for m in left]
    return "\n".join(lines)


if __name__ == "__main__":
    dump = None
    if "--dump" not in sys.argv:
        dump = Path(tempfile.mkstemp(prefix="pkgsweep11-", suffix=".json")[1])
        sys.argv += ["--dump", str(dump)]
    status = sweep7().main(HERE, "pkgsweep11", __doc__)
    path = dump or Path(sys.argv[sys.argv.index("--dump") + 1])
    print(recall(json.loads(path.read_text()), load(HERE, "verdicts.toml")))
    if dump:
        dump.unlink()
    sys.exit(status)
