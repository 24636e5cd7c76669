"""The pre-commit hook, for real: ``pre-commit try-repo`` installs asynclint in pre-commit's own
isolated environment (from PyPI: pylint, astroid, libcst; no Django) and runs the ``asynclint``
hook of ``.pre-commit-hooks.yaml`` on a temporary git repository.

The hook repository is a temporary git repository too, holding this checkout's files as they are
on disk (``try-repo`` on the checkout itself would only see committed and staged changes), so the
test needs no git configuration and changes nothing in the checkout. pip needs the package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.lint import ROOT

pytestmark = pytest.mark.slow

BUGGY = textwrap.dedent("""\
    from django.db import transaction
    from django.shortcuts import get_object_or_404


    async def transfer(request):
        with transaction.atomic():
            pass


    async def show(request, pk):
        return get_object_or_404(request.model, pk=pk)
""")
FIXED = textwrap.dedent("""\
    from asgiref.sync import sync_to_async
    from django.db import transaction
    from django.shortcuts import get_object_or_404


    def _transfer():
        with transaction.atomic():
            pass


    async def transfer(request):
        await sync_to_async(_transfer)()


    async def show(request, pk):
        return await sync_to_async(get_object_or_404)(request.model, pk=pk)
""")
FIXABLE = textwrap.dedent("""\
    from django.contrib.auth.models import User


    async def profile(request, pk):
        user = User.objects.get(pk=pk)
        return user.username
""")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "asynclint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "asynclint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(*args: str, cwd: Path, env: dict) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _pre_commit() -> list[str]:
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if found:
        return [found]
    pytest.importorskip("pre_commit")
    return [sys.executable, "-m", "pre_commit"]


def test_try_repo_fails_on_the_bug_and_passes_on_the_fix(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "gitconfig").write_text("")
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
           "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)

    hooks = tmp_path / "hook-repo"
    hooks.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, hooks / name)
    shutil.copytree(ROOT / "asynclint", hooks / "asynclint", ignore=shutil.ignore_patterns("__pycache__"))
    _git("init", "-q", cwd=hooks, env=env)
    _git("add", "-A", cwd=hooks, env=env)
    _git("commit", "-q", "-m", "asynclint", cwd=hooks, env=env)

    project = tmp_path / "project"
    project.mkdir()
    (project / "requirements.txt").write_text("django>=4.2,<5\n")
    views = project / "views.py"
    views.write_text(BUGGY)
    _git("init", "-q", cwd=project, env=env)
    _git("add", "-A", cwd=project, env=env)

    def try_repo() -> subprocess.CompletedProcess:
        return subprocess.run([*pre_commit, "try-repo", str(hooks), "asynclint", "--files", "views.py",
                               "--verbose"], cwd=project, env=env, capture_output=True, text=True, timeout=900)

    failed = try_repo()
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "views.py:6:5: E5703 sync-transaction-in-async" in output, output
    # No Django in the hook's environment: the version comes from requirements.txt (4.2), not from
    # an installed Django (which would win), so the message offers sync_to_async, not 5.0's API.
    assert "views.py:11:12: E5701 sync-orm-call-in-async get_object_or_404() queries the database on the " \
           "event loop; Django 4.2 has no async form of it" in output, output
    assert "Failed" in output, output

    views.write_text(FIXED)
    passed = try_repo()
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output and "E5703" not in output, output

    # The fix hook rewrites the safe fix in place (pre-commit reports files it modified as failed),
    # after which the check hook passes.
    views.write_text(FIXABLE)
    fixed = subprocess.run([*pre_commit, "try-repo", str(hooks), "asynclint-fix", "--files", "views.py"],
                           cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "user = await User.objects.aget(pk=pk)" in views.read_text()
    rechecked = try_repo()
    assert rechecked.returncode == 0, rechecked.stdout + rechecked.stderr
