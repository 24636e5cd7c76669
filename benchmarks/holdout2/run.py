"""Second held-out evaluation of asynclint: real async-Django bug fixes and real code from
repositories that no other evaluation set of this project uses (see README.md).

Usage: python benchmarks/holdout2/run.py [--python PYTHON] [--corpus DIR] [--skip-real] [--skip-scan]
       [--in-project] [--certainty definite|possible] [--dump FILE] [-v]

--python may be relative (resolved against the current folder, or looked up on PATH); it defaults
to the interpreter running this script.

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
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
sys.path.insert(0, str(HERE.parent))
import heldout  # noqa: E402
from heldout import (EXTRA, bug_lines, describe, git_dir, interpreter, lines_of, lint, load,  # noqa: E402
                     real_files, reductions, spans, tally)


def real_files_in_project(python: str, cases: list[dict], corpus: Path, verbose: bool) -> dict:
    """The upstream file linted inside its whole repository at the parent and at the fix commit
    (the project's Python files extracted, the one file checked), so imports of project modules
    resolve. Slower (one run per file); closer to what a user running asynclint on the project sees."""
    out = {"pre": 0, "pre_flagged": 0, "post": 0, "post_silent": 0, "skipped": []}
    for case in cases:
        if "repo" not in case:  # a published report with no fix commit (recall18's pages): no upstream file
            continue
        gitdir = git_dir(case["repo"], corpus)
        if gitdir is None:
            out["skipped"].append(case["id"])
            continue
        for side, commit in (("pre", case["parent"]), ("post", case["fix"])):
            with tempfile.TemporaryDirectory(prefix="holdout2-project-") as tmp:
                root = Path(tmp)
                if not extract(gitdir, commit, ["."], root) or not (root / case["file"]).exists():
                    continue
                text = (root / case["file"]).read_text()
                found = lint(python, [case["file"]], root)
            try:
                ranges = spans(text, case["function"])
            except SyntaxError as error:  # newer syntax than this driver's Python: counted as not flagged
                print(f"  {case['id']} {side}: this driver's Python cannot parse the upstream file ({error.msg},"
                      f" line {error.lineno}): run the driver with the project's Python", file=sys.stderr)
                ranges = []
            ranges = bug_lines(case, side, ranges)
            hit = any(f["symbol"] == case["rule"] and f["path"] == case["file"]
                      and any(a <= f["line"] <= b for a, b in ranges) for f in found)
            tally(out, case, side, hit, verbose, " in project")
    return out


BINARY = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".svg", ".pdf", ".woff", ".woff2", ".ttf",
          ".eot", ".mp3", ".mp4", ".webm", ".zip", ".gz", ".tgz", ".xz", ".bz2", ".whl", ".so", ".pyc",
          ".sqlite3", ".db", ".bin", ".xcf", ".psd", ".min.js", ".map", ".lock")
LARGEST = 512 * 1024  # bytes; bigger files are data, not code or deployment configuration


def extract(gitdir: Path, commit: str, paths: list[str], dest: Path) -> bool:
    """Write the tracked text files under paths at commit into dest: the code, and the project's
    configuration and deployment files (Procfile, Dockerfile, shell scripts, compose files...), which
    asynclint reads to tell an ASGI from a WSGI deployment. Blob by blob, so a snapshot that lacks
    some large blobs (git archive fails on those) still yields its code. An empty `.git` marks the top."""
    listing = subprocess.run(["git", "-C", str(gitdir), "ls-tree", "-r", "-l", "-z", commit, "--",
                              *[p for p in paths if p != "."]], capture_output=True, check=False)
    if listing.returncode != 0:
        return False
    wanted = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, sha, size = meta.split()
        text = name.decode("utf-8", "replace")
        if (kind == b"blob" and mode != b"120000" and size.isdigit() and int(size) <= LARGEST
                and not text.lower().endswith(BINARY)):
            wanted.append((sha.decode(), text))
    batch = subprocess.run(["git", "-C", str(gitdir), "cat-file", "--batch"],
                           input="".join(f"{sha}\n" for sha, _ in wanted).encode(),
                           capture_output=True, check=False).stdout
    position = 0
    for sha, name in wanted:
        end = batch.index(b"\n", position)
        header = batch[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(batch[position:position + size])
        position += size + 1
    # Like a clone: the repository's top is the project root asynclint finds (deployment files there).
    (dest / ".git").mkdir(exist_ok=True)
    return True


def scan(python: str, data: dict, corpus: Path, verbose: bool) -> dict:
    verdicts = {(v["repo"], v["path"], v["line"], v["rule"]): v for v in data.get("verdict", [])}
    out = {"lines": 0, "findings": 0, "tp": 0, "fp": 0, "new": [], "tp_lost": [], "fp_gone": 0,
           "fp_list": [], "skipped": [], "raw": []}
    seen = set()
    for entry in data["scan"]:
        gitdir = git_dir(entry["repo"], corpus)
        if gitdir is None:
            out["skipped"].append(entry["repo"])
            continue
        paths = entry.get("paths", ["."])
        with tempfile.TemporaryDirectory(prefix="holdout2-scan-") as tmp:
            # the whole repository (its deployment files decide ASGI vs WSGI), linted under paths only
            if not extract(gitdir, entry["commit"], ["."], Path(tmp)):
                out["skipped"].append(entry["repo"])
                continue
            roots = [Path(tmp) / p for p in paths]
            repo_lines = sum(lines_of(root) for root in roots)
            out["lines"] += repo_lines
            findings = lint(python, paths, Path(tmp))
        for f in findings:
            key = (entry["repo"], f["path"], f["line"], f["symbol"])
            out["findings"] += 1
            out["raw"].append({"repo": entry["repo"], **f})
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
            print(f"  scanned {entry['repo']} ({repo_lines} lines, {len(findings)} findings)")
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
    parser.add_argument("--dump", type=Path, help="write the real-code findings (JSON) to this file")
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--skip-real", action="store_true", help="skip the upstream pre/post-fix files")
    parser.add_argument("--in-project", action="store_true",
                        help="also lint each upstream pre/post-fix file inside its whole repository (slow)")
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

    if args.in_project:
        real = real_files_in_project(args.python, cases, args.corpus, args.verbose)
        print(f"real files in their project: pre-fix flagged in the function {real['pre_flagged']}/{real['pre']}, "
              f"post-fix silent {real['post_silent']}/{real['post']}"
              + (f"; no checkout for {', '.join(real['skipped'])}" if real["skipped"] else ""))

    tp = fp = 0
    if not args.skip_scan:
        sc = scan(args.python, load(HERE, "verdicts.toml"), args.corpus, args.verbose)
        tp, fp = sc["tp"], sc["fp"]
        if args.dump:
            args.dump.write_text(json.dumps(sc["raw"], indent=1))
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
    if heldout.ABORTED:
        print(f"ABORTED runs (exit status 2, nothing analysed, counted as no finding): {len(heldout.ABORTED)}")
        for item in heldout.ABORTED:
            print(f"  {item}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
