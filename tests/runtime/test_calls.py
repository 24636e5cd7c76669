"""Runs the rules' fixtures under real Django: what a fixture claims, Django must do.

Every top-level ``async def`` of a fixture file is called from inside a running event loop, against
an SQLite file database seeded with one Author, Publisher, Tag and Book (all pk=1), freshly reseeded
before each call. Parameters are filled by name from ``RUNTIME_ARGUMENTS``; a helper taking other
values runs only through the function of its file that calls it.

- In a ``bad_`` file, a function that contains an annotated line must fail the way its rule says
  (its folder's runtime.toml, refined by the function's entry there), and the exception must come
  from an annotated line. An unannotated function either completes cleanly or fails the same way
  (it calls an annotated helper).
- In a ``good_`` file, every function must complete with no exception and no unawaited coroutine.

Most rules claim an exception (``SynchronousOnlyOperation``...). A rule whose calls only *block*
(``blocking-call-in-async``) is proven by a probe instead: while the function runs, a profile hook on
the loop's thread records every call of a blocking primitive (``time.sleep``, a blocking socket's
``connect``, a child process's fork/exec, ``open()``, ``input()``, PBKDF2) with the fixture lines on the
stack. A flagged line must have reached one *on the loop's thread*; a good function must reach none
there (``sync_to_async`` moves them to a worker thread, which the hook does not see). Network and mail
go to servers on 127.0.0.1 that the tests start (``local_services``).

Some rules need Django set up the way their claim is about (``rule_settings()``,
``rule_environment()``): the cache rule runs against ``DatabaseCache``, the auth, session and template
rules get the request of a logged-in user with database sessions, the signal rule has a receiver that
queries connected to built-in signals.

Methods are not called by themselves, but a top-level function that uses a class of its file (say
``await ProfileView.as_view()(request)``) runs them: the annotated lines of that class count as its own.

``async-iterator-in-sync-loop`` also fires in sync code, so the top-level sync functions of its
``bad_`` files that carry an annotation are called too (outside any loop). Fixtures that cannot run
here say ``skip = "why"`` in their folder's runtime.toml (with the versions it holds for), and are
not collected there.
"""

from __future__ import annotations

import ast
import asyncio
import builtins
import contextlib
import hashlib
import inspect
import io
import json
import os
import re
import socket
import socketserver
import sys
import threading
import time
import tokenize
import traceback
from unittest import mock
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

django = pytest.importorskip("django")


from tests.runtime.support import (  # noqa: E402
    FIXTURES,
    UPLOADS,
    Outcome as Expected,
    call_signature,
    entries,
    exception_named,
    file_environment,
    file_specs,
    folders_proven_by,
    load_module,
    never_awaited,
    outcome,
    runtime_specs,
    seed,
    skipped,
    warnings_of_the_run,
)

pytestmark = pytest.mark.django_runtime

#: The rules whose folder's runtime.toml says ``harness = "calls"``, and what each runtime.toml says.
RULES = folders_proven_by("calls")
SPECS = {rule: runtime_specs()[rule] for rule in RULES}
# Rules that fire in sync code as well: their bad_ files' annotated sync functions are called too.
RULES_FIRING_IN_SYNC_CODE = {rule for rule in RULES if SPECS[rule].get("sync_functions_run")}
#: What each rule's claim needs set up (``rule_settings()``, ``rule_environment()``), by name.
ENVIRONMENTS = ("database-cache", "logged-in", "receiver-that-queries", "local-services")


def environment(rule: str) -> frozenset[str]:
    return frozenset(SPECS[rule].get("environment", ()))


# --- How a call is expected to fail ---------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """The exception a call raises (``None``: it returns) with a fragment of its message, and a
    fragment of the "coroutine ... was never awaited" warning it leaves (``None``: none)."""

    exception: type[BaseException] | None
    message: str = ""
    unawaited: str | None = None
    # Whether the exception is raised by an annotated line (an unawaited coroutine that is used as a
    # value later fails where it is used, not where it was made).
    at_annotated_line: bool = True
    # Whether an annotated line must reach a blocking primitive on the loop's thread (see the probe).
    blocks: bool = False


def failure_of(expected: Expected) -> Failure:
    return Failure(
        expected.exception,
        expected.message,
        unawaited=expected.unawaited_fragment,
        at_annotated_line=expected.at_annotation,
        blocks=expected.blocks,
    )


def default_failure(spec: dict) -> Failure:
    """How a function with an annotated line fails, as its folder's runtime.toml says."""
    return Failure(
        exception_named(spec["raises"]) if "raises" in spec else None,
        spec.get("message", ""),
        unawaited=spec.get("unawaited"),
        blocks=spec.get("blocks", False),
    )


