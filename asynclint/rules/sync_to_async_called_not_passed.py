"""E5731 sync-to-async-called-not-passed.

## What it does
Flags `sync_to_async(f(...))`, `database_sync_to_async(qs.count())`, `asyncio.to_thread(f())` and
`loop.run_in_executor(None, f())`: the callable is *called* where the adapter should receive it.
It fires when the inner call is a Django API, a project function that does not return a callable,
or an expression asynclint knows is not callable; `partial(f, x)`, factories and a Django decorator
applied to a function (`transaction.atomic(f)`, which returns the wrapped function) stay silent.
It also flags the other half of the same slip, `await sync_to_async(f)` (or
`database_sync_to_async(f)`): the wrapper is awaited instead of called (no fix: the arguments are
unknown), and the same slip in the other direction, `async_to_sync(f(...))` where `f(...)` is known to
make a coroutine (a project `async def`, an async Django or library API such as
`channel_layer.group_add`).

## Why is this bad?
`f(...)` runs right there — on the event loop — before the adapter sees anything; the adapter then
gets its result, which is not callable (with `async_to_sync(f(...))`, a coroutine object: calling the
adapter raises `TypeError: 'coroutine' object is not callable` and the coroutine is never awaited): asgiref raises `TypeError` (`sync_to_async can only be
applied to sync functions`), `to_thread`/`run_in_executor` fail when the worker calls it. The wrapper
`sync_to_async(f)` is a callable, not a coroutine: awaiting it raises `TypeError` (`object SyncToAsync
can't be used in 'await' expression`) and `f` never runs.

## Example
```python
count = await sync_to_async(Book.objects.count())()
```

## Use instead
```python
count = await sync_to_async(Book.objects.count)()
```

## Fix safety
Safe: `sync_to_async(f(args))` becomes `sync_to_async(f)(args)` (`async_to_sync(f(args))`,
`async_to_sync(f)(args)`).

## Django versions
All.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.callables import certainly_not_callable
from asynclint.core.chains import adapted_callable
from asynclint.core.describe import arguments, describe
from asynclint.core.django_kinds import kind_of
from asynclint.core.imports import called_name
from asynclint.prefilter import ADAPTERS
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "sync-to-async-called-not-passed"


class SyncToAsyncCalledNotPassed(AsyncLintRule):
    msgid = "E5731"
    symbol = _SYMBOL
    prefilter = (ADAPTERS,)
    fix_safety = "safe"
    fix_title = "Pass the function to the adapter, not its result"
    django_versions = DjangoVersions("All")
    summary = (
        "A function is called inside sync_to_async()/to_thread()/run_in_executor() instead of being "
        "passed: it runs on the event loop, and the adapter gets its result (or the sync_to_async() "
        "wrapper is awaited without being called)."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if called_name(node) in api.ASYNC_TO_SYNC:
            self._coroutine_handed_to_async_to_sync(node)
            return
        inner = adapted_callable(node)
        if not isinstance(inner, nodes.Call) or not certainly_not_callable(inner):
            return
        adapter = describe(node.func)
        function, args = describe(inner.func), arguments(inner)
        if called_name(node) in api.SYNC_TO_ASYNC:
            passed = f"{adapter}({function})({args})"
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname == "run_in_executor":
            passed = f"{adapter}({describe(node.args[0])}, {function}{', ' + args if args else ''})"
        else:  # asyncio.to_thread(f, *args)
            passed = f"{adapter}({function}{', ' + args if args else ''})"
        self.report(node, f"{describe(inner)} is called before {adapter}() receives it, so it runs right here "
                          f"and the adapter gets its result; pass the function: '{passed}'")

    def _coroutine_handed_to_async_to_sync(self, node: nodes.Call) -> None:
        """``async_to_sync(f(...))`` where ``f(...)`` certainly makes a coroutine: the adapter gets the
        coroutine object instead of the coroutine function; calling the adapter raises TypeError and
        the coroutine is never awaited. Silent for any call whose kind is not known to be a coroutine
        (a factory returning a coroutine function stays silent)."""
        if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], nodes.Call):
            return
        inner = node.args[0]
        found = kind_of(inner)
        if found is None or found.name != api.COROUTINE:
            return
        adapter, function, args = describe(node.func), describe(inner.func), arguments(inner)
        self.report(node, f"{describe(inner)} is called before {adapter}() receives it, so {adapter}() gets a "
                          f"coroutine object, not the coroutine function: calling it raises TypeError and the "
                          f"coroutine is never awaited; pass the function: '{adapter}({function})({args})'")

    @only_required_for_messages(_SYMBOL)
    def visit_await(self, node: nodes.Await) -> None:
        """``await sync_to_async(f)``: the adapter's wrapper (a callable, not an awaitable) is awaited
        instead of called, which raises TypeError; ``f`` never runs. ``await sync_to_async(f(x))``: ``f``
        runs right there, on the loop, before the awaited wrapper fails."""
        wrapper = node.value
        if not isinstance(wrapper, nodes.Call) or not wrapper.args or called_name(wrapper) not in api.SYNC_TO_ASYNC:
            return
        adapter, function = describe(wrapper.func), describe(wrapper.args[0])
        inner = wrapper.args[0]
        if isinstance(inner, nodes.Call) and len(wrapper.args) == 1:  # ``await sync_to_async(f(x))``
            called = describe(inner.func)
            self.report(wrapper, f"{function} is called before {adapter}() receives it, so it runs right here, on "
                                 f"the event loop, and the wrapper made of its result is awaited, not called "
                                 f"(TypeError); pass the function and call the wrapper: "
                                 f"'await {adapter}({called})({arguments(inner)})'")
            return
        self.report(wrapper, f"{adapter}({function}) is awaited, not called: the wrapper is a callable, not a "
                             f"coroutine, so awaiting it raises TypeError and {function} never runs; call it: "
                             f"'await {adapter}({function})(...)'")
