"""Runs the middleware rules' fixtures in real Django handler chains: what a finding claims, Django does.

Each middleware factory of the ``sync-only-middleware`` and ``middleware-async-mode-mismatch`` fixtures
is installed alone (``override_settings(MIDDLEWARE=[...])``) in front of an async view, and the chain
is built the two ways a server builds it: the ASGI handler (``ASGIHandler()``, which builds the chain
at once, then a request through ``AsyncClient``) and the WSGI handler (``WSGIHandler()``, then
``Client``). ``CASES`` says how each must end, per handler: a response (status, and a header the
middleware sets, which shows it ran), or the exception the rule's message names, raised while the
chain is built or by the request, with the error Django logged and the coroutine left unawaited.
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
import gc
import importlib.util
import logging
import re
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

django = pytest.importorskip("django")

from django.http import Http404, HttpResponse  # noqa: E402
from django.urls import path as route  # noqa: E402

pytestmark = pytest.mark.django_runtime

from tests.runtime.support import FIXTURES, folders_proven_by  # noqa: E402
RULES = folders_proven_by("middleware")  # the folders whose runtime.toml says harness = "middleware"
NOT_MIDDLEWARE = {  # nothing there is a factory Django loads
    "sync-only-middleware/good_not_middleware.py",
    "middleware-async-mode-mismatch/good_other_framework_pipeline.py",  # another framework's pipeline
}
(SETTINGS_PROJECT,) = (FIXTURES / folder for folder in folders_proven_by("middleware-settings"))
MODES = ("asgi", "wsgi")


# --- The view behind every chain (this module is the URLconf) -------------------------------------
async def ok_view(request):
    return HttpResponse("ok")


urlpatterns = [route("", ok_view), route("internal/", ok_view)]


# --- How a request ends ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ends:
    """A response with ``status`` (and ``header`` set), or ``exception`` with ``message`` in its text,
    raised while the chain is built (``at_load``) or by the request; ``logged``: a fragment of an error
    Django logged on the way; ``unawaited``: a fragment of a "coroutine ... was never awaited" warning."""

    status: int | None = None
    header: tuple[str, str] | None = None
    exception: type[BaseException] | None = None
    message: str = ""
    at_load: bool = False
    logged: str = ""
    unawaited: str | None = None


OK = Ends(200)
NOT_FOUND = Ends(404)
INTERNAL = "/internal/"  # the fixtures' middleware raise Http404 for it
SYNC_TO_ASYNC_ON_ASYNC = "sync_to_async can only be applied to sync functions."
COROUTINE_RESPONSE = "'coroutine' object has no attribute"
AWAITED_RESPONSE = "object HttpResponse can't be used in 'await' expression"
COROUTINE_ITEM = "'coroutine' object does not support item assignment"


def sync_code_given_coroutine(dropped: str, message: str = AWAITED_RESPONSE, logged: str = COROUTINE_ITEM) -> Ends:
    """Sync middleware code got a coroutine from get_response (left unawaited: ``dropped``), touched it as
    a response (``logged``), and the chain fails."""
    return Ends(exception=TypeError, message=message, logged=logged, unawaited=f"coroutine '{dropped}'")


ASGI_VIEW_LAYER = "BaseHandler._get_response_async"  # what get_response returns under ASGI, unawaited
ADAPTED_SYNC_LAYER = "SyncToAsync.__call__"  # the sync layer below, adapted for an async-only middleware


def coroutine_response(coroutine: str) -> Ends:
    return Ends(exception=AttributeError, message=COROUTINE_RESPONSE, unawaited=f"coroutine '{coroutine}'")


ESCAPED_404 = Ends(exception=Http404, message="no such page")  # raised by the middleware, not turned into a 404


@dataclass(frozen=True)
class Case:
    asgi: Ends = OK
    wsgi: Ends = OK
    path: str = "/"
    #: Django logs "Asynchronous handler adapted for middleware <path>." under ASGI (None: not checked).
    adapted: bool | None = None
    #: Run only where this holds (a reason, and a predicate on (django version, python version)).
    only: tuple[str, object] | None = None
    more: tuple[tuple[str, Ends, Ends], ...] = field(default=())  # other (path, asgi, wsgi) requests


def header(name: str, value: str, status: int = 200) -> Ends:
    return Ends(status, header=(name, value))


SYNC_ONLY = "sync-only-middleware"
MISMATCH = "middleware-async-mode-mismatch"
PY312 = ("Django 6.0+ runs on Python 3.12+, where Django reads inspect.iscoroutinefunction",
         lambda versions: versions[1] >= (3, 12))
BELOW_PY312 = ("the legacy marker is read on Python 3.10/3.11 only", lambda versions: versions[1] < (3, 12))

CASES: dict[tuple[str, str], Case] = {
    # sync-only-middleware: every sync-only middleware is adapted under ASGI, reported or chosen.
    (f"{SYNC_ONLY}/bad_function_factory.py", "timing_middleware"): Case(adapted=True),
    (f"{SYNC_ONLY}/bad_function_factory.py", "powered_by_middleware"): Case(
        header("X-Powered-By", "bookshop"), header("X-Powered-By", "bookshop"), adapted=True),
    (f"{SYNC_ONLY}/bad_class_middleware.py", "RequestIdMiddleware"): Case(adapted=True),
    # Under ASGI Django adapts it whatever the project's server; the rule reports it only where the
    # project serves HTTP through ASGI (asynclint.core.deployment).
    (f"{SYNC_ONLY}/served-by-asgi/bad_sync_middleware_under_asgi.py", "ClientIpMiddleware"): Case(adapted=True),
    (f"{SYNC_ONLY}/served-by-wsgi/good_sync_middleware_under_wsgi.py", "ClientIpMiddleware"): Case(adapted=True),
    (f"{SYNC_ONLY}/bad_class_middleware.py", "CorrelationIdMiddleware"): Case(adapted=True),
    (f"{SYNC_ONLY}/bad_class_middleware.py", "ShopHeaderMiddleware"): Case(
        header("X-Shop", "1"), header("X-Shop", "1"), adapted=True),
    (f"{SYNC_ONLY}/bad_class_middleware.py", "NoCacheMiddleware"): Case(
        header("Cache-Control", "max-age=0"), header("Cache-Control", "max-age=0"), adapted=True),
    (f"{SYNC_ONLY}/good_explicit_sync_only.py", "current_request_middleware"): Case(adapted=True),
    (f"{SYNC_ONLY}/good_explicit_sync_only.py", "LegacyAuditMiddleware"): Case(
        header("X-Audited", "1"), header("X-Audited", "1"), adapted=True),
    (f"{SYNC_ONLY}/good_explicit_sync_only.py", "ThreadLocalMiddleware"): Case(adapted=True),
    (f"{SYNC_ONLY}/good_hybrid_function.py", "timing_middleware"): Case(adapted=False),
    (f"{SYNC_ONLY}/good_hybrid_class.py", "RequestIdMiddleware"): Case(adapted=False),
    (f"{SYNC_ONLY}/good_middleware_mixin.py", "MaintenanceHeaderMiddleware"): Case(
        header("X-Maintenance", "off"), header("X-Maintenance", "off"), adapted=False),
    (f"{SYNC_ONLY}/good_middleware_mixin.py", "ShopLocaleMiddleware"): Case(adapted=False),
    # middleware-async-mode-mismatch: each failure the message names.
    (f"{MISMATCH}/bad_async_middleware_without_async_capable.py", "hide_internal_middleware"): Case(
        Ends(exception=TypeError, message=SYNC_TO_ASYNC_ON_ASYNC, at_load=True),
        coroutine_response("hide_internal_middleware.<locals>.middleware"), adapted=True),
    (f"{MISMATCH}/bad_async_middleware_without_async_capable.py", "HideInternalMiddleware"): Case(
        coroutine_response("HideInternalMiddleware.__call__"),
        coroutine_response("HideInternalMiddleware.__call__"), adapted=True),
    # The same shape as another framework's pipeline, installed by the project's MIDDLEWARE setting.
    (f"{MISMATCH}/listed-in-settings/pipeline/middleware.py", "StampMiddleware"): Case(
        coroutine_response("StampMiddleware.__call__"), coroutine_response("StampMiddleware.__call__"), adapted=True),
    (f"{MISMATCH}/bad_hybrid_without_async_path.py", "frame_options_middleware"): Case(
        sync_code_given_coroutine(ASGI_VIEW_LAYER),
        header("X-Frame-Options", "DENY"), adapted=False),
    (f"{MISMATCH}/bad_hybrid_without_async_path.py", "ReferrerPolicyMiddleware"): Case(
        sync_code_given_coroutine(ASGI_VIEW_LAYER),
        header("Referrer-Policy", "same-origin"), adapted=False),
    (f"{MISMATCH}/bad_hybrid_without_sync_path.py", "frame_options_middleware"): Case(
        header("X-Frame-Options", "DENY"), coroutine_response("frame_options_middleware.<locals>.middleware"),
        adapted=False),
    (f"{MISMATCH}/bad_async_only_with_sync_middleware.py", "frame_options_middleware"): Case(
        sync_code_given_coroutine(ASGI_VIEW_LAYER), sync_code_given_coroutine(ADAPTED_SYNC_LAYER), adapted=False),
    (f"{MISMATCH}/bad_async_class_not_marked.py", "HideInternalMiddleware"): Case(
        ESCAPED_404, ESCAPED_404, path=INTERNAL, adapted=False),
    (f"{MISMATCH}/bad_async_class_not_marked.py", "HybridHideInternalMiddleware"): Case(
        ESCAPED_404, NOT_FOUND, path=INTERNAL, adapted=False),
    (f"{MISMATCH}/bad_hybrid_other_shapes_not_marked.py", "CastUnmarkedMiddleware"): Case(
        ESCAPED_404, NOT_FOUND, path=INTERNAL, adapted=False),
    (f"{MISMATCH}/bad_hybrid_import_fallback_not_marked.py", "FallbackUnmarkedMiddleware"): Case(
        ESCAPED_404, NOT_FOUND, path=INTERNAL, adapted=False),
    (f"{MISMATCH}/good_hybrid_import_fallback.py", "FallbackImportMiddleware"): Case(
        header("X-Shape", "fallback"), header("X-Shape", "fallback"), adapted=False),
    (f"{MISMATCH}/good_hybrid_other_shapes.py", "VersionedMarkMiddleware"): Case(
        header("X-Shape", "versioned"), header("X-Shape", "versioned"), adapted=False),
    (f"{MISMATCH}/good_hybrid_other_shapes.py", "ShimmedMarkMiddleware"): Case(
        header("X-Shape", "shimmed"), header("X-Shape", "shimmed"), adapted=False),
    (f"{MISMATCH}/bad_both_flags_false.py", "DisabledMiddleware"): Case(
        Ends(exception=RuntimeError, message="must have at least one of sync_capable/async_capable set to True",
             at_load=True),
        Ends(exception=RuntimeError, message="must have at least one of sync_capable/async_capable set to True",
             at_load=True)),
    (f"{MISMATCH}/bad_middleware_mixin_sync_call.py", "FrameOptionsMiddleware"): Case(
        sync_code_given_coroutine(ASGI_VIEW_LAYER, message=COROUTINE_ITEM, logged=""),
        header("X-Frame-Options", "DENY"), adapted=False),
    (f"{MISMATCH}/bad_middleware_mixin_async_hooks.py", "ShopLocaleMiddleware"): Case(
        Ends(exception=TypeError, message=SYNC_TO_ASYNC_ON_ASYNC),
        coroutine_response("ShopLocaleMiddleware.process_request"), adapted=False),
    (f"{MISMATCH}/bad_middleware_mixin_async_hooks.py", "FrameOptionsMiddleware"): Case(
        Ends(exception=TypeError, message=SYNC_TO_ASYNC_ON_ASYNC),
        coroutine_response("FrameOptionsMiddleware.process_response"), adapted=False),
    (f"{MISMATCH}/django-6.1/bad_legacy_is_coroutine_marker.py", "HideInternalMiddleware"): Case(
        ESCAPED_404, ESCAPED_404, path=INTERNAL, only=PY312),
    (f"{MISMATCH}/django-5.2/good_legacy_is_coroutine_marker.py", "HideInternalMiddleware"): Case(
        NOT_FOUND, NOT_FOUND, path=INTERNAL, only=BELOW_PY312, more=(("/", OK, OK),)),
    (f"{MISMATCH}/good_async_only_middleware.py", "hide_internal_middleware"): Case(
        NOT_FOUND, NOT_FOUND, path=INTERNAL, adapted=False, more=(("/", OK, OK),)),
    (f"{MISMATCH}/good_hybrid_function_branch.py", "frame_options_middleware"): Case(
        header("X-Frame-Options", "DENY"), header("X-Frame-Options", "DENY"), adapted=False),
    (f"{MISMATCH}/good_hybrid_function_branch.py", "referrer_policy_middleware"): Case(
        header("Referrer-Policy", "same-origin"), header("Referrer-Policy", "same-origin"), adapted=False),
    (f"{MISMATCH}/good_docs_async_class_recipe.py", "HideInternalMiddleware"): Case(
        NOT_FOUND, NOT_FOUND, path=INTERNAL, adapted=False, more=(("/", OK, OK),)),
    (f"{MISMATCH}/good_hybrid_class_routes_to_acall.py", "HideInternalMiddleware"): Case(
        NOT_FOUND, NOT_FOUND, path=INTERNAL, adapted=False, more=(("/", OK, OK),)),
    (f"{MISMATCH}/good_hybrid_class_routes_to_acall.py", "LockoutMiddleware"): Case(
        header("X-Lockout", "no"), header("X-Lockout", "no"), adapted=False),
    (f"{MISMATCH}/good_middleware_mixin_hooks.py", "FrameOptionsMiddleware"): Case(
        header("X-Frame-Options", "DENY"), header("X-Frame-Options", "DENY"), adapted=False),
    (f"{MISMATCH}/good_middleware_mixin_hooks.py", "ViewNameMiddleware"): Case(adapted=False),
    (f"{MISMATCH}/good_middleware_mixin_hooks.py", "CountingMiddleware"): Case(adapted=False),
}

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
                warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
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
            gc.collect()
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
        logger.propagate = propagate
    outcome.logs = records.lines
    outcome.unawaited = [str(w.message) for w in caught
                         if issubclass(w.category, RuntimeWarning) and "was never awaited" in str(w.message)]
    return outcome


def check(outcome: Outcome, want: Ends, where: str) -> None:
    if want.exception is None:
        assert outcome.exception is None, f"{where}: expected a {want.status} response, got {outcome.describe()}"
        assert outcome.status == want.status, f"{where}: expected {want.status}, got {outcome.status}"
        if want.header is not None:
            name, value = want.header
            assert outcome.headers.get(name) == value, f"{where}: {name} is {outcome.headers.get(name)!r}"
    else:
        assert outcome.exception is want.exception and want.message in outcome.message, (
            f"{where}: expected {want.exception.__name__}: {want.message!r}, got {outcome.describe()}")
        assert outcome.at_load == want.at_load, f"{where}: at_load is {outcome.at_load}: {outcome.describe()}"
    if want.logged:
        assert any(want.logged in line for line in outcome.logs), f"{where}: {want.logged!r} not in {outcome.logs}"
    if want.unawaited is None:
        assert not outcome.unawaited, f"{where}: unexpected unawaited coroutines {outcome.unawaited}"
    else:
        assert any(want.unawaited in text for text in outcome.unawaited), (
            f"{where}: no {want.unawaited!r} unawaited: {outcome.unawaited}")


def adapted_for(outcome: Outcome, dotted: str) -> bool:
    from asynclint import django_api as api

    return api.MIDDLEWARE_ADAPTED_LOG.format(path=dotted) in outcome.logs


def skip_unless(case: Case) -> None:
    if case.only is not None:
        reason, holds = case.only
        if not holds((django.VERSION[:2], sys.version_info[:2])):
            pytest.skip(reason)


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
    """Module-level functions and classes of a fixture file: name -> (first line, last line)."""
    tree = ast.parse((FIXTURES / relative).read_text())
    return {node.name: (min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno)
            for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


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
                assert (relative, name) in CASES, f"{relative}::{name} has no runtime case"
            for line, _symbol in annotated(file):
                assert any(first <= line <= last for first, last in spans.values()), (
                    f"{relative}:{line} is annotated outside any middleware")
    for relative, name in CASES:
        assert name in _factories(relative), f"CASES names {relative}::{name}, which does not exist"


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
    """Django logs each switch below the top, innermost first: the sync-only locale_middleware (whose
    async path is never taken) after the hybrid club_header_middleware, the async-only
    maintenance_middleware above the sync layers, then audit_middleware (sync-only on purpose) above
    it. timing_middleware, being outside audit_middleware, runs sync with the rest: it costs no extra
    switch while audit_middleware stays sync-only (what the finding's list of sync-only entries says).
    The last switch, at the top, is not logged. The chain still answers."""
    from bookclub import bad_settings

    outcome = run("asgi", list(bad_settings.MIDDLEWARE))
    check(outcome, OK, "bookclub.bad_settings (asgi)")
    adaptations = [line for line in outcome.logs if "handler adapted for middleware" in line]
    assert adaptations == [
        "Asynchronous handler adapted for middleware bookclub.middleware.locale_middleware.",
        "Synchronous handler adapted for middleware bookclub.middleware.maintenance_middleware.",
        "Asynchronous handler adapted for middleware bookclub.middleware.audit_middleware.",
    ], adaptations
    check(run("wsgi", list(bad_settings.MIDDLEWARE)), OK, "bookclub.bad_settings (wsgi)")


# Hybrid, sync-only and async-only middleware of the book club, and stacks of them.
_MODES = {
    "bookclub.middleware.club_header_middleware": "hybrid",
    "bookclub.middleware.timing_middleware": "sync-only",
    "bookclub.middleware.maintenance_middleware": "async-only",
}
_BY_MODE = {mode: path for path, mode in _MODES.items()}
STACKS = [[], ["sync-only"], ["async-only"], ["hybrid"], ["sync-only", "async-only", "sync-only"],
          ["async-only", "sync-only"], ["sync-only", "async-only"], ["hybrid", "sync-only", "hybrid"],
          ["sync-only", "hybrid", "async-only", "hybrid", "sync-only"]]


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
