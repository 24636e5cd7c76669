"""E5705 async-iterator-in-sync-loop.

## What it does
Flags an async iterator used with sync iteration: `for x in qs.aiterator()`, a sync comprehension
over it, or `list(qs.aiterator())`, and likewise for project async generator functions. Unlike the
other rules it fires in sync code too: it is a `TypeError` wherever it runs.

## Why is this bad?
`QuerySet.aiterator()` is an async generator: it has `__aiter__`, not `__iter__`, so a plain `for`
raises `TypeError: 'async_generator' object is not iterable`. Awaiting it is wrong too.

## Example
```python
async def export(request):
    for book in Book.objects.aiterator():
        ...
```

## Use instead
```python
async def export(request):
    async for book in Book.objects.aiterator():
        ...
```

## Fix safety
`for` to `async for` is safe inside an `async def`; in a sync function no fix is offered.

## Django versions
`aiterator()` exists from Django 4.1 (with `prefetch_related()` only from 5.0).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.describe import describe
from asynclint.core.django_kinds import kind_of
from asynclint.core.imports import qualified_name
from asynclint.prefilter import ASYNC, ASYNC_ITERATION
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "async-iterator-in-sync-loop"
#: Builtins that raise TypeError on an async iterator: those that iterate, and ``iter``/``next``.
_ITERATING_BUILTINS = api.ITERATING_BUILTINS | {"iter", "next"}


class AsyncIteratorInSyncLoop(AsyncLintRule):
    msgid = "E5705"
    symbol = _SYMBOL
    prefilter = (ASYNC, ASYNC_ITERATION,)
    fix_safety = "safe"
    fix_title = "Iterate with async for (or an async comprehension)"
    django_versions = DjangoVersions(
        "`aiterator()` exists from Django 4.1 (with `prefetch_related()` only from 5.0)", since=(4, 1))
    summary = (
        "An async iterator (QuerySet.aiterator(), an async generator) is used with sync iteration, "
        "which raises TypeError. Use async for, or an async comprehension."
    )

    def _check(self, iterable: nodes.NodeNG, how: str, at: nodes.NodeNG | None = None) -> None:
        found = kind_of(iterable)
        if found is not None and found.name == api.ASYNC_ITERATOR:
            shown = describe(iterable)
            self.report(at or iterable, f"{shown} is an async iterator, so {how} raises TypeError; "
                                        f"use 'async for ... in {shown}'")

    @only_required_for_messages(_SYMBOL)
    def visit_for(self, node: nodes.For) -> None:
        if not isinstance(node, nodes.AsyncFor):
            self._check(node.iter, "a plain 'for' over it")

    @only_required_for_messages(_SYMBOL)
    def visit_comprehension(self, node: nodes.Comprehension) -> None:
        if not node.is_async:
            self._check(node.iter, "a sync comprehension over it")

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        func = node.func
        if isinstance(func, nodes.Name) and func.name in _ITERATING_BUILTINS and node.args and (
            qualified_name(func) == f"builtins.{func.name}"
        ):
            self._check(node.args[0], f"{func.name}() of it", at=node)
