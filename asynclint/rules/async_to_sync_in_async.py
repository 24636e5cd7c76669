"""E5735 async-to-sync-in-async.

## What it does
Flags `async_to_sync(f)(...)`, `asyncio.run(...)` and `loop.run_until_complete(...)` on the event
loop — directly, or through project sync functions called from async code (then reported at the
call site, with the chain). Also a read on the loop of a Channels scope entry that the project's
middleware sets to `SimpleLazyObject(lambda: async_to_sync(f)(...))` (`self.scope["user"].id` in an
async consumer): the read resolves the lazy object, whose factory then runs `async_to_sync` there.

## Why is this bad?
They run a coroutine to completion from sync code. On a thread that already runs an event loop,
asgiref raises `RuntimeError: You cannot use AsyncToSync in the same thread as an async event loop -
just await the async function directly.`, and `asyncio.run` raises `RuntimeError` too.

## Example
```python
async def notify(request):
    async_to_sync(channel_layer.group_send)("news", {"type": "news"})
```

## Use instead
```python
async def notify(request):
    await channel_layer.group_send("news", {"type": "news"})
```

## Fix safety
`async_to_sync(f)(args)` → `await f(args)` is safe directly in an `async def`; through a sync helper
there is no automatic fix.

## Django versions
All (asgiref 3.x).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.chains import chain_from, is_loop_runner
from asynclint.core.describe import describe
from asynclint.core.suggest import explain
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.libraries import channels
from asynclint.prefilter import ASYNC
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts

_SYMBOL = "async-to-sync-in-async"


class AsyncToSyncInAsync(AsyncLintRule):
    msgid = "E5735"
    symbol = _SYMBOL
    prefilter = (ASYNC,)
    fix_safety = "safe"
    fix_title = "Await the coroutine instead of async_to_sync()"
    django_versions = DjangoVersions("All (asgiref 3.x)")
    summary = (
        "async_to_sync()/asyncio.run() runs inside a running event loop, which raises RuntimeError; "
        "await the coroutine directly."
    )

    def open(self) -> None:
        super().open()
        self.depth = int(getattr(self.linter.config, "chain_depth", 5) or 5)

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if not runs_on_event_loop(node):
            return
        if is_loop_runner(node):
            inner = node.func.args[0] if isinstance(node.func, nodes.Call) and node.func.args else None
            awaited = f"await {describe(inner)}(...)" if inner is not None else "await the coroutine"
            self.report(node, f"{describe(node)} runs a nested event loop from inside a running one, which "
                              f"raises RuntimeError; write '{awaited}'")
            return
        chain = chain_from(node, self.depth)
        if chain is not None and not chain.possible and chain.operation.effect == api.LOOP_RUNNER:
            self.report(node, f"{describe(node.func)}() {explain(chain)}, which raises RuntimeError inside "
                              f"the running loop; call the async function with await instead", chain.confidence, facts=Facts(chain=chain))

    @only_required_for_messages(_SYMBOL)
    def visit_attribute(self, node: nodes.Attribute) -> None:
        """``self.scope["user"].id`` on the loop, where the project's middleware made ``scope["user"]`` a
        ``SimpleLazyObject(lambda: async_to_sync(...)(...))``: resolving it runs async_to_sync here."""
        key = channels.lazy_scope_read(node)
        if key is not None and runs_on_event_loop(node):
            self.report(node, f"{describe(node.expr)} is a SimpleLazyObject whose factory calls async_to_sync() "
                              f"(the project's middleware sets scope[{key!r}] so): reading {describe(node)} here "
                              f"resolves it on the event loop, which raises RuntimeError; set scope[{key!r}] to "
                              f"the awaited value in the middleware instead")
