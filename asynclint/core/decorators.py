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
