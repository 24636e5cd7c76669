"""Decorator stacks: which decorators of a function receive the function as written.

Decorators apply bottom-up. Those below the lowest ``@async_to_sync`` receive the function as written
(a coroutine function, for an ``async def``); those above it wrap the sync function ``async_to_sync``
returned, so they run in whatever thread calls it.
"""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.imports import called_name


def split_at_async_to_sync(function: nodes.FunctionDef) -> tuple[list[nodes.NodeNG], list[nodes.NodeNG]]:
    """``(below, above)``: the decorators under the lowest ``@async_to_sync`` (all of them when there is
    none), and those above it, each list in source order."""
    decorators = list(function.decorators.nodes) if function.decorators else []
    for index in range(len(decorators) - 1, -1, -1):
        if called_name(decorators[index]) in api.ASYNC_TO_SYNC:
            return decorators[index + 1:], decorators[:index]
    return decorators, []


def wraps_as_async(function: nodes.FunctionDef) -> bool:
    """Whether what the decorators leave is a coroutine function: the innermost asgiref/channels adapter
    decides (``@async_to_sync`` over an ``async def`` leaves a sync callable, ``@sync_to_async`` over a
    ``def`` an async one, as ``View.view_is_async`` sees them); other decorators are taken to keep the
    kind of what they wrap."""
    is_async = isinstance(function, nodes.AsyncFunctionDef)
    for decorator in reversed(function.decorators.nodes if function.decorators else ()):
        name = called_name(decorator)
        if name in api.ASYNC_TO_SYNC:
            is_async = False
        elif name in api.SYNC_TO_ASYNC:
            is_async = True
    return is_async
