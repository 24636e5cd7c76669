"""``asynclint check --stdin-filename PATH -``: the source comes from stdin (ALE, flymake, efm-langserver),
the path from the option: its imports, configuration and shown name are the file's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent / "examples" / "bookshop"
VIEWS = PROJECT / "shop" / "views.py"


def check(*args: str, source: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "asynclint.cli", "check", *args], input=source, cwd=PROJECT,
                          capture_output=True, text=True, check=False, timeout=300)


def test_the_buffer_is_checked_not_the_file():
    source = VIEWS.read_text().replace("book = Book.objects.get(pk=pk)", "book = await Book.objects.aget(pk=pk)")
    assert source != VIEWS.read_text()
    from_file = check("--output-format", "json", "shop/views.py")
    from_stdin = check("--output-format", "json", "--stdin-filename", "shop/views.py", "-", source=source)
    assert from_stdin.returncode == 1, from_stdin.stderr
    lines_file = {(f["line"], f["symbol"]) for f in json.loads(from_file.stdout)}
    lines_stdin = {(f["line"], f["symbol"]) for f in json.loads(from_stdin.stdout)}
    assert lines_file - lines_stdin == {(54, "sync-orm-call-in-async")}
    assert lines_stdin <= lines_file
    # through a project helper in another module: the imports resolve from the file's place
    assert (171, "missing-sync-to-async") in lines_stdin


def test_clean_source_exits_zero_and_bad_usage_is_one_line():
    clean = check("--stdin-filename", "shop/views.py", "-", source="async def view(request):\n    return 1\n")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    for args in (("--stdin-filename", "shop/views.py"), ("--stdin-filename", "shop/views.py", "-", "shop"),
                 ("-",)):
        result = check(*args, source="")
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "--stdin-filename" in result.stderr
