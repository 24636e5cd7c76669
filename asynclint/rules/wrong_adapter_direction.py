"""E5734 wrong-adapter-direction.

## What it does
Flags an adapter applied to the wrong kind of callable: `sync_to_async` on a coroutine function,
on an object whose class has `async def __call__`, or on a generator function; `async_to_sync` on a
sync function. Direct calls and decorators both count; decorators apply bottom-up, so an adapter in a
stack wraps what the adapter below it returned (`@sync_to_async @login_required @async_to_sync async
def` gives `sync_to_async` a sync function: silent). A generator function under `@contextmanager`
(or `@asynccontextmanager`) is a sync function returning a context manager, not a generator function:
`sync_to_async` of it is silent.

## Why is this bad?
asgiref checks at wrap time: `sync_to_async(async_fn)` raises `TypeError: sync_to_async can only be
applied to sync functions.`. A sync generator function run through `sync_to_async` only creates the
generator in the thread; iterating it then runs its body on the event loop. `async_to_sync(sync_fn)`
warns `async_to_sync was passed a non-async-marked callable` and fails when the result is awaited.

## Example
```python
async def fetch_price():
    ...

price = await sync_to_async(fetch_price)()
```

## Use instead
```python
price = await fetch_price()
```

## Fix safety
Removing the adapter is safe for `sync_to_async(async_fn)(...)` → `await async_fn(...)`.

## Django versions
All (asgiref ≥ 3.3.2 raises; earlier versions misbehaved silently).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.describe import describe
from asynclint.core.django_kinds import find_method
from asynclint.core.imports import bindings, called_name, definition_of, has_decorator
from asynclint.prefilter import ADAPTERS
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "wrong-adapter-direction"


def _adapter(node: nodes.NodeNG) -> str | None:
    """Which adapter ``node`` (a call or a decorator) is, if any."""
    qualified = called_name(node)
    if qualified in api.SYNC_TO_ASYNC:
        return "sync_to_async"
    if qualified in api.ASYNC_TO_SYNC:
        return "async_to_sync"
    return None


def _callable_nature(wrapped: nodes.NodeNG) -> str | None:
    """'coroutine function', 'async callable object', 'generator function', 'sync function' or None."""
    if isinstance(wrapped, (nodes.Name, nodes.Attribute)):
        found = definition_of(wrapped)
        if isinstance(wrapped, nodes.Name) and found is None:
            binding = bindings(wrapped)
            if len(binding) == 1 and isinstance(binding[0], nodes.AssignName) and isinstance(
                    binding[0].parent, nodes.Assign) and isinstance(binding[0].parent.value, nodes.Call):
                cls = definition_of(binding[0].parent.value.func)
                if isinstance(cls, nodes.ClassDef) and isinstance(find_method(cls, "__call__"),
                                                                   nodes.AsyncFunctionDef):
                    return "async callable object"
        return _function_nature(found)
    return None


def _function_nature(found: nodes.NodeNG | None) -> str | None:
    if isinstance(found, nodes.FunctionDef) and has_decorator(found, api.CONTEXT_MANAGER_DECORATORS):
        return "sync function"  # a context-manager factory: calling it runs none of the body
    if isinstance(found, nodes.AsyncFunctionDef):
        return None if found.is_generator() else "coroutine function"
    if isinstance(found, nodes.FunctionDef):
        if found.decorators is not None and any(_adapter(d) for d in found.decorators.nodes):
            return None  # already adapted: its nature is the adapter's
        return "generator function" if found.is_generator() else "sync function"
    return None


_PROBLEMS = {
    ("sync_to_async", "coroutine function"): "asgiref raises TypeError (sync_to_async can only be applied to "
                                             "sync functions); await it directly",
    ("sync_to_async", "async callable object"): "asgiref raises TypeError (its __call__ is async); await it "
                                                "directly",
    ("sync_to_async", "generator function"): "only the generator is created in the thread; iterating it runs "
                                             "its body on the event loop; return a list from the thread "
                                             "instead",
    ("async_to_sync", "sync function"): "asgiref warns 'async_to_sync was passed a non-async-marked callable' "
                                        "and the call fails; call the function directly",
}


#: What each adapter returns.
_ADAPTED = {"sync_to_async": "coroutine function", "async_to_sync": "sync function"}


class WrongAdapterDirection(AsyncLintRule):
    msgid = "E5734"
    symbol = _SYMBOL
    prefilter = (ADAPTERS,)
    fix_safety = "safe"
    fix_title = "Call the coroutine function directly"
    django_versions = DjangoVersions("All (asgiref ≥ 3.3.2 raises; earlier versions misbehaved silently)")
    summary = (
        "sync_to_async is applied to an async (or generator) callable, or async_to_sync to a sync one; "
        "asgiref raises or the work runs in the wrong place."
    )

    def _check(self, node: nodes.NodeNG, adapter: str, wrapped_nature: str | None, shown: str) -> None:
        problem = _PROBLEMS.get((adapter, wrapped_nature or ""))
        if problem is not None:
            self.report(node, f"{adapter}({shown}) wraps a {wrapped_nature}: {problem}")

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        adapter = _adapter(node)
        if adapter is None or not node.args or isinstance(node.parent, nodes.Decorators):
            return
        self._check(node, adapter, _callable_nature(node.args[0]), describe(node.args[0]))

    @only_required_for_messages(_SYMBOL)
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        # Decorators apply bottom-up: each adapter wraps what the decorators below it returned, so
        # ``@sync_to_async @login_required @async_to_sync async def`` gives sync_to_async a sync function
        # (the adapter below it made one; another decorator is taken to keep the nature it was given).
        nature = _function_nature_undecorated(node)
        for decorator in reversed(node.decorators.nodes if node.decorators else ()):
            adapter = _adapter(decorator)
            if adapter is not None:
                self._check(decorator, adapter, nature, node.name)
                nature = _ADAPTED[adapter]
            elif called_name(decorator) in api.CONTEXT_MANAGER_DECORATORS:
                nature = "sync function"  # @contextmanager makes a generator function a sync factory

    visit_asyncfunctiondef = visit_functiondef  # @sync_to_async on an async def raises at import


def _function_nature_undecorated(node: nodes.FunctionDef) -> str:
    if isinstance(node, nodes.AsyncFunctionDef):
        return "async generator" if node.is_generator() else "coroutine function"
    return "generator function" if node.is_generator() else "sync function"
