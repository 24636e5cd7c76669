"""E5719 sync-only-decorator-on-async-view.

## What it does
Flags a decorator that cannot wrap an `async def` view in the targeted Django version:
`csrf_exempt`, `never_cache`, `cache_page`, `require_POST`, `vary_on_headers`... before 5.0;
`login_required`/`permission_required`/`user_passes_test`/`staff_member_required` before 5.1;
`method_decorator` on an `async def` handler before 5.2 (not on `async def dispatch`: `as_view()`
decides from the handlers; and `method_decorator(csrf_exempt)` there neither, when the handlers are
async or the view derives from a library view whose `as_view()` is async, strawberry's
`AsyncGraphQLView`: `csrf_exempt` passes the coroutine through and Django awaits it, runtime-proven
on 4.2); DRF's `@api_view` on an `async def` (never). Not on a module-level coroutine function that
the project only ever calls and awaits on the spot (a helper, no view: `@sensitive_variables` on an
async `authenticate()` helper returns the coroutine its callers await).
Also a class decorated with `method_decorator(..., name="dispatch")` whose handlers are async while
its `dispatch` (its own or a project base class's) is not an `async def` (any version), unless every
wrapped decorator passes the coroutine through untouched (`csrf_exempt`). Not `method_decorator` on an
async handler of a class whose project `as_view()` returns an `async def` and whose project `async def
dispatch` awaits what a handler returns (`if asyncio.iscoroutine(response): response = await
response`): Django awaits that view and never calls the handler itself. `@transaction.atomic` is reported by
`sync-transaction-in-async`.

## Why is this bad?
Before the version listed, these decorators return a sync wrapper around the coroutine function:
Django then treats the view as sync and gets a coroutine back (`ValueError: ... returned an
unawaited coroutine`), or the decorator touches the coroutine as if it were a response
(`AttributeError: 'coroutine' object has no attribute ...`).

## Example
```python
@login_required  # Django 5.0
async def dashboard(request):
    ...
```

## Use instead
```python
async def dashboard(request):
    user = await request.auser()
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    ...
```
(or upgrade: `login_required` accepts async views from Django 5.1).

## Fix safety
No automatic fix.

## Django versions
The version each decorator became async-capable is in `django_api.VIEW_DECORATORS_ASYNC_SINCE`.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import own_loop, views
from asynclint.core.decorators import split_at_async_to_sync
from asynclint.core.imports import called_name
from asynclint.core.versions import format_version
from asynclint.prefilter import ASYNC, ASYNC_VIEW
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "sync-only-decorator-on-async-view"
_METHOD_DECORATOR = "django.utils.decorators.method_decorator"


def _async_view(cls: nodes.NodeNG) -> bool:
    """``cls.as_view()`` returns a coroutine function, so Django awaits whatever ``dispatch`` returns: its
    handlers are async (``View.view_is_async``), or it derives from a library view that marks its
    ``as_view()`` so (strawberry's ``AsyncGraphQLView``: ``libraries.graphql.ASYNC_SERVERS``)."""
    if not isinstance(cls, nodes.ClassDef):
        return False
    view = views.analyse(cls)
    if view is not None and view.handlers and all(h.is_async for h in view.handlers.values()
                                                  if h.name != "options"):
        return True
    from asynclint.libraries.graphql import ASYNC_SERVERS

    return any(base in ASYNC_SERVERS for base in own_loop.library_bases(cls))


def _inherited_dispatch(cls: nodes.NodeNG, name: str = "dispatch") -> nodes.NodeNG | None:
    """The ``dispatch`` (or ``name``) the class runs: its own or the first one up its project bases (None
    when it is not found in the project's code, Django's ``View.dispatch`` included)."""
    if not isinstance(cls, nodes.ClassDef):
        return None
    try:
        found = cls.getattr(name)
    except Exception:  # noqa: BLE001 (astroid: NotFoundError, inference errors)
        return None
    first = found[0] if found else None
    root = first.root().name if first is not None else ""
    return first if isinstance(first, nodes.FunctionDef) and not root.startswith(("django.", "rest_framework.")) \
        else None


#: Tests an ``async def dispatch`` makes before awaiting what a handler returned.
_AWAITABLE_TESTS = frozenset({"iscoroutine", "isawaitable"})


def _returns_coroutine_function(as_view: nodes.NodeNG | None) -> bool:
    """A project ``as_view()`` that returns an ``async def`` it defines (``async def async_view(...):
    return await view(...)``): Django awaits that view whatever the handlers look like."""
    if not isinstance(as_view, nodes.FunctionDef):
        return False
    inner = {f.name for f in as_view.nodes_of_class(nodes.AsyncFunctionDef)}
    return any(isinstance(r.value, nodes.Name) and r.value.name in inner
               for r in as_view.nodes_of_class(nodes.Return) if r.scope() is as_view)


def _dispatch_awaits_handlers(cls: nodes.NodeNG) -> bool:
    """The class's ``as_view()`` is the project's and returns a coroutine function, and its ``dispatch`` is
    the project's ``async def`` that awaits a handler's coroutine (``if asyncio.iscoroutine(response):
    response = await response``): Django never calls the handler, so a sync ``method_decorator`` wrapper
    that returns the coroutine is awaited there."""
    dispatch = _inherited_dispatch(cls)
    if not isinstance(dispatch, nodes.AsyncFunctionDef) or \
            not _returns_coroutine_function(_inherited_dispatch(cls, "as_view")):
        return False
    for call in dispatch.nodes_of_class(nodes.Call):
        func = call.func
        name = func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)
        if name in _AWAITABLE_TESTS:
            return True
    return False


