"""Which test configuration files set DJANGO_ALLOW_ASYNC_UNSAFE for the test run
(``own_loop._config_sets``): pytest-env's ``env`` and tox's ``setenv``/``set_env`` with a non-empty value.
Anything else that only names the variable (a comment, tox's ``passenv``, another tool's section, an
empty value, a file that does not parse) sets nothing, so the tests' sync queries stay reported."""

from __future__ import annotations

import pytest

from asynclint.core.own_loop import _config_sets

WORD = "DJANGO_ALLOW_ASYNC_UNSAFE"

CASES = [
    ("pytest.ini", "[pytest]\nenv =\n    DJANGO_ALLOW_ASYNC_UNSAFE=1\n", True),
    ("pytest.ini", "[pytest]\nenv =\n    D:R:DJANGO_ALLOW_ASYNC_UNSAFE=true  # for the async tests\n", True),
    ("pytest.ini", "[pytest]\nenv =\n    DJANGO_ALLOW_ASYNC_UNSAFE=\n", False),
    ("pytest.ini", "[pytest]\n# env = DJANGO_ALLOW_ASYNC_UNSAFE=1\naddopts = -q\n", False),
    ("pytest.ini", "[pytest]\nenv =\n    # DJANGO_ALLOW_ASYNC_UNSAFE=1\n    OTHER=1\n", False),
    ("pytest.ini", "[pytest\nenv = DJANGO_ALLOW_ASYNC_UNSAFE=1\n", False),
    ("setup.cfg", "[tool:pytest]\nenv =\n    DJANGO_ALLOW_ASYNC_UNSAFE=true\n", True),
    ("setup.cfg", "[flake8]\n# DJANGO_ALLOW_ASYNC_UNSAFE is set by CI\nmax-line-length = 99\n", False),
    ("tox.ini", "[testenv]\nsetenv =\n    DJANGO_ALLOW_ASYNC_UNSAFE = 1\n", True),
    ("tox.ini", "[testenv:py311]\nsetenv = DJANGO_ALLOW_ASYNC_UNSAFE=1\n", True),
    ("tox.ini", "[testenv]\npassenv = DJANGO_ALLOW_ASYNC_UNSAFE\n", False),
    ("pyproject.toml", '[tool.pytest.ini_options]\nenv = ["DJANGO_ALLOW_ASYNC_UNSAFE=true"]\n', True),
    ("pyproject.toml", '[tool.pytest.ini_options]\nenv = "DJANGO_ALLOW_ASYNC_UNSAFE=true"\n', True),
    ("pyproject.toml", '[tool.pytest_env]\nDJANGO_ALLOW_ASYNC_UNSAFE = "1"\n', True),
    ("pyproject.toml", '[tool.pytest_env]\nDJANGO_ALLOW_ASYNC_UNSAFE = { value = "1", skip_if_set = true }\n', True),
    ("pyproject.toml", '[tool.tox.env_run_base]\nset_env = { DJANGO_ALLOW_ASYNC_UNSAFE = "1" }\n', True),
    ("pyproject.toml", '[tool.tox.env_run_base]\npass_env = ["DJANGO_ALLOW_ASYNC_UNSAFE"]\n', False),
    ("pyproject.toml", '[tool.pytest.ini_options]\nenv = ["DJANGO_ALLOW_ASYNC_UNSAFE=true"\n', False),
]


@pytest.mark.parametrize(("name", "text", "sets"), CASES, ids=[f"{n}-{i}" for i, (n, _t, _s) in enumerate(CASES)])
def test_which_configuration_sets_the_variable(tmp_path, name, text, sets):
    path = tmp_path / name
    path.write_text(text)
    assert _config_sets(str(path), WORD) is sets


def test_a_folder_named_like_a_configuration_file_sets_nothing(tmp_path):
    (tmp_path / "pytest.ini").mkdir()
    assert _config_sets(str(tmp_path / "pytest.ini"), WORD) is False
