"""Re-run asynclint over real async Django code and compare with the recorded verdicts.

    .venv/bin/python benchmarks/realcode/run.py [--corpus DIR] [--repo NAME ...] [--certainty definite|possible]
                                                [--save FILE] [--from FILE]

The repositories and commits are in ``corpus.toml``; checkouts are read from ``--corpus``
(default ``/work/corpus``) as ``<owner>+<name>``, at the recorded commit (a checkout at another
commit is used through a temporary ``git worktree``). Verdicts are read from every ``*verdicts.toml``
in this folder: ``[[verdict]]`` tables with ``repo``, ``commit``, ``path``, ``line``, ``rule``,
``verdict`` ("TP" or "FP") and ``reason``.

Prints lines scanned, findings, known true positives kept (and lost), known false positives gone (and
still there), new findings to judge (listed), and false positives per 10,000 lines. ``--save`` writes
the findings as JSON; ``--from`` reads such a file instead of scanning.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent


def _checkout(corpus: Path, name: str, commit: str, stack) -> Path:
    folder = corpus / name.replace("/", "+")
    if not folder.is_dir():
        sys.exit(f"run.py: no checkout of {name} at {folder} (fetch it and clone it there first)")
    head = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    if head == commit:
        return folder
    temporary = Path(tempfile.mkdtemp(prefix="realcode-")) / "tree"
    subprocess.run(["git", "-C", str(folder), "worktree", "add", "-q", "--detach", str(temporary), commit], check=True)
    stack.append((folder, temporary))
    return temporary


def _lines(root: Path, paths: list[str]) -> tuple[int, int]:
    """(files, lines) asynclint checks under ``paths`` of ``root`` (same discovery as ``check``)."""
    from asynclint import config as configuration, driver

    cwd = os.getcwd()
    os.chdir(root)
    try:
        files = driver.discover(paths, configuration.Config(root=root))
        total = 0
        for file in files:
            with open(file, "rb") as handle:
                total += handle.read().count(b"\n")
        return len(files), total
    finally:
        os.chdir(cwd)


def scan(corpus: Path, repos: list[dict], certainty: str | None) -> dict:
    result = {"lines": 0, "files": 0, "findings": []}
    worktrees: list = []
    try:
        for repo in repos:
            root = _checkout(corpus, repo["name"], repo["commit"], worktrees)
            paths = repo.get("paths", ["."])
            files, lines = _lines(root, paths)
            result["files"] += files
            result["lines"] += lines
            command = [sys.executable, "-c", "import sys; from asynclint.cli import main; sys.exit(main())", "check", *paths, "-f", "json", "--exit-zero", "--no-cache",
                       "--config", str(HERE / "asynclint.toml")]
            if certainty:
                command += ["--certainty", certainty]
            done = subprocess.run(command, cwd=root, capture_output=True, text=True)
            if done.returncode not in (0, 2) or not done.stdout.strip():
                sys.exit(f"run.py: asynclint failed on {repo['name']} ({done.returncode}): {done.stderr[-2000:]}")
            found = json.loads(done.stdout)
            print(f"  {repo['name']}: {files} files, {lines} lines, {len(found)} findings", file=sys.stderr)
            for finding in found:
                result["findings"].append({"repo": repo["name"], "commit": repo["commit"], **finding})
    finally:
        for folder, temporary in worktrees:
            subprocess.run(["git", "-C", str(folder), "worktree", "remove", "--force", str(temporary)])
    return result


def verdicts() -> dict[tuple, dict]:
    known = {}
    for file in sorted(HERE.glob("*verdicts.toml")):
        with open(file, "rb") as handle:
            for row in tomllib.load(handle).get("verdict", []):
                key = (row["repo"], row["path"], int(row["line"]), row["rule"])
                known[key] = {**row, "file": file.name}
    return known


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="/work/corpus", type=Path)
    parser.add_argument("--repo", action="append", help="only this repository (owner/name)")
    parser.add_argument("--certainty", choices=("definite", "possible"))
    parser.add_argument("--save", type=Path)
    parser.add_argument("--from", dest="source", type=Path)
    args = parser.parse_args(argv)
    with open(HERE / "corpus.toml", "rb") as handle:
        repos = tomllib.load(handle)["repo"]
    if args.repo:
        repos = [r for r in repos if r["name"] in args.repo]
    if args.source:
        result = json.loads(args.source.read_text())
    else:
        result = scan(args.corpus, repos, args.certainty)
    if args.save:
        args.save.write_text(json.dumps(result, indent=1))
    known = {k: v for k, v in verdicts().items() if k[0] in {r["name"] for r in repos}}
    found = {(f["repo"], f["path"], f["line"], f["symbol"]): f for f in result["findings"]}
    tps = {k for k, v in known.items() if v["verdict"] == "TP"}
    fps = {k for k, v in known.items() if v["verdict"] == "FP"}
    new = [f for k, f in sorted(found.items()) if k not in known]
    lines = result["lines"] or 1
    fp_now = len(fps & set(found))
    print(f"lines scanned:          {result['lines']} ({result['files']} files, {len(repos)} repositories)")
    print(f"findings:               {len(found)}"
          + (f" ({sum(f.get('certainty') == 'definite' for f in found.values())} definite)"
             if any('certainty' in f for f in found.values()) else ""))
    print(f"known TPs kept:         {len(tps & set(found))} of {len(tps)}")
    for key in sorted(tps - set(found)):
        print(f"  lost TP: {key[0]} {key[1]}:{key[2]} {key[3]} ({known[key]['reason']})")
    print(f"known FPs gone:         {len(fps - set(found))} of {len(fps)}")
    print(f"FPs still reported:     {fp_now}")
    print(f"new findings to judge:  {len(new)}")
    for f in new:
        print(f"  new: {f['repo']} {f['path']}:{f['line']} {f['symbol']} {f.get('certainty', '')}: {f['message'][:160]}")
    judged = len(found) - len(new)
    print(f"FP per 10k lines:       {fp_now * 10000 / lines:.2f} (judged {judged} of {len(found)}; "
          f"precision {((judged - fp_now) / judged if judged else 1):.2f})")
    definite = {k for k, f in found.items() if f.get("certainty", "definite") == "definite"}
    print(f"definite findings only: {len(definite)}, {len(fps & definite)} FP, "
          f"{len(fps & definite) * 10000 / lines:.2f} FP per 10k lines")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main())
