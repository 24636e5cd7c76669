"""Fix for W5715 sync-signal-send-in-async: ``sig.send(...)`` → ``await sig.asend(...)`` (Django 5.0+,
safe); below 5.0, ``await sync_to_async(sig.send)(...)`` (unsafe: a worker thread)."""

from __future__ import annotations

from asynclint.fixes.calls import WRAP_BELOW_VERSION, fix_sync_call


def fix(node, ctx, facts):
    return fix_sync_call(node, ctx, facts, below_version=WRAP_BELOW_VERSION)
