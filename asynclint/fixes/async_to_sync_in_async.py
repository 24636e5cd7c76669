"""Fix for E5735 async-to-sync-in-async: ``async_to_sync(f)(args)`` directly in an ``async def`` →
``await f(args)`` (safe; the ``async_to_sync`` import is dropped when nothing else uses it). No fix when
``f`` is a sync function (wrong-adapter-direction), through a sync helper, nor for
``asyncio.run``/``run_until_complete``."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.chains import is_loop_runner
from asynclint.core.django_kinds import qualified_call_name
from asynclint.core.imports import definition_of
from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, NO_FIX, SAFE, Fix, NoFix, await_blocker, import_binding


def fix(node, ctx, facts):
    if not isinstance(node, nodes.Call):
        return NoFix(AMBIGUOUS, "the reported node is not a call")
    if not is_loop_runner(node):
        return NoFix(NO_FIX, "the loop runs inside a sync helper; move the async call out of it by hand")
    if not isinstance(node.func, nodes.Call) or qualified_call_name(node.func) not in api.ASYNC_TO_SYNC:
        return NoFix(NO_FIX, f"{ctx.short(node.func)}() has no automatic fix; await the coroutine instead")
    adapter = node.func
    if len(adapter.args) != 1 or adapter.keywords or isinstance(adapter.args[0], nodes.Starred):
        return NoFix(AMBIGUOUS, f"{ctx.short(adapter)} has more than the function as arguments")
    function = adapter.args[0]
    if not isinstance(function, (nodes.Name, nodes.Attribute)):
        return NoFix(AMBIGUOUS, f"{ctx.short(function)} is not a function reference")
    found = definition_of(function)
    if isinstance(found, nodes.FunctionDef) and not isinstance(found, nodes.AsyncFunctionDef):
        return NoFix(AMBIGUOUS, f"{ctx.short(function)} is a sync function, not a coroutine function")
    blocked = await_blocker(node)
    if blocked is not None:
        return blocked
    span = ctx.span(node)
    found_edits = (edits.remove_adapter(span), edits.add_await(span))
    binding = import_binding(adapter.func) if isinstance(adapter.func, nodes.Name) else None
    if binding is not None:
        found_edits += (edits.remove_unused_import(*binding),)
    return Fix(SAFE, f"{ctx.short(node)} → await {ctx.short(function)}(...)", found_edits)
