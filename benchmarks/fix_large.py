"""Time ``asynclint fix --diff`` on one generated large module, and check that applying its fixes to
the top-level statements they touch (``fixes.engine._apply_in_parts``) gives the text applying them
to the whole module gives.

    python benchmarks/fix_large.py --lines 200000
    python benchmarks/fix_large.py --lines 20000 --compare   # also the whole-module route, in-process

The module: small sync functions, and every ``--every`` functions an async view with a fixable ORM
call (``User.objects.get(...)`` -> ``await User.objects.aget(...)``). Prints CPU seconds, wall seconds
and peak RSS of the subprocess, and the number of changed lines in the diff.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = "from django.contrib.auth.models import User\n"
HELPER = "\n\ndef helper_{n}(value):\n    total = value + {n}\n    return total * 2\n"
VIEW = "\n\nasync def view_{n}(request):\n    user = User.objects.get(pk={n})\n    return user\n"


def generate(lines: int, every: int) -> str:
    parts, count, n = [HEADER], 1, 0
    while count < lines:
        part = (VIEW if n % every == 0 else HELPER).format(n=n)
        parts.append(part)
        count += part.count("\n")
        n += 1
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=500, help="one async view per this many functions")
    parser.add_argument("--compare", action="store_true", help="also apply the fixes to the whole module")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="asynclint-fix-large-") as tmp:
        path = Path(tmp, "big.py")
        path.write_text(generate(args.lines, args.every))
        command = [sys.executable, "-m", "asynclint.cli", "fix", "--diff", "--unsafe-fixes", str(path)]
        started = time.perf_counter()
        with tempfile.TemporaryFile() as out:
            process = subprocess.Popen(command, cwd=tmp, stdout=out, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            out.seek(0)
            diff = out.read().decode()
        changed = sum(1 for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++"))
        print(f"fix --diff on {args.lines} lines: {usage.ru_utime + usage.ru_stime:.1f} s CPU, {wall:.1f} s wall, "
              f"{usage.ru_maxrss / 1024:.0f} MB peak RSS, exit {os.waitstatus_to_exitcode(status)}, {changed} lines changed")
        if args.compare:
            from asynclint.fixes import engine

            results = []
            for large in (engine.LARGE, 10**9):
                saved, engine.LARGE = engine.LARGE, large
                try:
                    cpu = time.process_time()
                    report = engine.fix_paths([str(path)], unsafe=True, diff=True)
                    results.append(report.diff + report.render())
                    print(f"in-process, {'parts' if large == saved else 'whole module'}: "
                          f"{time.process_time() - cpu:.1f} s CPU")
                finally:
                    engine.LARGE = saved
            print("the two routes give", "the same diff" if results[0] == results[1] else "DIFFERENT diffs")
            return 0 if results[0] == results[1] else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
