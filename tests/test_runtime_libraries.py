"""Runtime proofs for library rows that need a service the shared harness does not start.

Celery: ``delay()``/``apply_async()``/``send_task()`` publish to the broker in the calling thread. The
broker here is a local TCP server that accepts and closes each connection (publishing then fails,
which is not the point): what is proven is *where* the blocking ``connect`` runs. Every annotated
function of ``bad_celery_tasks.py`` must reach a socket ``connect`` in the event loop's own thread;
``good_celery_tasks.py``'s async functions must reach none there (``sync_to_async`` moves them to a
worker thread). Fixture conventions: ``tests/fixtures/README.md``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import socket
import socketserver
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("celery")

FIXTURES = Path(__file__).parent / "fixtures"
CELERY_BAD = FIXTURES / "blocking-call-in-async" / "bad_celery_tasks.py"
CELERY_GOOD = FIXTURES / "blocking-call-in-async" / "good_celery_tasks.py"


class _Closing(socketserver.BaseRequestHandler):
    def handle(self) -> None:  # accept, then hang up: the client's publish fails fast
        self.request.close()


@pytest.fixture
def broker(monkeypatch):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Closing)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("CELERY_BROKER_URL", f"amqp://guest:guest@127.0.0.1:{server.server_address[1]}//")
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def _load(path: Path):
    """A fresh copy of the fixture module, with publishing made to fail at once (no retries)."""
    name = f"_asynclint_runtime_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    module.app.conf.update(task_publish_retry=False, broker_connection_retry=False,
                           broker_connection_max_retries=0, broker_connection_timeout=2)
    return module


def _annotated_functions(path: Path) -> set[str]:
    lines = path.read_text().splitlines()
    found = set()
    for name, function in inspect.getmembers(_load(path), inspect.iscoroutinefunction):
        start = function.__code__.co_firstlineno
        end = start + len(inspect.getsource(function).splitlines())
        if any("# [blocking-call-in-async]" in line for line in lines[start - 1:end]):
            found.add(name)
    return found


def _connects_in_loop_thread(function, *args) -> tuple[int, int]:
    """Run ``function(*args)`` in a loop; count socket connects in the loop's thread and in others."""
    loop_thread: list[int] = []
    here, elsewhere = [0], [0]
    real_connect = socket.socket.connect

    def recording_connect(sock, address):
        if loop_thread and threading.get_ident() == loop_thread[0]:
            here[0] += 1
        else:
            elsewhere[0] += 1
        return real_connect(sock, address)

    async def main():
        loop_thread.append(threading.get_ident())
        try:
            await function(*args)
        except Exception:  # noqa: BLE001 - the broker hangs up; only where the connect ran matters
            pass

    socket.socket.connect = recording_connect
    try:
        asyncio.run(main())
    finally:
        socket.socket.connect = real_connect
    return here[0], elsewhere[0]


@pytest.mark.parametrize("name", sorted(_annotated_functions(CELERY_BAD)))
def test_celery_publish_blocks_the_loop(broker, name):
    module = _load(CELERY_BAD)
    here, _ = _connects_in_loop_thread(getattr(module, name), 1)
    assert here, f"{name}: expected a blocking connect to the broker in the event loop's thread"


def test_celery_publish_in_sync_to_async_leaves_the_loop(broker):
    module = _load(CELERY_GOOD)
    here, elsewhere = _connects_in_loop_thread(module.checkout, 1)
    assert here == 0 and elsewhere, (here, elsewhere)
