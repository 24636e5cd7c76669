"""Runtime proofs for asynclint.libraries.graphql and asynclint.libraries.channels: sync code that a
library calls from its coroutines, on the event loop.

- strawberry: each operation of ``OPERATIONS`` runs through ``await schema.execute(...)`` (what
  ``AsyncGraphQLView`` does) and through the fixture's real ``AsyncGraphQLView``; in a ``bad_`` file it
  must fail with SynchronousOnlyOperation raised at an annotated line, in a ``good_`` file it must
  answer without errors. The sync-served schema (``graphql-served-sync/``) answers through its sync
  ``GraphQLView``.
- ariadne: the same through ``ariadne.graphql`` (what its ASGI ``GraphQL`` app awaits).
- django-ninja: each route of ``ROUTES`` is requested through ninja's ``TestAsyncClient`` (the
  operation's real ``AsyncOperation.run``); a ``bad_`` route fails with SynchronousOnlyOperation
  (wrapped by pydantic in a ValidationError), a ``good_`` one answers 200.
- Channels: a two-step middleware is made a single callable the way daphne and uvicorn do
  (asgiref's ``guarantee_single_callable``) and awaited with ``(scope, receive, send)``.

Each fixture file's ``operations`` or ``routes`` in its folder's runtime.toml say what the library
runs; the file says ``skip = "why"`` there for the calls harness (its failures happen inside the
library's execution, which that harness does not drive). Django is configured by ``conftest.py``.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import json
import traceback

import pytest

pytest.importorskip("strawberry_django")
pytest.importorskip("ariadne")
pytest.importorskip("channels")

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402

from tests.runtime.support import FIXTURES, library_runs, load_module, seed  # noqa: E402
from tests.runtime.test_calls import annotated_lines  # noqa: E402

pytestmark = pytest.mark.django_runtime

SYNC_ONLY = "You cannot call this from an async context"
FOLDER = "sync-orm-call-in-async"

#: fixture file -> the operations its schema answers (each one exercises one resolver), from the file's
#: ``operations`` in its folder's runtime.toml; the schema is the module's ``schema``
#: (``ariadne_schema``/``mutation_schema`` for an operation marked ``ariadne:``/``mutation:``).
OPERATIONS = library_runs("operations")


def _cases():
    for name, operations in OPERATIONS.items():
        for operation in operations:
            yield pytest.param(name, operation, id=f"{name.rpartition('/')[2]}:{operation}")


def _raised_at(error: BaseException, path) -> int | None:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(path)]
    return frames[-1].lineno if frames else None


async def _execute(module, operation: str) -> list[BaseException]:
    """The errors (original exceptions) of one operation, through the library's async execution."""
    schema = module.schema
    if operation.startswith("ariadne:"):
        operation, schema = operation.removeprefix("ariadne:"), module.ariadne_schema
    elif operation.startswith("mutation:"):
        operation, schema = operation.removeprefix("mutation:"), module.mutation_schema
    if hasattr(schema, "execute"):  # strawberry
        result = await schema.execute(operation)
        return [error.original_error or error for error in result.errors or ()]
    from ariadne import graphql

    errors: list[BaseException] = []

    def keep(error, debug=False):
        errors.append(error.original_error or error)
        return {"message": error.message}

    await graphql(schema, {"query": operation}, error_formatter=keep)
    return errors


#: graphql-core before 3.3 iterates a returned iterable synchronously even when it has __aiter__.
_GRAPHQL_CORE_ITERATES_SYNC_FIRST = tuple(map(int, importlib.metadata.version("graphql-core").split(".")[:2])) < (3, 3)


