"""Library sweep (libsweep10, issue 12): asynclint on async Django projects built on DRF/adrf, Channels,
task queues and sync SDK clients that no other evaluation set of this project had used (README.md says
which and why), every finding judged, and the library calls on the loop that it misses listed.

Usage: python benchmarks/libsweep10/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

sweep9's measurement (sweep7's run.py pointed at this folder's verdicts.toml) for precision and false
positives per 10k lines, then library-call recall: the TP findings whose verdict has `library = true`
over those plus the [[miss]] entries that no finding now covers (a miss is covered when a finding of
any rule lands on its path and line).
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
    library_tp = [v for v in data.get("verdict", []) if v["verdict"] == "TP" and v.get("library")
                  and (v["repo"], v["path"], v["line"]) in at]
    misses = data.get("miss", [])
    covered = [m for m in misses if (m["repo"], m["path"], m["line"]) in at]
    left = [m for m in misses if (m["repo"], m["path"], m["line"]) not in at]
    hit = len(library_tp) + len(covered)
    total = hit + len(left)
    lines = [f"library-call recall {hit}/{total} = {(hit / total if total else 1):.2f} "
             f"(library TPs {len(library_tp)}, listed misses now reported {len(covered)}, still missed {len(left)})"]
    lines += [f"  missed: {m['repo']} {m['path']}:{m['line']} {m['call']}" for m in left]
    return "\n".join(lines)


if __name__ == "__main__":
    dump = None
    if "--dump" not in sys.argv:
        dump = Path(tempfile.mkstemp(prefix="libsweep10-", suffix=".json")[1])
        sys.argv += ["--dump", str(dump)]
    status = sweep7().main(HERE, "libsweep10", __doc__)
    path = dump or Path(sys.argv[sys.argv.index("--dump") + 1])
    print(recall(json.loads(path.read_text()), load(HERE, "verdicts.toml")))
    if dump:
        dump.unlink()
    sys.exit(status)
