"""Fix for W5710 sync-cache-call-in-async: ``cache.get(...)`` → ``await cache.aget(...)`` (Django 4.0+,
safe); below 4.0, ``await sync_to_async(cache.get)(...)`` (unsafe: a worker thread)."""

from __future__ import annotations

from asynclint.fixes.calls import WRAP_BELOW_VERSION, fix_sync_call


def fix(node, ctx, facts):
    return fix_sync_call(node, ctx, facts, below_version=WRAP_BELOW_VERSION)
