"""Fix for E5734 wrong-adapter-direction: ``sync_to_async(async_fn)(args)`` → ``async_fn(args)``
(safe: the coroutine function is called directly; the ``await`` in front stays, or is added). Only for
a coroutine function defined in the project; other wrong directions are not fixed."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.django_kinds import qualified_call_name
from asynclint.core.imports import definition_of
from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, NO_FIX, SAFE, Fix, NoFix, await_blocker, import_binding


def fix(node, ctx, facts):
    if not isinstance(node, nodes.Call) or qualified_call_name(node) not in api.SYNC_TO_ASYNC:
        return NoFix(NO_FIX, "only sync_to_async(coroutine_function)(...) is fixed")
    if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], (nodes.Name, nodes.Attribute)):
        return NoFix(AMBIGUOUS, f"{ctx.short(node)} has more than the function as arguments")
    function = node.args[0]
    found = definition_of(function)
    if not isinstance(found, nodes.AsyncFunctionDef) or found.is_generator():
        return NoFix(NO_FIX, f"{ctx.short(function)} is not a coroutine function of the project")
    call = node.parent
    if not isinstance(call, nodes.Call) or call.func is not node:
        return NoFix(AMBIGUOUS, f"{ctx.short(node)} is not called right away")
    blocked = await_blocker(call)
    if blocked is not None:
        return blocked
    span = ctx.span(call)
    found_edits = (edits.remove_adapter(span),)
    if not isinstance(call.parent, nodes.Await):
        found_edits += (edits.add_await(span),)
    binding = import_binding(node.func) if isinstance(node.func, nodes.Name) else None
    if binding is not None:
        found_edits += (edits.remove_unused_import(*binding),)
    return Fix(SAFE, f"{ctx.short(call)} → await {ctx.short(function)}(...)", found_edits)
