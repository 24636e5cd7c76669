"""Property test (issue 16): any generated module (hypothesmith), plain or wrapped in ``async def``,
with Django anti-patterns spliced in, never crashes ``check``; ``fix`` output always parses and
compiles, and a second ``fix`` changes nothing. Fixed seed and a bounded count, so it stays fast;
``benchmarks/fuzz.py`` runs thousands."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import tempfile
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from asynclint import cli
from tests.fuzzing import modules

MODELS = textwrap.dedent("""\
    from django.db import models


    class Book(models.Model):
        title = models.CharField(max_length=100)
""")


def make_project(root: Path, sources: list[str]) -> list[Path]:
    (root / "shop").mkdir()
    (root / "shop" / "__init__.py").write_text("")
    (root / "shop" / "models.py").write_text(MODELS)
    files = []
    for index, source in enumerate(sources):
        path = root / "shop" / f"fuzz_{index}.py"
        path.write_text(source, encoding="utf-8")
        files.append(path)
    return files


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, err.getvalue()


def compiles(text: str) -> bool:
    try:
        compile(text, "<fixed>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


@seed(20261205)
@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(modules(), min_size=4, max_size=4))
def test_check_never_crashes_and_fix_output_parses_and_is_idempotent(sources: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = make_project(root, sources)
        cwd = os.getcwd()
        os.chdir(root)
        try:
            code, err = run("check", "shop")
            assert code in (0, 1, 2) and "Traceback" not in err, err
            before = {path: path.read_text(encoding="utf-8") for path in files}
            code, err = run("fix", "--unsafe-fixes", "shop")
            assert code in (0, 1, 2) and "Traceback" not in err, err
            after = {path: path.read_text(encoding="utf-8") for path in files}
            for path in files:
                if after[path] != before[path]:
                    assert compiles(before[path]) and compiles(after[path]), (before[path], after[path])
            run("fix", "--unsafe-fixes", "shop")
            assert {path: path.read_text(encoding="utf-8") for path in files} == after
        finally:
            os.chdir(cwd)
