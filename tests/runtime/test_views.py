"""Runs the view rules' fixtures under real Django: what a fixture claims, Django must do.

Rules: ``sync-iterator-in-streaming-response``, ``sync-test-client-in-async-test``,
``mixed-sync-async-view-handlers`` and ``sync-only-decorator-on-async-view``.

Each fixture module is routed as a URLconf: every top-level view function (first parameter
``request``) and every ``View`` subclass defined in it gets ``path("<name>/", view, name="<name>")``.
``EXPECTED`` says, per fixture file and view (``Class.test_method`` for a fixture's test case), what
each probe does and on which Django versions; the installed version picks the row, so the fixtures of
every ``django-X.Y`` folder run on every version. Probes:

- ``as_view``: ``View.as_view()`` itself (a class with mixed handlers fails here, before any request);
- ``ASGI`` / ``WSGI``: a request through ``django.test.AsyncClient`` / ``django.test.Client``, which
  re-raise the view's exception (``login`` logs a superuser in first, ``csrf`` enforces CSRF checks);
- ``ASGI server``: a request handed straight to ``ASGIHandler``, which consumes a streaming body the
  way a server does (``AsyncClient`` does not iterate it, so it never warns);
- ``test``: the fixture's test method run by unittest, recording which handler served each request
  and whether an event loop was running in that thread.

``test_table_agrees_with_the_fixture_verdicts`` ties the table to the annotations: at a fixture's
target version (its ``options.toml``, else every version in the table), an annotated view must fail
(or misbehave) and an unannotated one must not; the exceptions are listed in ``DISPUTED``.
"""

from __future__ import annotations

import ast
import asyncio
import gc
import importlib.metadata
import importlib.util
import inspect
import logging
import re
import sys
import types
import unittest
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

django = pytest.importorskip("django")

from django.core.exceptions import ImproperlyConfigured, SynchronousOnlyOperation  # noqa: E402

from tests.test_fixtures import options_for  # noqa: E402

pytestmark = pytest.mark.django_runtime

from tests.runtime.support import FIXTURES, folders_proven_by, seed  # noqa: E402
RULES = folders_proven_by("views")  # the folders whose runtime.toml says harness = "views"
DJANGO = django.VERSION[:2]
ASGIREF = tuple(int(part) for part in re.findall(r"\d+", importlib.metadata.version("asgiref"))[:2])

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


# --- Versions and outcomes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Versions:
    """Django versions ``since <= version < before`` (either bound open)."""

    since: tuple[int, int] | None = None
    before: tuple[int, int] | None = None

    def __contains__(self, version: tuple[int, int]) -> bool:
        return (self.since is None or version >= self.since) and (self.before is None or version < self.before)

    def __str__(self) -> str:
        show = "{}.{}".format
        if self.since and self.before:
            return f"{show(*self.since)} <= Django < {show(*self.before)}"
        if self.since:
            return f"Django >= {show(*self.since)}"
        return f"Django < {show(*self.before)}" if self.before else "every Django"


ALL = Versions()


def since(major: int, minor: int) -> Versions:
    return Versions(since=(major, minor))


def before(major: int, minor: int) -> Versions:
    return Versions(before=(major, minor))


def between(first: tuple[int, int], end: tuple[int, int]) -> Versions:
    return Versions(since=first, before=end)


WSGI_ON_LOOP = "ClientHandler (WSGI), event loop running"
WSGI = "ClientHandler (WSGI)"
ASGI = "AsyncClientHandler (ASGI)"


@dataclass(frozen=True)
class Outcome:
    """What a probe does: raises ``exception`` (``message`` is a regex searched in its text) or answers
    ``status``; emits the ``Warning`` whose text contains ``warning`` (None: no streaming warning);
    leaves a coroutine unawaited or not; for a test method, the handlers its requests went through."""

    exception: type[BaseException] | None = None
    message: str = ""
    status: int | None = None
    warning: str | None = None
    unawaited: bool = False
    handlers: tuple[str, ...] | None = None  # only for "test" probes
    tolerated: str = ""  # why a warning here is no defect (the rule stays silent on purpose)

    @property
    def fails(self) -> bool:
        """It fails, or misbehaves the way its rule says (buffers a stream, serves a test via WSGI on the loop)."""
        return bool(
            self.exception
            or self.unawaited
            or (self.warning and not self.tolerated)
            or (self.handlers and WSGI_ON_LOOP in self.handlers)
        )


