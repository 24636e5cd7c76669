"""Fix for W5712 blocking-call-in-async: ``time.sleep(x)`` → ``await asyncio.sleep(x)`` (unsafe: the
code may rely on blocking; ``import asyncio`` added once, ``time`` dropped when unused), and a
``django.tasks`` task's ``enqueue()``/``get_result()`` → ``await task.aenqueue()``... (Django 6.0+,
safe). The other blocking calls need another library or a thread and are not fixed."""

from __future__ import annotations

from astroid import nodes

from asynclint.fixes import edits
from asynclint.fixes.base import (
    AMBIGUOUS, NO_FIX, UNSAFE, Fix, NoFix, await_blocker, import_binding, module_import_binding, spell,
)
from asynclint.fixes.calls import fix_row


def fix(node, ctx, facts):
    found = facts.call if isinstance(node, nodes.Call) and facts.call is not None and facts.call.call is node else None
    if found is None:
        return NoFix(NO_FIX, "the call has no automatic fix")
    row = found.row
    if not row.replacement:
        return fix_row(found, ctx)
    target = row.async_callable
    if row.fix is None or target is None or "." not in target or found.receiver is not None:
        return NoFix(NO_FIX, f"{ctx.short(node.func)}() has no automatic fix: use '{row.replacement}'")
    blocked = await_blocker(node)
    if blocked is not None:
        return blocked
    spelled = spell(target, node, ctx.module, style="module")
    if isinstance(spelled, NoFix):
        return spelled
    span = ctx.span(node)
    found_edits = [edits.replace_callee(span, spelled.code), edits.add_await(span), *spelled.edits]
    func = node.func
    if isinstance(func, nodes.Name):
        binding = import_binding(func)
        if binding is not None:
            found_edits.append(edits.remove_unused_import(*binding))
    elif isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name):
        module = module_import_binding(func.expr)
        if module is not None:
            found_edits.append(edits.remove_unused_import(module))
    elif not isinstance(func, nodes.Attribute):
        return NoFix(AMBIGUOUS, "the function is not called by name")
    return Fix(row.fix, f"{ctx.short(node)} → await {spelled.code}(...)", tuple(found_edits),
               why_unsafe="the code may rely on the call blocking" if row.fix == UNSAFE else "")
