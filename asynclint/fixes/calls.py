"""Fixes for calls of sync Django APIs that have an ``a*`` twin in the table (``django_api.SYNC_APIS``):
``x.name(...)`` → ``await x.a<name>(...)``, ``f(...)`` → ``await af(...)`` (imports updated), and for
``iterator()`` (an async generator) ``for ... in qs.iterator()`` → ``async for ... in qs.aiterator()``.

Every name written comes from the call's table row (``async_name``, ``since``, ``fix``). Below the
row's version there is no fix, or — for rules whose docs say so — the ``sync_to_async`` form.
"""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.django_kinds import ApiCall
from asynclint.core.imports import qualified_name
from asynclint.fixes import edits
from asynclint.fixes.base import (
    AMBIGUOUS, NO_FIX, UNSAFE, Context, Fix, NoFix, await_blocker, deferred_to_adapter_fix, import_binding, spell,
    sync_to_async_spelling, too_old,
)

WRAP_BELOW_VERSION = "sync_to_async"


def fix_sync_call(node: nodes.NodeNG, ctx: Context, facts, below_version: str | None = None) -> Fix | NoFix:
    """The fix of a reported call of a sync Django API (the table call the rule found: ``facts.call``)."""
    if not isinstance(node, nodes.Call) or facts.call is None or facts.call.call is not node:
        return NoFix(AMBIGUOUS, "the reported node is not a call of a sync Django API")
    if facts.unfixable:
        return NoFix(AMBIGUOUS, facts.unfixable)
    return fix_row(facts.call, ctx, below_version)


def fix_row(found: ApiCall, ctx: Context, below_version: str | None = None) -> Fix | NoFix:
    node, row = found.call, found.row
    shown = f"{ctx.short(node.func)}()"
    if row.fix is None or row.async_name is None or row.replacement:
        return NoFix(NO_FIX, f"{shown} has no drop-in async form")
    if row.receiver == api.PAGINATOR:
        return NoFix(NO_FIX, f"{shown} needs an AsyncPaginator in place of the Paginator")
    blocked = deferred_to_adapter_fix(node) or await_blocker(node)
    if blocked is not None:
        return blocked
    old = too_old(row.since, ctx.target, f"{api.short_name(row.async_name)}()")
    if old is not None:
        if below_version == WRAP_BELOW_VERSION and row.async_returns != api.ASYNC_ITERATOR:
            return wrap_in_thread(node, ctx, why=old.reason)
        return old
    if row.async_returns == api.ASYNC_ITERATOR:
        return _iterator_fix(node, row, ctx)
    if row.receiver == api.FUNCTION:
        return _function_fix(node, row, ctx)
    if not isinstance(node.func, nodes.Attribute):
        return NoFix(AMBIGUOUS, f"{shown} is not called as a method")
    span = ctx.span(node)
    awaited = isinstance(node.parent, nodes.Await)  # ``await cache.get(...)`` on a sync backend: rename only
    return Fix(row.fix, f"{ctx.short(node)} → await {ctx.short(node.func.expr)}.{row.async_name}(...)",
               (edits.rename_call(span, row.async_name),) if awaited else
               (edits.rename_call(span, row.async_name), edits.add_await(span)),
               why_unsafe=row.note if row.fix == UNSAFE else "")


def _function_fix(node: nodes.Call, row: api.SyncApi, ctx: Context) -> Fix | NoFix:
    """``get_object_or_404(...)`` → ``await aget_object_or_404(...)``, the import updated."""
    async_module, _, async_short = row.async_name.rpartition(".")
    span = ctx.span(node)
    func = node.func
    if isinstance(func, nodes.Attribute):
        if qualified_name(func.expr) != async_module:
            return NoFix(AMBIGUOUS, f"{async_short}() is not in the module {ctx.text(func.expr)} refers to")
        return Fix(row.fix, f"{ctx.short(node)} → await {ctx.text(func.expr)}.{async_short}(...)",
                   (edits.rename_call(span, async_short), edits.add_await(span)))
    if not isinstance(func, nodes.Name):
        return NoFix(AMBIGUOUS, "the function is not called by name")
    binding = import_binding(func)
    if binding is None:
        return NoFix(AMBIGUOUS, f"{func.name} is not bound by a module-level 'from ... import'")
    module, imported, local = binding
    spelled = spell(row.async_name, node, ctx.module, replaces=local)
    if isinstance(spelled, NoFix):
        return spelled
    rename = edits.replace_callee(span, spelled.code) if "." in spelled.code else edits.rename_call(span, spelled.code)
    return Fix(row.fix, f"{ctx.short(node)} → await {spelled.code}(...)",
               (rename, edits.add_await(span), *spelled.edits, edits.remove_unused_import(module, imported, local)))


def _iterator_fix(node: nodes.Call, row: api.SyncApi, ctx: Context) -> Fix | NoFix:
    """``for x in qs.iterator():`` → ``async for x in qs.aiterator():`` (also in list/set/dict comprehensions)."""
    parent = node.parent
    span = ctx.span(node)
    rename = edits.rename_call(span, row.async_name)
    described = f"{ctx.short(node)} → async for ... in ...{row.async_name}(...)"
    if isinstance(parent, nodes.For) and not isinstance(parent, nodes.AsyncFor) and parent.iter is node:
        return Fix(row.fix, described, (rename, edits.for_to_async_for(span)))
    if isinstance(parent, nodes.Comprehension) and parent.iter is node and not parent.is_async:
        if isinstance(parent.parent, (nodes.ListComp, nodes.SetComp, nodes.DictComp)):
            return Fix(row.fix, described, (rename, edits.comprehension_to_async(span)))
    return NoFix(AMBIGUOUS, f"{row.async_name}() is an async generator: only a 'for' loop or a list, set or "
                            f"dict comprehension over it can be made async")


def wrap_in_thread(node: nodes.Call, ctx: Context, why: str = "") -> Fix | NoFix:
    """``f(args)`` → ``await sync_to_async(f)(args)`` (unsafe: ``f`` runs in a worker thread)."""
    if isinstance(node.func, nodes.Lambda) or not isinstance(node.func, (nodes.Name, nodes.Attribute, nodes.Call,
                                                                          nodes.Subscript)):
        return NoFix(AMBIGUOUS, "the callee is not a plain function or method reference")
    blocked = await_blocker(node)
    if blocked is not None:
        return blocked
    adapter = sync_to_async_spelling(node, ctx.module)
    if isinstance(adapter, NoFix):
        return adapter
    span = ctx.span(node)
    return Fix(UNSAFE, f"{ctx.short(node)} → await {adapter.code}({ctx.short(node.func)})(...)",
               (edits.wrap_in_sync_to_async(span, adapter.code), edits.add_await(span), *adapter.edits),
               why_unsafe="the call runs in a worker thread" + (f" ({why})" if why else ""))