def ok(status: int = 200) -> Outcome:
    return Outcome(status=status)


def mixed(qualname: str) -> Outcome:
    return Outcome(ImproperlyConfigured, rf"^{qualname} HTTP handlers must either be all sync or all async\.$")


SYNC_ONLY = Outcome(SynchronousOnlyOperation, "You cannot call this from an async context - use a thread or sync_to_async")
# A sync dispatch() (auth mixin, sync decorator) returned its redirect to an async view, which awaits it.
AWAITED_REDIRECT = Outcome(TypeError, r"HttpResponseRedirect.* (can't be used in 'await' expression|can't be awaited)")
UNAWAITED_VIEW = Outcome(
    ValueError,
    r"didn't return an HttpResponse object\. It returned an unawaited coroutine instead\. "
    r"You may need to add an 'await' into your view\.",
    unawaited=True,
)


def no_attribute(name: str) -> Outcome:
    return Outcome(AttributeError, f"^'coroutine' object has no attribute '{name}'$", unawaited=True)


SYNC_STREAM_WARNING = (
    "StreamingHttpResponse must consume synchronous iterators in order to serve them asynchronously. "
    "Use an asynchronous iterator instead."
)
BUFFERED = Outcome(status=200, warning=SYNC_STREAM_WARNING)
STREAMED = Outcome(status=200)


def passes(*handlers: str) -> Outcome:
    return Outcome(handlers=handlers)


def errors_with(exception: type[BaseException], message: str, *handlers: str) -> Outcome:
    return Outcome(exception, message, handlers=handlers)


TEST_SYNC_ONLY = SYNC_ONLY.message
ASYNC_TO_SYNC_ON_LOOP = (
    r"^You cannot use AsyncToSync in the same thread as an async event loop - just await the async function directly\.$"
)


@dataclass(frozen=True)
class Probe:
    via: str  # "as_view", "ASGI", "WSGI", "ASGI server", "test"
    method: str = "GET"
    login: bool = False
    csrf: bool = False  # enforce CSRF checks (the client sends no token)
    data: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        if self.via in ("as_view", "test"):
            return self.via
        extras = [word for word, on in (("login", self.login), ("csrf", self.csrf)) if on]
        return " ".join([self.method, self.via, *extras])


AS_VIEW = Probe("as_view")
TEST = Probe("test")
GET = Probe("ASGI")
GET_LOGIN = Probe("ASGI", login=True)
GET_WSGI = Probe("WSGI")
GET_WSGI_LOGIN = Probe("WSGI", login=True)
SERVE = Probe("ASGI server")
POST = Probe("ASGI", "POST")
POST_TITLE = Probe("ASGI", "POST", data=(("title", "The Dispossessed"),))
POST_CSRF = Probe("ASGI", "POST", csrf=True)
POST_WSGI_CSRF = Probe("WSGI", "POST", csrf=True)
OPTIONS = Probe("ASGI", "OPTIONS")
DELETE = Probe("ASGI", "DELETE")


# --- The table --------------------------------------------------------------------------------------

STREAM = "sync-iterator-in-streaming-response/"
CLIENT = "sync-test-client-in-async-test/"
MIXED = "mixed-sync-async-view-handlers/"
DECORATOR = "sync-only-decorator-on-async-view/"