#: Per rule, from its folder's runtime.toml (``raises``/``message``, ``unawaited``, ``blocks``).
EXPECTED_FAILURES = {rule: default_failure(spec) for rule, spec in SPECS.items()}
#: Per function, where its entry in the folder's runtime.toml refines the rule's failure.
FAILURE_OVERRIDES = {
    (relative, name): failure_of(outcome(relative.split("/", 1)[0], value))
    for (relative, name), value in entries("calls").items()
}


# --- Arguments, by parameter name -------------------------------------------------------------------


def _instance(model_name: str):
    def fetch():
        from django.apps import apps

        return apps.get_model("library", model_name).objects.get(pk=1)

    return fetch


def _request(cookies: dict[str, str] | None = None):
    """A GET request as an async view receives it: with a session and the auth middleware's user."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpResponse
    from django.test import AsyncRequestFactory

    factory = AsyncRequestFactory()
    for name, value in (cookies or {}).items():
        factory.cookies[name] = value
    request = factory.get("/books/", {"q": "darkness", "page": "1"})
    for middleware in (SessionMiddleware, AuthenticationMiddleware):
        middleware(lambda request: HttpResponse()).process_request(request)
    return request


READER = {"username": "ursula", "email": "ursula@example.com", "password": "anarres"}
_password_hashes: dict[str, str] = {}


def _reader():
    """The library's reader (a regular, active user), created with a hash for the current hashers."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import get_hasher, make_password

    algorithm = get_hasher().algorithm
    if algorithm not in _password_hashes:  # hashing costs about a second with Django's defaults
        _password_hashes[algorithm] = make_password(READER["password"])
    user, _ = get_user_model().objects.get_or_create(
        username=READER["username"],
        defaults={"email": READER["email"], "password": _password_hashes[algorithm]},
    )
    return user


