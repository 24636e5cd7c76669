"""Fix for W5717 sync-test-client-in-async-test (unsafe: the async client goes through the ASGI
handler): ``self.client.get(...)`` → ``await self.async_client.get(...)`` (3.1+),
``self.client.login(...)``/``force_login``/``logout`` → ``await self.async_client.alogin(...)``...
(5.0+). ``Client()`` made in the test and ``RequestFactory`` are not fixed."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.fixes import edits
from asynclint.fixes.base import AMBIGUOUS, NO_FIX, Fix, NoFix, await_blocker, too_old


def fix(node, ctx, facts):
    found = facts.call if isinstance(node, nodes.Call) and facts.call is not None and facts.call.call is node else None
    if found is None or found.row.receiver != api.TEST_CLIENT:
        return NoFix(NO_FIX, "only the test case's own client (self.client) is fixed")
    row = found.row
    if row.fix is None or row.async_receiver is None:
        return NoFix(NO_FIX, f"{ctx.short(node.func)}() has no automatic fix")
    receiver = found.receiver
    if not (isinstance(receiver, nodes.Attribute) and isinstance(receiver.expr, nodes.Name)
            and receiver.expr.name == "self" and receiver.attrname in api.TEST_CLIENT_ATTRIBUTES):
        return NoFix(AMBIGUOUS, f"{ctx.short(receiver)} is not the test case's own client")
    attribute, method = row.async_receiver, row.async_name or row.name
    old = too_old(row.since, ctx.target, f"{attribute}.{method}()")
    if old is not None:
        return old
    blocked = await_blocker(node)
    if blocked is not None:
        return blocked
    span = ctx.span(node)
    found_edits = [edits.rename_attribute(ctx.span(receiver), attribute)]
    if method != node.func.attrname:
        found_edits.append(edits.rename_call(span, method))
    found_edits.append(edits.add_await(span))
    return Fix(row.fix, f"{ctx.short(node)} → await self.{attribute}.{method}(...)", tuple(found_edits),
               why_unsafe="the async client goes through the ASGI handler, which can behave differently")