# Before 5.0 the cache/csrf/http/vary decorators wrap an async def in a sync wrapper; from 5.0 they
# return an async one. Shared by django-4.2/bad_... and django-5.0/good_..., which hold the same views.
VIEW_DECORATORS_SINCE_5_0 = {
    "webhook": {  # csrf_exempt; the client enforces CSRF checks, so the exemption is exercised
        POST_CSRF: {before(5, 0): UNAWAITED_VIEW, since(5, 0): ok()},
        POST_WSGI_CSRF: {before(5, 0): UNAWAITED_VIEW, since(5, 0): ok()},
    },
    "publish": {  # require_POST: the 405 for GET comes from the wrapper itself, so it looks fine
        GET: {ALL: ok(405)},
        POST: {before(5, 0): UNAWAITED_VIEW, since(5, 0): ok()},
    },
    "book_count": {GET: {before(5, 0): UNAWAITED_VIEW, since(5, 0): ok()}},  # require_http_methods
    "live_count": {GET: {before(5, 0): no_attribute("has_header"), since(5, 0): ok()}},  # never_cache
    "cached_count": {GET: {before(5, 0): no_attribute("streaming"), since(5, 0): ok()}},  # cache_page
    "personal_count": {GET: {before(5, 0): no_attribute("has_header"), since(5, 0): ok()}},  # vary_on_cookie
}
# Before 5.1 the auth decorators are sync: anonymous users get the redirect, a logged-in user the coroutine.
AUTH_DECORATORS_SINCE_5_1 = {
    name: {GET: {ALL: ok(302)}, GET_LOGIN: {before(5, 1): UNAWAITED_VIEW, since(5, 1): ok()}}
    for name in ("dashboard", "report", "staff_report")
}
# Before 5.2 method_decorator's wrapper is a sync function: the class's handler becomes sync, the
# view is sync, and the handler returns a coroutine.
METHOD_DECORATOR_SINCE_5_2 = {
    "DashboardView": {
        # login_required: sync before 5.1 (redirects); async from 5.1, so the sync handler returns a coroutine.
        GET: {before(5, 1): ok(302), between((5, 1), (5, 2)): UNAWAITED_VIEW, since(5, 2): ok(302)},
        GET_LOGIN: {before(5, 2): UNAWAITED_VIEW, since(5, 2): ok()},
    },
    # never_cache: sync before 5.0 (it touches the coroutine); async from 5.0, so the sync handler returns it.
    "LiveCountView": {
        GET: {before(5, 0): no_attribute("has_header"), between((5, 0), (5, 2)): UNAWAITED_VIEW, since(5, 2): ok()}
    },
}

