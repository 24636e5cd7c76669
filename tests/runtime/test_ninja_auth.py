"""Runtime proof for django-ninja's sync auth callbacks (asynclint.libraries.ninja.auth_loop_reason).

django-ninja before 1.5.0 runs a sync ``auth=`` callback of an async operation with a plain
``result = callback(request)`` inside ``AsyncOperation._run_authentication`` (read in 0.22.2, 1.0.1 and
1.4.5): on the event loop. 1.5.0 (commit 907224c) awaits ``sync_to_async(callback)(request)``.

- The callbacks of ninja-1.4/bad_ninja_sync_auth_callbacks.py, called the way ninja before 1.5 calls
  them (from a coroutine, in the loop's thread), raise SynchronousOnlyOperation at an annotated line.
- Each fixture's routes are requested through the installed django-ninja's real ``AsyncOperation``
  (``TestAsyncClient``): what happens must be what asynclint's version knowledge says for the
  installed release (bridged from 1.5.0: 200; before: SynchronousOnlyOperation).
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import importlib.util

import pytest

if importlib.util.find_spec("ninja") is None:  # the test extra installs it (ninja needs Django's settings)
    pytest.skip("needs django-ninja", allow_module_level=True)

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from asynclint.core import versions  # noqa: E402
from asynclint.libraries.ninja import AUTH_BRIDGED_FROM  # noqa: E402
from tests.runtime.support import FIXTURES, load_module, seed  # noqa: E402
from tests.runtime.test_calls import annotated_lines  # noqa: E402
from tests.runtime.test_graphql_channels import _raised_at  # noqa: E402

pytestmark = pytest.mark.django_runtime

BAD = "sync-orm-call-in-async/ninja-1.4/bad_ninja_sync_auth_callbacks.py"
GOOD = "sync-orm-call-in-async/ninja-1.5/good_ninja_sync_auth_callbacks_bridged.py"
HEADERS = {"Authorization": "Bearer Ursula K. Le Guin", "X-Author": "1"}
#: fixture -> the async routes whose sync auth callback the fixture is about.
ROUTES = {BAD: ["/me", "/known"], GOOD: ["/readers/me", "/known"]}


def _bridged() -> bool:
    installed = versions._release(importlib.metadata.version("django-ninja"))  # noqa: SLF001
    return versions._padded(installed, 3) >= AUTH_BRIDGED_FROM  # noqa: SLF001


def test_callbacks_called_on_the_loop_raise_at_the_annotated_lines():
    """What ``AsyncOperation._run_authentication`` of django-ninja before 1.5 does: call it in the loop."""
    seed()
    module = load_module(BAD)
    path = FIXTURES / BAD
    request = RequestFactory().get("/", HTTP_X_AUTHOR="1")

    async def like_ninja_before_1_5(callback):
        return callback(request)

    for callback in (lambda r: module.ReaderToken().authenticate(r, "Ursula K. Le Guin"), module.known_author):
        with pytest.raises(SynchronousOnlyOperation) as raised:
            asyncio.run(like_ninja_before_1_5(callback))
        assert _raised_at(raised.value, path) in annotated_lines(path.read_text(encoding="utf-8"))
    assert module.audit_key(request) is True  # the sync operation's callback: its own thread, no loop


@pytest.mark.parametrize(("relative", "route"), [(relative, route) for relative, routes in ROUTES.items()
                                                  for route in routes])
def test_the_installed_ninja_behaves_as_asynclint_says(relative, route):
    from ninja.testing import TestAsyncClient

    seed()
    client = TestAsyncClient(load_module(relative).api)
    if _bridged():  # 1.5.0+: the callback runs in a worker thread, the operation answers
        response = asyncio.run(client.get(route, headers=HEADERS))
        assert response.status_code == 200, response.content
    else:  # before 1.5.0: the callback runs on the loop
        with pytest.raises(SynchronousOnlyOperation):
            asyncio.run(client.get(route, headers=HEADERS))


# --- request.user assigned by the operation's auth (asynclint.libraries.ninja.user_set_by_auth) ---------
USER_SET = "sync-auth-call-in-async/good_ninja_user_set_by_auth.py"
USER_NOT_SET = "sync-auth-call-in-async/bad_ninja_user_not_set_by_auth.py"
USER_SET_PROJECT = "sync-auth-call-in-async/user-set-by-ninja-api-auth"


def _lazy_user():
    """What Django's AuthenticationMiddleware leaves on the request: a lazy object whose first use
    queries the user (SynchronousOnlyOperation when that happens on the event loop)."""
    from django.contrib.auth import get_user_model
    from django.utils.functional import SimpleLazyObject

    return SimpleLazyObject(lambda: get_user_model().objects.get(username="ursula"))


def _get(api, route):
    from django.contrib.auth import get_user_model
    from ninja.testing import TestAsyncClient

    seed()
    get_user_model().objects.create_user(username="ursula", password="not used")
    client = TestAsyncClient(api)
    return asyncio.run(client.get(route, headers={"Authorization": "Bearer ursula"}, user=_lazy_user()))


@pytest.mark.parametrize("route", ["/whoami", "/readers/staff", "/either"])
def test_an_auth_that_assigns_request_user_runs_before_the_operation(route):
    """The operation reads the user its auth assigned: no query on the loop, 200."""
    response = _get(load_module(USER_SET).api, route)
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("route", ["/token-user", "/public", "/some", "/token-or-session"])
def test_an_operation_whose_auth_leaves_request_user_reads_the_lazy_user(route):
    """auth=None, or an auth that never assigns request.user: the lazy user loads on the loop."""
    with pytest.raises(SynchronousOnlyOperation):
        _get(load_module(USER_NOT_SET).api, route)


def test_a_router_mounted_on_an_api_whose_auth_assigns_request_user(monkeypatch):
    """readerapi: the router has no auth of its own and inherits NinjaAPI(auth=ReaderBearer())."""
    import importlib

    monkeypatch.syspath_prepend(str(FIXTURES / USER_SET_PROJECT))
    api = importlib.import_module("readerapi.api").api
    for route in ("/readers/me", "/readers/greeting"):
        response = _get(api, route)
        assert response.status_code == 200, response.content
    with pytest.raises(SynchronousOnlyOperation):
        _get(api, "/public/visitor")


# --- django-ninja's own session auth on async operations (asynclint.libraries.ninja.library_auth_on_loop)
SESSION_BAD = "sync-auth-call-in-async/ninja-1.4/bad_ninja_session_auth_on_async_operations.py"
SESSION_GOOD = "sync-auth-call-in-async/ninja-1.5/good_ninja_session_auth_bridged.py"


def test_ninja_session_auth_called_on_the_loop_raises():
    """What ``AsyncOperation._run_authentication`` of django-ninja before 1.5 does with the fixture's
    session auths: call them in the loop, where their ``request.user`` read loads the lazy user."""
    from django.contrib.auth import get_user_model

    seed()
    get_user_model().objects.create_user(username="ursula", password="not used")
    module = load_module(SESSION_BAD)

    async def like_ninja_before_1_5(callback):
        request = RequestFactory().get("/")
        request.user = _lazy_user()
        return callback(request)

    for callback in (module.django_auth, module.session, module.django_auth_superuser):
        with pytest.raises(SynchronousOnlyOperation):
            asyncio.run(like_ninja_before_1_5(callback))


@pytest.mark.parametrize(("relative", "api", "route", "answer"), [
    (relative, api, route, answer) for relative in (SESSION_BAD, SESSION_GOOD)
    for api, route, answer in (("api", "/me", 200), ("api", "/either", 200), ("staff_api", "/admin", 401))])
def test_the_installed_ninja_runs_session_auth_as_asynclint_says(relative, api, route, answer):
    """Through the installed django-ninja's AsyncOperation: bridged from 1.5.0 (the user loads in a
    worker thread: 200, or 401 for the non-superuser on the superuser route); before, it raises."""
    module = load_module(relative)
    if _bridged():
        assert _get(getattr(module, api), route).status_code == answer
    else:
        with pytest.raises(SynchronousOnlyOperation):
            _get(getattr(module, api), route)


@pytest.mark.parametrize(("api", "route", "answer"), [("api", "/my-id", 200), ("staff_api", "/admin-name", 401)])
def test_an_operation_reads_the_user_its_session_auth_loaded(api, route, answer):
    """ninja's session auth returns the user only after ``request.user.is_authenticated`` evaluated the
    lazy user, so the operation's own ``request.user`` reads query nothing on the loop (from 1.5.0 the
    auth runs in a worker thread: 200, or 401 for the non-superuser; before, the auth itself raises)."""
    module = load_module(SESSION_GOOD)
    if _bridged():
        assert _get(getattr(module, api), route).status_code == answer
    else:
        with pytest.raises(SynchronousOnlyOperation):
            _get(getattr(module, api), route)


# --- exception handlers (asynclint.libraries.ninja.exception_handler_registration / _loop_reason) -------
HANDLERS_ON_LOOP = "sync-orm-call-in-async/bad_ninja_exception_handler_on_loop.py"
HANDLERS_GOOD = "sync-orm-call-in-async/good_ninja_exception_handlers.py"
ASYNC_HANDLERS = "async-call-not-awaited/bad_ninja_async_exception_handler.py"
SYNC_HANDLER = "async-call-not-awaited/good_ninja_sync_exception_handler.py"


def _operation(api, route):
    """The operation of ``api``'s default router at ``route`` (each fixture route has one method)."""
    router = api.default_router
    return next(view.operations[0] for key, view in router.path_operations.items() if key.strip("/") == route.strip("/"))


