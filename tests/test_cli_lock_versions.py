"""The Django version the messages target comes from the project's lock file when one pins it
(``versions.locked``): ``django = "<4"`` admits 3.0 as its lowest release, but a project whose lock
file pins 3.2.19 runs 3.2, and ``check -v`` says where the version came from."""

from __future__ import annotations

import json

import pytest

from asynclint import cli
from asynclint.core import versions
from tests.test_versions import installed_django, write

#: A requirement whose lowest admitted release (3.0) is not what the project runs.
LOOSE = {"pyproject.toml": '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.11"\n'
                           'django = "<4"\n'}

#: Each lock format pinning Django 3.2.19.
LOCKS = {
    "poetry.lock": {"poetry.lock": '[[package]]\nname = "asgiref"\nversion = "3.7.2"\n\n[[package]]\n'
                                   'name = "Django"\nversion = "3.2.19"\ndescription = "x"\n\n[metadata]\n'
                                   'lock-version = "2.0"\n'},
    "uv.lock": {"uv.lock": 'version = 1\n\n[[package]]\nname = "django"\nversion = "3.2.19"\n'
                           'source = { registry = "https://pypi.org/simple" }\n\n[[package]]\nname = "x"\n'
                           'version = "0.1.0"\nsource = { editable = "." }\n'},
    "Pipfile.lock": {"Pipfile.lock": json.dumps({"_meta": {"hash": {}}, "default": {
        "asgiref": {"version": "==3.7.2"}, "django": {"hashes": [], "version": "==3.2.19"}}, "develop": {}})},
    "requirements.txt": {"requirements.txt": "asgiref==3.7.2\n# via django\ndjango==3.2.19\n    # via -r in\n"},
    "requirements/prod.txt": {"requirements/prod.txt": "Django==3.2.19 ; python_version >= '3.8'\n"},
}


@pytest.mark.parametrize("lock", LOCKS)
def test_the_locked_release_wins_over_the_requirements_lower_bound(tmp_path, monkeypatch, lock):
    installed_django(monkeypatch, "5.2.3")  # not admitted by "<4": the lower bound (3.0) was targeted
    write(tmp_path, LOOSE)
    assert versions.detect("", tmp_path).version == (3, 0)
    write(tmp_path, LOCKS[lock])
    (tmp_path / "app").mkdir()
    found = versions.detect("", tmp_path / "app")  # found walking up
    assert found.version == (3, 2)
    assert found.reason.startswith("Django 3.2.19, locked in ") and lock.split("/")[-1] in found.reason
    assert versions.detect("4.1", tmp_path).version == (4, 1)  # the option still wins


def test_a_range_in_a_requirements_file_is_no_lock(tmp_path, monkeypatch):
    installed_django(monkeypatch, "5.2.3")
    write(tmp_path, {**LOOSE, "requirements.txt": "django>=3.1,<4\n"})
    assert versions.locked("django", tmp_path) is None
    assert versions.detect("", tmp_path).version == (3, 0)  # pyproject.toml's "<4"


def test_a_lock_of_another_package_or_a_broken_lock_is_ignored(tmp_path, monkeypatch):
    installed_django(monkeypatch, "5.2.3")
    write(tmp_path, {**LOOSE, "poetry.lock": '[[package]]\nname = "django-ninja"\nversion = "1.1.0"\n',
                     "uv.lock": "[[package]\nnot toml", "Pipfile.lock": "{not json"})
    assert versions.locked("django", tmp_path) is None
    assert versions.detect("", tmp_path).version == (3, 0)


def test_a_uv_lock_with_two_releases_targets_the_older(tmp_path):
    write(tmp_path, {"uv.lock": '[[package]]\nname = "django"\nversion = "5.1.4"\n\n[[package]]\n'
                                'name = "django"\nversion = "4.2.17"\n'})
    assert versions.detect("", tmp_path).version == (4, 2)


def test_a_lock_below_3_0_targets_3_0_and_above_the_known_releases_is_not_trusted(tmp_path, monkeypatch):
    installed_django(monkeypatch, "5.2.3")
    write(tmp_path, {"poetry.lock": '[[package]]\nname = "django"\nversion = "2.2.28"\n'})
    found = versions.detect("", tmp_path)
    assert found.version == versions.OLDEST and "older than 3.0" in found.reason
    write(tmp_path, {"poetry.lock": '[[package]]\nname = "django"\nversion = "99.0.1"\n'})
    assert versions.detect("", tmp_path).reason == "the installed Django (5.2.3)"


def test_check_says_which_lock_file_set_the_version(tmp_path, monkeypatch, capsys):
    installed_django(monkeypatch, "5.2.3")
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {**LOOSE, **LOCKS["poetry.lock"], "views.py": "def view(request):\n    return None\n"})
    assert cli.main(["check", "-v", "--no-cache", "views.py"]) == 0
    err = capsys.readouterr().err
    assert "targeting Django 3.2: Django 3.2.19, locked in " in err and "poetry.lock" in err


def no_django(monkeypatch) -> None:
    monkeypatch.setattr(versions, "installed", lambda: None)
    monkeypatch.setattr(versions, "installed_release", lambda name: None)


BLOCKING = "import time\n\n\nasync def view(request):\n    time.sleep(1)\n"


@pytest.mark.parametrize("constraint", ["4.1.x", "4.1.*", "==4.1.x", "==4.1.*", "4.1.X"])
def test_a_pipfile_wildcard_written_pipenv_style_is_read(tmp_path, monkeypatch, constraint):
    """``django = "4.1.x"`` (lawandorga's Pipfile, Oct 2022) and a bare ``4.1.*`` mean Django 4.1."""
    no_django(monkeypatch)
    write(tmp_path, {"Pipfile": f'[packages]\ndjango = "{constraint}"\n'})
    found = versions.detect("", tmp_path)
    assert found.version == (4, 1) and "Pipfile [packages] django" in found.reason


def test_an_unreadable_requirement_never_stops_the_analysis(tmp_path, monkeypatch, capsys):
    """Without Django installed, a requirement asynclint cannot read is no usage error (the project's
    files are not asynclint's input): the newest known Django is targeted, ``-v`` says why in one
    line, and the findings are reported."""
    no_django(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"Pipfile": '[packages]\ndjango = "four-one"\n', "views.py": BLOCKING})
    assert cli.main(["check", "--no-cache", "views.py"]) == 1
    captured = capsys.readouterr()
    assert "views.py:5:" in captured.out and "blocking" in captured.out and not captured.err
    assert cli.main(["check", "-v", "--no-cache", "views.py"]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "cannot be read" in line] == [
        f"asynclint: targeting Django {versions.format_version(versions.NEWEST)}: no Django installed and the "
        f"django requirement cannot be read ({tmp_path / 'Pipfile'} [packages] django = 'four-one': unreadable version "
        "specifier 'four-one'): the newest known"]


def test_asynclints_own_bad_input_still_ends_with_exit_2(tmp_path, monkeypatch, capsys):
    no_django(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"Pipfile": '[packages]\ndjango = "four-one"\n', "views.py": BLOCKING})
    assert cli.main(["check", "--no-cache", "--django-version", "4.x", "views.py"]) == 2
    assert "django-version" in capsys.readouterr().err
