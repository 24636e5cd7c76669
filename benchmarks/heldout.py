"""What the held-out evaluations (``holdout/run.py``, ``holdout2/run.py``) share: linting with the
asynclint of a given interpreter, the reductions' recall and precision, and the upstream pre-/post-fix
files read from the corpus checkouts or the mirrors."""

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

MIRRORS = Path("/work/.mirror")
ANNOTATION = re.compile(r"#\s*\[([a-z0-9, -]+)\]")
EXTRA: list[str] = []  # options passed to every `asynclint check` (e.g. --certainty definite)
ABORTED: list[str] = []  # runs that ended with exit status 2 and no output: asynclint analysed nothing


def load(folder: Path, name: str) -> dict:
    with open(folder / name, "rb") as handle:
        return tomllib.load(handle)


def lint(python: str, paths: list[str], cwd: Path) -> list[dict]:
    """asynclint's findings (JSON) for paths; exit status 2 (a file it could not analyse) still
    yields the findings of the other files. A run that ends with exit status 2 and no output analysed
    nothing (a usage error): it is reported on stderr and kept in ``ABORTED``, never counted as a run
    without findings in silence; any other status but 0 stops the run."""
    if not paths:
        return []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [python, "-c", "import sys; from asynclint.cli import main; sys.exit(main())",
         "check", "-f", "json", "--exit-zero", "--no-cache", "-j", "1", *EXTRA, *paths],
        capture_output=True, text=True, cwd=cwd, env=env, check=False,
    )
    if result.returncode == 2 and not result.stdout.strip():
        error = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "no message"
        ABORTED.append(f"{cwd}: {error}")
        print(f"asynclint ABORTED (exit 2, nothing analysed) in {cwd}: {error}", file=sys.stderr)
        return []
    if result.returncode not in (0, 2):
        # --exit-zero: any other status is a run that did not happen (asynclint not importable from
        # this python, a crash), never a run without findings
        sys.exit(f"asynclint failed ({result.returncode}) in {cwd}: {result.stderr.strip()[-2000:]}")
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


def reductions(python: str, cases: list[dict], folder: Path, verbose: bool) -> dict:
    """Recall and precision on the reductions in ``folder`` (``<id>_bad.py`` annotated, ``<id>_good.py``)."""
    files = sorted(folder.glob("*.py"))
    findings = lint(python, [f.name for f in files], folder)
    by_file: dict[str, list[dict]] = {}
    for finding in findings:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    out = {"cases": len(cases), "strict": 0, "lenient": 0, "right": 0, "all": len(findings),
           "good_silent": 0, "missed": [], "wrong": []}
    for case in cases:
        bad, good = folder / f"{case['id']}_bad.py", folder / f"{case['id']}_good.py"
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

    walk(ast.parse(source.lstrip("\ufeff")), "")  # a UTF-8 BOM (some Windows editors) is no syntax error
    return found


