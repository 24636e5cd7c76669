"""Runs the fixtures of the call-chain and adapter rules under real Django and asgiref.

Rules: ``missing-sync-to-async`` (E5730), ``sync-to-async-called-not-passed`` (E5731),
``lazy-queryset-from-sync-to-async`` (E5732), ``thread-insensitive-orm-call`` (W5733),
``wrong-adapter-direction`` (E5734) and ``async-to-sync-in-async`` (E5735).

Each top-level function's entry in its folder's runtime.toml says what running it does: the
exception (``None``: it completes), a fragment of its message, the fixture function the traceback
ends in (where the sync work really ran: the bottom of a helper chain, a generator's body), the
"coroutine ... was never awaited" and other warnings it leaves. Async functions are called from
inside a running event loop, sync ones outside any loop. A bad function must fail through an
annotated line of its file (the call the linter reports) unless its entry says otherwise.

Besides the table:

- the blocking helper is shown to stall the loop (a heartbeat task cannot tick while it sleeps);
- the cache helper is run against Django's database cache, where a cache read is a query;
- W5733: each view of the ``thread-insensitive-orm-call`` fixtures is served by Django's
  ``ASGIHandler`` (which closes the request's thread-sensitive connection when the response
  finishes); afterwards the connections opened during the request are inspected: the bad views
  leave a pool thread's connection open (it still answers a query), the good ones leave none;
- the two channels consumers are driven through asgiref's ``ApplicationCommunicator``.

Django is configured once for all runtime proofs (``tests/runtime/conftest.py``).
"""

from __future__ import annotations

import ast
import asyncio
import json
import re
import sys
import threading
import time
import traceback
from unittest import mock
import types
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

django = pytest.importorskip("django")

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402

from tests.runtime.support import (  # noqa: E402
    FIXTURES,
    call_signature,
    entries,
    file_environment,
    folders_proven_by,
    load_module,
    never_awaited,
    outcome,
    seed,
    warnings_of_the_run,
)
from tests.runtime.support import Outcome as Expected  # noqa: E402
from tests.runtime.test_calls import RUNTIME_ARGUMENTS, annotated_lines  # noqa: E402

pytestmark = pytest.mark.django_runtime

RULES = folders_proven_by("chains")  # the folders whose runtime.toml says harness = "chains"


# --- Expectations: each function's entry in its folder's runtime.toml ------------------------------

#: Every function's entry; top-level functions that nothing runs say ``skip = "why"`` (sync helpers
#: that their file calls need no entry either).
ENTRIES = entries("chains")
NOT_IN_TABLE = {key: value["skip"] for key, value in ENTRIES.items() if isinstance(value, dict) and "skip" in value}
EXPECTED: dict[tuple[str, str], Expected] = {
    key: outcome(key[0].split("/", 1)[0], value) for key, value in ENTRIES.items() if key not in NOT_IN_TABLE
}

M = "missing-sync-to-async/"
T = "thread-insensitive-orm-call/"
A = "async-to-sync-in-async/"

# Arguments for the sync functions that take values RUNTIME_ARGUMENTS does not know.
EXTRA_ARGUMENTS = {
    "sku": lambda: "B-1",
    "root": lambda: None,
    "info": lambda: None,
    "name": lambda: "search",
}

# --- Reading the fixtures -----------------------------------------------------------------------------


def fixture_files() -> list[str]:
    return sorted(
        path.relative_to(FIXTURES).as_posix()
        for rule in RULES
        for path in (FIXTURES / rule).rglob("*.py")
        if path.name.startswith(("bad_", "good_"))
    )


