"""adrf 87f599f: a plain def returned the coroutine of an async shortcut from inside try/except, so
the exceptions it meant to turn into 404 escaped at the caller's await; the fix makes it async and
awaits. Own reduction."""

from django.http import Http404
from django.shortcuts import aget_object_or_404 as _aget_object_or_404


def aget_object_or_404_before(queryset, **filters):
    try:
        return _aget_object_or_404(queryset, **filters)  # [async-call-not-awaited]
    except (TypeError, ValueError):
        raise Http404


async def aget_object_or_404_after(queryset, **filters):
    try:
        return await _aget_object_or_404(queryset, **filters)
    except (TypeError, ValueError):
        raise Http404
