"""Runs the middleware rules' fixtures in real Django handler chains: what a finding claims, Django does.

Each middleware factory of the ``sync-only-middleware`` and ``middleware-async-mode-mismatch`` fixtures
is installed alone (``override_settings(MIDDLEWARE=[...])``) in front of an async view, and the chain
is built the two ways a server builds it: the ASGI handler (``ASGIHandler()``, which builds the chain
at once, then a request through ``AsyncClient``) and the WSGI handler (``WSGIHandler()``, then
``Client``). Each factory's entry in its folder's runtime.toml says how each must end, per handler:
a response (status, and a header the middleware sets, which shows it ran), or the exception the
rule's message names, raised while the chain is built or by the request, with the error Django
logged and the coroutine left unawaited.
``DEBUG`` is on, so the ``django.request`` logger says which handlers Django adapted: a sync-only
middleware (reported or sync-only on purpose) logs "Asynchronous handler adapted for middleware
<path>." under ASGI, and a hybrid one logs nothing.

For ``sync-only-middleware-in-settings``, the book club's ``MIDDLEWARE`` is run the same way: Django
builds exactly as many sync/async adapters as the findings say, and logs one adaptation for each
sync-only and async-only entry. The third-party settings fixture names packages that are not test
dependencies, so only its lint result is tested (``tests/test_fixtures.py``).

Django is configured once for all runtime proofs (``tests/runtime/conftest.py``); each chain runs
with its own ``MIDDLEWARE`` and URLconf (``override_settings``).
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import importlib.util
import logging
import re
import sys
import traceback
from dataclasses import dataclass, field

import pytest

django = pytest.importorskip("django")

from django.http import HttpResponse  # noqa: E402
from django.urls import path as route  # noqa: E402

pytestmark = pytest.mark.django_runtime

from tests.runtime.support import (  # noqa: E402
    FIXTURES,
    entries,
    file_specs,
    folders_proven_by,
    holds,
    never_awaited,
    warnings_of_the_run,
)
from tests.runtime.support import Outcome as Expected  # noqa: E402
from tests.runtime.support import outcome as expected_outcome  # noqa: E402

RULES = folders_proven_by("middleware")  # the folders whose runtime.toml says harness = "middleware"
#: Files with no factory at all (``skip = "why"`` in their runtime.toml).
NOT_MIDDLEWARE = {relative for relative, spec in file_specs("middleware").items() if spec.table.get("skip")}
(SETTINGS_PROJECT,) = (FIXTURES / folder for folder in folders_proven_by("middleware-settings"))
MODES = ("asgi", "wsgi")


# --- The view behind every chain (this module is the URLconf) -------------------------------------
async def ok_view(request):
    return HttpResponse("ok")


urlpatterns = [route("", ok_view), route("internal/", ok_view)]


# --- How a request ends: each factory's entry in its folder's runtime.toml --------------------------
OK = Expected(status=200)


@dataclass(frozen=True)
class Case:
    """A factory's entry: how the ``asgi`` and ``wsgi`` requests for ``path`` end, whether Django logs
    "Asynchronous handler adapted for middleware <path>." under ASGI (None: not checked), other
    (path, asgi, wsgi) requests, and why it is not run here (``skip``, where its conditions hold)."""

    asgi: Expected
    wsgi: Expected
    path: str = "/"
    adapted: bool | None = None
    more: tuple[tuple[str, Expected, Expected], ...] = ()
    skip: str | None = None


def case_of(relative: str, entry: dict) -> Case:
    folder = relative.split("/", 1)[0]
    skip = entry.get("skip") if entry.get("skip") and holds(entry) else None
    if skip:
        return Case(OK, OK, skip=skip)
    return Case(
        expected_outcome(folder, entry["asgi"]),
        expected_outcome(folder, entry["wsgi"]),
        entry.get("path", "/"),
        entry.get("adapted"),
        tuple(
            (more["path"], expected_outcome(folder, more["asgi"]), expected_outcome(folder, more["wsgi"]))
            for more in entry.get("more", ())
        ),
    )


CASES: dict[tuple[str, str], Case] = {key: case_of(key[0], entry) for key, entry in entries("middleware").items()}


def load_fixture(relative: str):
    name = "asynclint_middleware_" + re.sub(r"\W", "_", relative.removesuffix(".py"))
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES / relative)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return name


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + "".join(traceback.format_exception(*record.exc_info))
        self.lines.append(text)


@dataclass
class Outcome:
    status: int | None = None
    headers: dict = field(default_factory=dict)
    exception: type[BaseException] | None = None
    message: str = ""
    at_load: bool = False
    logs: list[str] = field(default_factory=list)
    unawaited: list[str] = field(default_factory=list)

    def describe(self) -> str:
        if self.exception is not None:
            return f"{self.exception.__name__}: {self.message}" + (" (building the chain)" if self.at_load else "")
        return f"a {self.status} response"


def run(mode: str, middleware: list[str], path: str = "/") -> Outcome:
    """Build the chain for ``mode`` and send one GET; everything is caught and described."""
    from django.core.handlers.asgi import ASGIHandler
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import AsyncClient, Client, override_settings

    outcome = Outcome()
    records = _Records()
    logger = logging.getLogger("django.request")
    level, propagate = logger.level, logger.propagate
    logger.addHandler(records)
    logger.setLevel(logging.DEBUG)
    # Not to pytest's capture: its records would keep the tracebacks, and their coroutines, alive.
    logger.propagate = False
    try:
        with override_settings(MIDDLEWARE=middleware, ROOT_URLCONF=__name__, DEBUG=True,
                               ALLOWED_HOSTS=["testserver"],
                               SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"), \
                warnings_of_the_run() as caught:
            try:
                ASGIHandler() if mode == "asgi" else WSGIHandler()
            except Exception as error:  # noqa: BLE001 - the outcome to compare
                outcome.exception, outcome.message, outcome.at_load = type(error), str(error), True
            else:
                records.lines.clear()  # the request's chain logs its own adaptations
                try:
                    if mode == "asgi":
                        response = asyncio.run(AsyncClient().get(path))
                    else:
                        response = Client().get(path)
                    outcome.status, outcome.headers = response.status_code, dict(response.items())
                    del response
                except Exception as error:  # noqa: BLE001
                    outcome.exception, outcome.message = type(error), str(error)
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
        logger.propagate = propagate
    outcome.logs = records.lines
    outcome.unawaited = list(never_awaited(caught))
    return outcome


def check(outcome: Outcome, want: Expected, where: str) -> None:
    if want.exception is None:
        assert outcome.exception is None, f"{where}: expected a {want.status} response, got {outcome.describe()}"
        assert outcome.status == want.status, f"{where}: expected {want.status}, got {outcome.status}"
        if want.header is not None:
            name, value = want.header
            assert outcome.headers.get(name) == value, f"{where}: {name} is {outcome.headers.get(name)!r}"
    else:
        assert outcome.exception is want.exception and want.says_message(outcome.message), (
            f"{where}: expected {want.raises}: {want.expected_message!r}, got {outcome.describe()}")
        assert outcome.at_load == want.at_load, f"{where}: at_load is {outcome.at_load}: {outcome.describe()}"
    if want.logged:
        assert any(want.logged in line for line in outcome.logs), f"{where}: {want.logged!r} not in {outcome.logs}"
    if want.unawaited_fragment is None:
        assert not outcome.unawaited, f"{where}: unexpected unawaited coroutines {outcome.unawaited}"
    else:
        assert any(want.unawaited_fragment in text for text in outcome.unawaited), (
            f"{where}: no {want.unawaited_fragment!r} unawaited: {outcome.unawaited}")


def adapted_for(outcome: Outcome, dotted: str) -> bool:
    from asynclint import django_api as api

    return api.MIDDLEWARE_ADAPTED_LOG.format(path=dotted) in outcome.logs


def skip_unless(case: Case) -> None:
    if case.skip:
        pytest.skip(case.skip)


# --- The tests -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("relative", "name"), sorted(CASES), ids=[f"{r}::{n}" for r, n in sorted(CASES)])
def test_middleware_behaves_as_the_rules_say(relative, name, mode):
    case = CASES[(relative, name)]
    skip_unless(case)
    dotted = f"{load_fixture(relative)}.{name}"
    where = f"{relative}::{name} ({mode})"
    outcome = run(mode, [dotted], case.path)
    check(outcome, getattr(case, mode), where)
    if mode == "asgi" and case.adapted is not None:
        assert adapted_for(outcome, dotted) == case.adapted, (
            f"{where}: 'Asynchronous handler adapted for middleware' {'missing' if case.adapted else 'logged'}: "
            f"{outcome.logs}")
    for path, asgi, wsgi in case.more:
        check(run(mode, [dotted], path), asgi if mode == "asgi" else wsgi, f"{where} {path}")


def _factories(relative: str) -> dict[str, tuple[int, int]]:
    """Module-level functions and classes of a fixture file: name -> (first line, last line). A private
    name (``_remember``) is a helper the factories call, not a factory."""
    tree = ast.parse((FIXTURES / relative).read_text())
    return {node.name: (min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno)
            for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")}


def test_every_fixture_middleware_is_run():
    """Every middleware in the two rules' fixtures has a case, and so does every annotated line."""
    from tests.test_fixtures import expected as annotated

    for rule in RULES:
        for file in sorted((FIXTURES / rule).rglob("*.py")):
            relative = file.relative_to(FIXTURES).as_posix()
            if relative in NOT_MIDDLEWARE:
                continue
            spans = _factories(relative)
            for name in spans:
                assert (relative, name) in CASES, f"{relative}::{name} has no entry in its folder's runtime.toml"
            for line, _symbol in annotated(file):
                assert any(first <= line <= last for first, last in spans.values()), (
                    f"{relative}:{line} is annotated outside any middleware")
    for relative, name in CASES:
        assert name in _factories(relative), f"runtime.toml names {relative}::{name}, which does not exist"


