"""Fix for E5731 sync-to-async-called-not-passed (safe): ``sync_to_async(f(args))`` →
``sync_to_async(f)(args)`` (``sync_to_async(f(args))()`` and ``async_to_sync(f(args))`` likewise), ``asyncio.to_thread(f(args))`` →
``asyncio.to_thread(f, args)``, ``loop.run_in_executor(ex, f(args))`` → ``loop.run_in_executor(ex, f, args)``."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.chains import adapted_callable
from asynclint.core.django_kinds import qualified_call_name
from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, SAFE, Fix, NoFix


def fix(node, ctx, facts):
    if not isinstance(node, nodes.Call):
        return NoFix(AMBIGUOUS, "the reported node is not a call")
    wraps = qualified_call_name(node) in api.SYNC_TO_ASYNC | api.ASYNC_TO_SYNC
    inner = node.args[0] if qualified_call_name(node) in api.ASYNC_TO_SYNC and node.args else adapted_callable(node)
    if not isinstance(inner, nodes.Call) or inner not in node.args:
        return NoFix(AMBIGUOUS, "the called function is not passed positionally")
    index = node.args.index(inner)
    if any(isinstance(argument, nodes.Starred) for argument in inner.args):
        return NoFix(AMBIGUOUS, f"{ctx.short(inner)} unpacks its arguments")
    function = ctx.short(inner.func)
    adapter = ctx.short(node.func)
    if wraps:
        parent = node.parent
        if isinstance(parent, nodes.Call) and parent.func is node:
            if parent.args or parent.keywords:
                return NoFix(AMBIGUOUS, f"the adapted function is called with arguments twice: "
                                        f"{ctx.short(parent)}")
            edit = edits.pass_callable(ctx.span(parent), "called", index)
        else:
            edit = edits.pass_callable(ctx.span(node), "call", index)
        return Fix(SAFE, f"{adapter}({ctx.short(inner)}) → {adapter}({function})(...)", (edit,))
    if inner.keywords and index != 0:  # run_in_executor passes positional arguments only
        return NoFix(AMBIGUOUS, f"{adapter}() passes positional arguments only; use functools.partial")
    return Fix(SAFE, f"{adapter}(..., {ctx.short(inner)}) → {adapter}(..., {function}, ...)",
               (edits.pass_callable(ctx.span(node), "arguments", index),))
