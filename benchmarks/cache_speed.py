"""Time ``asynclint check`` with its cache (``asynclint.cache``): cold, warm, one file changed.

    python benchmarks/cache_speed.py              # django/ and a 10x tree
    python benchmarks/cache_speed.py --copies 0   # django/ only

Trees, built in a temporary folder from the installed ``django/`` package:

- ``one``: a copy of ``django/``, plus a view module whose async view reaches the ORM through two
  helper modules (``cachebench/{views,helpers,queries}.py``; a package of its own, since inside
  ``django/`` astroid resolves ``django`` to the installed package);
- ``ten``: ten renamed copies of that (``django_c0``/``cachebench_c0`` ...; their imports of
  ``django`` are left alone).

For each tree, in a subprocess from the temporary folder (``-j 1``):

1. cold: an empty cache directory;
2. warm: nothing changed (goal: at most 1 s and at most 1/10 of cold);
3. one file changed: the innermost helper no longer queries the database (goal: at most 2 s, and
   the findings of a ``--no-cache`` run of the same tree);
4. ``--no-cache``: today's check, without the cache (the reference for 3, and what cold costs
   without recording).

It prints wall and CPU seconds, peak RSS, how many modules each run analysed, and whether the
findings agree (exit status 1 when they do not).

The runs write and use Python's bytecode cache (``__pycache__``) as an installed asynclint does (pip
compiles it): ``PYTHONDONTWRITEBYTECODE``, which this machine's shells set, is removed from their
environment, else every run compiled asynclint's own modules again (~0.1 s of a warm run).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VIEWS = """\
from cachebench import helpers


async def report(request):
    return helpers.summary()
"""
HELPERS = """\
from cachebench import queries


def summary():
    return {"permissions": queries.totals()}
"""
QUERIES = """\
from django.contrib.auth.models import Permission


def totals():
    return Permission.objects.count()
"""
QUERIES_CHANGED = """\
def totals():
    return 0
"""
COUNTS = re.compile(r"cache .*: (\d+) of (\d+) modules unchanged; (\d+) analysed")


def django_root() -> Path:
    spec = importlib.util.find_spec("django")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("error: Django is not installed in this interpreter")
    return Path(next(iter(spec.submodule_search_locations)))


def build_one(target: Path, package: str = "django") -> Path:
    """A copy of django/ named ``package``, and beside it the package ``cachebench`` (renamed with
    the same suffix) holding the view module and its two helpers. The copies' own imports still
    name ``django`` (the installed one), so asynclint recognises Django's API in every copy."""
    suffix = package[len("django"):]
    shutil.copytree(django_root(), target / package, ignore=shutil.ignore_patterns("__pycache__"))
    bench = target / f"cachebench{suffix}"
    bench.mkdir()
    for name, text in {"__init__.py": "", "views.py": VIEWS, "helpers.py": HELPERS, "queries.py": QUERIES}.items():
        (bench / name).write_text(text.replace("cachebench", bench.name))
    return target


def run(command: list[str], cwd: Path) -> dict:
    """Wall and CPU seconds, peak RSS (MB), findings and the cache's counts of one run."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode not in (0, 1) or "Traceback" in stderr:
        sys.exit(f"error: {' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    counts = COUNTS.search(stderr)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "findings": {(f["path"], f["line"], f["column"], f["id"], f["message"]) for f in json.loads(stdout)},
            "counts": tuple(map(int, counts.groups())) if counts else None}


def bench(tree: Path, changed: list[Path], cwd: Path, cache_dir: Path) -> bool:
    base = [sys.executable, "-m", "asynclint.cli", "check", "-v", "-f", "json", "--exit-zero", str(tree)]
    cached = [*base, "--cache-dir", str(cache_dir)]
    files = sum(1 for _ in tree.rglob("*.py"))
    print(f"\n{tree.name}: {files} files")
    results = {"cold": run(cached, cwd), "warm": run(cached, cwd)}
    for path in changed:
        path.write_text(QUERIES_CHANGED)
    results["one file changed"] = run(cached, cwd)
    results["--no-cache"] = run([*base, "--no-cache"], cwd)
    cold = results["cold"]
    for name, result in results.items():
        counts = result["counts"]
        analysed = f"{counts[2]:>4} of {counts[1]} analysed" if counts else "no cache"
        print(f"  {name:<17} {result['wall']:7.2f} s wall {result['cpu']:7.2f} s CPU {result['rss']:7.0f} MB peak RSS"
              f"  {analysed:<20} {len(result['findings'])} findings")
    ok = True
    warm, one, reference = results["warm"], results["one file changed"], results["--no-cache"]
    print(f"  warm: {warm['wall']:.2f} s (goal <= 1 s), {warm['wall'] / cold['wall']:.3f} of cold (goal <= 0.1); "
          f"findings {'identical to' if warm['findings'] == cold['findings'] else 'DIFFER from'} cold")
    print(f"  one file changed: {one['wall']:.2f} s (goal <= 2 s); findings "
          f"{'identical to' if one['findings'] == reference['findings'] else 'DIFFER from'} a --no-cache run")
    print(f"  cold with the cache / without: {cold['wall'] / reference['wall']:.2f} wall, "
          f"{cold['cpu'] / reference['cpu']:.2f} CPU")
    lost = {f for f in cold["findings"] if "cachebench" in f[0]} - one["findings"]
    print(f"  the changed helper removed {len(lost)} finding(s) in the view module(s) calling it")
    ok &= warm["findings"] == cold["findings"] and one["findings"] == reference["findings"] and bool(lost)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies in the second tree (0: skip it)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    ok = True
    with tempfile.TemporaryDirectory(prefix="asynclint-cache-bench-") as tmp:
        root = Path(tmp)
        one = build_one(root / "one")
        ok &= bench(one, [one / "cachebench" / "queries.py"], root, root / "cache-one")
        if args.copies:
            ten = root / "ten"
            for index in range(args.copies):
                build_one(ten, f"django_c{index}")
            # one file changed: the helper of one copy
            ok &= bench(ten, [ten / "cachebench_c0" / "queries.py"], root, root / "cache-ten")
    print(f"\nload average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
