"""E5731 sync-to-async-called-not-passed.

## What it does
Flags `sync_to_async(f(...))`, `database_sync_to_async(qs.count())`, `asyncio.to_thread(f())` and
`loop.run_in_executor(None, f())`: the callable is *called* where the adapter should receive it.
It fires when the inner call is a Django API, a project function that does not return a callable,
or an expression asynclint knows is not callable; `partial(f, x)`, factories and a Django decorator
applied to a function (`transaction.atomic(f)`, which returns the wrapped function) stay silent.

## Why is this bad?
`f(...)` runs right there — on the event loop — before the adapter sees anything; the adapter then
gets its result, which is not callable: asgiref raises `TypeError` (`sync_to_async can only be
applied to sync functions`), `to_thread`/`run_in_executor` fail when the worker calls it.

## Example
```python
count = await sync_to_async(Book.objects.count())()
```

## Use instead
```python
count = await sync_to_async(Book.objects.count)()
```

## Fix safety
Safe: `sync_to_async(f(args))` becomes `sync_to_async(f)(args)`.

## Django versions
All.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.chains import adapted_callable
from asynclint.core.describe import arguments, describe
from asynclint.core.django_kinds import (ADAPTED_CALLABLE, FACTORY, PROJECT_CLASS, PROJECT_OBJECT, django_call,
                                        find_method, kind_of)
from asynclint.core.imports import called_name, definition_of, qualified_name
from asynclint.prefilter import ADAPTERS
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "sync-to-async-called-not-passed"


def _returns_callable(function: nodes.FunctionDef) -> bool:
    for statement in function.nodes_of_class(nodes.Return, skip_klass=(nodes.FunctionDef, nodes.Lambda)):
        value = statement.value
        if isinstance(value, nodes.Lambda):
            return True
        if isinstance(value, (nodes.Name, nodes.Attribute)) and isinstance(
                definition_of(value), (nodes.FunctionDef, nodes.ClassDef)):
            return True
        if isinstance(value, nodes.Call) and isinstance(value.func, (nodes.Name, nodes.Attribute)) and \
                qualified_name(value.func) in api.CALLABLE_FACTORIES:
            return True
    return False


def _callable_kind(found) -> bool:
    """A class (``get_user_model()``, ``apps.get_model(...)``) or an instance of a project class that
    defines ``__call__`` (``sync_to_async(Tool(name))``): the value is itself the callable to pass."""
    if found.name in (api.MODEL_CLASS, PROJECT_CLASS):
        return True
    return found.name == PROJECT_OBJECT and (find_method(found.custom, "__call__") is not None or
                                             _instances_may_be_callable(found.custom))


def _instances_may_be_callable(cls: nodes.ClassDef | None) -> bool:
    """Whether a base of project class ``cls`` outside the project may define ``__call__``: a library
    class that does (``sync_to_async(DocketFeed())``, a syndication ``Feed``, whose ``__call__`` renders
    the feed), or one asynclint cannot load (unknown: maybe callable)."""
    if cls is None:
        return True
    for base in cls.bases:
        if isinstance(base, nodes.Call):
            continue  # ``Manager.from_queryset(QS)``: find_method looked there
        parent = definition_of(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if not isinstance(parent, nodes.ClassDef):
            return True  # a base that cannot be loaded
        if parent.qname() in ("builtins.object", "object"):
            continue
        try:
            ancestors = [parent, *parent.ancestors()]
        except Exception:  # pylint: disable=broad-except  # astroid could not follow a base
            return True
        if any("__call__" in ancestor.locals for ancestor in ancestors
               if ancestor.qname() not in ("builtins.object", "builtins.type")):
            return True
    return False


def _certainly_not_callable(call: nodes.Call) -> bool:
    """Whether calling ``call`` gives something that is not a callable (so it was meant to be passed)."""
    if isinstance(call.func, (nodes.Name, nodes.Attribute)) and qualified_name(call.func) in api.CALLABLE_FACTORIES:
        return False
    if call.args and not isinstance(call.args[0], nodes.Const) and isinstance(call.func, (nodes.Name, nodes.Attribute)) \
            and qualified_name(call.func) in api.DECORATING_CALLS:
        return False  # ``transaction.atomic(f)``: the decorator applied to f returns the wrapped function
    found = kind_of(call)
    if found is not None and _callable_kind(found):
        return False
    if django_call(call) is not None:
        return True
    if found is not None:
        return found.name not in (ADAPTED_CALLABLE, FACTORY)
    if isinstance(call.func, (nodes.Name, nodes.Attribute)):
        function = definition_of(call.func)
        if isinstance(function, nodes.FunctionDef) and not isinstance(function, nodes.AsyncFunctionDef):
            return not _returns_callable(function)
    return False


class SyncToAsyncCalledNotPassed(AsyncLintRule):
    msgid = "E5731"
    symbol = _SYMBOL
    prefilter = (ADAPTERS,)
    fix_safety = "safe"
    fix_title = "Pass the function to the adapter, not its result"
    django_versions = DjangoVersions("All")
    summary = (
        "A function is called inside sync_to_async()/to_thread()/run_in_executor() instead of being "
        "passed: it runs on the event loop, and the adapter gets its result."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        inner = adapted_callable(node)
        if not isinstance(inner, nodes.Call) or not _certainly_not_callable(inner):
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
