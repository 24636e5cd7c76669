"""``[tool.asynclint]`` and the Django version ``asynclint check`` targets: the option, else the
installed Django, else the project's ``django`` requirement (lowest admitted version), else the
newest known; ``-v`` says which and why."""

from __future__ import annotations

import json
import textwrap

import pytest

from asynclint import cli
from asynclint.core import versions

VIEW = "from django.shortcuts import get_object_or_404\n\n\nasync def show(request, pk):\n    return get_object_or_404(request.model, pk=pk)\n"


@pytest.mark.parametrize(("specifier", "lowest"), [
    (">=4.2,<5.0", (4, 2)), (">4.2", (4, 2)), ("~=4.2.0", (4, 2)), ("~=5.0", (5, 0)), ("==5.1.*", (5, 1)),
    ("==3.2.19", (3, 2)), ("<5", (3, 0)), ("!=4.2.*,>=4.2", (5, 0)), (">=5.3", (6, 0)), ("", None),
    (">=9", None),
])
def test_lowest_admitted(specifier, lowest):
    assert versions.lowest_admitted(specifier) == lowest


@pytest.mark.parametrize(("constraint", "lowest"), [("^4.2", (4, 2)), ("~5.1", (5, 1)), ("4.2.*", (4, 2)),
                                                    (">=5.0,<6", (5, 0)), ("5.2", (5, 2)), ("*", None)])
def test_poetry_constraints(constraint, lowest):
    assert versions.lowest_admitted(versions._poetry_specifier(constraint)) == lowest


@pytest.mark.parametrize(("files", "lowest", "where"), [
    ({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["requests", "Django[argon2]>=4.2,<5.0 ; python_version >= \'3.10\'"]\n'},
     (4, 2), "[project] dependencies"),
    ({"pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.11"\ndjango = {version = "^5.1", extras = ["argon2"]}\n'},
     (5, 1), "[tool.poetry.dependencies]"),
    ({"requirements.txt": "# pinned\nrequests==2.31\ndjango==5.0.6  # LTS soon\n"}, (5, 0), "requirements.txt"),
    ({"requirements-dev.txt": "-r requirements/base.txt\npytest\n", "requirements/base.txt": "Django~=4.1.0\n"},
     (4, 1), "base.txt"),
])
def test_requirement_detection(tmp_path, files, lowest, where):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "app").mkdir()
    found = versions.requirement(tmp_path / "app")  # found walking up
    assert found is not None and found[0] == lowest and where in found[1]


def test_no_requirement(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["django"]\n')
    assert versions.requirement(tmp_path) is None


@pytest.fixture
def no_django(monkeypatch):
    monkeypatch.setattr(versions, "installed", lambda: None)


def verbose_check(capsys, *args):
    code = cli.main(["check", "-v", "-f", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else [], err


def test_version_from_pyproject_requirement(tmp_path, monkeypatch, capsys, no_django):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "shop"\ndependencies = ["django>=4.2,<5"]\n')
    (tmp_path / "views.py").write_text(VIEW)
    _code, findings, err = verbose_check(capsys)
    assert "targeting Django 4.2: no Django installed: the lowest version admitted by the django requirement in " \
           f"{tmp_path / 'pyproject.toml'} [project] dependencies: 'django>=4.2,<5'" in err
    assert "Django 4.2 has no async form of it" in findings[0]["message"]


def test_version_newest_known_without_anything(tmp_path, monkeypatch, capsys, no_django):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "views.py").write_text(VIEW)
    _code, findings, err = verbose_check(capsys)
    newest = versions.format_version(versions.NEWEST)
    assert f"targeting Django {newest}: no Django installed, no django-version set and no django requirement " \
           "found: the newest known" in err
    assert "await aget_object_or_404(...)" in findings[0]["message"]


def test_installed_django_wins_over_requirements(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(versions, "installed", lambda: (5, 0))
    monkeypatch.setattr(versions.metadata, "version", lambda name: "5.0.3")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "requirements.txt").write_text("django>=4.2\n")  # admits the installed 5.0.3
    (tmp_path / "views.py").write_text(VIEW)
    _code, _findings, err = verbose_check(capsys)
    assert "targeting Django 5.0: the installed Django (5.0.3)" in err


def test_option_wins(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.asynclint]\ndjango-version = "4.1"\n')
    (tmp_path / "views.py").write_text(VIEW)
    _code, _findings, err = verbose_check(capsys)
    assert f"targeting Django 4.1: set by django-version in {tmp_path / 'pyproject.toml'}" in err
    _code, _findings, err = verbose_check(capsys, "--django-version", "5.0")
    assert "targeting Django 5.0: set by the django-version option" in err


def test_config_found_walking_up_with_select_and_exclude(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.asynclint]
        select = ["sync-orm-call-in-async", "W5712"]
        ignore = ["W"]
        extend-exclude = ["skipped"]
        blocking-calls = ["shop.pdf.render -> await sync_to_async(render)(...)"]
    """))
    src = tmp_path / "src"
    (src / "skipped").mkdir(parents=True)
    (src / "views.py").write_text(VIEW + "\n\nasync def nap():\n    import time\n    time.sleep(1)\n")
    (src / "skipped" / "views.py").write_text(VIEW)
    monkeypatch.chdir(src)
    _code, findings, err = verbose_check(capsys, ".")
    assert f"configuration: {tmp_path / 'pyproject.toml'} [tool.asynclint]" in err
    assert [(f["path"], f["id"]) for f in findings] == [("views.py", "E5701")]


@pytest.mark.parametrize(("table", "fragment"), [
    ('django-version = "banana"', "invalid django-version 'banana'"),
    ('colour = "blue"', "unknown option 'colour'"),
    ('select = ["nope"]', "unknown rule 'nope'"),
    ('select = "E57,nope"', "unknown rule 'nope'"),
    ("exclude = 3", "'exclude' must be a list of strings"),
])
def test_invalid_configuration_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys, table, fragment):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f"[tool.asynclint]\n{table}\n")
    (tmp_path / "views.py").write_text(VIEW)
    code = cli.main(["check"])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and fragment in lines[0] and "Traceback" not in err, err


def test_invalid_toml_is_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.asynclint\n")
    (tmp_path / "views.py").write_text(VIEW)
    assert cli.main(["check"]) == 2
    assert "invalid TOML" in capsys.readouterr().err
