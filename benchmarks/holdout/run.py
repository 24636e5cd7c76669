"""Held-out evaluation of asynclint: real async-Django bug fixes and real code that asynclint's
developers did not use (see README.md).

Usage: python benchmarks/holdout/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--skip-scan]
       [--certainty definite|possible] [-v]

1. Reductions (cases.toml, cases/<id>_bad.py and <id>_good.py, our own rewrites): a case is caught
   when every line annotated `# [rule]` in its bad file carries a finding of that rule (strict), or of
   any rule (lenient). Every finding in a good file, or on an unannotated line of a bad file, is wrong.
2. Real files, where the repository is checked out under --corpus as owner+name (or its bare mirror
   is under /work/.mirror): the upstream file at the parent commit must get the case's rule inside
   the named function (or class), and at the fix commit must not. A file linted alone loses the rest
   of its project, so this is a lower bound.
3. Real code (verdicts.toml): every [[scan]] is linted at its commit (tracked files, via git
   archive); findings are matched to the recorded verdicts; prints TP kept, FP still reported, new
   findings to judge, and false positives per 10,000 lines.

Precision = (right findings on reductions + judged TPs still reported) / (all findings on reductions
+ judged findings still reported); unjudged new findings are listed, not counted.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
sys.path.insert(0, str(HERE.parent))
from heldout import (EXTRA, describe, git_dir, interpreter, lines_of, lint, load,  # noqa: E402
                     real_files, reductions)


def scan(python: str, data: dict, corpus: Path, verbose: bool) -> dict:
    verdicts = {(v["repo"], v["path"], v["line"], v["rule"]): v for v in data["verdict"]}
    out = {"lines": 0, "findings": 0, "tp": 0, "fp": 0, "new": [], "tp_lost": [], "fp_gone": 0,
           "fp_list": [], "skipped": []}
    seen = set()
    for entry in data["scan"]:
        gitdir = git_dir(entry["repo"], corpus)
        if gitdir is None:
            out["skipped"].append(entry["repo"])
            continue
        paths = entry.get("paths", ["."])
        archive = subprocess.run(["git", "-C", str(gitdir), "archive", "--format=tar", entry["commit"], "--",
                                  *[p for p in paths if p != "."]], capture_output=True, check=False)
        if archive.returncode != 0:
            out["skipped"].append(entry["repo"])
            continue
        with tempfile.TemporaryDirectory(prefix="holdout-scan-") as tmp:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                members = [m for m in tar.getmembers() if m.isdir() or m.name.endswith((".py", ".toml", ".txt", ".cfg", ".ini"))]
                tar.extractall(tmp, members=members, filter="data")
            roots = [Path(tmp) / p for p in paths]
            out["lines"] += sum(lines_of(root) for root in roots)
            findings = lint(python, paths, Path(tmp))
        for f in findings:
            key = (entry["repo"], f["path"], f["line"], f["symbol"])
            out["findings"] += 1
            verdict = verdicts.get(key)
            if verdict is None:
                out["new"].append(f"{entry['repo']} {f['path']}:{f['line']} {f['symbol']}: {f['message'][:140]}")
                continue
            seen.add(key)
            if verdict["verdict"] == "TP":
                out["tp"] += 1
            else:
                out["fp"] += 1
                out["fp_list"].append(f"{entry['repo']} {f['path']}:{f['line']} {f['symbol']} — {verdict.get('cause', '')}")
        if verbose:
            print(f"  scanned {entry['repo']} ({len(findings)} findings)")
    for key, verdict in verdicts.items():
        if key not in seen and key[0] not in out["skipped"]:
            if verdict["verdict"] == "TP":
                out["tp_lost"].append(f"{key[0]} {key[1]}:{key[2]} {key[3]}")
            else:
                out["fp_gone"] += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", type=interpreter, default=sys.executable,
                        help="interpreter that runs asynclint (relative paths allowed)")
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--skip-real", action="store_true", help="skip the upstream pre/post-fix files")
    parser.add_argument("--skip-scan", action="store_true", help="skip the real-code verdict scan")
    parser.add_argument("--certainty", choices=["definite", "possible"],
                        help="report only findings of this certainty (asynclint check --certainty)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.certainty:
        EXTRA.extend(["--certainty", args.certainty])
    cases = load(HERE, "cases.toml")["case"]
    print(f"asynclint: {describe(args.python, CASES)}")

    red = reductions(args.python, cases, CASES, args.verbose)
    n = red["cases"]
    print(f"reductions: {n} real bugs; recall {red['strict']}/{n} = {red['strict'] / n:.2f} "
          f"(flagged on the line by any rule: {red['lenient']}/{n} = {red['lenient'] / n:.2f}); "
          f"fixed forms silent {red['good_silent']}/{n}; findings right {red['right']}/{red['all']}")
    for item in red["missed"]:
        print(f"  missed: {item}")
    for item in red["wrong"]:
        print(f"  wrong:  {item}")

    if not args.skip_real:
        real = real_files(args.python, cases, args.corpus, args.verbose)
        print(f"real files: pre-fix flagged in the function {real['pre_flagged']}/{real['pre']}, "
              f"post-fix silent {real['post_silent']}/{real['post']}"
              + (f"; no checkout for {', '.join(real['skipped'])}" if real["skipped"] else ""))

    tp = fp = 0
    if not args.skip_scan:
        sc = scan(args.python, load(HERE, "verdicts.toml"), args.corpus, args.verbose)
        tp, fp = sc["tp"], sc["fp"]
        per10k = fp / sc["lines"] * 10_000 if sc["lines"] else 0.0
        judged = tp + fp
        print(f"real code: {sc['lines']} lines, {sc['findings']} findings: {tp} known TP, {fp} known FP, "
              f"{len(sc['new'])} new to judge; known TP lost {len(sc['tp_lost'])}, known FP gone {sc['fp_gone']}; "
              f"precision {tp}/{judged} = {(tp / judged if judged else 1):.2f}; FP per 10k lines {per10k:.2f}")
        for item in sc["fp_list"]:
            print(f"  FP:   {item}")
        for item in sc["tp_lost"]:
            print(f"  lost: {item}")
        for item in sc["new"]:
            print(f"  new:  {item}")
        if sc["skipped"]:
            print(f"  not scanned (no checkout): {', '.join(sc['skipped'])}")

    right, total = red["right"] + tp, red["all"] + tp + fp
    print(f"precision (reductions + judged real code): {right}/{total} = {(right / total if total else 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
