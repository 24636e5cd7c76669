"""Fix for E5701 sync-orm-call-in-async: ``x.get(...)`` → ``await x.aget(...)``, ``qs.delete()`` →
``await qs.adelete()``, ``obj.save()`` → ``await obj.asave()``, ``get_object_or_404(...)`` →
``await aget_object_or_404(...)`` (import updated), ``for ... in qs.iterator()`` → ``async for ... in
qs.aiterator()``. Safety and version come from the call's table row; below the version, no fix."""

from __future__ import annotations

from asynclint.fixes.calls import fix_sync_call


def fix(node, ctx, facts):
    return fix_sync_call(node, ctx, facts)
