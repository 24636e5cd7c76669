"""E5730 missing-sync-to-async.

## What it does
Flags a call on the event loop to a project sync function, method (`self._load()`,
`cls.get_cached()`, `limiter.check(key)` on an instance of a project class however it was obtained:
a module-level singleton, `self.limiter = RateLimiter()` in `__init__`, a class attribute, a
constructor call, a factory's result, a `@contextmanager`'s yield, a list of permission classes, an
attribute known from its annotation: `store: "Store"` in the class body (also a `TYPE_CHECKING`
import, `Optional[...]`, `ClassVar[...]`, a dataclass field), `self.store: Store = ...`, a
`type[Store]` attribute or parameter instantiated later),
static or class method through
its class (`Catalogue.titles()`, a model's classmethod, a custom QuerySet method), `functools.partial`
of one (kept in a variable, at module level too), constructor
(`Agent()` whose `__init__` queries), property or `__getattr__` (`site_settings.title`) whose body —
directly, or through further project calls — does work that must not run on the loop: anything the
ORM, cache, template, auth/session, transaction or blocking-I/O rules report. The message names the
callee and the chain down to the operation, with file and line. A project generator function runs
nothing when called, but its body runs where the call is iterated on the spot (a sync `for`, a
comprehension, `list()`/`sorted()`/`next()`/`"".join()` of it): that is reported too, with no
automatic fix (`sync_to_async(gen)` would only make the generator in a thread). Calls are followed through imports,
`chain-depth` hops deep (default 5). A QuerySet or model instance passed to the callee counts too:
`Pagination().paginate(Book.objects.all(), 2)` where `paginate` evaluates its unannotated `queryset`.
So does the instance a model property is read on, when the query that loaded it is known (`await
Step.objects.aget(...)`, an element of a list a thread loaded): a forward relation of `self` that query
did not `select_related` (`return self.tab.workflow_id`), or a field it deferred, is a query in the
property (possible for a nullable relation); not when the function assigned or read that relation on
the instance before.

A receiver built as exactly a known class (`BookReport()`) resolves through that class's bases: an
inherited `__init__` calling `self.compute()` runs `BookReport.compute`, a definite finding.

Also, as *possible* findings (confidence INFERENCE): a helper whose sync work is
`obj.save(update_fields=["..."])` on an object nothing identifies (an unannotated parameter), in Django code
(a module importing Django or a `models` module, or in a Django project folder): the keyword is Django's
`Model.save()`'s, a database write, but what the object is stays uncertain; an attribute read or method call on an
instance of a project subclass of Django's `LazyObject` (`store = LazyStore()`, then `await
store.aget(key)` or `store.flag`) for a name the subclass does not define itself, when its `_setup()`
does such work (directly, or by building an object whose `__init__` does): the proxy's first use runs
`_setup()` there (possible: an earlier use, in sync code or at start-up, may already have set it up; no
automatic fix: wrapping the call would not move `_setup()` into a thread, `await
sync_to_async(getattr)(store, "aget")` does); when `_setup()` does none and every `self._wrapped = ...` in it
builds the same project class, a call through the proxy (`store.load()`) runs that class's method, followed
like a call on the class's own instance; `self.compile()` in a base class whose own
method does no sync work but whose override in a project subclass does (which runs depends on the
subclass `self` is), and `service.before_action()` on a receiver declared as a base class (an
annotation, `type[Service]` instantiated) whose method a project subclass overrides (not when the
method is abstract — an interface's backends are chosen by configuration —, when the receiver is
only known from a factory's return annotation, or when an override is async); `view.get_object()`
where the class of `view` is not said at all (an unannotated parameter, a value from a registry or
`import_string`) but every project class that the module can see (defined there or imported at module
level) defining `get_object` derives from one plain project base (no model, view, form... of a
library): the base's own method unless abstract and its subclasses' overrides (test modules aside),
the message naming the class whose method does the work — not for a name too common to tell a class
by (a builtin value's method such as `get`/`update`, or `save`, `run`, `delete`, `send`...), nor for
an awaited call; and, in async
code, the else branch of `if iscoroutinefunction(callback):` (or `elif callable(callback):`, or after
such an `if` that returns) calling `callback(...)` directly, where `callback` is a parameter or loop
variable, and the sync branch of a dispatch on a flag recorded earlier (`self.is_async =
iscoroutinefunction(func)`, `meta["is_async"]`) whose other branch awaits the same callable: any sync
implementation runs on the loop (not when the code hands some sync callables to a thread on another
branch: then calling the others directly is its choice, nor when the
function's docstring says it runs sync callables on the loop on purpose, naming the adapter it avoids or
the event loop they need); and `await handler(...)` where `handler =
getattr(self, name, self.fallback)` and the fallback is a plain method: for a missing name it runs on
the loop and its result is awaited, which fails.

A base class's method that every object skips is not followed: when each project subclass that
would inherit it overrides it and the project (its tests aside) never builds the base class itself
(its name appears only among bases, in `isinstance`/`super` and in annotations), only the overrides
run. `self.m()` that runs the class's own `m` for some subclasses and an override for others is possible.
`self.m()` called in a method of a subclass `B` runs on a `B` (or a subclass of `B`): the inherited
method's own `self.load()` is followed into `B`'s overrides and its subclasses' only, never into those
of a sibling `C(Base)`; a method defined on the base itself still follows every subclass's override.
A `cached_property` (Django's or functools') is computed once per object: a read of it that an earlier
call or read on the same object certainly evaluated, on every path to it in the same function (`rows =
await self.fetch_all()` whose body reads `self.frame`, an earlier `self.frame`, an awaited
`sync_to_async(lambda: self.frame)()`), is cached and silent (likewise a `@property` whose whole body
memoises on the object: `if self._frame is None: self._frame = ...` then `return self._frame`, unless the
function resets `self._frame`), there and in the methods then called on
the object (`self.record_id(r)` reading `self.frame` on a miss). "Same object": `self`, a variable bound
once in the function, or a path such as `self.source` the function never assigns. The first read stays a
finding, and so do reads after a load on one branch only, inside a `try` body, or through a coroutine
that was not awaited, and any read when the function drops the cache (`del obj.frame`, `__dict__`).
Across functions: inside a method that every project call reaches after such a load on the same object
(`rows = await source.fetch_all(); await source._schedule(rows)`), the reads on `self` are cached too,
when no caller can hide (a private method, or an application's: `manage.py`), every use of the method's
name is a call on a receiver of known class and no other file (a test module) names it; one caller on a
fresh object, or the method passed as a value (`async_to_sync(self.m)`), keeps the finding.
Branches the call's arguments decide are followed only where they go (`titles(limit=3)` reaches the
query behind `if limit is None: return []`, `titles()` does not; a variable passed to an optional
parameter whose default is None takes the given side of `if name:`, its fallback being for callers
that leave it out; a string literal passed as the key decides `if key.startswith("APP_"): return ...`
and a lookup in a literal table of constants, `flag = self._FLAGS.get(key)` then `if flag is not None:`,
when nothing changes the table and no other file names it: a settings service that answers such keys
from Django settings before it queries is not followed past that return;
`if asyncio.get_event_loop().is_running():` is true on the loop, so its sync `else`
arm, in a coroutine or below one, never runs there; nor does a call on the branch where an object it is
given was probed for one of Django's async APIs and lacks it, `await request.auser() if hasattr(request,
"auser") else _get_user(request)`: the fallback for a Django without it); a chain that reaches the work only
through a branch asynclint cannot decide is a *possible* finding (pylint confidence `INFERENCE`).
Work done once per process is not reported: a callee under `functools.lru_cache`/`cache`, a
module-level memo (`if _X is None: _X = ...`), a `cached_property` of a long-lived object (an
`AppConfig`, a middleware instance, a module-level instance), or a memo on `self` of such an object
(`if self._client is None: self._client = ...`, `if not hasattr(self, "_x")`). Nor is a local file read that
refills a time-bound cache on `self`: after a guard `if time.monotonic() - self._at < self._ttl: return
self._cached` (a clock read compared with a stored attribute) in a method that stores both attributes
later, the read runs once per expiry, not per call (a query behind the same guard is still reported: it
raises at every expiry). Nor is work that only blocks (file or
network I/O, CPU) in code that runs once per process rather than per request: a management command,
a migration, a settings module, an `AppConfig`, a system check, an async test module, a coroutine
reached only through awaits from a script's own `asyncio.run()`, or one reached only from a loop a
worker runs for one task (a sync task's `asyncio.run()`, a pulpcore `Stage.run()`: see
blocking-call-in-async; there only CPU and local file work, not requests to a peer or sleeps) (queries there still raise, and are reported). Tests that ask for the failure (`with pytest.raises(SynchronousOnlyOperation):`,
`assertRaises`) or patch a callee of the chain (`mock.patch`, `mock.patch.object`) are not reported.

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
from asynclint.core import branches
from asynclint.core.chains import Chain, chain_from, lazy_setup
from asynclint.core.describe import arguments, describe
from asynclint.core.suggest import explain
from asynclint.core.event_loop import documented_on_loop, runs_on_event_loop
from asynclint.core.django_kinds import POST_INIT, async_check_branch, sync_dispatch_test, sync_getattr_default
from asynclint.core.imports import bindings, called_name
from asynclint.core.mocks import is_patched
from asynclint.prefilter import ASYNC
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts

_SYMBOL = "missing-sync-to-async"


def _is_passed_in(func: nodes.Name) -> bool:
    """A parameter or a loop variable (``for key, value in defaults.items()`` too): a callable the
    caller chose, of any implementation."""
    found = bindings(func)
    return bool(found) and all(
        isinstance(binding, nodes.AssignName)
        and (isinstance(binding.parent, nodes.Arguments) or _is_loop_target(binding))
        for binding in found
    )


def _is_loop_target(binding: nodes.AssignName) -> bool:
    child, parent = binding, binding.parent
    while isinstance(parent, (nodes.Tuple, nodes.List)):
        child, parent = parent, parent.parent
    return isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.target is child


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
        if self._sync_branch_call(node) or self._sync_fallback_awaited(node):
            return
        if branches.async_api_probed_absent(node):
            return  # ``await request.auser() if hasattr(request, "auser") else _get_user(request)``
        chain = self._chain(node)
        if chain is not None and self._lazy_proxy(node.func, chain):
            return
        if chain is not None:
            constructor = chain.steps[0].function.name
            what = f"{describe(node.func)}(){f' (its {constructor})' if constructor in ('__init__', *POST_INIT) else ''}"
            if chain.steps[0].function.is_generator():  # iterated right here: its body runs item by item
                self.report(node, f"iterating the sync generator {describe(node.func)}() runs its body here, "
                                  f"item by item, and it {explain(chain)}; make it an async generator "
                                  f"with an async client, or collect it in a thread "
                                  f"('await sync_to_async(list)({describe(node)})')",
                            chain.confidence, facts=Facts(chain=chain, unfixable=(
                                "a sync generator iterated on the loop: sync_to_async(gen) would only make the "
                                "generator in a thread; make it async, or collect it in a thread")))
                return
            self.report(node, f"{what} {explain(chain)}; call "
                              f"'await sync_to_async({describe(node.func)})({arguments(node)})'",
                        chain.confidence, facts=Facts(chain=chain))

    def _sync_branch_call(self, node: nodes.Call) -> bool:
        """``else: result = callback(request)`` after ``if iscoroutinefunction(callback):`` in async code:
        a callback of any sync implementation runs on the loop. Possible: which one it is is unknown.
        The same for a flag recorded earlier (``if info.get("is_async"): return await handler(request)``
        then ``return handler(request)``)."""
        func = node.func
        if not isinstance(func, (nodes.Name, nodes.Attribute)) or not runs_on_event_loop(node):
            return False
        if isinstance(func, nodes.Name) and async_check_branch(func) == "else" and _is_passed_in(func):
            branch = "the else branch of a check that it is a coroutine function"
        else:
            test = sync_dispatch_test(node)
            if test is None:
                return False
            branch = f"the sync branch of 'if {test.as_string()}' (the other branch awaits it)"
        if documented_on_loop(node):
            return True  # the function's docstring says sync callables run on the loop on purpose
        shown = describe(func)
        self.report(node, f"{shown}() is called on the event loop in {branch}, so it is a sync callable: "
                          f"whatever it does (queries, I/O) blocks the loop or raises SynchronousOnlyOperation; "
                          f"call 'await sync_to_async({shown})({arguments(node)})'", INFERENCE)
        return True

    def _sync_fallback_awaited(self, node: nodes.Call) -> bool:
        """``await handler(pk)`` where ``handler = getattr(self, name, self.not_allowed)`` and the fallback
        is a plain method: for a name the object lacks, it runs on the loop and its result is awaited
        (a TypeError). Possible: the fallback runs only for missing names."""
        fallback = sync_getattr_default(node) if runs_on_event_loop(node) else None
        if fallback is None:
            return False
        shown = node.func.as_string()
        self.report(node, f"{shown} may be {fallback.name}(), the getattr() fallback, a sync function: awaiting "
                          f"{shown}(...) then runs it on the event loop and fails on its result (not awaitable); "
                          f"make {fallback.name} an 'async def'", INFERENCE)
        return True

    def _lazy_proxy(self, node: nodes.NodeNG, chain: Chain) -> bool:
        """``store.aget(...)``/``store.flag`` where ``store`` is a project ``LazyObject``: the first access
        runs its ``_setup()`` here. Possible: some earlier access (sync code, start-up) may have set it up."""
        setup = lazy_setup(node) if isinstance(node, nodes.Attribute) else None
        if setup is None or chain.steps[0].function is not setup:
            return False
        proxy = describe(node.expr)
        self.report(node, f"{describe(node)} goes through the lazy object {proxy}, whose first use runs "
                          f"{setup.parent.name}.{setup.name}() here, and it {explain(chain)}; set it up in a "
                          f"thread first ('await sync_to_async(getattr)({proxy}, \"{node.attrname}\")'), or make "
                          f"{setup.name}() do no I/O", INFERENCE,
                    facts=Facts(chain=chain, unfixable=(
                        "a lazy object set up on the loop: wrapping the call would not move its _setup() "
                        "into a thread; resolve the proxy in a thread first")))
        return True

    @only_required_for_messages(_SYMBOL)
    def visit_attribute(self, node: nodes.Attribute) -> None:
        chain = self._chain(node)
        if chain is not None and self._lazy_proxy(node, chain):
            return
        if chain is not None:
            what = "attribute" if chain.steps[0].function.name == "__getattr__" else "property"
            via = " (its class's __getattr__)" if what == "attribute" else ""
            self.report(node, f"{what} {describe(node)}{via} {explain(chain)}; read it with "
                              f"'await sync_to_async(lambda: {describe(node)})()'",
                        chain.confidence, facts=Facts(chain=chain))
