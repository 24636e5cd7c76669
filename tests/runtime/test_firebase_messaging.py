"""Runtime proof for firebase-admin's Cloud Messaging rows (asynclint.libraries.services): the fixtures
``blocking-call-in-async/bad_firebase_messaging.py`` and ``good_firebase_messaging.py``.

FCM's endpoint is fixed in firebase-admin, so no stand-in service can take the request (the held-service
harness needs one). The proof mocks the transport's name lookup instead: every host resolves to a closed
port on 127.0.0.1, the app's credential is a token that needs no refresh, and ``socket.connect`` records,
for each connection, whether the socket blocks (timeout not 0) and which lines of the fixture file are on
the loop thread's stack at that moment. A bad function connects with a blocking socket while the loop's
thread stands at the annotated line (in the call itself, or waiting for the worker threads of
``send_each_for_multicast()``): the loop is held whatever the peer does. A good one connects too (the
request is made), but never so: ``send_each_async()`` connects through httpx's async client (a
non-blocking socket), and under ``sync_to_async`` the loop's thread is back in its selector.
"""

from __future__ import annotations

import asyncio
import inspect
import socket
import sys
import threading

import pytest

from tests.runtime.support import load_module

firebase_admin = pytest.importorskip("firebase_admin")
pytest.importorskip("google.oauth2.credentials")

pytestmark = pytest.mark.django_runtime

ARGUMENTS = {"request": None, "token": "reader-1", "tokens": ["reader-1", "reader-2"]}


class _TokenCredential(firebase_admin.credentials.Base):
    """An access token that never expires: no OAuth request before the FCM one."""

    def get_credential(self):
        import google.oauth2.credentials

        return google.oauth2.credentials.Credentials(token="stand-in")


@pytest.fixture
def mocked_lookup(monkeypatch):
    """Every host resolves to a closed local port; each connect is recorded as (blocking socket, the fixture
    lines on the loop thread's stack)."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    lookup = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, _port, *rest, **named: lookup("127.0.0.1", port, *rest, **named))
    record = Connects()
    for name in ("connect", "connect_ex"):
        original = getattr(socket.socket, name)

        def recorded(self, address, _original=original):
            record.seen(self.gettimeout() != 0.0)
            return _original(self, address)

        monkeypatch.setattr(socket.socket, name, recorded)
    monkeypatch.setattr(firebase_admin, "initialize_app", _initialize_with_token(firebase_admin.initialize_app))
    return record


class Connects:
    def __init__(self):
        self.loop_thread: int | None = None
        self.fixture_file = ""
        self.connects: list[tuple[bool, tuple[int, ...]]] = []

    def seen(self, blocking: bool) -> None:
        frame = sys._current_frames().get(self.loop_thread)  # noqa: SLF001 - the loop thread's stack now
        if self.loop_thread == threading.get_ident():
            frame = sys._getframe()  # noqa: SLF001
        lines = []
        while frame is not None:
            if frame.f_code.co_filename == self.fixture_file:
                lines.append(frame.f_lineno)
            frame = frame.f_back
        self.connects.append((blocking, tuple(lines)))


def _initialize_with_token(initialize):
    def initialized(credential=None, options=None, name=firebase_admin._DEFAULT_APP_NAME):  # noqa: SLF001
        if name in firebase_admin._apps:  # noqa: SLF001 - the module is loaded once per process
            return firebase_admin.get_app(name)
        return initialize(_TokenCredential(), {"projectId": "books", **(options or {})}, name)

    return initialized


def _run(function, record: Connects) -> None:
    """Run ``function`` on a loop (the refused connection may raise: what matters is where it was made)."""
    arguments = {name: ARGUMENTS[name] for name in inspect.signature(function).parameters}
    record.connects.clear()
    record.fixture_file = inspect.getsourcefile(function)

    async def main():
        record.loop_thread = threading.get_ident()
        try:
            await function(**arguments)
        except Exception:  # noqa: BLE001, S110 - the refused connection is expected
            pass

    asyncio.run(main())


def _runs(relative: str, record: Connects):
    """Run each public coroutine function of the fixture file; yield it once its connects are recorded."""
    module = load_module(f"blocking-call-in-async/{relative}")
    functions = [value for name, value in vars(module).items() if inspect.iscoroutinefunction(value)
                 and value.__module__ == module.__name__ and not name.startswith("_")]
    assert len(functions) == 3, functions
    for function in functions:
        _run(function, record)
        yield function


def test_sync_sends_hold_the_loop_at_the_annotated_line(mocked_lookup):
    for function in _runs("bad_firebase_messaging.py", mocked_lookup):
        source, first = inspect.getsourcelines(function)
        line = next(first + index for index, text in enumerate(source) if "# [blocking-call-in-async]" in text)
        held = [lines for blocking, lines in mocked_lookup.connects if blocking and line in lines]
        assert held, f"{function.__name__}: no blocking connect while the loop stood at line {line} " \
                     f"({mocked_lookup.connects})"


def test_async_sends_and_threads_never_hold_the_loop(mocked_lookup):
    for function in _runs("good_firebase_messaging.py", mocked_lookup):
        assert mocked_lookup.connects, f"{function.__name__} made no request"
        held = [lines for blocking, lines in mocked_lookup.connects if blocking and lines]
        assert not held, f"{function.__name__}: a blocking connect while the loop stood in it ({held})"
