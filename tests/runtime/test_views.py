"""Runs the view rules' fixtures under real Django: what a fixture claims, Django must do.

Rules: ``sync-iterator-in-streaming-response``, ``sync-test-client-in-async-test``,
``mixed-sync-async-view-handlers`` and ``sync-only-decorator-on-async-view``.

Each fixture module is routed as a URLconf: every top-level view function (first parameter
``request``) and every ``View`` subclass defined in it gets ``path("<name>/", view, name="<name>")``.
Each view's entry in its folder's runtime.toml (``Class.test_method`` for a fixture's test case) says
what each probe does and on which Django versions; the installed version picks the alternative, so
the fixtures of every ``django-X.Y`` folder run on every version. Probes:

- ``as_view``: ``View.as_view()`` itself (a class with mixed handlers fails here, before any request);
- ``ASGI`` / ``WSGI``: a request through ``django.test.AsyncClient`` / ``django.test.Client``, which
  re-raise the view's exception (``login`` logs a superuser in first, ``csrf`` enforces CSRF checks);
- ``ASGI server``: a request handed straight to ``ASGIHandler``, which consumes a streaming body the
  way a server does (``AsyncClient`` does not iterate it, so it never warns);
- ``test``: the fixture's test method run by unittest, recording which handler served each request
  and whether an event loop was running in that thread.

``test_table_agrees_with_the_fixture_verdicts`` ties the table to the annotations: at a fixture's
target version (its ``options.toml``, else every version in the table), an annotated view must fail
(or misbehave) and an unannotated one must not; the exceptions say ``disputed = "why"``.
"""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import inspect
import logging
import re
import sys
import types
import unittest
from dataclasses import dataclass, field
from functools import cache

import pytest

django = pytest.importorskip("django")


from tests.test_fixtures import options_for  # noqa: E402

pytestmark = pytest.mark.django_runtime

from tests.runtime.support import (  # noqa: E402
    DJANGO_VERSIONS,
    FIXTURES,
    PROBE,
    entries,
    folders_proven_by,
    never_awaited,
    outcome,
    seed,
    warnings_of_the_run,
)
from tests.runtime.support import Outcome as Expected  # noqa: E402
RULES = folders_proven_by("views")  # the folders whose runtime.toml says harness = "views"
DJANGO = django.VERSION[:2]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        "library/about.html": "About the library",
                        "library/book_list.html": "{% for book in object_list %}{{ book.title }}\n{% endfor %}",
                        "library/form.html": "{{ form }}",
                    },
                )
            ]
        },
    }
]
ADMIN = "asynclint-admin"  # a superuser, logged in by the probes that say login=True


# --- Probes and outcomes: each view's entry in its folder's runtime.toml --------------------------

WSGI_ON_LOOP = "ClientHandler (WSGI), event loop running"
WSGI = "ClientHandler (WSGI)"
STREAMING_WARNING = "StreamingHttpResponse must consume"


@dataclass(frozen=True)
class Probe:
    """How a view is run, parsed from its key in runtime.toml (``support.PROBE``): "as_view", "test",
    or "<METHOD> ASGI|WSGI [server] [login] [csrf] [field=value]"."""

    via: str  # "as_view", "ASGI", "WSGI", "ASGI server", "test"
    method: str = "GET"
    login: bool = False
    csrf: bool = False  # enforce CSRF checks (the client sends no token)
    data: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> Probe:
        match = PROBE.match(text)
        assert match, f"{text!r} is no probe"
        if match["via"] is None:
            return cls(text)
        return cls(
            match["via"] + (" server" if match["server"] else ""),
            match["method"],
            login=bool(match["login"]),
            csrf=bool(match["csrf"]),
            data=((match["field"], match["value"]),) if match["field"] else (),
        )


def fails(expected: Expected) -> bool:
    """It fails, or misbehaves the way its rule says (buffers a stream, serves a test via WSGI on the loop)."""
    return bool(
        expected.exception
        or expected.unawaited
        or (expected.warns and not expected.tolerated)
        or (expected.handlers and WSGI_ON_LOOP in expected.handlers)
    )


#: Per fixture file and view (``Class.test_method`` for a test method): the outcome of each probe,
#: as its entry in runtime.toml says (a list of alternatives where Django versions differ).
EXPECTED: dict[tuple[str, str], dict[str, object]] = entries("views")


