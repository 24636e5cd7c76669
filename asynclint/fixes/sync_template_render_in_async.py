"""Fix for W5711 sync-template-render-in-async: ``return render(request, name, context)`` →
``return TemplateResponse(request, name, context)`` (unsafe: the response renders later, in a worker
thread; ``TemplateResponse`` imported once, ``render`` dropped when unused). Only a ``render(...)`` that
is returned, with the arguments the table row's ``parameters`` name, is fixed; ``render_to_string`` and
``Template.render`` are not."""

from __future__ import annotations

from astroid import nodes

from asynclint.fixes import edits
from asynclint.fixes.base import (
    AMBIGUOUS, NO_FIX, OUTSIDE_ASYNC, UNSAFE, Fix, NoFix, import_binding, spell,
)
from asynclint.core.event_loop import enclosing_frame


def fix(node, ctx, facts):
    found = facts.call if isinstance(node, nodes.Call) and facts.call is not None and facts.call.call is node else None
    if found is None:
        return NoFix(AMBIGUOUS, "the reported node is not a known render call")
    row = found.row
    if row.fix is None or row.async_callable is None or not row.parameters:
        return NoFix(NO_FIX, f"{ctx.short(node.func)}() has no automatic fix; render it with sync_to_async")
    if not isinstance(node.parent, nodes.Return) or node.parent.value is not node:
        return NoFix(AMBIGUOUS, "only a returned response is rendered by Django later; this one is used first")
    if not isinstance(enclosing_frame(node), nodes.AsyncFunctionDef):
        return NoFix(OUTSIDE_ASYNC, "the response is not returned by an async def")
    parameters = row.parameters
    if len(node.args) > len(parameters) or any(isinstance(arg, nodes.Starred) for arg in node.args):
        return NoFix(AMBIGUOUS, f"{ctx.short(node.func)}() has arguments past {', '.join(parameters)}")
    renamed = row.renamed  # e.g. the template parameter: named differently by the two callables
    for keyword in node.keywords or []:
        if keyword.arg is None or keyword.arg not in parameters or keyword.arg in renamed:
            return NoFix(AMBIGUOUS, f"the keyword argument {keyword.arg or '**'} has no known counterpart")
    spelled = spell(row.async_callable, node, ctx.module)
    if isinstance(spelled, NoFix):
        return spelled
    found_edits = [edits.replace_callee(ctx.span(node), spelled.code), *spelled.edits]
    if isinstance(node.func, nodes.Name):
        binding = import_binding(node.func)
        if binding is not None:
            found_edits.append(edits.remove_unused_import(*binding))
    return Fix(UNSAFE, f"{ctx.short(node)} → {spelled.code}(...)", tuple(found_edits),
               why_unsafe="the response is rendered later, after the view returns, in a worker thread")
