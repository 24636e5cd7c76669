"""Time ``asynclint check`` against pylint running asynclint's checkers, on the installed ``django/``.

    python benchmarks/cli_speed.py                 # -j 1 for both, best of 1
    python benchmarks/cli_speed.py --repeat 3 -j 2

Both commands run in a subprocess, from a temporary folder (no project configuration applies):

- ``asynclint check -f json <django>``
- ``pylint --disable=all --load-plugins=asynclint --enable=asynclint --output-format=json2 <django>``

It prints the wall and CPU times of each, the ratio (goal: ``asynclint check`` at least 5x faster),
and whether both reported the same findings (path, line, column, id, message). Exit status 1 when
the findings differ or a command failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 5.0


def django_root() -> Path:
    spec = importlib.util.find_spec("django")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("error: Django is not installed in this interpreter")
    return Path(next(iter(spec.submodule_search_locations)))


def timed(cmd: list[str], cwd: str) -> tuple[float, float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYLINTHOME": cwd})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def asynclint_findings(out: Path) -> set[tuple]:
    return {(str(Path(f["path"]).resolve()), f["line"], f["column"] - 1, f["id"], f["message"])
            for f in json.loads(out.read_text(encoding="utf-8"))}


def pylint_findings(out: Path) -> set[tuple]:
    return {(str(Path(m["absolutePath"]).resolve()), m["line"], m["column"], m["messageId"], m["message"])
            for m in json.loads(out.read_text(encoding="utf-8"))["messages"] if m["messageId"][1:3] == "57"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-j", "--jobs", type=int, default=1, help="-j for both commands (default 1)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best time counts")
    parser.add_argument("--path", help="tree to check instead of the installed django/")
    args = parser.parse_args()
    root = Path(args.path).resolve() if args.path else django_root()
    files = sum(1 for _ in root.rglob("*.py"))
    bindir = Path(sys.executable).parent
    asynclint = str(bindir / "asynclint") if (bindir / "asynclint").exists() else None
    print(f"{files} files under {root}; -j {args.jobs}, best of {args.repeat}; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")

    with tempfile.TemporaryDirectory(prefix="asynclint-cli-bench-") as tmp:
        cli_out, pylint_out = Path(tmp, "cli.json"), Path(tmp, "pylint.json")
        cli_cmd = [*([asynclint] if asynclint else [sys.executable, "-m", "asynclint.cli"]), "check",
                   "-j", str(args.jobs), "-f", "json", "-o", str(cli_out), str(root)]
        pylint_cmd = [sys.executable, "-m", "pylint", f"-j{args.jobs}", "--persistent=n", "--score=n",
                      "--disable=all", "--load-plugins=asynclint", "--enable=asynclint",
                      "--output-format=json2", f"--output={pylint_out}", str(root)]
        results = {}
        for name, cmd in (("asynclint check", cli_cmd), ("pylint route", pylint_cmd)):
            runs = []
            for _ in range(args.repeat):
                print(f"running {name} ...", flush=True)
                runs.append(timed(cmd, tmp))
            wall, cpu, proc = min(runs, key=lambda r: r[0])
            results[name] = (wall, min(r[1] for r in runs), proc)
            if proc.returncode not in (0, 1) and not (name == "pylint route" and proc.returncode & 32 == 0):
                print(f"{name} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
                return 1
        cli, pylint = results["asynclint check"], results["pylint route"]
        print(f"\n{'command':<18}{'wall s':>9}{'cpu s':>9}")
        for name, (wall, cpu, _proc) in results.items():
            print(f"{name:<18}{wall:>9.2f}{cpu:>9.2f}")
        ratio, cpu_ratio = pylint[0] / cli[0], pylint[1] / cli[1]
        print(f"\nratio (pylint route / asynclint check): {ratio:.1f}x wall, {cpu_ratio:.1f}x cpu "
              f"(goal: at least {GOAL:.0f}x) -> {'OK' if ratio >= GOAL else 'BELOW GOAL'}")
        mine, theirs = asynclint_findings(cli_out), pylint_findings(pylint_out)
        print(f"findings: asynclint check {len(mine)}, pylint route {len(theirs)} -> "
              f"{'identical' if mine == theirs else 'DIFFERENT'}")
        for finding in sorted(mine - theirs):
            print(f"  only asynclint check: {finding}")
        for finding in sorted(theirs - mine):
            print(f"  only pylint route: {finding}")
        return 0 if mine == theirs else 1


if __name__ == "__main__":
    sys.exit(main())
