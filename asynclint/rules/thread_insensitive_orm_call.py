"""W5733 thread-insensitive-orm-call.

## What it does
Flags ORM work run on an arbitrary thread: `sync_to_async(f, thread_sensitive=False)` (also as a
decorator), `asyncio.to_thread(f)` and `loop.run_in_executor(executor, f)` where `f` — a function,
a lambda, or a bound ORM method — queries or writes the database, directly or through project calls.
Silent when `f` does no ORM work (Django itself hashes passwords this way) and when `f` closes the
connections itself (`close_old_connections()`/`connections.close_all()` in a `finally`), and for
channels' `database_sync_to_async`, which runs `close_old_connections()` around every call. Silent
too on the loop's default executor (`to_thread`, `run_in_executor(None, f)`, `sync_to_async` without
an executor) in a coroutine that only sync code's `asyncio.run()` runs, or `async_to_sync()` in a task
queue's task (directly or through a project runner helper; asgiref runs it there with `asyncio.run` in
a new thread), a sync task fanning work out to threads (`asynclint.core.own_loop`): `asyncio.run` shuts
that executor down when it returns, its threads end and their connections with them.

## Why is this bad?
Django's connections are per thread. The request cycle closes the connections of the thread-
sensitive worker; a pool thread's connection is opened and never closed or returned, so each such
call can leak a connection until the database refuses new ones. Django's docs: the ORM needs
`thread_sensitive=True`.

## Example
```python
count = await sync_to_async(Book.objects.count, thread_sensitive=False)()
```

## Use instead
```python
count = await Book.objects.acount()  # or sync_to_async(Book.objects.count)()
```

## Fix safety
Removing `thread_sensitive=False` is safe for correctness; it serialises the work with the request's
other sync work.

## Django versions
All (asgiref ≥ 3.3 defaults to `thread_sensitive=True`).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.chains import adapted_callable, body_nodes, operations_at, sync_work
from asynclint.core import own_loop
from asynclint.core.describe import describe
from asynclint.core.event_loop import enclosing_frame
from asynclint.core.django_kinds import QUERYSET_LIKE, kind_of
from asynclint.core.imports import called_name, definition_of
from asynclint.prefilter import ADAPTERS
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "thread-insensitive-orm-call"


def _thread_insensitive(node: nodes.Call) -> bool:
    """``thread_sensitive=False`` on an adapter that leaves the pool thread's connection open."""
    if called_name(node) in api.CONNECTION_CLOSING_ADAPTERS:
        return False
    return any(k.arg == "thread_sensitive" and isinstance(k.value, nodes.Const) and k.value.value is False
               for k in node.keywords or [])


def _closes_connections(function: nodes.FunctionDef) -> bool:
    for handler in function.nodes_of_class(nodes.Try):
        for call in (c for statement in handler.finalbody for c in statement.nodes_of_class(nodes.Call)):
            if called_name(call) in api.CONNECTION_CLOSERS:
                return True
    return False


def _pool_ends_with_its_loop(node: nodes.Call, qualified: str | None) -> bool:
    """The call runs ``f`` on the loop's default executor (``to_thread``, ``run_in_executor(None, f)``,
    ``sync_to_async(f, thread_sensitive=False)``) of a loop that only sync code's ``asyncio.run()`` runs, or
    ``async_to_sync()`` in a task (asgiref runs it with ``asyncio.run`` in a new thread there): ``asyncio.run``
    shuts that executor down when it returns, so its threads, and their connections, end with the one-shot
    run (a sync task fanning out to threads), nothing lingers."""
    if isinstance(node.func, nodes.Attribute) and node.func.attrname == "run_in_executor":
        default = bool(node.args) and isinstance(node.args[0], nodes.Const) and node.args[0].value is None
    else:
        default = qualified == "asyncio.to_thread" or (qualified in api.SYNC_TO_ASYNC and not any(
            k.arg == "executor" for k in node.keywords or []))
    roots = own_loop.worker_loop_roots(enclosing_frame(node))
    return default and bool(roots) and roots <= own_loop.ONE_SHOT_ROOTS


def orm_work(wrapped: nodes.NodeNG | None) -> str | None:
    """What ORM work calling ``wrapped`` does (shown), or None."""
    if isinstance(wrapped, nodes.Lambda):
        for node in body_nodes(wrapped):
            for operation in operations_at(node):
                if operation.effect in api.ORM_EFFECTS:
                    return operation.shown
        return None
    if isinstance(wrapped, nodes.Attribute):
        receiver = kind_of(wrapped.expr)
        if receiver is not None and receiver.name in QUERYSET_LIKE | {api.INSTANCE, api.USER}:
            row = api.lookup(receiver.name, wrapped.attrname)
            if row is not None and row.effect in api.ORM_EFFECTS:
                return f"{describe(wrapped)}()"
    if isinstance(wrapped, (nodes.Name, nodes.Attribute)):
        function = definition_of(wrapped)
        if isinstance(function, nodes.FunctionDef) and not _closes_connections(function):
            chain = sync_work(function)
            if chain is not None and not chain.possible and chain.operation.effect in api.ORM_EFFECTS:
                return f"{function.name}() → {chain.operation.shown}"
    return None


class ThreadInsensitiveOrmCall(AsyncLintRule):
    msgid = "W5733"
    symbol = _SYMBOL
    prefilter = (ADAPTERS,)
    fix_safety = "safe"
    fix_title = "Remove thread_sensitive=False"
    django_versions = DjangoVersions("All (asgiref ≥ 3.3 defaults to `thread_sensitive=True`)")
    summary = (
        "ORM work runs on an arbitrary pool thread (thread_sensitive=False, to_thread, run_in_executor), "
        "whose database connection the request cycle never closes."
    )

    def _report(self, node: nodes.NodeNG, how: str, work: str) -> None:
        self.report(node, f"{how} runs ORM work ({work}) on a pool thread whose database connection Django "
                          f"never closes; use sync_to_async with the default thread_sensitive=True (or the "
                          f"async ORM), or close connections in a finally")

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        qualified = called_name(node)
        if qualified in api.SYNC_TO_ASYNC and not _thread_insensitive(node):
            return
        wrapped = adapted_callable(node)
        if wrapped is None:
            return
        work = orm_work(wrapped)
        if work is not None and not _pool_ends_with_its_loop(node, qualified):
            how = f"{describe(node.func)}(..., thread_sensitive=False)" if qualified in api.SYNC_TO_ASYNC else \
                f"{describe(node.func)}()"
            self._report(node, how, work)

    @only_required_for_messages(_SYMBOL)
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        for decorator in node.decorators.nodes if node.decorators else ():
            if isinstance(decorator, nodes.Call) and called_name(decorator) in api.SYNC_TO_ASYNC \
                    and _thread_insensitive(decorator):
                if not _closes_connections(node):
                    chain = sync_work(node)
                    if chain is not None and not chain.possible and chain.operation.effect in api.ORM_EFFECTS:
                        self._report(decorator, f"@{describe(decorator.func)}(thread_sensitive=False) on "
                                                f"{node.name}()", chain.operation.shown)