def _session_cookie() -> tuple[str, str]:
    """The session cookie of the logged-in reader, as the browser would send it back."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(_reader())
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value


def _logged_in_request():
    """The same request, from the browser of the logged-in reader (the session is not loaded yet)."""
    name, value = _session_cookie()
    return _request({name: value})


def _upload_path() -> str:
    path = UPLOADS[0] / "upload.txt"
    path.write_text("The Left Hand of Darkness\nThe Dispossessed\n", encoding="utf-8")
    return str(path)


class _Mocker:
    """pytest-mock's ``mocker`` as the fixtures use it: ``mocker.patch(target, ...)`` and
    ``mocker.patch.object(owner, name, ...)`` patch at once and return the double; ``call()`` undoes
    them after the function (``mock.patch.stopall()``, what pytest-mock's teardown does)."""

    class _Patch:
        def __call__(self, target, *args, **kwargs):
            return mock.patch(target, *args, **kwargs).start()

        def object(self, owner, name, *args, **kwargs):
            return mock.patch.object(owner, name, *args, **kwargs).start()

    patch = _Patch()


RUNTIME_ARGUMENTS = {
    "request": _request,
    "mocker": _Mocker,
    "pk": lambda: 1,
    "book_id": lambda: 1,
    "author_id": lambda: 1,
    "page_number": lambda: 1,
    "author": _instance("Author"),
    "book": _instance("Book"),
    "publisher": _instance("Publisher"),
    "tag": _instance("Tag"),
    # a model-signal receiver's arguments (``post_save`` of a Book): the sender model and the saved row
    "sender": lambda: __import__("django.apps", fromlist=["apps"]).apps.get_model("library", "Book"),
    "instance": _instance("Book"),
    "user": _reader,
    "upload_path": _upload_path,
    "session_cookie": lambda: "{}={}".format(*_session_cookie()).encode(),
}
#: Rules whose claim is about a logged-in user: their ``request`` carries the reader's session cookie.
RULE_ARGUMENTS = {rule: {"request": _logged_in_request} for rule in RULES if "logged-in" in environment(rule)}


# --- Reading fixtures (no Django needed) ------------------------------------------------------------

ANNOTATION = re.compile(r"#\s*(?:(?P<offset>[+-]\d+):\s*)?\[(?P<symbols>[a-z0-9-]+(?:,\s*[a-z0-9-]+)*)\]\s*$")


@dataclass(frozen=True)
class Function:
    name: str
    is_async: bool
    first_line: int  # its first decorator's line
    def_line: int
    last_line: int
    unfilled: tuple[str, ...]  # parameters with no default and no entry in RUNTIME_ARGUMENTS
    called_in_file: bool  # another part of the file calls it by name
    names: frozenset[str] = frozenset()  # the names its body uses (to find the classes it drives)


@dataclass(frozen=True)
class FixtureFile:
    relative: str  # e.g. "sync-orm-call-in-async/bad_manager_get.py"
    path: Path
    functions: tuple[Function, ...]  # top-level ones
    annotated: frozenset[int]
    # Top-level classes by name: their (first, last) lines. Methods are not called by the harness, but
    # a top-level function that uses the class (``await ProfileView.as_view()(request)``) runs them.
    classes: dict[str, tuple[int, int]] = field(default_factory=dict)
    # The names of each top-level class's bases: a class the function uses runs its bases' methods too.
    bases: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def rule(self) -> str:
        return self.relative.split("/", 1)[0]

    @property
    def is_bad(self) -> bool:
        return self.path.name.startswith("bad_")

    def function(self, name: str) -> Function:
        return next(function for function in self.functions if function.name == name)

    def annotated_lines_in(self, function: Function) -> list[int]:
        """The annotated lines that run when ``function`` runs: its own, and those of the classes it uses."""
        spans = [(function.first_line, function.last_line)]
        used, pending = set(), [name for name in function.names if name in self.classes]
        while pending:
            name = pending.pop()
            if name not in used:
                used.add(name)
                pending += [base for base in self.bases.get(name, ()) if base in self.classes]
        spans += [self.classes[name] for name in sorted(used)]
        return sorted(line for line in self.annotated if any(first <= line <= last for first, last in spans))

    def is_helper(self, function: Function) -> bool:
        """A helper takes values RUNTIME_ARGUMENTS cannot give; it runs through its caller in the file."""
        return bool(function.unfilled) and function.called_in_file

    def runs(self, function: Function) -> bool:
        if self.is_helper(function):
            return False
        if function.is_async:
            return True
        return self.is_bad and self.rule in RULES_FIRING_IN_SYNC_CODE and bool(self.annotated_lines_in(function))


def annotated_lines(source: str) -> frozenset[int]:
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and (match := ANNOTATION.search(token.string)):
            lines.add(token.start[0] + int(match["offset"] or 0))
    return frozenset(lines)


def unfilled_parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[str, ...]:
    arguments = node.args
    positional = arguments.posonlyargs + arguments.args
    with_default = positional[len(positional) - len(arguments.defaults) :]
    with_default += [arg for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults) if default is not None]
    return tuple(
        arg.arg
        for arg in positional + arguments.kwonlyargs
        if arg not in with_default and arg.arg not in RUNTIME_ARGUMENTS
    )


@cache
def read_fixture(relative: str) -> FixtureFile:
    path = FIXTURES / relative
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    functions = tuple(
        Function(
            name=node.name,
            is_async=isinstance(node, ast.AsyncFunctionDef),
            first_line=min([node.lineno] + [decorator.lineno for decorator in node.decorator_list]),
            def_line=node.lineno,
            last_line=node.end_lineno,
            unfilled=unfilled_parameters(node),
            called_in_file=node.name in called,
            names=frozenset(name.id for name in ast.walk(node) if isinstance(name, ast.Name)),
        )
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    )
    classes = {
        node.name: (min([node.lineno] + [decorator.lineno for decorator in node.decorator_list]), node.end_lineno)
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }
    bases = {
        node.name: frozenset(base.id for base in node.bases if isinstance(base, ast.Name))
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }
    return FixtureFile(relative, path, functions, annotated_lines(source), classes, bases)


