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
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
MIRRORS = Path("/work/.mirror")
ANNOTATION = re.compile(r"#\s*\[([a-z0-9, -]+)\]")


def load(name: str) -> dict:
    with open(HERE / name, "rb") as handle:
        return tomllib.load(handle)


EXTRA: list[str] = []  # options passed to every `asynclint check` (e.g. --certainty definite)


def lint(python: str, paths: list[str], cwd: Path) -> list[dict]:
    """asynclint's findings (JSON) for paths; exit status 2 (a file it could not analyse) still
    yields the findings of the other files."""
    if not paths:
        return []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [python, "-c", "import sys; from asynclint.cli import main; sys.exit(main())",
         "check", "-f", "json", "--exit-zero", "--no-cache", "-j", "1", *EXTRA, *paths],
        capture_output=True, text=True, cwd=cwd, env=env, check=False,
    )
    try:
        return json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        sys.exit(f"asynclint failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


def annotations(path: Path) -> dict[int, set[str]]:
    expected = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = ANNOTATION.search(line)
        if match:
            expected[number] = {s.strip() for s in match.group(1).split(",")}
    return expected


def reductions(python: str, cases: list[dict], verbose: bool) -> dict:
    files = sorted(CASES.glob("*.py"))
    findings = lint(python, [f.name for f in files], CASES)
    by_file: dict[str, list[dict]] = {}
    for finding in findings:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    out = {"cases": len(cases), "strict": 0, "lenient": 0, "right": 0, "all": len(findings),
           "good_silent": 0, "missed": [], "wrong": []}
    for case in cases:
        bad, good = CASES / f"{case['id']}_bad.py", CASES / f"{case['id']}_good.py"
        expected = annotations(bad)
        found = by_file.get(bad.name, [])
        hits = {(f["line"], f["symbol"]) for f in found}
        lines = {f["line"] for f in found}
        strict = all((line, s) in hits for line, symbols in expected.items() for s in symbols)
        lenient = all(line in lines for line in expected)
        out["strict"] += strict
        out["lenient"] += lenient
        for f in found:
            if f["line"] in expected:
                out["right"] += 1
            else:
                out["wrong"].append(f"{bad.name}:{f['line']} {f['symbol']}")
        silent = not by_file.get(good.name)
        out["good_silent"] += silent
        for f in by_file.get(good.name, []):
            out["wrong"].append(f"{good.name}:{f['line']} {f['symbol']}")
        if not strict:
            got = sorted({f"{f['line']}:{f['symbol']}" for f in found})
            out["missed"].append(f"{case['id']} ({case['rule']}){' flagged by another rule' if lenient else ''} got {got or 'nothing'}")
        if verbose:
            print(f"  {'caught' if strict else 'lenient' if lenient else 'MISSED'} {case['id']} ({case['rule']})"
                  f"{'' if silent else '  [good file not silent]'}")
    return out


def git_dir(repo: str, corpus: Path) -> Path | None:
    name = repo.replace("/", "+")
    for candidate in (corpus / name, MIRRORS / name / "repo"):
        if candidate.exists():
            return candidate
    return None


def show(gitdir: Path, commit: str, path: str) -> str | None:
    result = subprocess.run(["git", "-C", str(gitdir), "show", f"{commit}:{path}"],
                            capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else None


def spans(source: str, qualname: str) -> list[tuple[int, int]]:
    """Line spans of every def/class whose dotted name (nested defs and classes) is qualname."""
    found = []

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = prefix + child.name
                if name == qualname:
                    found.append((child.lineno, child.end_lineno))
                walk(child, name + ".")
            else:
                walk(child, prefix)

    walk(ast.parse(source), "")
    return found


def real_files(python: str, cases: list[dict], corpus: Path, verbose: bool) -> dict:
    out = {"pre": 0, "pre_flagged": 0, "post": 0, "post_silent": 0, "skipped": []}
    with tempfile.TemporaryDirectory(prefix="holdout2-") as tmp:
        jobs = []
        for case in cases:
            gitdir = git_dir(case["repo"], corpus)
            if gitdir is None:
                out["skipped"].append(case["id"])
                continue
            for side, commit in (("pre", case["parent"]), ("post", case["fix"])):
                text = show(gitdir, commit, case["file"])
                if text is None:
                    continue
                folder = Path(tmp) / f"{case['id']}_{side}"
                folder.mkdir()
                target = folder / Path(case["file"]).name
                target.write_text(text)
                jobs.append((case, side, target, text))
        findings = lint(python, [str(j[2]) for j in jobs], Path(tmp))
        by_path: dict[str, list[dict]] = {}
        for finding in findings:
            by_path.setdefault(str((Path(tmp) / finding["path"]).resolve()), []).append(finding)
        for case, side, target, text in jobs:
            ranges = spans(text, case["function"])
            hit = any(f["symbol"] == case["rule"] and any(a <= f["line"] <= b for a, b in ranges)
                      for f in by_path.get(str(target.resolve()), []))
            out[side] += 1
            if side == "pre":
                out["pre_flagged"] += hit
            else:
                out["post_silent"] += not hit
            if verbose:
                good = hit if side == "pre" else not hit
                print(f"  {side:4} {'ok ' if good else 'NO '} {case['id']} ({case['rule']} in {case['function']})")
    return out


def real_files_in_project(python: str, cases: list[dict], corpus: Path, verbose: bool) -> dict:
    """The upstream file linted inside its whole repository at the parent and at the fix commit
    (the project's Python files extracted, the one file checked), so imports of project modules
    resolve. Slower (one run per file); closer to what a user running asynclint on the project sees."""
    out = {"pre": 0, "pre_flagged": 0, "post": 0, "post_silent": 0, "skipped": []}
    for case in cases:
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
            ranges = spans(text, case["function"])
            hit = any(f["symbol"] == case["rule"] and f["path"] == case["file"]
                      and any(a <= f["line"] <= b for a, b in ranges) for f in found)
            out[side] += 1
            if side == "pre":
                out["pre_flagged"] += hit
            else:
                out["post_silent"] += not hit
            if verbose:
                good = hit if side == "pre" else not hit
                print(f"  {side:4} {'ok ' if good else 'NO '} {case['id']} in project ({case['rule']} in {case['function']})")
    return out


def lines_of(root: Path) -> int:
    """Lines of the Python files at or below root."""
    total = 0
    for path in ([root] if root.is_file() else root.rglob("*.py")):
        try:
            total += sum(1 for _ in path.open(encoding="utf-8", errors="replace"))
        except OSError:
            pass
    return total


BINARY = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".svg", ".pdf", ".woff", ".woff2", ".ttf",
          ".eot", ".mp3", ".mp4", ".webm", ".zip", ".gz", ".tgz", ".xz", ".bz2", ".whl", ".so", ".pyc",
          ".sqlite3", ".db", ".bin", ".xcf", ".psd", ".min.js", ".map", ".lock")
LARGEST = 512 * 1024  # bytes; bigger files are data, not code or deployment configuration


def extract(gitdir: Path, commit: str, paths: list[str], dest: Path) -> bool:
    """Write the tracked text files under paths at commit into dest: the code, and the project's
    configuration and deployment files (Procfile, Dockerfile, shell scripts, compose files...), which
    asynclint reads to tell an ASGI from a WSGI deployment. Blob by blob, so a snapshot that lacks
    some large blobs (git archive fails on those) still yields its code."""
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


def describe(python: str) -> str:
    """Where the asynclint that runs comes from, and its git commit (when it is a checkout)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    found = subprocess.run([python, "-c", "import asynclint, os; print(os.path.dirname(asynclint.__file__))"],
                           capture_output=True, text=True, env=env, cwd=CASES, check=False).stdout.strip()
    if not found:
        return "not importable"
    commit = subprocess.run(["git", "-C", found, "log", "-1", "--format=%h %cd", "--date=iso", "--", "."],
                            capture_output=True, text=True, check=False).stdout.strip()
    return f"{found} (last change to the package: {commit})".strip()


def interpreter(value: str) -> str:
    """An absolute path for --python: a relative path is resolved against the current folder (the
    linter runs from other folders), a bare name is looked up on PATH."""
    if os.sep in value or (os.altsep and os.altsep in value):
        path = Path(value).expanduser()
        # keep a venv's bin/python symlink as is (resolving it would leave the venv)
        return str(path if path.is_absolute() else Path.cwd() / path)
    found = shutil.which(value)
    if found is None:
        raise argparse.ArgumentTypeError(f"no interpreter {value!r} on PATH")
    return found


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
    cases = load("cases.toml")["case"]
    print(f"asynclint: {describe(args.python)}")

    red = reductions(args.python, cases, args.verbose)
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
        sc = scan(args.python, load("verdicts.toml"), args.corpus, args.verbose)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
