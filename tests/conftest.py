"""Suite-wide fixtures."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def _collect_only_what_the_test_made():
    """The runtime proofs call ``gc.collect()`` to finalise a request's coroutines (the "never
    awaited" warnings), once or twice per case. In a worker that has already linted hundreds of files
    (astroid trees: gigabytes), a full collection walks all of that, and a file of proofs took over ten
    minutes. Freezing what exists before each test keeps every collection to the objects the test
    made; unfreezing afterwards hands the rest back to the collector."""
    gc.freeze()
    yield
    gc.unfreeze()
