"""E5730 missing-sync-to-async.

## What it does
Flags a call on the event loop to a project sync function, method (`self._load()`,
`cls.get_cached()`), constructor (`Agent()` whose `__init__` queries) or property whose body —
directly, or through further project calls — does work that must not run on the loop: anything the
ORM, cache, template, auth/session, transaction or blocking-I/O rules report. The message names the
callee and the chain down to the operation, with file and line. Calls are followed through imports,
`chain-depth` hops deep (default 5).

Branches the call's arguments decide are followed only where they go (`titles(limit=3)` reaches the
query behind `if limit is None: return []`, `titles()` does not); a chain that reaches the work only
through a branch asynclint cannot decide is a *possible* finding (pylint confidence `INFERENCE`).
Work done once per process is not reported: a callee under `functools.lru_cache`/`cache`, a
module-level memo (`if _X is None: _X = ...`), a `cached_property` of a long-lived object (an
`AppConfig`, a middleware instance, a module-level instance).

## Why is this bad?
Most `SynchronousOnlyOperation` bugs are not in the view: the view calls a helper that queries two
calls down. Django raises as soon as any of it reaches the database from the loop's thread; the rest
blocks the loop.

## Example
```python
async def home(request):
    books = load_featured_books()  # services.py: return list(Book.objects.filter(featured=True))
```

## Use instead
```python
async def home(request):
    books = await sync_to_async(load_featured_books)()
```

## Fix safety
Unsafe: wrapping the call in `sync_to_async` moves all of the helper to a worker thread, including
any code that relied on running in the caller's thread (thread-locals, context variables).

## Django versions
All.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.chains import Chain, chain_from
from asynclint.core.describe import arguments, describe
from asynclint.core.suggest import explain
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.core.imports import called_name
from asynclint.prefilter import ASYNC
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts, parse_blocking_calls

_SYMBOL = "missing-sync-to-async"


class MissingSyncToAsync(AsyncLintRule):
    msgid = "E5730"
    symbol = _SYMBOL
    prefilter = (ASYNC,)
    fix_safety = "unsafe"
    fix_title = "Wrap the call in 'await sync_to_async(f)(...)'"
    django_versions = DjangoVersions("All")
    summary = (
        "Async code calls a project sync function that (maybe several calls down) queries the database "
        "or blocks; call it through sync_to_async."
    )

    def open(self) -> None:
        super().open()
        self.depth = int(getattr(self.linter.config, "chain_depth", 5) or 5)
        self.listed = set(parse_blocking_calls(getattr(self.linter.config, "blocking_calls", ())))

    def _chain(self, node: nodes.NodeNG) -> Chain | None:
        if not runs_on_event_loop(node):
            return None
        if isinstance(node, nodes.Call) and called_name(node) in self.listed:
            return None  # the project listed it in blocking-calls: blocking-call-in-async reports it
        chain = chain_from(node, self.depth)
        if chain is None or chain.operation.effect == api.LOOP_RUNNER:
            return None  # async-to-sync-in-async reports those
        return chain

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        chain = self._chain(node)
        if chain is not None:
            constructor = chain.steps[0].function.name == "__init__"
            what = f"{describe(node.func)}(){' (its __init__)' if constructor else ''}"
            self.report(node, f"{what} {explain(chain)}; call "
                              f"'await sync_to_async({describe(node.func)})({arguments(node)})'", chain.confidence, facts=Facts(chain=chain))

    @only_required_for_messages(_SYMBOL)
    def visit_attribute(self, node: nodes.Attribute) -> None:
        chain = self._chain(node)
        if chain is not None:
            self.report(node, f"property {describe(node)} {explain(chain)}; read it with "
                              f"'await sync_to_async(lambda: {describe(node)})()'", chain.confidence, facts=Facts(chain=chain))
