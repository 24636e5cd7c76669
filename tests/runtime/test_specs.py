"""Every rule's fixture folder says how tests/runtime/ proves it (its ``runtime.toml``), in terms the
harnesses know: a new folder is picked up by the harness it names, and a typo fails here, not silently."""

from __future__ import annotations

import pytest

pytest.importorskip("django")

from asynclint.rules import ALL  # noqa: E402
from tests.lint import FIXTURES  # noqa: E402
from tests.runtime import test_calls  # noqa: E402
from tests.runtime.support import HARNESSES, SPEC_KEYS, runtime_specs  # noqa: E402

pytestmark = pytest.mark.django_runtime

#: Keys only the calls harness reads (the other harnesses keep per-function tables).
CALLS_KEYS = frozenset({"raises", "message", "unawaited", "blocks", "sync_functions_run", "environment"})


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
    spec = runtime_specs()[folder]
    where = f"tests/fixtures/{folder}/runtime.toml"
    assert spec.get("harness") in HARNESSES, f"{where}: harness must be one of {sorted(HARNESSES)}"
    assert not set(spec) - SPEC_KEYS, f"{where}: unknown keys {sorted(set(spec) - SPEC_KEYS)}"
    if spec["harness"] == "none":
        assert spec.get("reason"), f"{where}: say why there is no runtime proof (reason = ...)"
    if spec["harness"] != "calls":
        assert not set(spec) & CALLS_KEYS, f"{where}: {sorted(set(spec) & CALLS_KEYS)} are read by the calls harness only"
        return
    assert not set(spec.get("environment", ())) - set(test_calls.ENVIRONMENTS), (
        f"{where}: environment must be among {test_calls.ENVIRONMENTS}"
    )
    failure = test_calls.default_failure(spec)  # resolves `raises`
    assert failure.exception or failure.unawaited or failure.blocks, f"{where}: say how a flagged function fails"