def fixture_paths() -> list[str]:
    return sorted(
        path.relative_to(FIXTURES).as_posix()
        for rule in RULES
        for path in (FIXTURES / rule).rglob("*.py")
        if path.name.startswith(("bad_", "good_"))
    )


def cases():
    for relative in fixture_paths():
        if skipped(relative):
            continue
        fixture = read_fixture(relative)
        for function in fixture.functions:
            if fixture.runs(function):
                yield pytest.param(relative, function.name, id=f"{relative}::{function.name}")


# --- Servers on 127.0.0.1 for the network and mail fixtures -----------------------------------------

#: Seconds after which the servers stop by themselves, should the session never tear them down.
SERVER_LIFETIME = 900


class _CoversService(BaseHTTPRequestHandler):
    """A stand-in for a book-cover web service: every request gets a small JSON document."""

    timeout = 10

    def _answer(self, with_body: bool = True) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        payload = json.dumps({"path": self.path, "cover": "/covers/1.jpg"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if with_body:
            self.wfile.write(payload)

    def do_GET(self):  # noqa: N802 - the http.server spelling
        self._answer()

    def do_POST(self):  # noqa: N802
        self._answer()

    def do_HEAD(self):  # noqa: N802
        self._answer(with_body=False)

    def log_message(self, *args):
        pass


class _SMTPSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    timeout = 10

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self):
        self.reply("220 127.0.0.1 ESMTP asynclint tests")
        in_data = False
        while line := self.rfile.readline():
            if in_data:
                if line.rstrip(b"\r\n") == b".":
                    in_data = False
                    self.server.messages += 1
                    self.reply("250 OK: queued")
                continue
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.reply("250-127.0.0.1")
                self.reply("250 8BITMIME")
            elif verb == b"DATA":
                in_data = True
                self.reply("354 End data with <CR><LF>.<CR><LF>")
            elif verb == b"QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


class _SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPSession)
        self.messages = 0


@dataclass(frozen=True)
class LocalServices:
    covers_api_url: str  # the web service's base URL
    smtp_port: int
    smtp: _SMTPServer


@pytest.fixture(scope="session")
def local_services():
    web = ThreadingHTTPServer(("127.0.0.1", 0), _CoversService)
    web.daemon_threads = True
    smtp = _SMTPServer()
    timers = []
    for server in (web, smtp):
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        timers.append(threading.Timer(SERVER_LIFETIME, server.shutdown))
        timers[-1].daemon = True
        timers[-1].start()
    try:
        yield LocalServices(f"http://127.0.0.1:{web.server_address[1]}", smtp.server_address[1], smtp)
    finally:
        for timer in timers:
            timer.cancel()
        for server in (web, smtp):
            server.shutdown()
            server.server_close()


# --- What each rule's claim needs ----------------------------------------------------------------------

def rule_settings(rule: str, services: LocalServices) -> dict:
    from django.conf import global_settings

    if "database-cache" in environment(rule):
        # The backend whose sync API the catalog says raises on the loop (it opens a cursor).
        return {
            "CACHES": {
                "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "asynclint_cache"}
            }
        }
    if "logged-in" in environment(rule):
        # Database sessions, and Django's default password hashers (PBKDF2 first).
        return {
            "SESSION_ENGINE": "django.contrib.sessions.backends.db",
            "PASSWORD_HASHERS": global_settings.PASSWORD_HASHERS,
        }
    if "local-services" in environment(rule):
        smtp = "django.core.mail.backends.smtp.EmailBackend"
        if django.VERSION >= (6, 1):  # EMAIL_HOST and friends are refused once MAILERS is set
            options = {"host": "127.0.0.1", "port": services.smtp_port, "timeout": 5}
            mail = {"MAILERS": {"default": {"BACKEND": smtp, "OPTIONS": options}}}
        else:
            mail = {"EMAIL_BACKEND": smtp, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": services.smtp_port,
                    "EMAIL_TIMEOUT": 5}
        # Django 6.0 takes ADMINS/MANAGERS as addresses (2-tuples are deprecated there).
        staff = ["staff@example.com"] if django.VERSION >= (6, 0) else [("Staff", "staff@example.com")]
        return {
            **mail,
            # The project's own settings for the fixtures that use smtplib directly.
            "SMTP_RELAY_HOST": "127.0.0.1",
            "SMTP_RELAY_PORT": services.smtp_port,
            "ADMINS": staff,
            "MANAGERS": staff,
            "COVERS_API_URL": services.covers_api_url,
        }
    return {}


