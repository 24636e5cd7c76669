"""E5714 sync-session-access-in-async.

## What it does
Flags sync access to `request.session` on the event loop: `request.session[key]` (read, write,
delete), `key in request.session`, and its methods (`get`, `pop`, `setdefault`, `update`, `keys`,
`items`, `flush`, `cycle_key`, `set_expiry`...).

## Why is this bad?
The first access loads the session from its store: with the `db` and `cached_db` engines that is a
query, which raises `SynchronousOnlyOperation` on the event loop; with the `file` and `cache` engines
it blocks. Django 5.1 added an async session API. Silent after an awaited call that loads the same
request's session earlier in the function (on every path to the access): `await request.auser()`
(finding the user reads the session) or one of the session's own async methods that read or write it
(`await request.session.aget(...)`, `aset()`, `apop()`, `aflush()`, `acycle_key()`...; not `aload()`,
`asave()`, `aexists()`), for an access that then only reads or writes the loaded data
(`request.session[key] = value`, `get()`, `pop()`, `in`...): not for `flush()`, `cycle_key()` or
`clear_expired()`, which reach the store whatever is loaded.

## Example
```python
async def add_to_cart(request, pk):
    cart = request.session.get("cart", [])
```

## Use instead
```python
async def add_to_cart(request, pk):
    cart = await request.session.aget("cart", [])
```

## Fix safety
Safe from Django 5.1 for the methods with a direct `a*` twin (`get` → `aget`...). Subscripts and
`in` are not fixed automatically: `session[key]` raises `KeyError` where `await session.aget(key)`
returns None, so the rewrite needs a human.

## Django versions
5.1+ for the replacement; below, do the session work in a sync function under `sync_to_async`.
"""

from __future__ import annotations

from astroid import nodes
from astroid.const import Context
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import suggest
from asynclint.core.django_kinds import kind_of
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, Facts, SyncCallRule

_SYMBOL = "sync-session-access-in-async"
_SUBSCRIPT = {Context.Load: "__getitem__", Context.Store: "__setitem__", Context.Del: "__delitem__"}


def _is_session(node: nodes.NodeNG) -> bool:
    found = kind_of(node)
    return found is not None and found.name == api.SESSION


def _loaded_earlier(session: nodes.NodeNG, node: nodes.NodeNG, name: str) -> bool:
    """The session access ``node`` (``name``: the method, or ``__getitem__``... for a subscript) only reads
    or writes the session's in-memory cache (``served_from_cache``) and an awaited call that loads this
    ``request.session`` (``SESSION_LOADING_CALLS``: ``await request.auser()``, ``await
    request.session.aget(...)``...) ran earlier in this function, on every path to ``node``: the session is
    loaded, so the access touches no store."""
    row = api.lookup(api.SESSION, name)
    if row is None or not row.served_from_cache:
        return False
    if not isinstance(session, nodes.Attribute) or session.attrname != "session":
        return False
    frame = node.frame()
    if not isinstance(frame, nodes.AsyncFunctionDef):
        return False  # the loading calls are awaited, so only a coroutine can have run one
    spelled = {api.REQUEST: session.expr.as_string(), api.SESSION: session.as_string()}
    ancestors = [node, *node.node_ancestors()]
    for call in frame.nodes_of_class(nodes.Call):
        func = call.func
        if not (isinstance(func, nodes.Attribute) and isinstance(call.parent, nodes.Await)
                and call.frame() is frame and call.lineno < node.lineno):
            continue
        if not any(func.attrname in names and func.expr.as_string() == spelled[kind]
                   for kind, names in api.SESSION_LOADING_CALLS.items()):
            continue
        statement = call.statement()
        block = statement.parent
        sequence = block.child_sequence(statement) if block is not None else ()
        if any(ancestor.parent is block and ancestor in sequence for ancestor in ancestors):
            return True
    return False


class SyncSessionAccessInAsync(SyncCallRule):
    msgid = "E5714"
    symbol = _SYMBOL
    prefilter = (ASYNC,)
    fix_safety = "safe"
    fix_title = "Await the session's a* method"
    django_versions = DjangoVersions("5.1+ for the replacement", since=(5, 1))
    summary = (
        "request.session is read or written synchronously on the event loop; use its async API "
        "(await session.aget(), aset(), apop()... Django 5.1+)."
    )
    effects = (api.SESSION_IO,)

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if not (isinstance(node.func, nodes.Attribute)
                and _loaded_earlier(node.func.expr, node, node.func.attrname)):
            self.check_sync_call(node)

    @only_required_for_messages(_SYMBOL)
    def visit_subscript(self, node: nodes.Subscript) -> None:
        if _is_session(node.value) and runs_on_event_loop(node) and \
                not _loaded_earlier(node.value, node, _SUBSCRIPT.get(node.ctx, "__getitem__")):
            row = api.lookup(api.SESSION, _SUBSCRIPT.get(node.ctx, "__getitem__"))
            self.report(node, suggest.operation(node.as_string(), row, self.target), facts=Facts(row=row))

    @only_required_for_messages(_SYMBOL)
    def visit_compare(self, node: nodes.Compare) -> None:
        for operator, operand in node.ops:
            if operator in ("in", "not in") and _is_session(operand) and runs_on_event_loop(node) and \
                    not _loaded_earlier(operand, node, "__contains__"):
                row = api.lookup(api.SESSION, "__contains__")
                self.report(node, suggest.operation(node.as_string(), row, self.target), facts=Facts(row=row))
