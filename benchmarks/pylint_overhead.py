"""Measure how much ``--load-plugins=asynclint`` slows pylint down.

Lints the installed ``django/`` package (found with importlib, Django is not
imported) with pylint's default checkers, once without and once with the
plugin, and prints wall and CPU times, ratios and overhead.  Goal (issue 15):
asynclint adds at most 5% to a default pylint run.  With ``--repeat N`` the
variants run interleaved and the median of the N samples is kept (CPU seconds
are the steadier figure on a shared machine; every sample is printed).

    python benchmarks/pylint_overhead.py                 # whole django/, -j 1
    python benchmarks/pylint_overhead.py -j 2 --repeat 3
    python benchmarks/pylint_overhead.py --paths django/db --only-asynclint
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_PERCENT = 5.0
ASYNCLINT_ID = re.compile(r"^[A-Z]57\d\d$")  # asynclint owns E57xx / W57xx
CRASH_SYMBOLS = {"fatal", "astroid-error"}
# pylint's ast walker logs this line before the traceback of a crashing checker
CRASH_SITE = re.compile(r"^Exception on node .* in file '.*'$", re.MULTILINE)
# the traceback inside pylint's crash report (pylint-crash-*.txt)
REPORT_TB = re.compile(r"following stacktrace:\s*</summary>\s*```python\n(.*?)```", re.DOTALL)


def django_root() -> Path:
    spec = importlib.util.find_spec("django")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("error: Django is not installed in this interpreter; "
                 f"install it into {sys.executable} to run the benchmark")
    return Path(next(iter(spec.submodule_search_locations)))


def run_pylint(name: str, extra: list[str], paths: list[str], jobs: int) -> dict:
    """Run pylint once in a subprocess; return time, message counts, crashes."""
    with tempfile.TemporaryDirectory(prefix="asynclint-bench-") as tmp:
        out = Path(tmp, "out.json")
        cmd = [sys.executable, "-m", "pylint", f"-j{jobs}", "--persistent=n",
               "--score=n", "--recursive=y", "--output-format=json2",
               f"--output={out}", *extra, *paths]
        # Private PYLINTHOME (crash reports land in tmp); cwd=tmp so no
        # project pylintrc/pyproject config changes what is measured.
        env = {**os.environ, "PYLINTHOME": tmp}
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, text=True,
                              check=False)
        elapsed = time.perf_counter() - start
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes -j workers
        cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
        try:
            messages = json.loads(out.read_text(encoding="utf-8"))["messages"]
        except (OSError, ValueError, KeyError):
            messages = None
        reports = {tb for p in Path(tmp).glob("pylint-crash-*.txt")
                   for tb in REPORT_TB.findall(p.read_text(encoding="utf-8"))}
    problems = []
    if proc.returncode & 1:
        problems.append("exit code has the fatal bit (1)")
    if proc.returncode & 32:
        problems.append("usage error (exit code bit 32)")
    if "Traceback (most recent call last)" in proc.stderr:
        problems.append("traceback on stderr")
    problems += sorted(set(CRASH_SITE.findall(proc.stderr)))
    if messages is None:
        problems.append("pylint wrote no readable json output")
        messages = []
    crashes = [m for m in messages if m["symbol"] in CRASH_SYMBOLS]
    problems += [f"{m['symbol']} in {m['path']}" for m in crashes]
    unregistered = any(m["symbol"] == "unknown-option-value" and "asynclint" in m["message"]
                       for m in messages)
    return {
        "name": name, "time": elapsed, "cpu": cpu, "rc": proc.returncode,
        "messages": len(messages),
        "asynclint": sum(bool(ASYNCLINT_ID.match(m["messageId"])) for m in messages),
        "problems": problems, "reports": reports, "stderr": proc.stderr,
        "unregistered": unregistered,
    }


def median_of(runs: list[dict]) -> dict:
    """The median sample's wall and CPU times (each its own median), problems of every sample."""
    best = dict(sorted(runs, key=lambda r: r["time"])[len(runs) // 2])
    best["cpu"] = sorted(r["cpu"] for r in runs)[len(runs) // 2]
    best["samples"] = [(r["time"], r["cpu"]) for r in runs]
    best["problems"] = sorted({p for r in runs for p in r["problems"]})
    best["reports"] = {tb for r in runs for tb in r["reports"]}
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-j", "--jobs", type=int, default=1,
                        help="pylint -j value (default 1: most stable numbers)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per variant; the median is kept")
    parser.add_argument("--paths", nargs="+", metavar="PATH",
                        help="subset to lint, relative to site-packages "
                             "(e.g. django/db) or absolute; default: django/")
    parser.add_argument("--only-asynclint", action="store_true",
                        help="also time --disable=all --enable=asynclint")
    args = parser.parse_args()

    root = django_root()
    paths = [str(root.parent / p) for p in args.paths] if args.paths else [str(root)]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        sys.exit(f"error: no such path: {', '.join(missing)}")
    n_files = sum(1 if p.endswith(".py") else len(list(Path(p).rglob("*.py")))
                  for p in paths)
    print(f"pylint overhead of asynclint: {n_files} files under {', '.join(paths)}")
    print(f"-j {args.jobs}, median of {args.repeat}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs\n")

    plugin = ["--load-plugins=asynclint"]
    variants = [("default", []), ("default+asynclint", plugin)]
    if args.only_asynclint:
        variants.append(("asynclint only", [*plugin, "--disable=all", "--enable=asynclint",
                                            "--enable=astroid-error,fatal"]))
    runs: dict[str, list[dict]] = {name: [] for name, _ in variants}
    load = os.getloadavg()
    for i in range(args.repeat):  # interleaved, so load drift hits every variant
        for name, extra in (variants if i % 2 == 0 else variants[::-1]):
            print(f"run {i + 1}/{args.repeat}: {name} ...", end=" ", flush=True)
            runs[name].append(run_pylint(name, extra, paths, args.jobs))
            print(f"{runs[name][-1]['time']:.1f} s wall, {runs[name][-1]['cpu']:.1f} s cpu", flush=True)
    results = [median_of(r) for r in runs.values()]

    base, base_cpu = results[0]["time"], results[0]["cpu"]
    print(f"\n{'variant':<19}{'wall s':>8}{'ratio':>7}{'cpu s':>8}{'ratio':>7}"
          f"{'msgs':>7}{'asynclint':>10}{'rc':>4}")
    for r in results:
        print(f"{r['name']:<19}{r['time']:>8.1f}{r['time'] / base:>7.3f}{r['cpu']:>8.1f}"
              f"{r['cpu'] / base_cpu:>7.3f}{r['messages']:>7}{r['asynclint']:>10}{r['rc']:>4}")
        print(f"{'':<19}samples (wall, cpu s): " + ", ".join(f"({w:.1f}, {c:.1f})" for w, c in r["samples"]))

    overhead = (results[1]["time"] / base - 1) * 100
    cpu_overhead = (results[1]["cpu"] / base_cpu - 1) * 100
    verdict = "OK" if cpu_overhead <= GOAL_PERCENT else "OVER GOAL"  # CPU: wall is the machine's load
    print(f"\noverhead of --load-plugins=asynclint: {overhead:+.1f}% wall, "
          f"{cpu_overhead:+.1f}% cpu (goal: at most +{GOAL_PERCENT:.0f}% cpu) -> {verdict}")
    default_runs, plugin_runs = list(runs.values())[:2]
    paired = sorted((p["cpu"] / d["cpu"] - 1) * 100 for d, p in zip(default_runs, plugin_runs))
    lowest = (min(r["cpu"] for r in plugin_runs) / min(r["cpu"] for r in default_runs) - 1) * 100
    print(f"cpu overhead per round: {', '.join(f'{x:+.1f}%' for x in paired)} (median {paired[len(paired) // 2]:+.1f}%, "
          f"min {paired[0]:+.1f}%, max {paired[-1]:+.1f}%); of the minimum samples: {lowest:+.1f}%")
    print(f"load average at start {load[0]:.1f}, at end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(wall times are only comparable on an idle machine; cpu s is steadier)")
    if any(r["unregistered"] for r in results):
        print("note: pylint reports 'asynclint' as an unknown message/checker name: "
              "the plugin registered no checkers")

    crashed = False
    for r in results:
        for problem in r["problems"]:
            crashed = True
            print(f"CRASH [{r['name']}]: {problem}")
        for report in r["reports"]:
            print(f"--- traceback from crash report [{r['name']}] ---\n{report}")
        if r["problems"] and not r["reports"] and r["stderr"].strip():
            print(f"--- stderr [{r['name']}] (first 4000 chars) ---\n{r['stderr'][:4000]}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
