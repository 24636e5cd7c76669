"""Fix for E5713 sync-auth-call-in-async.

- ``authenticate``/``login``/``logout``/... → ``await aauthenticate``/``alogin``/``alogout``/...
  (Django 5.0+, safe, imports updated); user methods (``check_password`` 5.0, ``has_perm``... 5.2) and
  ``User.objects.create_user``... (5.2) → their ``a*`` forms (safe).
- ``request.user`` → one ``user = await request.auser()`` before the first statement of the ``async
  def`` that reads it, and ``user`` for every read (Django 5.0+, unsafe: the user is loaded there,
  once, instead of lazily). No fix when the function already uses the name ``user``, assigns
  ``request.user``, or is a one-line ``def``.
"""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.chains import body_nodes
from asynclint.core.django_kinds import kind_of
from asynclint.core.event_loop import enclosing_frame
from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, NO_FIX, UNSAFE, Fix, NoFix, await_blocker, too_old
from asynclint.fixes.calls import fix_sync_call



def fix(node, ctx, facts):
    if isinstance(node, nodes.Call):
        return fix_sync_call(node, ctx, facts)
    if isinstance(node, nodes.Attribute):
        return fix_request_user(node, ctx)
    return NoFix(AMBIGUOUS, "the reported node is neither a call nor request.user")


def _is_request(node: nodes.NodeNG) -> bool:
    found = kind_of(node)
    return found is not None and found.name == api.REQUEST


def fix_request_user(node: nodes.Attribute, ctx) -> Fix | NoFix:
    row = api.lookup(api.REQUEST, node.attrname)
    if row is None or row.fix is None or row.binds is None or row.async_name is None:
        return NoFix(NO_FIX, f"{ctx.short(node)} has no automatic fix")
    old = too_old(row.since, ctx.target, f"{ctx.short(node.expr)}.{row.async_name}()")
    if old is not None:
        return old
    blocked = await_blocker(node)
    if blocked is not None:
        return blocked
    name, method = row.binds, row.async_name
    receiver = ctx.text(node.expr)
    if "\n" in receiver:
        return NoFix(AMBIGUOUS, "the request expression spans several lines")
    frame = enclosing_frame(node)
    if not isinstance(frame, nodes.AsyncFunctionDef):
        return NoFix(AMBIGUOUS, "the read is not in an async def's body")
    for other in frame.nodes_of_class((nodes.Name, nodes.AssignName)):
        if other.name == name:
            return NoFix(AMBIGUOUS, f"{frame.name}() already uses the name {name!r}")
    reads = []
    for candidate in body_nodes(frame):
        if isinstance(candidate, nodes.AssignAttr) and candidate.attrname == node.attrname and \
                ctx.text(candidate.expr) == receiver:
            return NoFix(AMBIGUOUS, f"{frame.name}() assigns {receiver}.{node.attrname} itself")
        if isinstance(candidate, nodes.Attribute) and candidate.attrname == node.attrname and \
                ctx.text(candidate.expr) == receiver and _is_request(candidate.expr):
            reads.append(candidate)
    if node not in reads:
        return NoFix(AMBIGUOUS, "the read is not in the function's own body")
    first = min(reads, key=lambda read: (read.lineno, read.col_offset))
    statement = first
    while statement.parent is not frame:
        statement = statement.parent
    if statement not in frame.body:
        return NoFix(AMBIGUOUS, "the first read is not in the function's body")
    binding = f"{name} = await {receiver}.{method}()"
    found = (edits.insert_statement_before(ctx.span(statement), binding),
             *(edits.replace_with_name(ctx.span(read), name) for read in reads))
    return Fix(UNSAFE, f"{ctx.short(node)} → {name} (bound once: {binding})", found,
               why_unsafe="the user is loaded where it is bound, once, not lazily at its first read")
