"""Fix for E5704 async-call-not-awaited: add the missing ``await`` (safe), parenthesised where the
coroutine's result is used (``(await Book.objects.aget(pk=1)).title``). No fix where the ``await``
would land outside an ``async def`` or inside a generator expression, and none where the called
function returns a coroutine on some paths only (``await`` would fail on the others)."""

from __future__ import annotations

from astroid import nodes

from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, SAFE, Fix, NoFix, await_blocker


def fix(node, ctx, facts):
    if not isinstance(node, nodes.Call):
        return NoFix(AMBIGUOUS, "the reported node is not a call")
    blocked = await_blocker(node)
    if blocked is not None:
        return blocked
    if facts.unfixable:
        return NoFix(AMBIGUOUS, facts.unfixable)
    return Fix(SAFE, f"{ctx.short(node)} → await {ctx.short(node)}", (edits.add_await(ctx.span(node)),))