@contextlib.contextmanager
def _receiver_that_queries():
    """Connect a receiver that queries to the built-in signals the fixtures send, for one test."""
    from django.core.signals import request_finished
    from django.db.models.signals import post_save, pre_delete

    from library.models import Book

    def count_books(sender, **kwargs):
        return Book.objects.count()

    signals = (post_save, pre_delete, request_finished)
    for signal in signals:
        signal.connect(count_books, weak=False, dispatch_uid="asynclint-runtime-receiver")
    try:
        yield
    finally:
        for signal in signals:
            signal.disconnect(dispatch_uid="asynclint-runtime-receiver")


@contextlib.contextmanager
def _console(typed: str):
    """``input()`` reads what the user typed; requests to 127.0.0.1 never go through a proxy."""
    saved_stdin, saved_no_proxy = sys.stdin, os.environ.get("NO_PROXY")
    sys.stdin = io.StringIO(typed)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    try:
        yield
    finally:
        sys.stdin = saved_stdin
        if saved_no_proxy is None:
            os.environ.pop("NO_PROXY", None)
        else:
            os.environ["NO_PROXY"] = saved_no_proxy


@contextlib.contextmanager
def rule_environment(rule: str, services: LocalServices):
    from django.core.management import call_command
    from django.test.utils import override_settings

    with override_settings(**rule_settings(rule, services)), contextlib.ExitStack() as stack:
        if "database-cache" in environment(rule):
            call_command("createcachetable", verbosity=0)
        if "receiver-that-queries" in environment(rule):
            stack.enter_context(_receiver_that_queries())
        if "local-services" in environment(rule):
            stack.enter_context(_console("n\n"))
        yield


# --- The blocking probe ---------------------------------------------------------------------------------

#: Rules whose every function runs under the probe (the others only where a failure expects it).
PROBED_RULES = frozenset(rule for rule, failure in EXPECTED_FAILURES.items() if failure.blocks)


#: Marks the primitives that prove a flagged line but are not required absent from silent code: one
#: file-system syscall is what asynclint reports only as possible, and libraries do them on the loop
#: anyway (httpx.AsyncClient() stats its CA bundle, an import stats its module).
FILE_SYSTEM_CALL = " (a file-system call)"


def _primitives() -> dict[int, str]:
    """C functions that hold the calling thread, by id: what every blocking call comes down to."""
    found = {
        time.sleep: "time.sleep()",
        os.system: "os.system()",
        io.open: "open()",
        builtins.input: "input()",
        hashlib.pbkdf2_hmac: "PBKDF2 (password hashing)",
        os.waitpid: "waiting for a child process",
        # One file-system syscall each (os.path.exists/isfile/getsize... call os.stat).
        **{getattr(os, name): f"os.{name}(){FILE_SYSTEM_CALL}" for name in (
            "stat", "lstat", "listdir", "scandir", "mkdir", "unlink", "rmdir", "rename", "replace")},
    }
    try:
        import _posixsubprocess

        found[_posixsubprocess.fork_exec] = "fork/exec of a child process"
    except ImportError:  # pragma: no cover - not POSIX
        pass
    return {id(function): what for function, what in found.items()}


_PRIMITIVES = _primitives()


def blocking_primitive(function) -> str | None:
    """What a C function about to be called is, if it blocks (a socket only when it is blocking)."""
    known = _PRIMITIVES.get(id(function))
    if known is not None:
        return known
    owner = getattr(function, "__self__", None)
    if isinstance(owner, socket.socket) and getattr(function, "__name__", "") in ("connect", "connect_ex"):
        # asyncio's sockets are non-blocking (timeout 0.0); a sync client's block (None or > 0).
        return "connect() of a blocking socket" if owner.gettimeout() != 0.0 else None
    return None


