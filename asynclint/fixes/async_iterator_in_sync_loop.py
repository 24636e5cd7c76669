"""Fix for E5705 async-iterator-in-sync-loop, inside an ``async def`` only (safe): ``for x in
qs.aiterator():`` → ``async for``, a sync comprehension over it → an async one (generator expressions as
for sync-queryset-evaluation-in-async), ``list(it)`` → ``[x async for x in it]``, ``tuple(it)`` →
``tuple([x async for x in it])``... In a sync function no fix is offered."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, NO_FIX, SAFE, Fix, NoFix, await_blocker
from asynclint.fixes.sync_queryset_evaluation_in_async import builtin_fix, comprehension_fix



def fix(node, ctx, facts):
    parent = node.parent
    if isinstance(parent, nodes.For) and parent.iter is node:
        blocked = await_blocker(parent)
        if blocked is not None:
            return blocked
        return Fix(SAFE, f"for ... in {ctx.short(node)} → async for ... in {ctx.short(node)}",
                   (edits.for_to_async_for(ctx.span(node)),))
    if isinstance(parent, nodes.Comprehension) and parent.iter is node:
        return comprehension_fix(node, ctx)
    if isinstance(node, nodes.Call) and node.args:
        blocked = await_blocker(node)
        if blocked is not None:
            return blocked
        if not isinstance(node.func, nodes.Name) or node.func.name not in api.ITERATING_BUILTINS:  # iter/next: one at a time
            return NoFix(NO_FIX, f"{ctx.short(node)} takes one element at a time; no automatic fix")
        return builtin_fix(node, node.args[0], ctx)
    return NoFix(AMBIGUOUS, "the iteration is not where it was reported")
