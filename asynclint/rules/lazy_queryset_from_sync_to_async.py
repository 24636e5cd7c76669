"""E5732 lazy-queryset-from-sync-to-async.

## What it does
Flags a callable run through `sync_to_async`/`database_sync_to_async` — passed directly, used as a
decorator, or a bound manager/QuerySet method such as `sync_to_async(Book.objects.filter)` — that
returns an unevaluated QuerySet. Iterating what comes back in the async caller is also reported by
`sync-queryset-evaluation-in-async`.

The value is followed to where it is evaluated: it stays silent when the awaited result is assigned
to a name that is only evaluated safely afterwards (`await sync_to_async(list)(qs)`, `async for`, an
awaited `a*` method, lazy refinements such as `qs.filter(...).order_by(...)` whose result is used
that way, a bound query method handed as the callable to a thread adapter such as
`await sync_to_async(qs.delete)()` or `sync_to_async(qs.count)()`, where the query runs in the thread,
a lambda written as the callable of a thread adapter (`sync_to_async(lambda: qs.aggregate(...))()`), a
dict or list handed to a thread (`sync_to_async(render)(request, page, {"books": qs})`), the subquery of
a lazy query used that way (`Review.objects.filter(book__in=qs)`), or a project coroutine it is passed
to — a function or a class's static or class method — that only uses it that way) or that is overwritten
before any use (a *possible* finding when it is passed to a project coroutine asynclint cannot
load), and when it is returned by a fetcher the
module only hands to other code by reference (`use_query(fetch_items)`): that consumer decides where
it is evaluated. A decorated function (`@database_sync_to_async def servers(...): return qs`) is
silent when every caller in the project awaits it and evaluates the result that way (`await
(await self.servers(user)).aget(pk=...)` through a local name) and no caller can hide: it is private
or the project is an application (`manage.py`), and no other module names it. A library's public
function keeps the finding: its users are callers too. Likewise `return await
sync_to_async(qs.all)()` in a coroutine whose every caller (in its module and in the other modules that
name it, each read) awaits it and evaluates the QuerySet that way (`keys = await ops.list_keys(user)`,
then `async for`), under the same rule for hidden callers.

## Why is this bad?
Building a QuerySet runs no query: the thread returns a lazy QuerySet, and the query runs when the
caller evaluates it — on the event loop, where Django raises `SynchronousOnlyOperation`. The thread
hop bought nothing.

## Example
```python
@sync_to_async
def featured():
    return Book.objects.filter(featured=True)
```

## Use instead
```python
@sync_to_async
def featured():
    return list(Book.objects.filter(featured=True))
```

## Fix safety
No automatic fix: evaluating inside changes what the caller receives (a list, not a QuerySet).

## Django versions
All (or use `async for` on the QuerySet directly from Django 4.1).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import INFERENCE

from asynclint import django_api as api
from asynclint.core import lazy
from asynclint.core.describe import describe
from asynclint.core.django_kinds import agreed_return, callable_result, is_adapter_decorated
from asynclint.core.imports import called_name
from asynclint.prefilter import ADAPTERS
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "lazy-queryset-from-sync-to-async"
_ADVICE = ("it is evaluated later, on the event loop, where Django raises SynchronousOnlyOperation; evaluate it "
           "in the thread (return list(...)) or drop the adapter and use 'async for'")


def _is_queryset(kind) -> bool:
    return kind is not None and kind.name == api.QUERYSET


class LazyQuerysetFromSyncToAsync(AsyncLintRule):
    msgid = "E5732"
    symbol = _SYMBOL
    prefilter = (ADAPTERS,)
    raises_on_loop = True
    django_versions = DjangoVersions("All (or use `async for` on the QuerySet directly from Django 4.1)")
    summary = (
        "sync_to_async() runs a callable that returns a lazy QuerySet; the query runs later on the "
        "event loop. Evaluate it inside (list(...)) or use async for."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if not node.args or called_name(node) not in api.SYNC_TO_ASYNC:
            return
        if not _is_queryset(callable_result(node.args[0], node)) or lazy.evaluated_later_safely(node):
            return
        if lazy.evaluated_later_safely(node, unknown=True):  # handed to a coroutine asynclint cannot load
            self.report(node, f"{describe(node.args[0])} returns a lazy QuerySet from the thread, which is then "
                              f"handed to code asynclint cannot read: if that code iterates it synchronously, "
                              f"{_ADVICE}", INFERENCE)
            return
        self.report(node, f"{describe(node.args[0])} returns a lazy QuerySet from the thread: {_ADVICE}")

    @only_required_for_messages(_SYMBOL)
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        if not isinstance(node, nodes.AsyncFunctionDef) and is_adapter_decorated(node) and _is_queryset(
                agreed_return(node)) and not lazy.callers_evaluate_safely(node):
            self.report(node, f"{node.name}() runs in a thread but returns a lazy QuerySet: {_ADVICE}")