@pytest.mark.parametrize(("relative", "operation"), list(_cases()))
def test_resolvers_under_async_execution(relative, operation):
    seed()
    path = FIXTURES / relative
    module = load_module(relative)
    errors = asyncio.run(_execute(module, operation))
    if path.name.startswith("good_") or "queryset-evaluation" in relative and not _GRAPHQL_CORE_ITERATES_SYNC_FIRST:
        # graphql-core 3.3+ completes a list from the QuerySet's __aiter__: the possible finding's other side.
        assert not errors, f"{relative} {operation}: {errors!r}"
        return
    assert len(errors) == 1 and isinstance(errors[0], SynchronousOnlyOperation), f"{operation}: {errors!r}"
    assert SYNC_ONLY in str(errors[0])
    if "queryset-evaluation" not in relative:  # a returned QuerySet is iterated inside graphql-core
        assert _raised_at(errors[0], path) in annotated_lines(path.read_text(encoding="utf-8")), (
            f"{relative} {operation} raised outside the annotated lines: {traceback.format_exception(errors[0])}")


def _post(query: str):
    from django.test import RequestFactory

    return RequestFactory().post("/graphql", json.dumps({"query": query}), content_type="application/json")


def test_async_view_runs_sync_resolvers_on_the_loop():
    """The fixture's real AsyncGraphQLView: the sync resolver's query fails; the good file's answer."""
    seed()
    bad = load_module(f"{FOLDER}/bad_strawberry_sync_resolvers.py")
    good = load_module(f"{FOLDER}/good_strawberry_resolvers_off_the_loop.py")
    answer = json.loads(asyncio.run(bad.graphql_view(_post("{ authorName }"))).content)
    assert SYNC_ONLY in answer["errors"][0]["message"]
    answer = json.loads(asyncio.run(good.graphql_view(_post("{ totalBooks authors { bookCount } }"))).content)
    assert "errors" not in answer and answer["data"]["totalBooks"] == 1


def test_sync_view_runs_resolvers_in_the_request_thread():
    seed()
    module = load_module(f"{FOLDER}/graphql-served-sync/good_strawberry_sync_view.py")
    answer = json.loads(module.graphql_view(_post("{ authorName }")).content)
    assert "errors" not in answer and answer["data"]["authorName"]


async def _through_server(middleware) -> dict:
    """Serve ``middleware`` the way daphne and uvicorn serve an ASGI 2 (double callable) application."""
    from asgiref.compatibility import guarantee_single_callable

    seen = {}

    def inner(scope):
        async def application(receive, send):
            seen.update(scope)
        return application

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        return None

    await guarantee_single_callable(middleware(inner))({"type": "websocket", "path": "/"}, receive, send)
    return seen


def test_two_step_middleware_sync_half_runs_on_the_loop():
    seed()
    path = FIXTURES / FOLDER / "bad_channels_two_step_middleware.py"
    bad = load_module(f"{FOLDER}/bad_channels_two_step_middleware.py")
    with pytest.raises(SynchronousOnlyOperation) as raised:
        asyncio.run(_through_server(bad.TokenAuthMiddleware))
    assert _raised_at(raised.value, path) in annotated_lines(path.read_text(encoding="utf-8"))
    good = load_module(f"{FOLDER}/good_channels_two_step_middleware.py")
    assert asyncio.run(_through_server(good.TokenAuthMiddleware))["author"].pk == 1


#: fixture file -> its routes (each one an async operation with a response schema), from the file's
#: ``routes`` in its folder's runtime.toml.
ROUTES = library_runs("routes")


@pytest.mark.parametrize(("relative", "route"), [pytest.param(relative, route, id=f"{relative.rpartition('/')[2]}:{route}")
                                                  for relative, routes in ROUTES.items() for route in routes])
def test_ninja_validates_the_response_on_the_loop(relative, route):
    from ninja.testing import TestAsyncClient

    seed()
    module = load_module(relative)
    client = TestAsyncClient(module.api.default_router)
    if relative.rpartition("/")[2].startswith("good_"):
        response = asyncio.run(client.get(route))
        assert response.status_code == 200, response.content
        return
    with pytest.raises(Exception) as raised:  # pydantic's ValidationError around Django's exception
        asyncio.run(client.get(route))
    assert "SynchronousOnlyOperation" in str(raised.value) and SYNC_ONLY in str(raised.value)
