"""Fix for E5714 sync-session-access-in-async: session methods with an ``a*`` twin →
``await session.a<name>(...)`` (Django 5.1+, safe). Subscripts and ``in`` are not fixed."""

from __future__ import annotations

from astroid import nodes

from asynclint.fixes.base import NO_FIX, NoFix
from asynclint.fixes.calls import fix_sync_call


def fix(node, ctx, facts):
    if isinstance(node, nodes.Call):
        return fix_sync_call(node, ctx, facts)
    return NoFix(NO_FIX, "session[key] and 'in session' have no automatic fix yet; use aget()/aset()/apop()/"
                         "ahas_key()")