def _request(api, method, route):
    from ninja.testing import TestAsyncClient, TestClient

    seed()
    operation = _operation(api, route)
    client = TestAsyncClient(api) if operation.is_async else TestClient(api)
    call = getattr(client, method)(route)
    return asyncio.run(call) if operation.is_async else call


@pytest.mark.parametrize(("method", "route"), [("post", "/shelves"), ("get", "/stock")])
def test_a_sync_exception_handler_of_an_async_operation_runs_on_the_loop(method, route):
    """The installed django-ninja calls the handler from AsyncOperation.run, in the loop's thread: its
    ORM call raises at the annotated line (the definite and the possible finding alike)."""
    path = FIXTURES / HANDLERS_ON_LOOP
    with pytest.raises(SynchronousOnlyOperation) as raised:
        _request(load_module(HANDLERS_ON_LOOP).api, method, route)
    assert _raised_at(raised.value, path) in annotated_lines(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("api", "route"), [("api", "/shelves"), ("sync_api", "/shelves")])
def test_exception_handlers_without_sync_io_on_the_loop_answer(api, route):
    response = _request(getattr(load_module(HANDLERS_GOOD), api), "post", route)
    assert response.status_code == 409, response.content


@pytest.mark.parametrize(("method", "route"), [("post", "/shelves"), ("get", "/stock")])
def test_an_async_exception_handler_gives_a_coroutine_for_a_response(method, route):
    """ninja returns ``handler(request, exc)`` unawaited, from the async and the sync operation alike:
    the operation's result is a coroutine (Django's handler raises ValueError on it), never run."""
    import inspect
    import warnings

    module = load_module(ASYNC_HANDLERS)
    operation = _operation(module.api, route)
    operation.api = module.api  # what mounting the API does (its test clients do it per request)
    seed()
    request = getattr(RequestFactory(), method)(route)
    result = asyncio.run(operation.run(request)) if operation.is_async else operation.run(request)
    assert inspect.iscoroutine(result)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result.close()


def test_a_sync_exception_handler_answers():
    response = _request(load_module(SYNC_HANDLER).api, "post", "/shelves")
    assert response.status_code == 409, response.content
