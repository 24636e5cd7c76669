"""Fix for E5730 missing-sync-to-async: ``helper(args)`` → ``await sync_to_async(helper)(args)``
(unsafe: all of the helper moves to a worker thread; ``from asgiref.sync import sync_to_async`` added
once unless the module already has it). Property reads are not fixed, nor a bound method whose receiver
is read with a query on the loop (``user.reader_card.borrowed()``: wrapping ``borrowed`` would still read
``user.reader_card`` in the loop's thread)."""

from __future__ import annotations

from astroid import nodes

from asynclint.core.django_kinds import deferred_field_read, unloaded_relation_read
from asynclint.fixes.base import NO_FIX, NoFix, deferred_to_adapter_fix
from asynclint.fixes.calls import wrap_in_thread


def fix(node, ctx, facts):
    if not isinstance(node, nodes.Call):
        return NoFix(NO_FIX, "a property read has no automatic fix; read it in a sync function under sync_to_async")
    if isinstance(node.parent, nodes.Await):
        # ``await handler(pk)`` whose getattr() fallback is sync: the fallback must become async.
        return NoFix(NO_FIX, "the call is already awaited; make the sync function it may be an 'async def'")
    if facts.unfixable:
        return NoFix(NO_FIX, facts.unfixable)
    read = _receiver_read_by_a_query(node)
    if read is not None:
        return NoFix(NO_FIX, f"the receiver {read.as_string()} is itself loaded with a query on the event loop; "
                             "move the whole expression into a sync function run by sync_to_async")
    return deferred_to_adapter_fix(node) or wrap_in_thread(node, ctx)


def _receiver_read_by_a_query(node: nodes.Call) -> nodes.Attribute | None:
    """The attribute read within the bound method's receiver (``user.reader_card`` of
    ``user.reader_card.borrowed()``) that Django loads with a sync query: an unloaded relation or a
    deferred field. Wrapping only the method would leave that query on the loop."""
    expr = node.func.expr if isinstance(node.func, nodes.Attribute) else None
    while isinstance(expr, nodes.Attribute):
        if unloaded_relation_read(expr) is not None or deferred_field_read(expr) is not None:
            return expr
        expr = expr.expr
    return None
