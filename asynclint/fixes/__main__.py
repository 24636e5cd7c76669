"""``python -m asynclint.fixes PATH... [--unsafe-fixes] [--diff] [--select R,...] [--ignore R,...]
[--django-version X.Y]``: fix the findings under PATH (default: the current folder).

Exit status: 0 nothing remains, 1 findings remain, 2 a file could not be analysed or written.
"""

from __future__ import annotations

import argparse
import sys

from asynclint.fixes.engine import fix_paths


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m asynclint.fixes", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that may change behaviour")
    parser.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    parser.add_argument("--select", type=_csv, default=[], metavar="RULES")
    parser.add_argument("--ignore", type=_csv, default=[], metavar="RULES")
    parser.add_argument("--django-version", default=None, metavar="X.Y")
    args = parser.parse_args(argv)
    try:
        report = fix_paths(args.paths or ["."], unsafe=args.unsafe_fixes, diff=args.diff, select=args.select,
                           ignore=args.ignore, django_version=args.django_version)
    except SystemExit as exit_:  # an invalid option, reported on one line by the checker
        return int(exit_.code) if isinstance(exit_.code, int) else 2
    if args.diff:
        sys.stdout.write(report.diff)
    sys.stderr.write(report.render())
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