EXPECTED: dict[tuple[str, str], dict[Probe, dict[Versions, Outcome]]] = {
    # sync-iterator-in-streaming-response: under ASGI, Django 4.2+ warns and buffers a sync iterator.
    **{
        (STREAM + "bad_sync_iterators.py", name): {SERVE: {ALL: BUFFERED}}
        for name in (
            "export_from_generator_function",
            "export_from_keyword_argument",
            "export_from_generator_expression",
            "export_through_variable",
            "export_with_map",
            "export_with_filter",
            "export_in_chunks",
        )
    },
    **{
        (STREAM + "bad_file_responses.py", name): {SERVE: {ALL: BUFFERED}}
        for name in ("download_report", "download_source", "stream_source")
    },
    (STREAM + "good_async_iterators.py", "export_from_async_generator"): {SERVE: {ALL: STREAMED}},
    (STREAM + "good_async_generator_expression.py", "export_titles"): {SERVE: {ALL: STREAMED}},
    (STREAM + "good_async_generator_expression.py", "export_titles_through_variable"): {SERVE: {ALL: STREAMED}},
    (STREAM + "good_async_iterators.py", "export_from_async_generator_keyword"): {SERVE: {ALL: STREAMED}},
    # Sync views are for WSGI; served by ASGI they are buffered too, but the rule covers async views only.
    **{
        (STREAM + "good_async_iterators.py", name): {
            GET_WSGI: {ALL: ok()},
            SERVE: {ALL: Outcome(status=200, warning=SYNC_STREAM_WARNING, tolerated="a sync view, meant for WSGI")},
        }
        for name in ("export_from_sync_generator_in_sync_view", "download_in_sync_view")
    },
    (STREAM + "good_in_memory_list.py", "export_small_list"): {
        SERVE: {ALL: Outcome(status=200, warning=SYNC_STREAM_WARNING, tolerated="the list is already in memory")}
    },
    # sync-test-client-in-async-test: the sync client runs the WSGI handler in the test's loop thread.
    (CLIENT + "bad_sync_client_in_async_tests.py", "book_count"): {GET: {ALL: ok()}, GET_WSGI: {ALL: ok()}},
    (CLIENT + "bad_sync_client_in_async_tests.py", "abook_count"): {GET: {ALL: ok()}, GET_WSGI: {ALL: ok()}},
    (CLIENT + "bad_sync_client_in_async_tests.py", "ping"): {GET_WSGI: {ALL: ok()}},
    **{
        (CLIENT + "bad_sync_client_in_async_tests.py", f"BookApiTests.{name}"): {TEST: {ALL: outcome}}
        for name, outcome in {
            # The sync view's query meets the running loop.
            "test_sync_view": errors_with(SynchronousOnlyOperation, TEST_SYNC_ONLY, WSGI_ON_LOOP),
            "test_post": errors_with(SynchronousOnlyOperation, TEST_SYNC_ONLY, WSGI_ON_LOOP),
            "test_new_client": errors_with(SynchronousOnlyOperation, TEST_SYNC_ONLY, WSGI_ON_LOOP),
            # The WSGI handler runs the async view through async_to_sync, in the loop's own thread.
            "test_async_view": errors_with(RuntimeError, ASYNC_TO_SYNC_ON_LOOP, WSGI_ON_LOOP),
            # No query: it passes, but the request went through WSGI, blocking the loop.
            "test_view_without_queries": passes(WSGI_ON_LOOP),
            # login() writes last_login (force_login) or authenticates (login) on the loop.
            "test_force_login": errors_with(SynchronousOnlyOperation, TEST_SYNC_ONLY),
            "test_login": errors_with(SynchronousOnlyOperation, TEST_SYNC_ONLY),
            # RequestFactory only builds a WSGIRequest: nothing runs on the loop (not reported).
            "test_request_factory": passes(),
        }.items()
    },
    # logout() loads the logged-in user to send user_logged_out.
    (CLIENT + "bad_sync_client_in_async_tests.py", "LoggedInTests.test_logout"): {
        TEST: {ALL: errors_with(SynchronousOnlyOperation, TEST_SYNC_ONLY)}
    },
    (CLIENT + "good_async_client_in_async_tests.py", "book_count"): {GET: {ALL: ok()}},
    (CLIENT + "good_async_client_in_async_tests.py", "abook_count"): {GET: {ALL: ok()}},
    **{
        (CLIENT + "good_async_client_in_async_tests.py", name): {TEST: {ALL: outcome}}
        for name, outcome in {
            "AsyncBookApiTests.test_async_view": passes(ASGI),
            "AsyncBookApiTests.test_sync_view_through_asgi": passes(ASGI),
            "AsyncBookApiTests.test_new_async_client": passes(ASGI),
            "AsyncBookApiTests.test_async_request_factory": passes(),
            "SyncBookApiTests.test_sync_view": passes(WSGI),
            "SyncBookApiTests.test_async_view_through_wsgi": passes(WSGI),
            "ConcurrentRequestTests.test_two_requests_at_once": passes(ASGI, ASGI),
        }.items()
    },
    # mixed-sync-async-view-handlers: as_view() refuses mixed handlers, inherited ones included.
    **{
        (MIXED + relative, name): {AS_VIEW: {ALL: mixed(name)}}
        for relative, names in {
            "bad_own_handlers_mixed.py": ("BookView", "BookApi"),
            "bad_inherited_generic_handlers.py": (
                "AboutView",
                "BookListView",
                "RetitleView",
                "LatestBookRedirect",
                "BookDeleteView",
            ),
            "bad_project_base_class.py": ("BookCountView", "ReadOnlyBookView"),
        }.items()
        for name in names
    },
    (MIXED + "bad_project_base_class.py", "JsonView"): {AS_VIEW: {ALL: ok(None)}, GET: {ALL: ok()}},
    # The mixins' sync dispatch(): the redirect for anonymous users is awaited, request.user hits the DB on the loop.
    **{
        (MIXED + "bad_sync_auth_mixins.py", name): {
            AS_VIEW: {ALL: ok(None)},
            GET: {ALL: AWAITED_REDIRECT},
            GET_LOGIN: {ALL: SYNC_ONLY},
            GET_WSGI: {ALL: AWAITED_REDIRECT},
            # asgiref 3.9+ calls the view function in the WSGI thread and awaits its result on the loop;
            # before 3.9 it called it on the loop (Django 6.0+ requires asgiref 3.9.1).
            GET_WSGI_LOGIN: {ALL: ok() if ASGIREF >= (3, 9) else SYNC_ONLY},
        }
        for name in ("DashboardView", "ReportView", "StaffView")
    },
    # raise_exception: PermissionDenied gives the right 403 to anonymous users; logged in, it still fails.
    (MIXED + "bad_sync_auth_mixins.py", "ProtectedApi"): {GET: {ALL: ok(403)}, GET_LOGIN: {ALL: SYNC_ONLY}},
    (MIXED + "good_all_async_views.py", "BookView"): {
        AS_VIEW: {ALL: ok(None)},
        GET: {ALL: ok()},
        POST: {ALL: ok()},
        OPTIONS: {ALL: ok()},
        GET_WSGI: {ALL: ok()},
    },
    (MIXED + "good_all_async_views.py", "AsyncJsonView"): {GET: {ALL: ok()}},
    (MIXED + "good_all_async_views.py", "BookCountView"): {GET: {ALL: ok()}, DELETE: {ALL: ok()}},
    (MIXED + "good_all_sync_views.py", "BookView"): {GET: {ALL: ok()}, POST: {ALL: ok()}, GET_WSGI: {ALL: ok()}},
    (MIXED + "good_all_sync_views.py", "BookListView"): {GET: {ALL: ok()}, POST: {ALL: ok()}},
    (MIXED + "good_all_sync_views.py", "DashboardView"): {GET: {ALL: ok(302)}, GET_LOGIN: {ALL: ok()}},
    (MIXED + "good_generic_views_overridden_async.py", "AboutView"): {GET: {ALL: ok()}, GET_WSGI: {ALL: ok()}},
    (MIXED + "good_generic_views_overridden_async.py", "BookListView"): {GET: {ALL: ok()}},
    (MIXED + "good_generic_views_overridden_async.py", "RetitleView"): {
        GET: {ALL: ok()},
        POST_TITLE: {ALL: ok(302)},
        POST: {ALL: ok()},  # no title: the form comes back with its errors
    },
    # sync-only-decorator-on-async-view
    **{(DECORATOR + "django-4.2/bad_view_decorators_before_5_0.py", k): v for k, v in VIEW_DECORATORS_SINCE_5_0.items()},
    **{(DECORATOR + "django-5.0/good_view_decorators_since_5_0.py", k): v for k, v in VIEW_DECORATORS_SINCE_5_0.items()},
    (DECORATOR + "django-4.2/good_decorators_on_sync_views.py", "webhook"): {
        POST_CSRF: {ALL: ok()},
        POST_WSGI_CSRF: {ALL: ok()},
    },
    (DECORATOR + "django-4.2/good_decorators_on_sync_views.py", "live_count"): {GET: {ALL: ok()}},
    (DECORATOR + "django-4.2/good_decorators_on_sync_views.py", "import_books"): {GET: {ALL: ok()}},
    **{(DECORATOR + "django-5.0/bad_auth_decorators_before_5_1.py", k): v for k, v in AUTH_DECORATORS_SINCE_5_1.items()},
    **{(DECORATOR + "django-5.1/good_auth_decorators_since_5_1.py", k): v for k, v in AUTH_DECORATORS_SINCE_5_1.items()},
    (DECORATOR + "django-5.1/good_auth_decorators_since_5_1.py", "private_webhook"): {
        # csrf_exempt over login_required: both must be async-capable.
        Probe("ASGI", "POST", login=True, csrf=True): {before(5, 1): UNAWAITED_VIEW, since(5, 1): ok()},
    },
    **{(DECORATOR + "django-5.1/bad_method_decorator_before_5_2.py", k): v for k, v in METHOD_DECORATOR_SINCE_5_2.items()},
    **{(DECORATOR + "django-5.2/good_method_decorator_since_5_2.py", k): v for k, v in METHOD_DECORATOR_SINCE_5_2.items()},
    # method_decorator(login_required) on an async dispatch(): the handlers are async, so as_view()'s view
    # is async and awaits what the decorated dispatch() returns.
    (DECORATOR + "django-5.2/good_method_decorator_since_5_2.py", "ReportView"): {
        GET: {before(5, 1): AWAITED_REDIRECT, since(5, 1): ok(302)},
        GET_LOGIN: {before(5, 1): SYNC_ONLY, since(5, 1): ok()},
    },
    # Same ReportView at 5.1: as_view() is async from the handlers, so the sync wrapper is harmless.
    (DECORATOR + "django-5.1/good_method_decorator_on_async_dispatch.py", "ReportView"): {
        GET: {before(5, 1): AWAITED_REDIRECT, since(5, 1): ok(302)},
        GET_LOGIN: {before(5, 1): SYNC_ONLY, since(5, 1): ok()},
    },
    # csrf_exempt passes dispatch()'s coroutine through; the client enforces CSRF, so it is exercised.
    (DECORATOR + "good_csrf_exempt_on_dispatch_of_async_view.py", "WebhookView"): {
        POST_CSRF: {ALL: ok()},
        POST_WSGI_CSRF: {ALL: ok()},
    },
    (DECORATOR + "bad_api_view_on_async_def.py", "book_count"): {
        GET: {
            ALL: Outcome(
                AssertionError,
                r"Expected a `Response`, `HttpResponse` or `StreamingHttpResponse` to be returned from the view, "
                r"but received a `<class 'coroutine'>`",
                unawaited=True,
            )
        }
    },
    # name="dispatch" wraps View.dispatch, which is sync in every version.
    (DECORATOR + "bad_method_decorator_on_sync_dispatch.py", "DashboardView"): {
        AS_VIEW: {ALL: ok(None)},
        GET: {ALL: AWAITED_REDIRECT},
        GET_LOGIN: {ALL: SYNC_ONLY},
    },
    (DECORATOR + "bad_method_decorator_on_sync_dispatch.py", "LiveCountView"): {GET: {ALL: no_attribute("has_header")}},
    (DECORATOR + "good_decorators_on_sync_views.py", "dashboard"): {GET: {ALL: ok(302)}, GET_LOGIN: {ALL: ok()}},
    (DECORATOR + "good_decorators_on_sync_views.py", "book_count"): {GET: {ALL: ok()}, GET_WSGI: {ALL: ok()}},
    (DECORATOR + "good_decorators_on_sync_views.py", "ReportView"): {GET: {ALL: ok(302)}, GET_LOGIN: {ALL: ok()}},
}