class BlockingProbe:
    """A profile hook for the loop's thread: records each blocking primitive called there, with the
    lines of the fixture file on the stack. ``sys.setprofile`` covers only the thread that sets it, so
    what ``sync_to_async`` or ``aiofiles`` run in worker threads is not seen."""

    def __init__(self, fixture_path: Path):
        self.fixture_file = str(fixture_path)
        self.seen: list[tuple[str, tuple[int, ...]]] = []

    def __call__(self, frame, event, arg):
        if event != "c_call":
            return
        try:
            what = blocking_primitive(arg)
        except Exception:  # noqa: BLE001 - a probe must never break the code it watches
            return
        if what is None:
            return
        lines = []
        while frame is not None:
            if frame.f_code.co_filename == self.fixture_file:
                lines.append(frame.f_lineno)
            frame = frame.f_back
        self.seen.append((what, tuple(lines)))


def arguments_for(function, where: str, rule: str | None = None) -> dict:
    arguments = {}
    available = {**RUNTIME_ARGUMENTS, **RULE_ARGUMENTS.get(rule, {})}
    for parameter in call_signature(function).parameters.values():
        if parameter.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue  # ``*args``/``**kwargs``: nothing to fill
        if parameter.name in available:
            arguments[parameter.name] = available[parameter.name]()
        elif parameter.default is inspect.Parameter.empty:
            pytest.fail(f"{where}: no runtime value for parameter {parameter.name!r}; add it to RUNTIME_ARGUMENTS")
    return arguments


@dataclass(frozen=True)
class Outcome:
    exception: type[BaseException] | None
    message: str
    raised_at: int | None  # the innermost line of the fixture file in the traceback
    details: str  # the formatted exception, for assertion messages
    unawaited: tuple[str, ...]
    # What the probe saw on the loop's thread: (primitive, fixture lines on the stack), if it ran.
    blocked: tuple[tuple[str, tuple[int, ...]], ...] = ()


def call(function, arguments: dict, on_loop: bool, fixture_path: Path, probe: BlockingProbe | None = None) -> Outcome:
    """Call the function (from inside a running loop if on_loop) and report how it went.

    Only the exception's type, text and line are kept, so that gc.collect() can finalise every
    coroutine it still referenced and record the "never awaited" warnings. A ``TemplateResponse`` that
    comes back is rendered the way Django's async handler renders it: in a worker thread.
    """
    from asgiref.sync import sync_to_async
    from django.template.response import SimpleTemplateResponse

    async def runner():
        if probe is not None:
            sys.setprofile(probe)
        try:
            result = await function(**arguments)
        finally:
            if probe is not None:
                sys.setprofile(None)
        if isinstance(result, SimpleTemplateResponse) and not result.is_rendered:
            await sync_to_async(result.render, thread_sensitive=True)()  # BaseHandler._get_response_async
        return result

    exception, message, raised_at, details = None, "", None, ""
    with warnings_of_the_run() as caught:
        try:
            result = asyncio.run(runner()) if on_loop else function(**arguments)
            del result
        except Exception as error:  # noqa: BLE001 - every exception is an outcome to compare
            exception, message = type(error), str(error)
            details = "".join(traceback.format_exception_only(type(error), error)).strip()
            frames = [
                frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(fixture_path)
            ]
            raised_at = frames[-1].lineno if frames else None
            details += "".join(f"\n  at line {frame.lineno}: {frame.line}" for frame in frames)
        finally:
            mock.patch.stopall()  # a ``mocker`` argument's patches (``_Mocker``)
    unawaited = never_awaited(caught)
    blocked = tuple(probe.seen) if probe is not None else ()
    return Outcome(exception, message, raised_at, details, unawaited, blocked)


