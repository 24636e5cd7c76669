"""Runtime proof for library calls that block the loop on a *service* (a web API, Redis, PostgreSQL, a
task broker): the SDK clients and task queues of asynclint.libraries.clients and .tasks.

Nothing raises when a sync client runs on the event loop: the loop just stands still until the
service answers. So the proof is the loop's own heartbeat. Every connection to a stand-in service
goes through a *holding proxy* on 127.0.0.1 that keeps each request HOLD seconds before it forwards
it (to a small JSON web service, to fakeredis' TCP server, or to PostgreSQL and MongoDB stand-ins that
speak just enough of their wire protocols for psycopg and pymongo to connect and run a statement). Meanwhile a task on the loop ticks every few
milliseconds. A call that blocks the loop's thread leaves its request's hold without a single tick;
a call that awaits (an async client, or the sync client in ``sync_to_async``'s worker thread) leaves
ticks in every hold. This holds whatever the client does inside (a blocking socket, libpq's own
wait, retries with ``time.sleep``), and it is deterministic for the blocking side.

- In a ``bad_`` file, every top-level ``async def`` with an annotated line (or that uses an
  annotated class) must send at least one request, and no hold may see a tick. An exception after
  the block (a client that cannot parse the stand-in's answer) does not matter.
- In a ``good_`` file, every top-level ``async def`` must send at least one request, every hold must
  see ticks, and the function must complete.

A file is run here when its folder's runtime.toml gives it ``held = [modules it needs]`` (and
``skip`` for the calls harness). Its services' addresses come from settings, as a project's do:
``SERVICE_URL`` (the web API), ``REDIS_URL``, ``POSTGRES_HOST``/``POSTGRES_PORT``, ``MONGO_URL`` (a
MongoDB stand-in), and ``RQ_QUEUES`` for django-rq. Django is configured by ``conftest.py``.
"""

from __future__ import annotations

import asyncio
import json
import select
import socket
import socketserver
import struct
import threading
import time
import traceback
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.runtime.support import FIXTURES, file_environment, library_runs, load_module, seed
from tests.runtime.test_calls import arguments_for, read_fixture

pytestmark = pytest.mark.django_runtime

#: How long the proxy keeps each request; the first and last MARGIN of it do not count.
HOLD = 0.4
MARGIN = 0.05
TICK = 0.005
#: Seconds after which the servers stop by themselves, should the session never tear them down.
LIFETIME = 900

FILES = library_runs("held")


#: The JSON document the web stand-in answers every request with: ``"ok"`` is what Slack's client checks,
#: ``"users"`` what Firebase Authentication's user lookups read.
ANSWER = {"id": "stand-in", "acknowledged": True, "ok": True, "users": [{"localId": "stand-in"}]}


class _WebService(BaseHTTPRequestHandler):
    """Any request gets a small JSON document (with the header Elasticsearch's client insists on); a PUT
    (S3's uploads) an empty body, a HEAD (S3's bucket and object checks) none."""

    protocol_version = "HTTP/1.1"

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        body = b"" if self.command == "PUT" else json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":  # a HEAD answer has no body: a client that keeps the connection would read it next
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _answer  # noqa: N815

    def log_message(self, *args):
        pass