#: Annotated views whose runtime behaviour does not back the rule's claim, and why.
DISPUTED: dict = {}  # none left: RequestFactory (which only builds a request) is no longer reported


def expected_outcome(by_version: dict[Versions, Outcome], version: tuple[int, int]) -> Outcome:
    matching = [outcome for versions, outcome in by_version.items() if version in versions]
    assert len(matching) == 1, f"{len(matching)} version ranges of {list(map(str, by_version))} hold Django {version}"
    return matching[0]


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
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
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
        gc.collect()
    observed.warnings = [str(w.message) for w in caught if w.category is Warning]
    observed.unawaited = [
        str(w.message) for w in caught if issubclass(w.category, RuntimeWarning) and "never awaited" in str(w.message)
    ]


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
    expected = expected_outcome(EXPECTED[(relative, name)][probe], DJANGO)
    observed = observe(relative, name, probe)
    where = f"{relative}::{name} ({probe}, Django {django.__version__})"
    assert observed.exception is expected.exception, f"{where}: expected {expected}, but it {observed.describe()}"
    if expected.exception is not None:
        assert re.search(expected.message, observed.message), f"{where}: {expected.message!r} not in {observed.message!r}"
    elif expected.status is not None:
        assert observed.status == expected.status, f"{where}: expected status {expected.status}, {observed.describe()}"
    streaming_warnings = [text for text in observed.warnings if "StreamingHttpResponse must consume" in text]
    if expected.warning is None:
        assert not streaming_warnings, f"{where}: unexpected warnings {streaming_warnings}"
    else:
        assert streaming_warnings == [expected.warning], f"{where}: expected the warning {expected.warning!r}, got {observed.warnings}"
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
    assert not missing, f"views without expectations: {missing}"