# --- sync-only-middleware-in-settings ----------------------------------------------------------------
@pytest.fixture
def adapters(monkeypatch) -> list[str]:
    """The sync_to_async/async_to_sync adapters load_middleware puts in the chain (not the hooks')."""
    from django.core.handlers.base import BaseHandler

    built: list[str] = []
    original = BaseHandler.adapt_method_mode

    def spy(self, is_async, method, method_is_async=None, *args, **kwargs):
        adapted = original(self, is_async, method, method_is_async, *args, **kwargs)
        if method_is_async is not None and adapted is not method:  # hooks are adapted without it
            built.append(kwargs.get("name", "the top of the stack"))
        return adapted

    monkeypatch.setattr(BaseHandler, "adapt_method_mode", spy)
    return built


_TIMES = {"no times": 0, "once": 1, "twice": 2}


def _switches_in(message: str) -> int:
    match = re.search(r"switch between async and sync (?:at least )?(no times|once|twice|\d+ times)", message)
    assert match, message
    return _TIMES.get(match.group(1)) if match.group(1) in _TIMES else int(match.group(1).split()[0])


def test_settings_switch_count_is_what_django_builds(adapters):
    from django.core.handlers.asgi import ASGIHandler
    from django.test import override_settings

    from tests.lint import lint

    settings_file = SETTINGS_PROJECT / "bookclub" / "bad_settings.py"
    findings = lint([settings_file])
    claimed = {_switches_in(f.message) for f in findings if f.symbol == "sync-only-middleware-in-settings"}
    assert len(claimed) == 1, findings

    from bookclub import bad_settings

    with override_settings(MIDDLEWARE=bad_settings.MIDDLEWARE):
        ASGIHandler()
    assert len(adapters) == claimed.pop(), adapters


