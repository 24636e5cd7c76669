"""Runtime proofs for asynclint.libraries.graphql and asynclint.libraries.channels: sync code that a
library calls from its coroutines, on the event loop.

- strawberry: each operation of ``OPERATIONS`` runs through ``await schema.execute(...)`` (what
  ``AsyncGraphQLView`` does) and through the fixture's real ``AsyncGraphQLView``; in a ``bad_`` file it
  must fail with SynchronousOnlyOperation raised at an annotated line, in a ``good_`` file it must
  answer without errors. The sync-served schema (``graphql-served-sync/``) answers through its sync
  ``GraphQLView``.
- ariadne: the same through ``ariadne.graphql`` (what its ASGI ``GraphQL`` app awaits).
- Channels: a two-step middleware is made a single callable the way daphne and uvicorn do
  (asgiref's ``guarantee_single_callable``) and awaited with ``(scope, receive, send)``.

The fixtures are listed in test_calls.py's ``NOT_RUN`` (their failures happen inside the library's
execution, which that harness does not drive). Django is configured by ``conftest.py``.
"""

from __future__ import annotations

import asyncio
import json
import traceback

import pytest

pytest.importorskip("strawberry_django")
pytest.importorskip("ariadne")
pytest.importorskip("channels")

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402

from tests.runtime.support import FIXTURES, load_module, seed  # noqa: E402
from tests.runtime.test_calls import annotated_lines  # noqa: E402

pytestmark = pytest.mark.django_runtime

SYNC_ONLY = "You cannot call this from an async context"
FOLDER = "sync-orm-call-in-async"

#: fixture file -> the operations its schema answers (each one exercises one resolver).
OPERATIONS = {
    "bad_strawberry_sync_resolvers.py": ["{ authorName }", "{ bookCount }", "{ guarded }",
                                         'mutation { renameAuthor(name: "Le Guin") }'],
    "good_strawberry_resolvers_off_the_loop.py": ["{ authorName }", "{ totalBooks }", "{ authorCount }",
                                                  "{ titles }", "{ authors { name bookCount } }"],
    "bad_ariadne_sync_resolvers.py": ["{ authorName }", "{ bookCount }", 'mutation { renameAuthor(name: "x") }'],
    "good_ariadne_async_resolvers.py": ["{ authorName }", "{ bookCount }"],
}


def _cases():
    for name, operations in OPERATIONS.items():
        for operation in operations:
            yield pytest.param(name, operation, id=f"{name}:{operation}")


def _raised_at(error: BaseException, path) -> int | None:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(path)]
    return frames[-1].lineno if frames else None


async def _execute(module, operation: str) -> list[BaseException]:
    """The errors (original exceptions) of one operation, through the library's async execution."""
    if hasattr(module.schema, "execute"):  # strawberry
        result = await module.schema.execute(operation)
        return [error.original_error or error for error in result.errors or ()]
    from ariadne import graphql

    errors: list[BaseException] = []

    def keep(error, debug=False):
        errors.append(error.original_error or error)
        return {"message": error.message}

    await graphql(module.schema, {"query": operation}, error_formatter=keep)
    return errors


@pytest.mark.parametrize(("name", "operation"), list(_cases()))
def test_resolvers_under_async_execution(name, operation):
    seed()
    path = FIXTURES / FOLDER / name
    module = load_module(f"{FOLDER}/{name}")
    errors = asyncio.run(_execute(module, operation))
    if name.startswith("good_"):
        assert not errors, f"{name} {operation}: {errors!r}"
        return
    assert len(errors) == 1 and isinstance(errors[0], SynchronousOnlyOperation), f"{operation}: {errors!r}"
    assert SYNC_ONLY in str(errors[0])
    assert _raised_at(errors[0], path) in annotated_lines(path.read_text(encoding="utf-8")), (
        f"{name} {operation} raised outside the annotated lines: {traceback.format_exception(errors[0])}")


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
