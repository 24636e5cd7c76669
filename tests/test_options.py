"""The django-version option: detection, and a clear one-line error for bad values."""

from __future__ import annotations

import subprocess
import sys

import pytest

from asynclint.core import versions
from tests.lint import ROOT


@pytest.mark.parametrize(("value", "expected"), [("5.2", (5, 2)), ("4.2.11", (4, 2)), (" 6.0 ", (6, 0)),
                                                  ("5.1rc1", (5, 1)), ("3.0", (3, 0))])
def test_parse(value, expected):
    assert versions.parse(value) == expected


@pytest.mark.parametrize("value", ["banana", "5", "5.x", "2.2", "1.11", ""])
def test_parse_rejects(value):
    with pytest.raises(versions.InvalidDjangoVersion):
        versions.parse(value)


def test_option_wins_over_installed():
    assert versions.resolve("4.1") == versions.Target((4, 1), "set by the django-version option")


def test_installed_django_then_newest_known(monkeypatch):
    monkeypatch.setattr(versions, "installed", lambda: (4, 2))
    assert versions.resolve("").version == (4, 2)
    monkeypatch.setattr(versions, "installed", lambda: None)
    assert versions.resolve(None).version == versions.NEWEST


def test_linting_never_imports_django():
    """Version detection and a whole lint run read Django's metadata, never Django itself."""
    script = (
        "import sys\n"
        "from pylint.lint import Run\n"
        "from asynclint.core import versions\n"
        "versions.installed()\n"
        f"sys.path.insert(0, {str(ROOT / 'tests' / 'fixtures')!r})\n"
        f"Run(['--load-plugins=asynclint', '--disable=all', '--enable=asynclint', "
        f"{str(ROOT / 'examples' / 'bookshop')!r}], exit=False)\n"
        "print('DJANGO-IMPORTED' if 'django' in sys.modules else 'DJANGO-NOT-IMPORTED')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                            timeout=300)
    assert "E5701" in result.stdout, result.stdout + result.stderr
    assert result.stdout.strip().endswith("DJANGO-NOT-IMPORTED")


@pytest.mark.parametrize("value", ["banana", "2.2"])
def test_invalid_version_is_one_clear_line_and_exit_2(tmp_path, value):
    module = tmp_path / "m.py"
    module.write_text("async def f():\n    pass\n")
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=asynclint", f"--django-version={value}",
         "--disable=all", "--enable=asynclint", str(module)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [lines[0]] and lines[0].startswith(f"asynclint: error: invalid django-version '{value}'")
