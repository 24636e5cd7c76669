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


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(tmp_path_factory, monkeypatch):
    """``asynclint check`` keeps its cache beside the nearest ``pyproject.toml``, else in the working
    directory: a test that lints ``tests/fixtures`` from there would leave a cache in the checkout, and
    a later test would read it warm. Each test gets its own empty cache directory instead; the tests of
    the default location remove the variable themselves (``monkeypatch.delenv``)."""
    from asynclint import cache

    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path_factory.mktemp("asynclint-cache")))
