"""Probe the cache's recorded dependencies on a real tree: edits to files no entry depends on must
change no finding.

    python benchmarks/cache_soundness.py TREE [TREE...]

For each tree, a copy is checked with an empty cache (``asynclint check``, ``-j 1``); then a blank
line is put at the top of every Python file that is neither analysed nor recorded as a dependency
of an analysed module (``asynclint.cache``). Every line number in those files moves, so a finding
whose message or chain names one of them changes. The cached run must analyse nothing, and its
findings must equal those of a ``--no-cache`` run of the edited copy. Then the same with the files
that are recorded dependencies (every dependent is analysed again; the findings must agree too).

Then files appear that no analysis read (they did not exist), one at a time, each followed by a cached
and a ``--no-cache`` run that must agree: a ``pytest.ini`` setting ``DJANGO_SETTINGS_MODULE``, then one
setting ``DJANGO_ALLOW_ASYNC_UNSAFE`` for the tests (pytest-env), a test settings module setting it, a
``Dockerfile`` serving ASGI with uvicorn, an ``asgi.py`` beside the first settings module, and a new
module calling a public function of an analysed module.
Exit status 1 when a run disagrees.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cache_speed import COUNTS  # noqa: E402  # pylint: disable=wrong-import-position


def check(tree: Path, *extra: str) -> tuple[list, tuple | None]:
    command = [sys.executable, "-m", "asynclint.cli", "check", "-v", "-f", "json", "--exit-zero", "-j", "1",
               str(tree), *extra]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tree.parent, check=False)
    if done.returncode != 0 or "Traceback" in done.stderr:
        sys.exit(f"error: {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    counts = COUNTS.search(done.stderr)
    return json.loads(done.stdout), tuple(map(int, counts.groups())) if counts else None


def recorded(cache_dir: Path) -> tuple[set[str], set[str]]:
    """The analysed modules and their recorded dependencies."""
    analysed, dependencies = set(), set()
    for entry in cache_dir.rglob("files/*/*.json"):
        data = json.loads(entry.read_text())
        analysed.add(data["path"])
        dependencies.update(data["dependencies"])
    return analysed, dependencies


def shift(files: list[str]) -> None:
    for path in files:
        data = Path(path).read_bytes()
        Path(path).write_bytes(b"\n" + data)


def probe(source: Path, work: Path) -> bool:
    tree = work / source.name
    shutil.copytree(source, tree, ignore=shutil.ignore_patterns(".git", "__pycache__", ".asynclint_cache"))
    cache_dir = work / f"cache-{source.name}"
    cold, _ = check(tree, "--cache-dir", str(cache_dir))
    analysed, dependencies = recorded(cache_dir)
    every = [os.path.join(d, f) for d, _, fs in os.walk(tree) for f in fs if f.endswith(".py")]
    ok = True
    for name, files in (("neither analysed nor a dependency", [p for p in every if p not in analysed | dependencies]),
                        ("recorded dependencies", sorted(dependencies - analysed))):
        shift(files)
        cached, counts = check(tree, "--cache-dir", str(cache_dir))
        reference, _ = check(tree, "--no-cache")
        agree = cached == reference
        ok &= agree and (counts is None or name != "neither analysed nor a dependency" or counts[2] == 0)
        print(f"{source.name}: {len(every)} files, {len(analysed)} analysed, {len(cold)} findings; "
              f"{len(files)} files {name} moved: cached run analysed {counts[2] if counts else '?'}, "
              f"findings {'identical to' if agree else 'DIFFER from'} a --no-cache run")
        if not agree:
            for item in [f for f in cached if f not in reference][:5] + [f for f in reference if f not in cached][:5]:
                print(f"    {item['path']}:{item['line']} {item['symbol']}: {item['message'][:200]}")
    return appear(source, tree, cache_dir, analysed) and ok


def _caller_of_a_helper(analysed: set[str]) -> tuple[Path, str] | None:
    """A new module beside an analysed module of a package, calling one of its public functions from
    an ``async def`` (None when no analysed module has one)."""
    for path in sorted(analysed):
        folder = Path(path).parent
        if not (folder / "__init__.py").is_file():
            continue
        try:
            tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
            continue
        functions = [node for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")]
        if functions:
            called = functions[0]
            arguments = ", ".join(["request"] * (len(called.args.args) - len(called.args.defaults)))
            return folder / "asynclint_probe_caller.py", (
                f"from .{Path(path).stem} import {called.name}\n\n\n"
                f"async def probe(request):\n    return {called.name}({arguments})\n")
    return None


def new_files(tree: Path, analysed: set[str]) -> list[tuple[str, Path, str]]:
    """(what, where, text) of each file that appears, in order."""
    settings = sorted(tree.rglob("settings.py")) or sorted(tree.rglob("*settings*.py"))
    folder = settings[0].parent if settings else tree
    found = [("a pytest.ini setting DJANGO_SETTINGS_MODULE", tree / "pytest.ini",
              "[pytest]\nDJANGO_SETTINGS_MODULE = settings\n"),
             ("a pytest.ini setting DJANGO_ALLOW_ASYNC_UNSAFE", tree / "pytest.ini",
              "[pytest]\nDJANGO_SETTINGS_MODULE = settings\nenv =\n    DJANGO_ALLOW_ASYNC_UNSAFE=1\n"),
             ("a test settings module setting DJANGO_ALLOW_ASYNC_UNSAFE", folder / "test_settings_probe.py",
              'import os\n\nos.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"\n'),
             ("a Dockerfile serving ASGI", tree / "Dockerfile",
              'FROM python:3.12\nCMD ["uvicorn", "asgi:application"]\n'),
             ("an asgi.py", folder / "asgi.py",
              "from django.core.asgi import get_asgi_application\n\napplication = get_asgi_application()\n")]
    caller = _caller_of_a_helper(analysed)
    if caller is not None:
        found.append(("a new module calling an analysed module's function", *caller))
    return [(what, where, text) for what, where, text in found
            if not where.exists() or where.name == "pytest.ini"]


def appear(source: Path, tree: Path, cache_dir: Path, analysed: set[str]) -> bool:
    ok = True
    for what, where, text in new_files(tree, analysed):
        where.write_text(text)
        cached, counts = check(tree, "--cache-dir", str(cache_dir))
        reference, _ = check(tree, "--no-cache")
        agree = cached == reference
        ok &= agree
        print(f"{source.name}: {what} appeared ({where.relative_to(tree)}): cached run analysed "
              f"{counts[2] if counts else '?'}, {len(cached)} findings, "
              f"{'identical to' if agree else 'DIFFER from'} a --no-cache run")
    return ok


def main() -> int:
    trees = [Path(arg).resolve() for arg in sys.argv[1:]]
    if not trees:
        sys.exit(__doc__)
    ok = True
    with tempfile.TemporaryDirectory(prefix="asynclint-soundness-") as tmp:
        for tree in trees:
            ok &= probe(tree, Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