class _WireStandIn(socketserver.BaseRequestHandler):
    """A stand-in that reads a binary protocol: exactly ``size`` bytes, or ConnectionError at the end."""

    def _receive(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.request.recv(size - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data


class _PostgresStandIn(_WireStandIn):
    """Just enough of PostgreSQL's wire protocol (v3) for psycopg to connect and run a statement: no SSL,
    trust authentication, and every statement succeeds with no rows. The statements it was sent are
    kept (``server.received``), so a proof can tell the query itself went through the proxy."""

    def _message(self, kind: bytes, body: bytes = b"") -> bytes:
        return kind + struct.pack("!i", len(body) + 4) + body

    def handle(self):
        try:
            self._startup()
            in_transaction = False
            while True:
                kind = self._receive(1)
                body = self._receive(struct.unpack("!i", self._receive(4))[0] - 4)
                if kind == b"X":
                    return
                if kind in (b"Q", b"P"):
                    statement = body.split(b"\0", 2)[0 if kind == b"Q" else 1].decode()
                    self.server.received.append(statement)
                    verb = statement.split()[0].upper() if statement.split() else ""
                    in_transaction = (in_transaction or verb == "BEGIN") and verb not in ("COMMIT", "ROLLBACK")
                status = b"T" if in_transaction else b"I"
                done = self._message(b"C", b"SELECT 0\0")
                ready = self._message(b"Z", status)
                reply = {b"Q": done + ready, b"P": self._message(b"1"), b"B": self._message(b"2"),
                         b"D": self._message(b"n"), b"E": done, b"S": ready}.get(kind, b"")
                if reply:
                    self.request.sendall(reply)
        except (ConnectionError, OSError, struct.error):
            return

    def _startup(self):
        while True:
            length = struct.unpack("!i", self._receive(4))[0]
            code = struct.unpack("!i", self._receive(4))[0]
            self._receive(length - 8)
            if code in (80877103, 80877104):  # SSLRequest, GSSENCRequest: not here
                self.request.sendall(b"N")
                continue
            break
        parameters = b"".join(self._message(b"S", name + b"\0" + value + b"\0") for name, value in (
            (b"server_version", b"16.0"), (b"client_encoding", b"UTF8"), (b"server_encoding", b"UTF8"),
            (b"standard_conforming_strings", b"on"), (b"integer_datetimes", b"on"), (b"DateStyle", b"ISO, MDY")))
        self.request.sendall(self._message(b"R", struct.pack("!i", 0)) + parameters
                             + self._message(b"K", struct.pack("!ii", 4242, 1)) + self._message(b"Z", b"I"))


class _StandInServer(socketserver.ThreadingTCPServer):
    """A wire-protocol stand-in on 127.0.0.1; ``received`` keeps the statements or commands it was sent."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.received: list[str] = []


class _MongoStandIn(_WireStandIn):
    """Just enough of MongoDB's wire protocol for pymongo (sync and async) to connect and run a command: the
    handshake (``hello`` over OP_QUERY or OP_MSG) says "a primary, wire version 21, no topologyVersion" (so
    the monitor polls), and every other command succeeds with an empty cursor and one document written. The
    commands it was sent are kept (``server.received``)."""

    @staticmethod
    def _answer(command: dict) -> dict:
        import datetime

        from bson.int64 import Int64

        name = next(iter(command), "")
        if name.lower() in ("hello", "ismaster"):
            return {"ok": 1.0, "isWritablePrimary": True, "ismaster": True, "helloOk": True, "maxWireVersion": 21,
                    "minWireVersion": 0, "maxBsonObjectSize": 16777216, "maxMessageSizeBytes": 48000000,
                    "maxWriteBatchSize": 100000, "logicalSessionTimeoutMinutes": 30, "connectionId": 1,
                    "localTime": datetime.datetime.now(datetime.timezone.utc), "readOnly": False}
        namespace = f"{command.get('$db', 'db')}.{command.get(name)}"
        return {"ok": 1.0, "n": 1, "cursor": {"id": Int64(0), "ns": namespace, "firstBatch": []}}

    def handle(self):
        import bson

        try:
            while True:
                length, request_id, _response_to, opcode = struct.unpack("<iiii", self._receive(16))
                body = self._receive(length - 16)
                if opcode == 2004:  # OP_QUERY: the legacy handshake; answered with OP_REPLY
                    collection_end = body.index(b"\0", 4)
                    command = bson.decode(body[collection_end + 9:][:struct.unpack("<i", body[collection_end + 9:][:4])[0]])
                    reply = struct.pack("<iqii", 0, 0, 0, 1) + bson.encode(self._answer(command))
                    opcode_out = 1
                else:  # OP_MSG: the body section (kind 0) is the command
                    command = bson.decode(body[5:5 + struct.unpack("<i", body[5:9])[0]])
                    reply = struct.pack("<IB", 0, 0) + bson.encode(self._answer(command))
                    opcode_out = 2013
                self.server.received.append(next(iter(command), ""))
                self.request.sendall(struct.pack("<iiii", 16 + len(reply), 0, request_id, opcode_out) + reply)
        except (ConnectionError, OSError, struct.error, ValueError):
            return




class _Holding(socketserver.BaseRequestHandler):
    """Keeps each burst of bytes from the client HOLD seconds (recording when), then forwards it."""

    def handle(self):
        client, holds = self.request, self.server.holds
        upstream = socket.create_connection(self.server.upstream, timeout=5) if self.server.upstream else None
        token = None
        try:
            while True:
                readable, _, _ = select.select([client] + ([upstream] if upstream else []), [], [], 10)
                if not readable:
                    return
                if upstream in readable:
                    data = upstream.recv(65536)
                    if not data:
                        return
                    client.sendall(data)
                if client in readable:
                    data = client.recv(65536)
                    if not data:
                        return
                    start = time.monotonic()
                    token = object()
                    self.server.in_flight.add(token)  # set.add/discard are atomic: no lock between threads
                    time.sleep(HOLD)
                    while select.select([client], [], [], 0)[0]:  # what arrived meanwhile: the same request
                        more = client.recv(65536)
                        if not more:
                            break
                        data += more
                    holds.append((start, time.monotonic()))
                    self.server.in_flight.discard(token)
                    if upstream is None:
                        return  # nothing to answer with: hang up
                    upstream.sendall(data)
        except OSError:
            return
        finally:
            self.server.in_flight.discard(token)
            if upstream is not None:
                upstream.close()


class _HoldingProxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, upstream):
        super().__init__(("127.0.0.1", 0), _Holding)
        self.upstream = upstream
        self.holds: list[tuple[float, float]] = []
        self.in_flight: set[object] = set()  # holds begun, not yet recorded (a client's last message as it closes)

    @property
    def port(self) -> int:
        return self.server_address[1]


@dataclass
class Services:
    proxies: tuple[_HoldingProxy, ...]
    postgres: _StandInServer

    def settings(self) -> dict:
        web, redis, postgres, mongo = self.proxies
        return {
            "SERVICE_URL": f"http://127.0.0.1:{web.port}",
            # pymongo's monitor polls every minute: no heartbeat of a client made at import lands in a run.
            "MONGO_URL": f"mongodb://127.0.0.1:{mongo.port}/?directConnection=true&heartbeatFrequencyMS=60000",
            "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
            "RQ_QUEUES": {"default": {"URL": f"redis://127.0.0.1:{redis.port}/0"}},
            "POSTGRES_HOST": "127.0.0.1",
            "POSTGRES_PORT": postgres.port,
        }

    def holds(self) -> list[tuple[float, float]]:
        return sorted(hold for proxy in self.proxies for hold in proxy.holds)

    def forget(self) -> None:
        """Start a new run: wait for the holds still running (psycopg's Terminate, sent as the last run's
        connection closed) so they are not counted in the next run, then clear them all."""
        deadline = time.monotonic() + 5 * HOLD
        while any(proxy.in_flight for proxy in self.proxies) and time.monotonic() < deadline:
            time.sleep(TICK)
        for proxy in self.proxies:
            proxy.holds.clear()


def _serve(server) -> None:
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    timer = threading.Timer(LIFETIME, server.shutdown)
    timer.daemon = True
    timer.start()


@pytest.fixture(scope="session")
def held_services():
    fakeredis = pytest.importorskip("fakeredis")
    web = ThreadingHTTPServer(("127.0.0.1", 0), _WebService)
    web.daemon_threads = True
    redis = fakeredis.TcpFakeServer(("127.0.0.1", 0), server_type="redis")
    postgres = _StandInServer(_PostgresStandIn)
    mongo = _StandInServer(_MongoStandIn)
    upstreams = (web, redis, postgres, mongo)
    proxies = (_HoldingProxy(web.server_address), _HoldingProxy(redis.server_address),
               _HoldingProxy(postgres.server_address), _HoldingProxy(mongo.server_address))
    for server in (*upstreams, *proxies):
        _serve(server)
    try:
        yield Services(proxies, postgres)
    finally:
        for server in (*proxies, *upstreams):
            server.shutdown()
            server.server_close()


def _cases():
    for relative, modules in sorted(FILES.items()):
        fixture = read_fixture(relative)
        for function in fixture.functions:
            runs = function.is_async and not fixture.is_helper(function)
            if runs and (not fixture.is_bad or fixture.annotated_lines_in(function)):
                marks = [pytest.mark.skipif(not _installed(modules), reason=f"needs {', '.join(modules)}")]
                yield pytest.param(relative, function.name, id=f"{relative}::{function.name}", marks=marks)


def _installed(modules) -> bool:
    import importlib.util

    return all(importlib.util.find_spec(module) is not None for module in modules)


@dataclass
class Run:
    holds: list[tuple[float, float]]
    ticks: list[float]
    error: str | None

    def ticks_in(self, hold: tuple[float, float]) -> int:
        start, end = hold
        return sum(start + MARGIN < tick < end - MARGIN for tick in self.ticks)


def _run(function, arguments, services: Services) -> Run:
    """Await ``function(**arguments)`` on a loop whose heartbeat ticks meanwhile."""
    ticks: list[float] = []

    async def heartbeat():
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(TICK)

    async def main():
        beating = asyncio.ensure_future(heartbeat())
        await asyncio.sleep(TICK)
        try:
            await function(**arguments)
        finally:
            await asyncio.sleep(TICK)
            beating.cancel()

    services.forget()
    error = None
    try:
        asyncio.run(main())
    except Exception as exception:  # noqa: BLE001 - the outcome is read from the holds and ticks
        error = "".join(traceback.format_exception_only(type(exception), exception)).strip()
    return Run(services.holds(), ticks, error)


@pytest.mark.parametrize(("relative", "name"), list(_cases()))
def test_call_blocks_or_awaits_the_service(held_services, relative, name):
    from django.test.utils import override_settings

    fixture = read_fixture(relative)
    info = fixture.function(name)
    where = f"{relative}::{name}"
    with override_settings(**held_services.settings()), file_environment(relative):
        seed()
        function = getattr(load_module(relative), name)
        run = _run(function, arguments_for(function, where), held_services)
    assert run.holds, f"{where} sent no request to the stand-in services (error: {run.error})"
    ticks = [run.ticks_in(hold) for hold in run.holds]
    if fixture.is_bad and fixture.annotated_lines_in(info):
        assert not any(ticks), f"{where}: the loop ran while a request was held (ticks per hold: {ticks})"
    else:
        assert all(ticks), f"{where}: a request held the loop still (ticks per hold: {ticks}; error: {run.error})"
        assert run.error is None, f"{where} must complete, but raised {run.error}"


def test_held_files_exist():
    missing = [relative for relative in FILES if not (FIXTURES / relative).is_file()]
    assert not missing, missing


def test_psycopg_statement_is_held_as_well_as_the_connect(held_services):
    """``conn.execute()`` of a sync psycopg connection blocks the loop too, not only ``connect()``: the
    statement reaches the PostgreSQL stand-in through the proxy, and no hold sees a tick."""
    from django.test.utils import override_settings

    relative = "blocking-call-in-async/bad_sdk_clients.py"
    held_services.postgres.received.clear()
    with override_settings(**held_services.settings()), file_environment(relative):
        function = load_module(relative).raw_report
        run = _run(function, arguments_for(function, f"{relative}::raw_report"), held_services)
    assert "SELECT 1" in held_services.postgres.received, (held_services.postgres.received, run.error)
    assert len(run.holds) >= 2, f"the startup and the statement are held separately: {run.holds}"
    assert not any(run.ticks_in(hold) for hold in run.holds), f"the loop ran while psycopg waited: {run.error}"