def expected_outcome(relative: str, value, version: tuple[int, int] | None = None) -> Expected:
    return outcome(relative.split("/", 1)[0], value, version)


def disputed(relative: str, name: str, version: tuple[int, int]) -> str:
    """Why the runtime does not back the annotation of this view (``disputed = "why"``), if it says so."""
    return "; ".join(
        expected_outcome(relative, value, version).disputed for value in EXPECTED[(relative, name)].values()
    ).strip("; ")


# --- Reading fixtures (no Django needed) ------------------------------------------------------------

ANNOTATION = re.compile(r"#\s*(?:(?P<offset>[+-]\d+):\s*)?\[(?P<symbols>[a-z0-9-]+(?:,\s*[a-z0-9-]+)*)\]\s*$")


def fixture_paths() -> list[str]:
    return sorted(
        path.relative_to(FIXTURES).as_posix()
        for rule in RULES
        for path in (FIXTURES / rule).rglob("*.py")
        if path.name.startswith(("bad_", "good_"))
    )


@cache
def annotated_lines(relative: str) -> frozenset[int]:
    lines = set()
    for number, line in enumerate((FIXTURES / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if match := ANNOTATION.search(line):
            lines.add(number + int(match["offset"] or 0))
    return frozenset(lines)


@cache
def definitions(relative: str) -> dict[str, tuple[int, int]]:
    """Top-level functions and classes, and the test methods of classes (``Class.test_x``), with their
    line ranges (decorators included)."""
    tree = ast.parse((FIXTURES / relative).read_text(encoding="utf-8"))
    found = {}

    def span(node) -> tuple[int, int]:
        return min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno

    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found[node.name] = span(node)
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                    found[f"{node.name}.{item.name}"] = span(item)
    return found


def target_version(relative: str) -> tuple[int, int] | None:
    value = options_for(FIXTURES / relative).get("django-version")
    return tuple(int(part) for part in value.split(".")[:2]) if value else None


def cases():
    for (relative, name), probes in EXPECTED.items():
        for probe in probes:
            yield pytest.param(relative, name, probe, id=f"{relative}::{name}::{probe}")


# --- The data every view probe starts from --------------------------------------------------------


@pytest.fixture
def views_db():
    """The seed data and a superuser (``ADMIN``) for the probes that log in; reseeded for every test,
    since other proofs empty the tables and users."""
    from django.contrib.auth.models import User

    seed()
    User.objects.create_superuser(ADMIN, "admin@example.com", "secret")


@cache
def load(relative: str) -> tuple[types.ModuleType, str, dict[str, BaseException]]:
    """The fixture module, the name of its URLconf module, and the as_view() errors of its classes."""
    from django.urls import path
    from django.views import View

    name = "asynclint_views_fixture_" + re.sub(r"\W", "_", relative.removesuffix(".py"))
    spec = importlib.util.spec_from_file_location(name, FIXTURES / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)

    patterns, as_view_errors = [], {}
    for attribute, value in vars(module).items():
        if getattr(value, "__module__", None) != name:
            continue
        if isinstance(value, type):
            if issubclass(value, View):
                try:
                    patterns.append(path(f"{attribute}/", value.as_view(), name=attribute))
                except Exception as error:  # noqa: BLE001 - the outcome of the as_view probe
                    as_view_errors[attribute] = error
        elif callable(value) and list(inspect.signature(value).parameters)[:1] == ["request"]:
            patterns.append(path(f"{attribute}/", value, name=attribute))
    urlconf = types.ModuleType(name + "_urls")
    urlconf.urlpatterns = patterns
    sys.modules[urlconf.__name__] = urlconf
    return module, urlconf.__name__, as_view_errors


@dataclass
class Observed:
    exception: type[BaseException] | None = None
    message: str = ""
    status: int | None = None
    warnings: list[str] = field(default_factory=list)  # texts of warnings whose category is exactly Warning
    unawaited: list[str] = field(default_factory=list)
    handlers: tuple[str, ...] | None = None

    def describe(self) -> str:
        if self.exception:
            return f"raised {self.exception.__name__}: {self.message}"
        return f"status {self.status}, warnings {self.warnings}, unawaited {self.unawaited}, handlers {self.handlers}"


def observe(relative: str, name: str, probe: Probe) -> Observed:
    from django.core.cache import cache as django_cache
    from django.test.utils import override_settings

    module, urlconf, as_view_errors = load(relative)
    observed = Observed()
    django_cache.clear()
    # django.request logs each 500 with its traceback; a captured record would keep the coroutine alive.
    request_logger = logging.getLogger("django.request")
    request_logger_was_disabled, request_logger.disabled = request_logger.disabled, True
    try:
        with override_settings(ROOT_URLCONF=urlconf, MIDDLEWARE=MIDDLEWARE, TEMPLATES=TEMPLATES):
            observe_into(observed, module, name, probe, as_view_errors)
    finally:
        request_logger.disabled = request_logger_was_disabled
    return observed


def observe_into(observed: Observed, module, name: str, probe: Probe, as_view_errors: dict) -> None:
    """Run the probe, keeping only the exception's type and text, so that gc.collect() finalises every
    coroutine it referenced and records the "never awaited" warnings."""
    with warnings_of_the_run() as caught:
        try:
            if probe.via == "as_view":
                if name in as_view_errors:
                    raise as_view_errors[name]
            elif probe.via == "test":
                observed.handlers, error = run_test_method(module, name)
                if error is not None:
                    raise error
            elif probe.via == "ASGI server":
                observed.status = asyncio.run(serve_asgi(f"/{name}/"))
            else:
                observed.status = request(name, probe)
        except Exception as error:  # noqa: BLE001 - every exception is an outcome to compare
            observed.exception, observed.message = type(error), str(error)
            del error
    observed.warnings = [str(w.message) for w in caught if w.category is Warning]
    observed.unawaited = list(never_awaited(caught))


def request(name: str, probe: Probe) -> int:
    """One request through the test clients; they re-raise the view's exception."""
    from django.contrib.auth.models import User
    from django.test import AsyncClient, Client

    client = (AsyncClient if probe.via == "ASGI" else Client)(enforce_csrf_checks=probe.csrf)
    if probe.login:
        client.force_login(User.objects.get(username=ADMIN))  # sync, before any loop runs
    path = f"/{name}/"

    def send():
        if probe.method == "POST":
            return client.post(path, dict(probe.data))
        return client.generic(probe.method, path)

    response = asyncio.run(send()) if probe.via == "ASGI" else send()
    if response.streaming:  # the WSGI client hands the body over unread, as a WSGI server would get it
        b"".join(response.streaming_content)
    response.close()
    return response.status_code


async def serve_asgi(path: str) -> int:
    """GET ``path`` through ASGIHandler, as a server would; raises what the view raised."""
    from django.core.handlers.asgi import ASGIHandler
    from django.core.signals import got_request_exception

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent, errors, received = [], [], []

    async def receive():
        if not received:
            received.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Future()  # the client stays connected; the handler cancels this when done

    async def send(message):
        sent.append(message)

    def on_exception(sender, request=None, **kwargs):
        errors.append(sys.exc_info()[1])

    got_request_exception.connect(on_exception)
    try:
        await ASGIHandler()(scope, receive, send)
    finally:
        got_request_exception.disconnect(on_exception)
    if errors:
        raise errors[0]
    body = b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")
    assert body, f"{path} sent an empty body"
    return sent[0]["status"]


class _Result(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.error: BaseException | None = None

    def addError(self, test, err):  # noqa: N802 - unittest's API
        super().addError(test, err)
        self.error = err[1]

    def addFailure(self, test, err):  # noqa: N802 - unittest's API
        super().addFailure(test, err)
        self.error = err[1]


def run_test_method(module: types.ModuleType, name: str) -> tuple[tuple[str, ...], BaseException | None]:
    """Run ``Class.test_x`` of the fixture with unittest (setUpClass included): the handlers its
    requests went through, and the exception it raised (or its assertion failure)."""
    from django.core.signals import request_started

    class_name, method = name.split(".")
    handlers = []

    def on_request_started(sender, **kwargs):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            handlers.append(WSGI if sender.__name__ == "ClientHandler" else sender.__name__ + " (ASGI)")
        else:
            handlers.append(WSGI_ON_LOOP if sender.__name__ == "ClientHandler" else f"{sender.__name__}, event loop running")

    result = _Result()
    request_started.connect(on_request_started)
    try:
        unittest.TestSuite([getattr(module, class_name)(method)]).run(result)
    finally:
        request_started.disconnect(on_request_started)
    assert result.testsRun == 1, f"{name} did not run"
    error, result.error = result.error, None
    return tuple(handlers), error


# --- The tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "name", "probe"), list(cases()))
def test_view_behaves_as_the_table_says(views_db, relative, name, probe):
    expected = expected_outcome(relative, EXPECTED[(relative, name)][probe])
    observed = observe(relative, name, Probe.parse(probe))
    where = f"{relative}::{name} ({probe}, Django {django.__version__})"
    assert observed.exception is expected.exception, f"{where}: expected {expected}, but it {observed.describe()}"
    if expected.exception is not None:
        assert expected.says_message(observed.message), (
            f"{where}: {expected.expected_message!r} not in {observed.message!r}"
        )
    elif expected.status is not None:
        assert observed.status == expected.status, f"{where}: expected status {expected.status}, {observed.describe()}"
    streaming_warnings = [text for text in observed.warnings if STREAMING_WARNING in text]
    if expected.warns is None:
        assert not streaming_warnings, f"{where}: unexpected warnings {streaming_warnings}"
    else:
        assert len(streaming_warnings) == 1 and expected.warns in streaming_warnings[0], (
            f"{where}: expected one warning with {expected.warns!r}, got {observed.warnings}"
        )
    if expected.unawaited:
        assert observed.unawaited, f"{where}: expected an unawaited coroutine, {observed.describe()}"
    else:
        assert not observed.unawaited, f"{where}: left coroutines unawaited: {observed.unawaited}"
    if expected.handlers is not None:
        assert observed.handlers == expected.handlers, f"{where}: handlers {observed.handlers}, expected {expected.handlers}"


def test_every_view_of_every_fixture_is_in_the_table():
    """Every view function, View subclass and test method of the fixtures has expectations."""
    from django.test import SimpleTestCase
    from django.views import View

    missing = []
    for relative in fixture_paths():
        module, _, _ = load(relative)
        names = set()
        for attribute, value in vars(module).items():
            if getattr(value, "__module__", None) != module.__name__:
                continue
            if isinstance(value, type) and issubclass(value, View):
                names.add(attribute)
            elif isinstance(value, type) and issubclass(value, SimpleTestCase):
                names.update(f"{attribute}.{test}" for test in vars(value) if test.startswith("test"))
            elif not isinstance(value, type) and callable(value):
                if list(inspect.signature(value).parameters)[:1] == ["request"]:
                    names.add(attribute)
        missing += [f"{relative}::{name}" for name in sorted(names) if (relative, name) not in EXPECTED]
    assert not missing, f"views without an entry in their folder's runtime.toml: {missing}"


#: The versions the consistency check reads the table at, for fixtures that target no version.
REPRESENTATIVE_VERSIONS = DJANGO_VERSIONS


def test_table_agrees_with_the_fixture_verdicts():
    """At the fixture's target version, an annotated view fails (or misbehaves as its rule says) and an
    unannotated one does not; every annotation of a bad_ file lies in a view the table covers."""
    disagreements = []
    for (relative, name), probes in EXPECTED.items():
        first, last = definitions(relative)[name]
        annotated = any(first <= line <= last for line in annotated_lines(relative))
        target = target_version(relative)
        for version in [target] if target else REPRESENTATIVE_VERSIONS:
            failing = any(fails(expected_outcome(relative, value, version)) for value in probes.values())
            if disputed(relative, name, version):
                if not annotated or failing:
                    disagreements.append(f"{relative}::{name} is no longer disputed at {version}")
            elif failing != annotated:
                verdict = "annotated but works" if annotated else "fails but carries no annotation"
                disagreements.append(f"{relative}::{name} at Django {version}: {verdict}")
    assert not disagreements, "\n".join(disagreements)
    uncovered = []
    for relative in fixture_paths():
        spans = [span for (file, name), span in ((key, definitions(key[0])[key[1]]) for key in EXPECTED) if file == relative]
        uncovered += [
            f"{relative}:{line}"
            for line in sorted(annotated_lines(relative))
            if not any(first <= line <= last for first, last in spans)
        ]
    assert not uncovered, f"annotated lines outside any view with a runtime.toml entry: {uncovered}"


def test_table_names_existing_fixtures():
    existing = set(fixture_paths())
    for relative, name in EXPECTED:
        assert relative in existing, f"runtime.toml names a missing fixture: {relative}"
        assert name in definitions(relative), f"runtime.toml names {relative}::{name}, which is not defined there"