def top_level_functions(relative: str) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = ast.parse((FIXTURES / relative).read_text(encoding="utf-8"))
    return {
        node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def annotations(relative: str) -> frozenset[int]:
    return annotated_lines((FIXTURES / relative).read_text(encoding="utf-8"))


# --- Django, in this process ----------------------------------------------------------------------------


def arguments_for(function) -> dict:
    import inspect

    arguments = {}
    for parameter in call_signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue  # *args, **fields: nothing to fill
        if parameter.name in RUNTIME_ARGUMENTS:
            arguments[parameter.name] = RUNTIME_ARGUMENTS[parameter.name]()
        elif parameter.name in EXTRA_ARGUMENTS:
            arguments[parameter.name] = EXTRA_ARGUMENTS[parameter.name]()
        else:
            assert parameter.default is not inspect.Parameter.empty, f"no value for {parameter.name!r}"
    return arguments


@dataclass(frozen=True)
class Outcome:
    exception: type[BaseException] | None
    message: str
    frames: tuple[tuple[str, int, str], ...]  # (file, line, function) of the fixture frames, outermost first
    unawaited: tuple[str, ...]
    warnings: tuple[str, ...]
    details: str

    @property
    def deepest(self) -> str | None:
        return self.frames[-1][2] if self.frames else None


def run(function, arguments: dict) -> Outcome:
    """Call ``function`` (inside a running loop if it is a coroutine function) and record what happens."""
    exception, message, frames, details = None, "", (), ""
    with warnings_of_the_run() as caught:
        try:
            if asyncio.iscoroutinefunction(function):
                asyncio.run(function(**arguments))
            else:
                function(**arguments)
        except Exception as error:  # noqa: BLE001 - every exception is an outcome to compare
            exception, message = type(error), str(error)
            frames = tuple(
                (frame.filename, frame.lineno, frame.name)
                for frame in traceback.extract_tb(error.__traceback__)
                if frame.filename.startswith(str(FIXTURES))
            )
            details = "".join(traceback.format_exception_only(type(error), error)).strip() + "".join(
                f"\n  at {Path(f).relative_to(FIXTURES)}:{line} in {name}()" for f, line, name in frames
            )
            del error
        finally:
            mock.patch.stopall()  # a ``mocker`` argument's patches (test_calls._Mocker)
    unawaited = never_awaited(caught)
    others = tuple(str(warning.message) for warning in caught if "never awaited" not in str(warning.message))
    return Outcome(exception, message, frames, unawaited, others, details)


# --- The table ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "name"), sorted(EXPECTED), ids=lambda value: value)
def test_fixture_function_runs_as_expected(relative, name):
    where = f"{relative}::{name}"
    expect = EXPECTED[(relative, name)]
    seed()
    function = getattr(load_module(relative), name)
    with file_environment(relative):  # the file's ``settings``/``apps`` (runtime.toml)
        outcome = run(function, arguments_for(function))

    if expect.raises is None:
        assert outcome.exception is None, f"{where} must complete, but raised {outcome.details}"
    else:
        assert outcome.exception is expect.exception, (
            f"{where} must raise {expect.raises}, but "
            + (f"raised {outcome.details}" if outcome.exception else "completed")
        )
        assert expect.says_message(outcome.message), f"{where}: {expect.expected_message!r} not in {outcome.message!r}"
        assert outcome.deepest == expect.deepest, (
            f"{where} must fail in {expect.deepest}(), but failed in {outcome.deepest}(): {outcome.details}"
        )
        this_file = str(FIXTURES / relative)
        through = {line for file, line, _name in outcome.frames if file == this_file} & annotations(relative)
        if expect.at_annotation:
            assert through, f"{where} failed without passing through an annotated line: {outcome.details}"
    if expect.unawaited_fragment is None:
        assert not outcome.unawaited, f"{where} left coroutines unawaited: {outcome.unawaited}"
    else:
        assert any(expect.unawaited_fragment in text for text in outcome.unawaited), (
            f"{where} must leave {expect.unawaited_fragment!r}; warnings: {outcome.unawaited}"
        )
    if expect.warns is None:
        assert not outcome.warnings, f"{where} emitted warnings: {outcome.warnings}"
    else:
        assert any(expect.warns in text for text in outcome.warnings), (
            f"{where} must warn {expect.warns!r}; warnings: {outcome.warnings}"
        )


def test_table_covers_every_fixture_function():
    """Every top-level async function of these rules' fixtures is in the table, and every sync one
    that its file does not call (an entry point: a sync view, a task, a resolver); and back."""
    missing, verdicts = [], []
    for relative in fixture_files():
        bad = Path(relative).name.startswith("bad_")
        source = (FIXTURES / relative).read_text(encoding="utf-8")
        lines = annotations(relative)
        for name, node in top_level_functions(relative).items():
            key = (relative, name)
            # A sync helper its file calls or passes on (to an adapter) runs through that caller.
            helper = isinstance(node, ast.FunctionDef) and re.search(rf"\b{name}\b", source.replace(f"def {name}(", ""))
            if key in NOT_IN_TABLE or (helper and key not in EXPECTED):
                continue
            if key not in EXPECTED:
                missing.append(f"{relative}::{name}")
                continue
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            annotated = any(first <= line <= node.end_lineno for line in lines)
            expect = EXPECTED[key]
            # A good_ file's functions run clean (unless the table explains why not); an annotated bad_
            # function fails (unless explained: W5733 and blocking work are shown by their own tests).
            if not bad and expect.raises is not None and not (expect.note or expect.disputed):
                verdicts.append(f"{relative}::{name} is good_ but expected to raise, with no note")
            if bad and annotated and expect.raises is None and not (expect.note or expect.disputed):
                verdicts.append(f"{relative}::{name} is annotated but expected to run clean, with no note")
    stale = [f"{r}::{n}" for r, n in (*EXPECTED, *NOT_IN_TABLE) if n not in top_level_functions(r)]
    assert not missing, f"fixture functions without an entry in their folder's runtime.toml: {missing}"
    assert not stale, f"runtime.toml entries naming no fixture function: {stale}"
    assert not verdicts, verdicts


def test_every_annotated_line_is_exercised():
    """Each annotated line of a bad_ file sits in a top-level function of the table, or in a function
    or class that one of the file's table functions calls by name (a class also when handed by name to
    what runs it: ``send_over_websocket(Consumer, ...)``)."""
    unproven = []
    for relative in fixture_files():
        if not Path(relative).name.startswith("bad_"):
            continue
        source = (FIXTURES / relative).read_text(encoding="utf-8")
        tree = ast.parse(source)
        in_table = {name for r, name in EXPECTED if r == relative}
        run_source = "".join(
            ast.get_source_segment(source, node) or ""
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in in_table
        )
        spans = [
            (min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno,
             node.name, isinstance(node, ast.ClassDef))
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        ]
        for line in sorted(annotations(relative)):
            owner, is_class = next(((name, cls) for first, last, name, cls in spans if first <= line <= last),
                                   (None, False))
            used = rf"\b{owner}\b" if is_class else rf"\b{owner}\("
            if owner is None or not (owner in in_table or re.search(used, run_source)):
                unproven.append(f"{relative}:{line}")
    assert not unproven, f"annotated lines that no runtime.toml entry runs: {unproven}"


# --- Blocking work and the cache, through helpers (E5730) -----------------------------------------------


def test_blocking_helper_stalls_the_loop():
    """``throttled`` raises nothing, but while its helper sleeps no other task on the loop runs."""
    module = load_module(M + "bad_other_sync_work_through_helpers.py")
    request = RUNTIME_ARGUMENTS["request"]()

    async def measure(view):
        gaps, last, done = [], time.monotonic(), asyncio.Event()

        async def heartbeat():
            nonlocal last
            while not done.is_set():
                await asyncio.sleep(0.01)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        beat = asyncio.create_task(heartbeat())
        await asyncio.sleep(0.05)
        await view(request)
        await asyncio.sleep(0.05)
        done.set()
        await beat
        return max(gaps)

    async def offloaded(request):
        from asgiref.sync import sync_to_async

        await sync_to_async(module.throttle)()

    assert asyncio.run(measure(module.throttled)) >= 0.18, "the helper's sleep did not stall the loop"
    assert asyncio.run(measure(offloaded)) < 0.15, "through sync_to_async the loop keeps running"


def test_cache_helper_queries_a_database_cache():
    """``total`` reads the cache through a helper: with the database cache that read is a query."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    module = load_module(M + "bad_other_sync_work_through_helpers.py")
    database_cache = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                  "LOCATION": "asynclint_chains_cache"}}
    with override_settings(CACHES=database_cache):
        call_command("createcachetable", verbosity=0)
        outcome = run(module.total, {"request": RUNTIME_ARGUMENTS["request"]()})
    assert outcome.exception is SynchronousOnlyOperation, outcome.details or "completed"
    assert outcome.deepest == "cached_total", outcome.details


# --- W5733: the pool thread's connection outlives the request -------------------------------------------


def fresh_module(relative: str) -> types.ModuleType:
    import importlib.util

    name = "asynclint_chains_fresh_" + re.sub(r"\W", "_", relative.removesuffix(".py"))
    spec = importlib.util.spec_from_file_location(name, FIXTURES / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve(view) -> tuple[int, list]:
    """Serve ``view`` through Django's ASGIHandler; return the status and the connections opened."""
    from django.core.handlers.asgi import ASGIHandler
    from django.db.backends.signals import connection_created
    from django.test.utils import override_settings
    from django.urls import path

    urlconf = types.ModuleType("asynclint_chains_urls")
    urlconf.urlpatterns = [path("view/", view)]
    sys.modules[urlconf.__name__] = urlconf
    opened = []

    def record(sender, connection, **kwargs):
        opened.append((threading.current_thread().name, connection))

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": "/view/", "raw_path": b"/view/", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
    }

    async def request_then_inspect():
        messages = []
        sent = False

        async def receive():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects

        async def send(message):
            messages.append(message)

        await ASGIHandler()(scope, receive, send)
        # Still inside the loop, with its worker threads alive: the request is over.
        states = [(name, connection.connection is not None, connection) for name, connection in opened]
        return messages[0]["status"], states

    connection_created.connect(record)
    try:
        with override_settings(ROOT_URLCONF=urlconf.__name__):
            return asyncio.run(request_then_inspect())
    finally:
        connection_created.disconnect(record)


