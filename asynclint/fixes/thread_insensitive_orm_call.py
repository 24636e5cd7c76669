"""Fix for W5733 thread-insensitive-orm-call: drop ``thread_sensitive=False`` from ``sync_to_async``
(safe for correctness: the work runs in the thread-sensitive worker, serialised with the request's
other sync work); ``@sync_to_async(thread_sensitive=False)`` becomes ``@sync_to_async``. ``to_thread``
and ``run_in_executor`` are not fixed."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.django_kinds import qualified_call_name
from asynclint.fixes import edits
from asynclint.fixes.base import NO_FIX, SAFE, Fix, NoFix

_KEYWORD = "thread_sensitive"


def fix(node, ctx, facts):
    if not isinstance(node, nodes.Call) or qualified_call_name(node) not in api.SYNC_TO_ASYNC:
        return NoFix(NO_FIX, "only sync_to_async(..., thread_sensitive=False) is fixed; for to_thread() and "
                             "run_in_executor() use sync_to_async")
    keyword = next((k for k in node.keywords or [] if k.arg == _KEYWORD), None)
    if keyword is None or not isinstance(keyword.value, nodes.Const) or keyword.value.value is not False:
        return NoFix(NO_FIX, f"no {_KEYWORD}=False to remove")
    decorator = isinstance(node.parent, nodes.Decorators)
    return Fix(SAFE, f"{ctx.short(node)}: {_KEYWORD}=False removed",
               (edits.remove_keyword(ctx.span(node), _KEYWORD, unwrap_if_empty=decorator),))
