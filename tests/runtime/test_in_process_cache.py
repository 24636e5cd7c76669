"""The in-process cache backends do no I/O: a coroutine calling LocMemCache's and DummyCache's sync
methods opens no file and no socket and raises nothing, so sync-cache-call-in-async stays silent when
the project's settings give the alias only those backends (``asynclint.core.caches``). The same
calls on FileBasedCache open files on the loop (the probe can see I/O) and on DatabaseCache raise."""

from __future__ import annotations

import asyncio
import sys
import threading

import pytest

from asynclint import django_api as api

pytestmark = pytest.mark.django_runtime

#: Opening a file, or talking to a peer (making a socket object is no I/O: the full run's other
#: proofs' patches and servers make some in this thread).
_IO_EVENTS = frozenset({"open", "socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"})
_EVENTS: list[str] = []
_WATCHING: list[int | None] = [None]  # the thread whose I/O is watched (other tests' servers run beside)


def _audit(event: str, _args) -> None:
    if _WATCHING[0] == threading.get_ident() and event in _IO_EVENTS:
        _EVENTS.append(event)


sys.addaudithook(_audit)


async def _use(alias: str, watch: bool = True) -> None:
    from django.core.cache import caches

    store = caches[alias]  # imports the backend's module (its files) before the watch
    if watch:  # the loop's own self-pipe socket is made before the coroutine runs
        _WATCHING[0] = threading.get_ident()
    store.set("hits", 1, timeout=60)
    store.get("hits")
    store.add("key", 1)
    store.get_or_set("other", 2)
    store.get_many(["hits", "key"])
    store.delete_many(["hits", "key"])
    store.has_key("other")
    store.touch("other")
    store.clear()
    _WATCHING[0] = None


def _io_of(backend: str, location: str) -> list[str]:
    from django.test.utils import override_settings

    with override_settings(CACHES={"probe": {"BACKEND": backend, "LOCATION": location}}):
        asyncio.run(_use("probe", watch=False))  # the first calls import what they use (files opened)
        _EVENTS.clear()
        try:
            asyncio.run(_use("probe"))
        finally:
            _WATCHING[0] = None
        return list(_EVENTS)


@pytest.mark.parametrize("backend", sorted(api.IN_PROCESS_CACHE_BACKENDS))
def test_in_process_backends_do_no_io_on_the_loop(backend):
    assert _io_of(backend, "asynclint-probe") == []


def test_the_default_backend_is_in_process():
    from django.conf import global_settings

    assert global_settings.CACHES["default"]["BACKEND"] == api.DEFAULT_CACHE_BACKEND
    assert api.DEFAULT_CACHE_BACKEND in api.IN_PROCESS_CACHE_BACKENDS


def test_a_file_backend_does_io_on_the_loop(tmp_path):
    assert "open" in _io_of("django.core.cache.backends.filebased.FileBasedCache", str(tmp_path))


def test_a_database_backend_raises_on_the_loop():
    from django.core.exceptions import SynchronousOnlyOperation
    from django.core.management import call_command
    from django.test.utils import override_settings

    with override_settings(CACHES={"probe": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                             "LOCATION": "asynclint_probe"}}):
        call_command("createcachetable", verbosity=0)
        with pytest.raises(SynchronousOnlyOperation):
            asyncio.run(_use("probe"))
