"""Library sweep (libsweep11, issue 12): asynclint on async Django projects built on django-ninja, strawberry/graphene/ariadne, Channels,
task queues and sync SDK clients that no other evaluation set of this project had used (README.md says
which and why), every finding judged, and the library calls on the loop that it misses listed.

Usage: python benchmarks/libsweep11/run.py [--python PYTHON] [--corpus DIR] [--certainty definite|possible]
       [--dump FILE] [-v]

sweep9's measurement (sweep7's run.py pointed at this folder's verdicts.toml) for precision and false
positives per 10k lines, then library-call recall: of the library calls on the loop (the TP verdicts
marked `library = true` and the [[miss]] entries, by repo, path and line), those a finding of any rule
now lands on.
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
    library = {(v["repo"], v["path"], v["line"]) for v in data.get("verdict", [])
               if v["verdict"] == "TP" and v.get("library")}
    listed = {(m["repo"], m["path"], m["line"]): m for m in data.get("miss", [])}
    universe = library | set(listed)
    hit = universe & at
    left = [listed[key] for key in sorted(set(listed) - at)]
    lines = [f"library-call recall {len(hit)}/{len(universe)} = {(len(hit) / len(universe) if universe else 1):.2f} "
             f"(library calls on the loop: the library TPs and the listed misses; still missed {len(left)})"]
    lines += [f"  missed: {m['repo']} {m['path']}:{m['line']} {m['call']}" for m in left]
    return "\n".join(lines)


if __name__ == "__main__":
    dump = None
    if "--dump" not in sys.argv:
        dump = Path(tempfile.mkstemp(prefix="libsweep11-", suffix=".json")[1])
        sys.argv += ["--dump", str(dump)]
    status = sweep7().main(HERE, "libsweep11", __doc__)
    path = dump or Path(sys.argv[sys.argv.index("--dump") + 1])
    print(recall(json.loads(path.read_text()), load(HERE, "verdicts.toml")))
    if dump:
        dump.unlink()
    sys.exit(status)
