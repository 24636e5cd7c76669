"""Django for every runtime proof, configured once per test process (one ``settings.configure``).

Every module of ``tests/runtime/`` runs against the same settings: an SQLite file database with the
fixtures' ``library`` app (plus contenttypes, auth and sessions) migrated, signed-cookie sessions,
the locmem cache and mail backend, the MD5 hasher and ``library/templates/``. A proof that needs
other settings (``DatabaseCache``, database sessions, a ``MIDDLEWARE`` stack, a URLconf) overrides
them for itself with ``override_settings``; none configures Django again. Each test seeds the data it
needs (``support.seed()``), so the proofs pass in any order and on any xdist worker (each worker has
its own database under its own ``tmp_path``).

Every folder of ``tests/fixtures/`` that holds a top-level package (``library``, ``storefront``,
``bookclub``...) is put on ``sys.path``, as pylint does for a linted file's folder.
"""

from __future__ import annotations

import gc
import sys
import warnings

import pytest

from tests.runtime import support


@pytest.fixture(scope="session", autouse=True)
def django_settings(tmp_path_factory):
    """The one Django configuration of this test process."""
    django = pytest.importorskip("django")
    from django.conf import settings
    from django.core.management import call_command

    if settings.configured:
        pytest.fail("Django settings were configured before tests/runtime/conftest.py could configure them")
    for root in support.package_roots():
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
    support.UPLOADS[:] = [tmp_path_factory.mktemp("uploads")]
    settings.configure(**support.settings_for(tmp_path_factory.mktemp("runtime") / "library.sqlite3"))
    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)
    return settings


@pytest.fixture(autouse=True)
def _finalise_what_the_test_made():
    """After each runtime proof, finalise the garbage it made inside a warning capture of its own.

    A "never awaited" warning appears only when its coroutine is collected. A coroutine the proof
    still held when its harness read the warnings (``support.warnings_of_the_run``) would otherwise
    be collected later, inside another proof's capture, and fail that one. ``tests/conftest.py``
    freezes what existed before the test, so this collection walks only what the test made. A
    warning that turns up here fails this proof: its harness read the warnings too early."""
    yield
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    late = support.never_awaited(caught)
    assert not late, f"coroutines finalised after the proof read its warnings: {list(late)}"