def test_settings_stack_adapts_where_the_mode_changes():
    """The project's MIDDLEWARE is built and asked once per handler; under ASGI Django logs the
    adaptations its entry in runtime.toml lists (``adapted``), in that order."""
    ((relative, name), entry), = entries("middleware-settings").items()
    settings_module = importlib.import_module(relative.split("/", 1)[1].removesuffix(".py").replace("/", "."))
    middleware = list(getattr(settings_module, name))
    folder = relative.split("/", 1)[0]
    outcome = run("asgi", middleware)
    check(outcome, expected_outcome(folder, entry["asgi"]), f"{relative}::{name} (asgi)")
    adaptations = [line for line in outcome.logs if "handler adapted for middleware" in line]
    assert adaptations == entry["adapted"], adaptations
    check(run("wsgi", middleware), expected_outcome(folder, entry["wsgi"]), f"{relative}::{name} (wsgi)")


# Hybrid, sync-only and async-only middleware of the book club, and stacks of them.
_MODES = {
    "bookclub.middleware.club_header_middleware": "hybrid",
    "bookclub.middleware.timing_middleware": "sync-only",
    "bookclub.middleware.maintenance_middleware": "async-only",
}
_BY_MODE = {mode: path for path, mode in _MODES.items()}
STACKS = [[], ["sync-only"], ["async-only"], ["hybrid"], ["sync-only", "async-only", "sync-only"],
          ["async-only", "sync-only"], ["sync-only", "async-only"], ["hybrid", "sync-only", "hybrid"],
          ["sync-only", "hybrid", "async-only", "hybrid", "sync-only"],
          # as many adapters as ["sync-only", "hybrid", "hybrid"]: a second sync-only entry behind one that
          # must stay sync costs nothing (core.middleware.saves_no_switch)
          ["sync-only", "hybrid", "sync-only"], ["sync-only", "hybrid", "hybrid"]]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("stack", STACKS, ids=lambda stack: "+".join(stack) or "empty")
def test_switch_count_matches_load_middleware(adapters, stack, mode):
    """core.middleware.switches() counts the adapters Django's load_middleware builds."""
    from django.core.handlers.asgi import ASGIHandler
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import override_settings

    from asynclint.core.middleware import switches

    with override_settings(MIDDLEWARE=[_BY_MODE[m] for m in stack]):
        ASGIHandler() if mode == "asgi" else WSGIHandler()
    assert len(adapters) == switches(stack, server_async=mode == "asgi"), adapters


def test_django_honours_the_legacy_marker_only_where_asgiref_asks_asyncio():
    """The reason django-5.2/bad_legacy_is_coroutine_marker.py is a *possible* finding: Django 4.2+ asks
    asgiref's iscoroutinefunction (6.0+ inspect's), which is inspect's wherever inspect can mark
    (Python 3.12+), and inspect's ignores the ``_is_coroutine`` marker; before 3.12 it is asyncio's,
    which reads it."""
    import inspect

    from asgiref import sync
    from django.utils import deprecation

    from asynclint import django_api as api

    def marked():
        return None

    setattr(marked, api.LEGACY_COROUTINE_MARKER, asyncio.coroutines._is_coroutine)  # noqa: SLF001
    assert deprecation.iscoroutinefunction in (sync.iscoroutinefunction, inspect.iscoroutinefunction)
    if hasattr(inspect, "markcoroutinefunction"):  # Python 3.12+
        assert sync.iscoroutinefunction is inspect.iscoroutinefunction
        assert not deprecation.iscoroutinefunction(marked)
    else:
        assert deprecation.iscoroutinefunction(marked)
