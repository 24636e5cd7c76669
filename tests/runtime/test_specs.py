"""Every rule's fixture folder says how tests/runtime/ proves it (its ``runtime.toml``), in terms the
harnesses know: a new folder is picked up by the harness it names, and a typo (an unknown key, an
exception no module defines, a probe no harness runs, alternatives that do not pick exactly one
outcome per Django version) fails here, not silently."""

from __future__ import annotations

import pytest

pytest.importorskip("django")

from asynclint.rules import ALL  # noqa: E402
from tests.lint import FIXTURES  # noqa: E402
from tests.runtime import test_calls  # noqa: E402
from tests.runtime.support import HARNESSES, problems, runtime_specs  # noqa: E402

pytestmark = pytest.mark.django_runtime


def test_every_rule_folder_has_a_runtime_spec():
    symbols = {rule.symbol for rule in ALL}
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir() and path.name in symbols}
    missing = sorted(folders - set(runtime_specs()))
    assert not missing, (
        f"fixture folders without runtime.toml: {missing}; add one naming its harness "
        f"({', '.join(HARNESSES)}), see tests/fixtures/README.md"
    )
    strays = sorted(set(runtime_specs()) - symbols)
    assert not strays, f"runtime.toml in folders that are no rule's: {strays}"


@pytest.mark.parametrize("folder", sorted(runtime_specs()))
def test_runtime_spec_is_valid(folder):
    found = problems(folder)
    assert not found, "\n".join(found)
    spec = runtime_specs()[folder]
    where = f"tests/fixtures/{folder}/runtime.toml"
    if spec["harness"] != "calls":
        return
    assert not set(spec.get("environment", ())) - set(test_calls.ENVIRONMENTS), (
        f"{where}: environment must be among {test_calls.ENVIRONMENTS}"
    )
    failure = test_calls.default_failure(spec)  # resolves `raises`
    assert failure.exception or failure.unawaited or failure.blocks, f"{where}: say how a flagged function fails"
