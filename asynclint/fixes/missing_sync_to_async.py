"""Fix for E5730 missing-sync-to-async: ``helper(args)`` → ``await sync_to_async(helper)(args)``
(unsafe: all of the helper moves to a worker thread; ``from asgiref.sync import sync_to_async`` added
once unless the module already has it). Property reads are not fixed."""

from __future__ import annotations

from astroid import nodes

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
    return deferred_to_adapter_fix(node) or wrap_in_thread(node, ctx)
