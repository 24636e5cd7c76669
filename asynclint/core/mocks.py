"""Calls a test replaces with ``unittest.mock.patch``: a patched blocking function does not block.

``@patch("socket.gethostbyname")`` on an async test (or on its class), or ``with patch(...):`` around the
call, replaces the function for the test's duration, so a chain from the test down to it does no I/O.
A target names where the function is looked up (``"shop.views.requests.get"``): it patches the call
when it ends with the call's qualified name.
"""

from __future__ import annotations

from astroid import nodes

from asynclint.core.imports import called_name

PATCHERS = frozenset({"unittest.mock.patch", "mock.patch"})


def _target(patcher: nodes.NodeNG) -> str | None:
    """The string target of ``patch("x.y")`` (as a decorator or a context manager), else None."""
    if not isinstance(patcher, nodes.Call) or called_name(patcher) not in PATCHERS or not patcher.args:
        return None
    first = patcher.args[0]
    return first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else None


def patched_targets(node: nodes.NodeNG) -> set[str]:
    """The targets patched where ``node`` runs: decorators of its enclosing functions and classes, and
    the ``with patch(...)`` blocks around it."""
    found: set[str] = set()
    scope = node.parent
    while scope is not None:
        if isinstance(scope, nodes.With):
            found.update(t for manager, _alias in scope.items if (t := _target(manager)))
        if isinstance(scope, (nodes.FunctionDef, nodes.ClassDef)) and scope.decorators:
            found.update(t for decorator in scope.decorators.nodes if (t := _target(decorator)))
        scope = scope.parent
    return found


def is_patched(qualified: str | None, node: nodes.NodeNG) -> bool:
    """Whether the function ``qualified`` is patched by a mock where ``node`` runs."""
    if not qualified:
        return False
    return any(target == qualified or target.endswith("." + qualified) for target in patched_targets(node))