class SyncOnlyDecoratorOnAsyncView(AsyncLintRule):
    msgid = "E5719"
    symbol = _SYMBOL
    prefilter = (ASYNC, ASYNC_VIEW,)
    django_versions = DjangoVersions(
        "per decorator: Django's view decorators 5.0+, the auth decorators 5.1+, method_decorator 5.2+, "
        "DRF's @api_view never")
    summary = (
        "A view decorator that cannot wrap an async view in the targeted Django version is applied to "
        "an async def; the view stops being async."
    )

    def _too_old(self, qualified: str) -> str | None:
        """Why ``qualified`` cannot wrap an async def in the targeted version, or None."""
        if qualified not in api.VIEW_DECORATORS_ASYNC_SINCE:
            return None
        since = api.VIEW_DECORATORS_ASYNC_SINCE[qualified]
        short = qualified.rpartition(".")[2]
        if since is None:
            return f"@{short} never accepts an async def"
        if self.target < since:
            return (f"@{short} accepts async views only from Django {format_version(since)} "
                    f"(targeting {format_version(self.target)})")
        return None

    @only_required_for_messages(_SYMBOL)
    def visit_asyncfunctiondef(self, node: nodes.AsyncFunctionDef) -> None:
        helper = None  # asked once a decorator would be reported (it may parse the project's modules)
        # Decorators apply bottom-up: one above an ``@async_to_sync`` wraps that sync function, not the coroutine.
        below, _ = split_at_async_to_sync(node)
        for decorator in below:
            qualified = called_name(decorator)
            if qualified is None:
                continue
            # View.as_view() decides async-ness from the HTTP handlers, not from dispatch(), so a
            # sync method_decorator wrapper on 'async def dispatch' is harmless before 5.2.
            wraps_dispatch = qualified == _METHOD_DECORATOR and node.name == "dispatch"
            awaited_by_dispatch = qualified == _METHOD_DECORATOR and _dispatch_awaits_handlers(node.parent.frame())
            reasons = [None if wraps_dispatch or awaited_by_dispatch else self._too_old(qualified)]
            if qualified == _METHOD_DECORATOR and isinstance(decorator, nodes.Call) and decorator.args:
                inner = decorator.args[0]
                for wrapped in inner.elts if isinstance(inner, (nodes.List, nodes.Tuple)) else [inner]:
                    inner_name = called_name(wrapped)
                    if inner_name is not None and not (wraps_dispatch and inner_name in api.PASS_THROUGH_VIEW_DECORATORS
                                                       and _async_view(node.parent.frame())):
                        reasons.append(self._too_old(inner_name))
            reasons = [reason for reason in reasons if reason]
            if reasons and helper is None:
                helper = own_loop.awaited_everywhere(node)
            if helper:
                return  # a coroutine helper, no view: the wrapper's coroutine is awaited by every caller
            if reasons:
                self.report(decorator, f"{'; '.join(reasons)}: on '{node.name}' it returns a sync wrapper, so "
                                       f"Django gets an unawaited coroutine instead of a response; check "
                                       f"in the view itself or run the view logic without the decorator")

    @only_required_for_messages(_SYMBOL)
    def visit_classdef(self, node: nodes.ClassDef) -> None:
        if not node.decorators:
            return
        for decorator in node.decorators.nodes:
            if called_name(decorator) != _METHOD_DECORATOR or not isinstance(decorator, nodes.Call):
                continue
            name = next((k.value for k in decorator.keywords or [] if k.arg == "name"), None)
            if not isinstance(name, nodes.Const) or name.value != "dispatch":
                continue
            view = views.analyse(node)
            if view is None or not any(h.is_async for h in view.handlers.values()):
                continue
            inner = decorator.args[0] if decorator.args else None
            wrapped = inner.elts if isinstance(inner, (nodes.List, nodes.Tuple)) else [inner]
            if all(called_name(w) in api.PASS_THROUGH_VIEW_DECORATORS for w in wrapped if w is not None):
                continue  # csrf_exempt returns the coroutine untouched: Django awaits it
            if isinstance(_inherited_dispatch(node), nodes.AsyncFunctionDef):
                continue  # its own or a project base's 'async def dispatch': the wrapper's coroutine is awaited
            self.report(decorator, f"method_decorator(..., name='dispatch') on {node.name} wraps the "
                                   f"inherited sync View.dispatch while its handlers are async; override "
                                   f"'async def dispatch' and decorate that (Django 5.2+)")
