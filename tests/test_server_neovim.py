"""A real editor: headless Neovim's built-in LSP client runs ``asynclint server`` on a file of the
example project and shows the same findings as ``asynclint check``.

Needs ``nvim`` on PATH (Debian's ``neovim`` package; ``.ci/run`` installs it). Without it the test
is skipped, unless ``ASYNCLINT_REQUIRE_NVIM=1`` (as in ``.ci/run``), where it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent / "examples" / "bookshop"
VIEWS = PROJECT / "shop" / "views.py"


def test_neovim_shows_the_findings_of_check(tmp_path: Path):
    nvim = shutil.which("nvim")
    if nvim is None:
        if os.environ.get("ASYNCLINT_REQUIRE_NVIM") == "1":
            pytest.fail("nvim is not installed (apt-get install neovim)")
        pytest.skip("nvim is not installed (apt-get install neovim)")
    expected = subprocess.run([sys.executable, "-m", "asynclint.cli", "check", "-f", "json", "shop/views.py"],
                              cwd=PROJECT, capture_output=True, text=True, check=False, timeout=300)
    wanted = sorted((f["line"], f["column"], f["id"]) for f in json.loads(expected.stdout))
    assert len(wanted) >= 10

    out = tmp_path / "diagnostics.txt"
    env = {**os.environ, "ASYNCLINT_PYTHON": sys.executable, "ASYNCLINT_FILE": str(VIEWS),
           "ASYNCLINT_ROOT": str(PROJECT), "ASYNCLINT_OUT": str(out), "ASYNCLINT_EXPECTED": str(len(wanted)),
           "XDG_STATE_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                    "-c", f"luafile {HERE / 'editors' / 'neovim_lsp.lua'}"],
                   env=env, cwd=PROJECT, stdin=subprocess.DEVNULL, capture_output=True, timeout=240, check=False)
    shown = [line.split(":", 4) for line in out.read_text().splitlines()]
    assert {source for _, _, source, _, _ in shown} == {"asynclint"}
    assert sorted((int(line), int(col), code) for line, col, _, code, _ in shown) == wanted
    assert any("aget" in message for *_, message in shown)