LEAKED, CLOSED, NONE = "left open", "closed", "none opened"
#: What the connections opened while serving each view look like once the response is sent (the
#: entry's ``connections``).
LEAKS = {key: expect.connections for key, expect in EXPECTED.items() if expect.connections is not None}


@pytest.mark.parametrize(("relative", "name"), sorted(LEAKS), ids=lambda value: value)
def test_pool_thread_connection_leaks(relative, name):
    seed()
    # A fresh copy of the module: its own executor's threads have opened no connection yet.
    status, states = serve(getattr(fresh_module(relative), name))
    assert status == 200
    still_open = [(thread, connection) for thread, is_open, connection in states if is_open]
    try:
        shown = [(thread, "open" if is_open else "closed") for thread, is_open, _connection in states]
        if LEAKS[(relative, name)] == LEAKED:
            assert still_open, f"{relative}::{name}: every connection was closed: {shown}"
            for _thread, connection in still_open:
                # Really open: the raw SQLite connection still answers.
                assert connection.connection.execute("SELECT COUNT(*) FROM library_book").fetchone() == (1,)
        elif LEAKS[(relative, name)] == CLOSED:
            assert states and not still_open, f"{relative}::{name}: {shown}"
        else:
            assert not states, f"{relative}::{name} opened connections: {shown}"
    finally:
        for _thread, connection in still_open:
            connection.connection.close()
            connection.connection = None


