"""E5718 mixed-sync-async-view-handlers.

## What it does
Flags a class-based view whose HTTP handlers (`get`, `post`, `put`, `patch`, `delete`, `head`,
`trace`; not `options`) are a mix of sync and async, counting the sync handlers inherited from
Django's generic views (`TemplateView.get`, `ListView.get`, `FormView.post`...); and a view with async
handlers that also inherits a sync-only auth mixin (`LoginRequiredMixin`, `PermissionRequiredMixin`,
`UserPassesTestMixin`). Reported on the `class` line. Not for the mixin when a project class ahead of
it in the MRO defines an `async def dispatch` that runs the parent dispatch in a worker thread
(`await sync_to_async(super().dispatch)(request, *args, **kwargs)`, or `asyncio.to_thread`, and then
awaits the handler's coroutine it gets back, as laws-africa/peachjam's `AsyncDispatchMixin`): the
mixins' sync `dispatch()` and its `request.user` then run in that thread.

## Why is this bad?
`View.as_view()` raises `ImproperlyConfigured("... HTTP handlers must either be all sync or all
async.")` for mixed handlers, so the URLconf fails to load. The auth mixins' `dispatch()` is sync in
every Django version: it reads `request.user` on the event loop (`SynchronousOnlyOperation`) or
returns a plain redirect that the async path then tries to await (`TypeError`).

## Example
```python
class BookView(TemplateView):
    async def post(self, request):
        ...
```

## Use instead
```python
class BookView(View):
    async def get(self, request):
        return TemplateResponse(request, "book.html")

    async def post(self, request):
        ...
```

## Fix safety
No automatic fix: which handlers should change is a design decision.

## Django versions
Async class-based views exist from 4.1; the check applies to every version.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint.core import views
from asynclint.prefilter import ASYNC, ASYNC_VIEW
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "mixed-sync-async-view-handlers"


class MixedSyncAsyncViewHandlers(AsyncLintRule):
    msgid = "E5718"
    symbol = _SYMBOL
    prefilter = (ASYNC, ASYNC_VIEW,)
    django_versions = DjangoVersions("Async class-based views exist from 4.1", since=(4, 1))
    summary = (
        "A class-based view mixes sync and async HTTP handlers (or puts a sync-only auth mixin on async "
        "handlers); as_view() raises ImproperlyConfigured."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_classdef(self, node: nodes.ClassDef) -> None:
        view = views.analyse(node)
        if view is None or not view.handlers:
            return
        async_handlers = [h for h in view.handlers.values() if h.is_async]
        sync_handlers = [h for h in view.handlers.values() if not h.is_async]
        if async_handlers and sync_handlers:
            self.report(node, f"{node.name} mixes async handlers ({_list(async_handlers, node.name)}) with sync ones "
                              f"({_list(sync_handlers, node.name)}); View.as_view() raises ImproperlyConfigured: "
                              f"make every HTTP handler async (override the inherited ones) or every one sync")
            return
        mixins = [name.rpartition(".")[2] for name in view.django_bases if "mixins" in name]
        if async_handlers and mixins and not view.dispatch_in_thread:
            self.report(node, f"{node.name} has async handlers but {', '.join(mixins)} has a sync dispatch() "
                              f"that reads request.user on the event loop; drop the mixin and check "
                              f"'await request.auser()' in the handlers (or use login_required with "
                              f"method_decorator on an async dispatch, Django 5.2+)")


def _list(handlers, owner: str) -> str:
    """``get, post (from FormView)``: inherited handlers say where they come from."""
    return ", ".join(h.name if h.origin == owner else f"{h.name} (from {h.origin})" for h in handlers)