#: The versions the consistency check reads the table at, for fixtures that target no version.
REPRESENTATIVE_VERSIONS = ((4, 2), (5, 0), (5, 1), (5, 2), (6, 0), (6, 1))


def test_table_agrees_with_the_fixture_verdicts():
    """At the fixture's target version, an annotated view fails (or misbehaves as its rule says) and an
    unannotated one does not; every annotation of a bad_ file lies in a view the table covers."""
    disagreements = []
    for (relative, name), probes in EXPECTED.items():
        first, last = definitions(relative)[name]
        annotated = any(first <= line <= last for line in annotated_lines(relative))
        target = target_version(relative)
        for version in [target] if target else REPRESENTATIVE_VERSIONS:
            fails = any(expected_outcome(by_version, version).fails for by_version in probes.values())
            if (relative, name) in DISPUTED:
                if not annotated or fails:
                    disagreements.append(f"{relative}::{name} is no longer disputed at {version}")
            elif fails != annotated:
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
    assert not uncovered, f"annotated lines outside any view in EXPECTED: {uncovered}"


def test_table_names_existing_fixtures():
    existing = set(fixture_paths())
    for relative, name in EXPECTED:
        assert relative in existing, f"EXPECTED names a missing fixture: {relative}"
        assert name in definitions(relative), f"EXPECTED names {relative}::{name}, which is not defined there"
    for key in DISPUTED:
        assert key in EXPECTED, f"DISPUTED names {key}, which has no expectations"
