"""Fuzz ``asynclint check`` and ``fix`` with thousands of generated modules (issue 16).

Each module is a random valid module from Python's grammar (hypothesmith), plain or wrapped in
``async def``, with Django anti-patterns spliced in (``tests/fuzzing.py``, shared with the property
test ``tests/test_fuzz.py``). The modules go into one project folder in batches; each batch is
checked once and fixed twice (``--unsafe-fixes``), each in a fresh process:

- ``check`` and ``fix`` must exit 0, 1 or 2 without a traceback (a crash otherwise);
- every file ``fix`` changed must parse and compile, and must have parsed before;
- the second ``fix`` must change nothing (idempotence).

    python benchmarks/fuzz.py --modules 2000 --batch 250 --seed 1 [--budget 1800]

Modules are generated batch by batch (each batch from a seed derived from ``--seed``: the same run
every time), with progress after each batch; no new batch starts once ``--budget`` seconds passed.

prints the counts (modules, findings, fixed files, crashes, invalid outputs, non-idempotent files)
and the time. Exit status 1 when any property failed.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.fuzzing import modules  # noqa: E402
from tests.test_fuzz import make_project  # noqa: E402


def generate(count: int, rng_seed: int) -> list[str]:
    """Up to ``count`` modules, the same for the same seed (generation only: no shrinking, no database)."""
    found: list[str] = []

    @seed(rng_seed)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(modules())
    def collect(module: str) -> None:
        found.append(module)

    collect()
    return found


def batches(count: int, size: int, rng_seed: int, budget: float, started: float):
    """``count`` modules in batches of ``size``, each batch generated from its own seed (derived from
    ``rng_seed``), so a run is reproducible batch by batch; no new batch once ``budget`` seconds have
    passed."""
    made = 0
    for number in range(0, (count + size - 1) // size):
        if made and time.perf_counter() - started > budget:
            print(f"  time budget of {budget:.0f}s spent: stopping after {made} modules", file=sys.stderr)
            return
        batch = generate(min(size, count - made), rng_seed * 100_003 + number)
        made += len(batch)
        yield batch


def asynclint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "asynclint.cli", *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})


def parses(text: str) -> bool:
    try:
        compile(text, "<fuzz>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False


def crashed(proc: subprocess.CompletedProcess) -> bool:
    return proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=1800.0,
                        help="seconds: no new batch is started after this (default 1800)")
    args = parser.parse_args()

    started = time.perf_counter()
    generated = 0.0
    totals = dict(modules=0, lines=0, findings=0, fixed_files=0, crashes=0, invalid_outputs=0,
                  not_idempotent=0, unparsable_inputs=0)
    print(f"python {sys.version.split()[0]}, seed {args.seed}, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr, flush=True)
    made = time.perf_counter()
    for batch in batches(args.modules, args.batch, args.seed, args.budget, started):
        generated += time.perf_counter() - made
        totals["modules"] += len(batch)
        totals["lines"] += sum(s.count("\n") for s in batch)
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            files = make_project(root, batch)
            check = asynclint("check", "shop", "--no-cache", "-f", "json", "-o", "report.json", cwd=root)
            totals["crashes"] += crashed(check)
            if (root / "report.json").exists():
                totals["findings"] += len(json.loads((root / "report.json").read_text()))
            before = {p: p.read_text(encoding="utf-8") for p in files}
            totals["unparsable_inputs"] += sum(not parses(t) for t in before.values())
            totals["crashes"] += crashed(asynclint("fix", "--unsafe-fixes", "shop", cwd=root))
            after = {p: p.read_text(encoding="utf-8") for p in files}
            changed = [p for p in files if after[p] != before[p]]
            totals["fixed_files"] += len(changed)
            totals["invalid_outputs"] += sum(not (parses(before[p]) and parses(after[p])) for p in changed)
            totals["crashes"] += crashed(asynclint("fix", "--unsafe-fixes", "shop", cwd=root))
            totals["not_idempotent"] += sum(p.read_text(encoding="utf-8") != after[p] for p in files)
        print(f"  {totals['modules']}/{args.modules} modules: "
              + ", ".join(f"{key} {value}" for key, value in totals.items() if key != "modules")
              + f" ({time.perf_counter() - started:.0f}s)", file=sys.stderr, flush=True)
        made = time.perf_counter()
    elapsed = time.perf_counter() - started
    for key, value in totals.items():
        print(f"{key:>18}: {value}")
    print(f"{'time':>18}: {elapsed:.0f}s ({generated:.0f}s generating)")
    failed = totals["crashes"] or totals["invalid_outputs"] or totals["not_idempotent"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