def bug_lines(case: dict, side: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a finding must land in the upstream file: the named function's spans, narrowed on the
    pre-fix side to the case's ``lines`` (the bug's lines at the parent commit) when the case lists
    them -- two bugs in one function then need a finding each. The post-fix side keeps the whole
    function: the fixed file must be silent there."""
    if side != "pre" or not case.get("lines"):
        return ranges
    return [(line, line) for line in case["lines"] if any(a <= line <= b for a, b in ranges)]


def real_files(python: str, cases: list[dict], corpus: Path, verbose: bool) -> dict:
    out = {"pre": 0, "pre_flagged": 0, "post": 0, "post_silent": 0, "skipped": []}
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
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
            try:
                ranges = spans(text, case["function"])
            except SyntaxError as error:  # newer syntax than this driver's Python: counted as not flagged
                print(f"  {case['id']} {side}: this driver's Python cannot parse the upstream file ({error.msg},"
                      f" line {error.lineno}): run the driver with the project's Python", file=sys.stderr)
                ranges = []
            ranges = bug_lines(case, side, ranges)
            hit = any(f["symbol"] == case["rule"] and any(a <= f["line"] <= b for a, b in ranges)
                      for f in by_path.get(str(target.resolve()), []))
            tally(out, case, side, hit, verbose)
    return out


def tally(out: dict, case: dict, side: str, hit: bool, verbose: bool, where: str = "") -> None:
    """Count one upstream file: a pre-fix file must be flagged in the function, a post-fix one not."""
    out[side] += 1
    if side == "pre":
        out["pre_flagged"] += hit
    else:
        out["post_silent"] += not hit
    if verbose:
        good = hit if side == "pre" else not hit
        print(f"  {side:4} {'ok ' if good else 'NO '} {case['id']}{where} ({case['rule']} in {case['function']})")


def lines_of(root: Path) -> int:
    """Lines of the Python files at or below root."""
    total = 0
    for path in ([root] if root.is_file() else root.rglob("*.py")):
        try:
            total += sum(1 for _ in path.open(encoding="utf-8", errors="replace"))
        except OSError:
            pass
    return total


def describe(python: str, folder: Path) -> str:
    """Where the asynclint that runs comes from, and its git commit (when it is a checkout)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    found = subprocess.run([python, "-c", "import asynclint, os; print(os.path.dirname(asynclint.__file__))"],
                           capture_output=True, text=True, env=env, cwd=folder, check=False).stdout.strip()
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


def run_like_holdout2(here: Path, doc: str) -> int:
    """Run holdout2/run.py's measurements on the set in ``here`` (its cases.toml, verdicts.toml and
    cases/): the later held-out sets share that runner, not a copy of it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("holdout2_run", Path(__file__).resolve().parent / "holdout2" / "run.py")
    holdout2 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(holdout2)
    holdout2.HERE, holdout2.CASES, holdout2.__doc__ = here, here / "cases", doc
    return holdout2.main()


def run_sweep_with_recall(here: Path, name: str, doc: str, library_only: bool) -> int:
    """Run sweep7/run.py's measurement (precision, false positives per 10k lines) on the set in ``here``
    (its verdicts.toml), then recall over that set's known bugs: the TP verdicts (only those marked
    ``library = true`` when ``library_only``) and the ``[[miss]]`` entries, by repo, path and line, of
    which those a finding of any rule now lands on. The library and package sweeps share this runner."""
    import importlib.util
    import json
    import sys
    import tempfile

    spec = importlib.util.spec_from_file_location("sweep7_run", Path(__file__).resolve().parent / "sweep7" / "run.py")
    sweep7 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sweep7)
    dump = None
    if "--dump" not in sys.argv:
        dump = Path(tempfile.mkstemp(prefix=f"{name}-", suffix=".json")[1])
        sys.argv += ["--dump", str(dump)]
    status = sweep7.main(here, name, doc)
    path = dump or Path(sys.argv[sys.argv.index("--dump") + 1])
    found = json.loads(path.read_text())
    if dump:
        dump.unlink()
    data = load(here, "verdicts.toml")
    at = {(f["repo"], f["path"], f["line"]) for f in found}
    judged = {(v["repo"], v["path"], v["line"]) for v in data.get("verdict", [])
              if v["verdict"] == "TP" and (v.get("library") or not library_only)}
    listed = {(m["repo"], m["path"], m["line"]): m for m in data.get("miss", [])}
    universe = judged | set(listed)
    hit = universe & at
    left = [listed[key] for key in sorted(set(listed) - at)]
    what = ("library-call recall", "library calls on the loop: the library TPs and the listed misses") if library_only \
        else ("recall", "sync-on-loop bugs: the TP verdicts and the listed misses")
    print(f"{what[0]} {len(hit)}/{len(universe)} = {(len(hit) / len(universe) if universe else 1):.2f} "
          f"({what[1]}; still missed {len(left)})")
    for m in left:
        print(f"  missed: {m['repo']} {m['path']}:{m['line']} {m['call']}")
    return status