# --- The tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "name"), list(cases()))
def test_fixture_function_behaves_as_annotated(local_services, relative, name):
    fixture = read_fixture(relative)
    info = fixture.function(name)
    where = f"{relative}::{name}"
    annotated_here = fixture.annotated_lines_in(info)
    expected = FAILURE_OVERRIDES.get((relative, name), EXPECTED_FAILURES[fixture.rule])
    probed = fixture.rule in PROBED_RULES or expected.blocks

    with rule_environment(fixture.rule, local_services), file_environment(relative):
        seed()
        function = getattr(load_module(relative), name)
        arguments = arguments_for(function, where, fixture.rule)
        probe = BlockingProbe(fixture.path) if probed and info.is_async else None
        outcome = call(function, arguments, info.is_async, fixture.path, probe)

    clean = outcome.exception is None and not outcome.unawaited
    if not (fixture.is_bad and (annotated_here or not clean)):
        # good_ files, and the unannotated functions of bad_ files, show what stays silent.
        assert outcome.exception is None, f"{where} must complete, but raised {outcome.details}"
        assert not outcome.unawaited, f"{where} left coroutines unawaited: {outcome.unawaited}"
        if fixture.rule in PROBED_RULES:
            blocked = [seen for seen in outcome.blocked if not seen[0].endswith(FILE_SYSTEM_CALL)]
            assert not blocked, f"{where} must not block the loop's thread, but the probe saw {blocked}"
        return

    # An annotated function (or one that calls an annotated helper) fails the way its rule says.
    if expected.exception is None:
        assert outcome.exception is None, f"{where} must not raise, but raised {outcome.details}"
    else:
        assert outcome.exception is expected.exception, (
            f"{where} must raise {expected.exception.__name__}, but "
            + (f"raised {outcome.details}" if outcome.exception else "completed")
        )
        assert expected.message in outcome.message, f"{where}: {expected.message!r} not in {outcome.message!r}"
        if expected.at_annotated_line and outcome.raised_at is None:
            # Raised before the body ran: by a decorator, which must then carry the annotation.
            assert any(line < info.def_line for line in annotated_here), (
                f"{where} raised outside its body, but no decorator is annotated: {outcome.details}"
            )
        elif expected.at_annotated_line:
            assert outcome.raised_at in fixture.annotated, (
                f"{where} raised at line {outcome.raised_at}, which is not annotated: {outcome.details}"
            )
    if expected.unawaited is None:
        assert not outcome.unawaited, f"{where} left coroutines unawaited: {outcome.unawaited}"
    else:
        assert any(expected.unawaited in text for text in outcome.unawaited), (
            f"{where} must leave a coroutine unawaited ({expected.unawaited!r}); warnings: {outcome.unawaited}"
        )
    if expected.blocks:
        # Nothing raised: what proves the claim is that the flagged line ran a blocking primitive in
        # the loop's own thread (the probe sees no other thread).
        reached = [what for what, lines in outcome.blocked if set(lines) & set(annotated_here)]
        assert reached, (
            f"{where} must reach a blocking call in the loop's thread from an annotated line "
            f"{annotated_here}; the probe saw {list(outcome.blocked) or 'nothing'}"
        )


def test_every_annotation_is_proven():
    """Each annotated line of a bad_ file sits in a function that runs, or in a helper its file calls."""
    unproven = []
    for relative in fixture_paths():
        fixture = read_fixture(relative)
        spec = file_specs("calls").get(relative)
        if not fixture.is_bad or (spec and spec.table.get("skip")):
            continue
        covered = {
            line
            for function in fixture.functions
            if fixture.runs(function) or fixture.is_helper(function)
            for line in fixture.annotated_lines_in(function)
        }
        unproven += [f"{relative}:{line}" for line in sorted(fixture.annotated - covered)]
    assert not unproven, f"annotated lines outside any top-level function that runs: {unproven}"


def test_tables_name_existing_fixtures():
    # every file of the folders, not only the bad_/good_ ones: a skip may name a project's test or library module
    existing = {path.relative_to(FIXTURES).as_posix() for rule in RULES for path in (FIXTURES / rule).rglob("*.py")}
    assert not set(file_specs("calls")) - existing, "runtime.toml names fixture files that do not exist"
    for relative, name in FAILURE_OVERRIDES:
        assert name in {function.name for function in read_fixture(relative).functions}, (
            f"tests/fixtures/{relative}: runtime.toml names {name}, which is no top-level function"
        )
