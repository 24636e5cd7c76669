"""Channels: the sync half of an old two-step ASGI middleware runs on the event loop.

Channels 2 middleware is a "double callable": ``__call__(self, scope)`` returns the instance that is
then awaited with ``(receive, send)``. Channels 3+ (``ProtocolTypeRouter``, ``URLRouter``) and
asgiref's ``guarantee_single_callable`` still accept it, by calling ``application(scope)`` inside
their own coroutine; Channels 2's servers call it from the loop too. Either way the sync
``__call__(self, scope)`` body runs in the loop's thread, so an ORM query there (the classic token
auth middleware) raises ``SynchronousOnlyOperation``. Proven in tests/runtime/test_graphql_channels.py.

Recognised: a sync ``def __call__(self, scope)`` (exactly those two parameters) of a class whose
``__init__`` takes the inner application (a parameter named ``inner``, ``app`` or ``application``)
or that derives from a ``channels`` class. The async forms (``BaseMiddleware`` with ``async def
__call__(self, scope, receive, send)``, the instance's ``async def __call__(self, receive, send)``)
are async functions, which every rule already treats as loop code; sync consumers run in a thread.
"""

from __future__ import annotations

import re

from astroid import nodes

#: A text test for ``asynclint check``'s prefilter: a module that may define such a ``__call__``.
TEXT_HINT = re.compile(r"\bdef\s+__call__\s*\(\s*self\s*,\s*scope\s*[,)]")
#: How the inner ASGI application is usually passed to a middleware's ``__init__``.
INNER_APPLICATION_PARAMETERS = frozenset({"inner", "app", "application"})


def runs_on_loop(function: nodes.FunctionDef) -> bool:
    """Whether sync ``function`` is the ``__call__(self, scope)`` of a two-step ASGI middleware."""
    return loop_reason(function) is not None


def loop_reason(function: nodes.FunctionDef) -> str | None:
    """Why sync ``function`` runs on the loop (for the messages), or None when it does not."""
    if not _two_step_call(function):
        return None
    return (f"{function.parent.name}.__call__(self, scope) is the sync half of a two-step ASGI middleware, which "
            f"the server calls on the event loop: move the work into an 'async def __call__(self, scope, "
            f"receive, send)'")


def _two_step_call(function: nodes.FunctionDef) -> bool:
    if function.name != "__call__" or not isinstance(function.parent, nodes.ClassDef):
        return False
    args = function.args
    if [arg.name for arg in args.posonlyargs + args.args] != ["self", "scope"] or args.vararg or args.kwarg \
            or args.kwonlyargs:
        return False
    owner = function.parent
    init = owner.locals.get("__init__", [None])[0]
    if isinstance(init, nodes.FunctionDef) and {arg.name for arg in init.args.args} & INNER_APPLICATION_PARAMETERS:
        return True
    from asynclint.core.imports import qualified_name

    return any((qualified_name(base) or "").startswith("channels.") for base in owner.bases)

#: What ``asynclint rules --libraries`` and docs/libraries.md say (see ``graphql.COVERED``).
COVERED = (
    ("channels", "the sync __call__(self, scope) of two-step middleware", "every loop rule",
     "2.x style, served by asgiref 3 / daphne / uvicorn"),
)
