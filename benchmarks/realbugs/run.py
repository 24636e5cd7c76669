"""Recall and precision of asynclint on real async-Django bug fixes (see cases.toml).

Usage: python benchmarks/realbugs/run.py [--corpus DIR] [--python PYTHON] [-v]

1. Reductions: every ``cases/<id>.py`` (our own rewrite of the bug; ``before`` is the pre-fix shape,
   annotated ``# [rule]`` on the line that must be flagged, ``after`` is the fix) is linted in one run.
   A case is caught when each annotated line carries a finding of that rule. Every finding is judged:
   right (on an annotated line, of its rule) or wrong (anything else, e.g. in the fixed ``after``).
2. Real code, where the repository is checked out under ``--corpus`` as ``owner+name`` (or its bare
   mirror is under /work/.mirror): the upstream
   file at the parent commit (pre-fix) and at the fix commit (post-fix) is linted alone; the pre-fix
   file is flagged when the expected rule fires inside the named function, and the post-fix file is
   silent when it does not. (A file linted alone loses its project's other modules, so this is a
   lower bound of what the analysis sees in the real project.)

``--python`` picks the interpreter that runs asynclint (e.g. a venv without Django installed).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
MIRRORS = Path("/work/.mirror")
ANNOTATION = re.compile(r"#\s*\[([a-z0-9, -]+)\]")


def load_cases() -> list[dict]:
    with open(HERE / "cases.toml", "rb") as handle:
        return tomllib.load(handle)["case"]


def lint(python: str, paths: list[Path], cwd: Path) -> list[dict]:
    if not paths:
        return []
    result = subprocess.run(
        [python, "-c", "import sys; from asynclint.cli import main; sys.exit(main())", "check", "-f", "json", "--exit-zero", "--no-cache", *map(str, paths)],
        capture_output=True, text=True, cwd=cwd, check=False,
    )
    if result.returncode != 0:
        sys.exit(f"asynclint failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout or "[]")


def annotations(path: Path) -> dict[int, set[str]]:
    expected = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = ANNOTATION.search(line)
        if match:
            expected[number] = {s.strip() for s in match.group(1).split(",")}
    return expected


def reductions(python: str, cases: list[dict], verbose: bool) -> tuple[int, int, int]:
    """(cases caught, right findings, all findings)."""
    paths = [CASES / f"{case['id']}.py" for case in cases]
    findings = lint(python, paths, CASES)
    by_file: dict[str, list[dict]] = {}
    for finding in findings:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    caught = right = 0
    for case, path in zip(cases, paths):
        expected = annotations(path)
        found = by_file.get(path.name, [])
        hits = {(f["line"], f["symbol"]) for f in found}
        ok = all((line, symbol) in hits for line, symbols in expected.items() for symbol in symbols)
        caught += ok
        good = [f for f in found if f["symbol"] in expected.get(f["line"], ())]
        right += len(good)
        if verbose:
            print(f"  {'caught' if ok else 'MISSED'} {case['id']} ({case['rule']})")
            for f in found:
                if f not in good:
                    print(f"    wrong: {path.name}:{f['line']} {f['symbol']}: {f['message'][:140]}")
    return caught, right, len(findings)


def _span(source: str, function: str) -> tuple[int, int] | None:
    """Lines of ``Class.method`` / ``function`` (the first definition with that name)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    parts = function.split(".")
    scope: list[ast.AST] = [tree]
    found = None
    for part in parts:
        found = next((node for holder in scope for node in ast.walk(holder)
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                      and node.name == part), None)
        if found is None:
            return None
        scope = [found]
    return found.lineno, found.end_lineno


def _history(case: dict, corpus: Path) -> Path | None:
    """A checkout under the corpus, else the bare mirror that ``fetch`` made (history is enough)."""
    name = case["repo"].replace("/", "+")
    for candidate in (corpus / name, MIRRORS / name / "repo"):
        if candidate.is_dir():
            return candidate
    return None


def real_code(python: str, cases: list[dict], corpus: Path, verbose: bool) -> tuple[int, int, int]:
    """(cases with a checkout, pre-fix flagged, post-fix silent)."""
    available = [case for case in cases if _history(case, corpus) is not None]
    with tempfile.TemporaryDirectory(prefix="realbugs-") as tmp:
        files = {}
        for case in available:
            checkout = _history(case, corpus)
            for side, commit in (("pre", case["parent"]), ("post", case["fix"])):
                shown = subprocess.run(["git", "-C", str(checkout), "show", f"{commit}:{case['file']}"],
                                       capture_output=True, text=True, check=False)
                if shown.returncode != 0:
                    continue
                target = Path(tmp) / side / case["id"] / Path(case["file"]).name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(shown.stdout)
                files[(case["id"], side)] = target
        findings = lint(python, list(files.values()), Path(tmp))
        flagged = silent = 0
        for case in available:
            verdict = {}
            for side in ("pre", "post"):
                path = files.get((case["id"], side))
                if path is None:
                    verdict[side] = None
                    continue
                span = _span(path.read_text(), case["function"]) or (1, 10**9)
                verdict[side] = [
                    f for f in findings
                    if (Path(tmp) / f["path"]).resolve() == path.resolve() and f["symbol"] == case["rule"]
                    and span[0] <= f["line"] <= span[1]
                ]
            flagged += bool(verdict["pre"])
            silent += verdict["post"] is not None and not verdict["post"]
            if verbose:
                print(f"  {case['id']}: pre-fix {'flagged' if verdict['pre'] else 'silent'}, "
                      f"post-fix {'silent' if not verdict['post'] else 'flagged'}")
    return len(available), flagged, silent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    cases = load_cases()
    caught, right, total = reductions(args.python, cases, args.verbose)
    print(f"reductions: {len(cases)} cases, recall {caught / len(cases):.2f} ({caught}/{len(cases)}), "
          f"precision {right / total if total else 1:.2f} ({right}/{total} findings right)")
    checked, flagged, silent = real_code(args.python, cases, args.corpus, args.verbose)
    if checked:
        print(f"real files: {checked} cases, pre-fix flagged {flagged / checked:.2f} ({flagged}/{checked}), "
              f"post-fix silent {silent / checked:.2f} ({silent}/{checked})")
    else:
        print(f"real files: no checkout under {args.corpus}")


if __name__ == "__main__":
    main()
