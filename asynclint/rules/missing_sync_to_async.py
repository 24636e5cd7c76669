"""E5730 missing-sync-to-async.

## What it does
Flags a call on the event loop to a project sync function, method (`self._load()`,
`cls.get_cached()`, `limiter.check(key)` on an instance of a project class however it was obtained:
a module-level singleton, `self.limiter = RateLimiter()` in `__init__`, a class attribute, a
constructor call, a factory's result, a `@contextmanager`'s yield, a list of permission classes),
static or class method through
its class (`Catalogue.titles()`, a model's classmethod, a custom QuerySet method), constructor
(`Agent()` whose `__init__` queries), property or `__getattr__` (`site_settings.title`) whose body —
directly, or through further project calls — does work that must not run on the loop: anything the
ORM, cache, template, auth/session, transaction or blocking-I/O rules report. The message names the
callee and the chain down to the operation, with file and line. Calls are followed through imports,
`chain-depth` hops deep (default 5). A QuerySet or model instance passed to the callee counts too:
`Pagination().paginate(Book.objects.all(), 2)` where `paginate` evaluates its unannotated `queryset`.

Also, as *possible* findings (confidence INFERENCE): `self.compile()` in a base class whose own
method does no sync work but whose override in a project subclass does (which runs depends on the
subclass `self` is); and, in async code, the else branch of
`if iscoroutinefunction(callback):` (or after such an `if` that returns) calling `callback(...)`
directly, where `callback` is a parameter or loop variable: any sync implementation runs on the loop.

Branches the call's arguments decide are followed only where they go (`titles(limit=3)` reaches the
query behind `if limit is None: return []`, `titles()` does not); a chain that reaches the work only
through a branch asynclint cannot decide is a *possible* finding (pylint confidence `INFERENCE`).
Work done once per process is not reported: a callee under `functools.lru_cache`/`cache`, a
module-level memo (`if _X is None: _X = ...`), a `cached_property` of a long-lived object (an
`AppConfig`, a middleware instance, a module-level instance).

Silent when the work at the end of the chain is a function the calling test patches with
`unittest.mock.patch` (`@patch("socket.gethostbyname")` on the test, or a `with patch(...)` block).

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
from pylint.interfaces import INFERENCE

from asynclint import django_api as api
from asynclint.core.chains import Chain, chain_from
from asynclint.core.describe import arguments, describe
from asynclint.core.suggest import explain
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.core.django_kinds import async_check_branch
from asynclint.core.imports import bindings, called_name
from asynclint.core.mocks import is_patched
from asynclint.prefilter import ASYNC
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts

_SYMBOL = "missing-sync-to-async"


def _is_passed_in(func: nodes.Name) -> bool:
    """A parameter or a loop variable: a callable the caller chose, of any implementation."""
    found = bindings(func)
    return bool(found) and all(
        isinstance(binding, nodes.AssignName)
        and (isinstance(binding.parent, nodes.Arguments)
             or isinstance(binding.parent, (nodes.For, nodes.Comprehension)) and binding.parent.target is binding)
        for binding in found
    )


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

    def _chain(self, node: nodes.NodeNG) -> Chain | None:
        if not runs_on_event_loop(node):
            return None
        if isinstance(node, nodes.Call) and called_name(node) in api.DECLARED:
            return None  # the project declared it (sync-apis, blocking-calls): the rule of its effect reports it
        chain = chain_from(node, self.depth)
        if chain is None or chain.operation.effect == api.LOOP_RUNNER:
            return None  # async-to-sync-in-async reports those
        if is_patched(called_name(chain.operation.node), node):
            return None  # a test replaced the blocking function with a mock (@patch("socket.gethostbyname"))
        return chain

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if self._sync_branch_call(node):
            return
        chain = self._chain(node)
        if chain is not None:
            constructor = chain.steps[0].function.name == "__init__"
            what = f"{describe(node.func)}(){' (its __init__)' if constructor else ''}"
            self.report(node, f"{what} {explain(chain)}; call "
                              f"'await sync_to_async({describe(node.func)})({arguments(node)})'",
                        chain.confidence, facts=Facts(chain=chain))

    def _sync_branch_call(self, node: nodes.Call) -> bool:
        """``else: result = callback(request)`` after ``if iscoroutinefunction(callback):`` in async code:
        a callback of any sync implementation runs on the loop. Possible: which one it is is unknown."""
        func = node.func
        if not isinstance(func, nodes.Name) or not runs_on_event_loop(node):
            return False
        if async_check_branch(func) != "else" or not _is_passed_in(func):
            return False
        self.report(node, f"{func.name}() is called on the event loop in the else branch of a check that "
                          f"it is a coroutine function, so it is a sync callable: whatever it does (queries, "
                          f"I/O) blocks the loop or raises SynchronousOnlyOperation; call "
                          f"'await sync_to_async({func.name})({arguments(node)})'", INFERENCE)
        return True

    @only_required_for_messages(_SYMBOL)
    def visit_attribute(self, node: nodes.Attribute) -> None:
        chain = self._chain(node)
        if chain is not None:
            what = "attribute" if chain.steps[0].function.name == "__getattr__" else "property"
            via = " (its class's __getattr__)" if what == "attribute" else ""
            self.report(node, f"{what} {describe(node)}{via} {explain(chain)}; read it with "
                              f"'await sync_to_async(lambda: {describe(node)})()'",
                        chain.confidence, facts=Facts(chain=chain))
