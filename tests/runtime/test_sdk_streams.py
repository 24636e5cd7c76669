"""Runtime proof that iterating a sync OpenAI stream reads the response on the event loop, and that the
async client's stream does not (tests/fixtures/blocking-call-in-async/bad_openai_streams.py and
good_openai_streams.py; the streams' ``__iter__`` rows of asynclint/libraries/clients.py).

test_held_services.py holds each *request*, which proves ``create(..., stream=True)`` blocks; it cannot
show the reads that follow. Here a web server on 127.0.0.1 answers every request at once with the headers
of a server-sent-events response and then sends its chunks GAP seconds apart, while a task on the loop
ticks every few milliseconds. ``create()`` returns as soon as the headers arrive, so a gap of about GAP
between two ticks is the iteration reading the body in the loop's thread; the async stream, and a sync
stream read in ``sync_to_async``'s worker thread, leave no such gap.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.runtime.support import load_module

pytestmark = pytest.mark.django_runtime
pytest.importorskip("openai")

GAP = 0.3
CHUNKS = 3
CHUNK = {"id": "stand-in", "object": "chat.completion.chunk", "created": 0, "model": "m",
         "choices": [{"index": 0, "delta": {"content": "x"}, "finish_reason": None}]}


class _SlowEvents(BaseHTTPRequestHandler):
    """Headers at once, then CHUNKS chat-completion chunks GAP apart, then ``[DONE]``; the body ends when
    the connection closes."""

    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802 - BaseHTTPRequestHandler's naming
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.flush()
        for _ in range(CHUNKS):
            time.sleep(GAP)
            self.wfile.write(f"data: {json.dumps(CHUNK)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def slow_events():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowEvents)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _NoServices:
    """test_held_services' runner without its holding proxies: only the heartbeat is read here."""

    def forget(self) -> None:
        pass

    def holds(self) -> list:
        return []


def _run(function, *args):
    """Await ``function(*args)`` with a heartbeat on the loop (test_held_services' runner): its result and
    the largest gap between two ticks."""
    from tests.runtime.test_held_services import _run as run_with_heartbeat

    results = []

    async def call():
        results.append(await function(*args))

    run = run_with_heartbeat(call, {}, _NoServices())
    assert run.error is None, run.error
    return results[0], max(later - earlier for earlier, later in zip(run.ticks, run.ticks[1:]))


def _run_fixture(relative: str, name: str, url: str):
    """Run the fixture file's function ``name`` with the services' address in settings (read at import and
    when a client is built)."""
    from django.test.utils import override_settings

    from openai import OpenAI

    with override_settings(SERVICE_URL=url):
        module = load_module(f"blocking-call-in-async/{relative}")
        # The module's own sync client, built again for this server: after test_held_services has run in
        # the same process, the one built at import was seen pointing at that file's stand-in instead
        # (reading nothing from it), whatever SERVICE_URL said.
        module.llm = OpenAI(base_url=url, api_key="key")
        return _run(getattr(module, name), 1)


@pytest.mark.parametrize("name", ["chat_reply", "relay"])
def test_sync_stream_iterated_on_the_loop_stalls_it(slow_events, name):
    result, gap = _run_fixture("bad_openai_streams.py", name, slow_events)
    assert len(result) == CHUNKS, f"{name} read {result!r}"
    assert gap >= GAP * 0.8, f"{name}: the loop kept ticking while the stream was read (largest gap {gap:.3f}s)"


@pytest.mark.parametrize("name", ["chat_reply_async", "chat_reply_in_thread"])
def test_async_stream_or_thread_leaves_the_loop_running(slow_events, name):
    result, gap = _run_fixture("good_openai_streams.py", name, slow_events)
    assert len(result) == CHUNKS, f"{name} read {result!r}"
    assert gap < GAP / 2, f"{name}: the loop stood still for {gap:.3f}s"