def test_leak_table_covers_the_views():
    views = {
        (r, n) for r in fixture_files() if r.startswith(T)
        for n, node in top_level_functions(r).items()
        if isinstance(node, ast.AsyncFunctionDef) and node.args.args[:1] and node.args.args[0].arg == "request"
    }
    assert views == set(LEAKS)


# --- Channels consumers ------------------------------------------------------------------------------------


async def converse(application, messages: list[dict]) -> list[dict]:
    from asgiref.testing import ApplicationCommunicator

    communicator = ApplicationCommunicator(application, {"type": "websocket", "path": "/ws/", "headers": [],
                                                         "subprotocols": [], "query_string": b""})
    await communicator.send_input({"type": "websocket.connect"})
    assert (await communicator.receive_output(2))["type"] == "websocket.accept"
    replies = []
    for message in messages:
        await communicator.send_input({"type": "websocket.receive", "text": json.dumps(message)})
        replies.append(json.loads((await communicator.receive_output(2))["text"]))
    await communicator.send_input({"type": "websocket.disconnect", "code": 1000})
    await communicator.wait(2)
    return replies


def test_database_sync_to_async_consumer_runs_clean():
    seed()
    consumer = load_module(M + "good_database_sync_to_async_consumer.py").ShelfConsumer
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        replies = asyncio.run(converse(consumer.as_asgi(), [{"action": "count"}, {"action": "featured"}]))
    assert replies == [{"count": 1}, {"titles": ["The Left Hand of Darkness"]}]


def test_sync_consumer_uses_async_to_sync_cleanly():
    from django.test.utils import override_settings

    consumer = load_module(A + "good_async_to_sync_in_sync_code.py").NewsConsumer
    layers = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    with override_settings(CHANNEL_LAYERS=layers), warnings.catch_warnings():
        warnings.simplefilter("error")
        replies = asyncio.run(converse(consumer.as_asgi(), [{"text": "hello"}]))
    assert replies == [{"group": "news", "delivered": "hello"}]


def test_management_command_uses_async_to_sync_cleanly():
    command = load_module(A + "management/commands/good_send_newsletter.py").Command()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        command.handle()
