"""Channels: the sync half of an old two-step ASGI middleware runs on the event loop.

Channels 2 middleware is a "double callable": ``__call__(self, scope)`` returns the instance that is
then awaited with ``(receive, send)``. Channels 3+ (``ProtocolTypeRouter``, ``URLRouter``) and
asgiref's ``guarantee_single_callable`` still accept it, by calling ``application(scope)`` inside
their own coroutine; Channels 2's servers call it from the loop too. Either way the sync
``__call__(self, scope)`` body runs in the loop's thread, so an ORM query there (the classic token
auth middleware) raises ``SynchronousOnlyOperation``. Proven in tests/runtime/test_graphql_channels.py.

A scope entry the project's middleware sets to ``SimpleLazyObject(lambda: async_to_sync(f)(...))``
(a Channels 2 recipe) resolves in whatever thread first reads it: read on the loop (an async consumer's
``self.scope["user"].id``), the factory's ``async_to_sync`` raises RuntimeError
(async-to-sync-in-async). ``lazy_loop_runner_keys`` finds those keys in the project's (non-test)
modules; sync consumers read them in a worker thread, where they resolve fine.

Recognised: a sync ``def __call__(self, scope)`` (exactly those two parameters) of a class whose
``__init__`` takes the inner application (a parameter named ``inner``, ``app`` or ``application``)
or that derives from a ``channels`` class. The async forms (``BaseMiddleware`` with ``async def
__call__(self, scope, receive, send)``, the instance's ``async def __call__(self, receive, send)``)
are async functions, which every rule already treats as loop code; sync consumers run in a thread.
"""

from __future__ import annotations

import re

from astroid import nodes

#: A text test for ``asynclint check``'s prefilter: a module that may define such a ``__call__``, or a
#: consumer's ``__init__``.
TEXT_HINT = re.compile(r"\bdef\s+__call__\s*\(\s*self\s*,\s*scope\s*[,)]|(?s:Consumer\b.*?\bdef\s+__init__\s*\()")
#: ``scope["user"] = SimpleLazyObject(lambda: async_to_sync(get_user)(scope))`` (``self.scope`` too).
LAZY_LOOP_RUNNER = re.compile(
    r"""\bscope\s*\[\s*["'](\w+)["']\s*\]\s*=\s*SimpleLazyObject\(\s*lambda\b[^:]*:\s*async_to_sync\(""")

#: How the inner ASGI application is usually passed to a middleware's ``__init__``.
INNER_APPLICATION_PARAMETERS = frozenset({"inner", "app", "application"})


def runs_on_loop(function: nodes.FunctionDef) -> bool:
    """Whether sync ``function`` is the ``__call__(self, scope)`` of a two-step ASGI middleware."""
    return loop_reason(function) is not None


def loop_reason(function: nodes.FunctionDef) -> str | None:
    """Why sync ``function`` runs on the loop (for the messages), or None when it does not."""
    if _consumer_init(function):
        return (f"{function.parent.name}.__init__ runs on the event loop: Channels builds a consumer inside its "
                f"application's coroutine (as_asgi()) for every connection; do the work in connect() (awaited "
                f"in an async consumer, a worker thread runs a sync consumer's)")
    if not _two_step_call(function):
        return None
    return (f"{function.parent.name}.__call__(self, scope) is the sync half of a two-step ASGI middleware, which "
            f"the server calls on the event loop: move the work into an 'async def __call__(self, scope, "
            f"receive, send)'")


def _consumer_init(function: nodes.FunctionDef) -> bool:
    """``__init__`` of a project subclass of a Channels consumer (sync or async): ``as_asgi()``'s
    application (Channels 3+) calls ``cls(**initkwargs)`` inside its ``async def app(scope, receive,
    send)``, and Channels 2's router built it from its sync ``__call__(scope)``, which the server calls
    on the loop: either way the constructor runs in the loop's thread, once per connection."""
    if function.name != "__init__" or not isinstance(function.parent, nodes.ClassDef):
        return False
    from asynclint.core.django_kinds import has_library_base  # noqa: PLC0415 (the core imports this module)
    from asynclint.libraries.clients import CONSUMERS  # noqa: PLC0415

    return has_library_base(function.parent, CONSUMERS)


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
    ("channels", "a consumer's __init__ (as_asgi() builds the consumer in its coroutine)", "every loop rule", "4.3"),
    ("channels", "scope entries made SimpleLazyObject(lambda: async_to_sync(...)) read in async code",
     "async-to-sync-in-async", "4.3"),
)


def lazy_loop_runner_keys(module: nodes.Module) -> frozenset[str]:
    """The scope keys that the project of ``module`` sets to a lazy object resolved through
    ``async_to_sync`` (its non-test modules, and ``module`` itself); once per project per run."""
    import os  # noqa: PLC0415

    from asynclint.core.context import current
    from asynclint.core.django_kinds import _project_root  # noqa: PLC2701 (the project index)

    path = module.file or ""
    if not path:
        return frozenset()
    cache = current().deployments
    key = ("channels-lazy-loop-runner-keys-in", path)
    if key not in cache:
        cache[key] = frozenset(_keys_in(path))
    return project_lazy_loop_runner_keys(_project_root(os.path.dirname(os.path.abspath(path)))) | cache[key]


def project_lazy_loop_runner_keys(root: str) -> frozenset[str]:
    """``lazy_loop_runner_keys`` of the project's non-test modules under ``root`` (read once per run; the
    persistent cache asks it again to check that an entry's answer still holds)."""
    from asynclint.core.context import current
    from asynclint.core.django_kinds import _python_files_under  # noqa: PLC2701 (the project index)
    from asynclint.libraries.graphql import _is_test_module  # noqa: PLC2701

    cache = current().deployments
    key = ("channels-lazy-loop-runner-keys", root)
    if key not in cache:
        cache[key] = frozenset(found for file in _python_files_under(root) if not _is_test_module(file)
                               for found in _keys_in(file))
    return cache[key]


def _keys_in(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            text = stream.read(500_000)
    except OSError:
        return set()
    return set(LAZY_LOOP_RUNNER.findall(text)) if "SimpleLazyObject" in text else set()


def lazy_scope_read(node: nodes.Attribute) -> str | None:
    """``scope["user"].id``/``self.scope["user"].id`` where the project makes ``scope["user"]`` a lazy
    object resolved through ``async_to_sync``: the key, else None."""
    subscript = node.expr
    if not isinstance(subscript, nodes.Subscript) or not isinstance(subscript.slice, nodes.Const):
        return None
    holder = subscript.value
    if not (isinstance(holder, nodes.Name) and holder.name == "scope" or
            isinstance(holder, nodes.Attribute) and holder.attrname == "scope"):
        return None
    name = subscript.slice.value
    return name if isinstance(name, str) and name in lazy_loop_runner_keys(node.root()) else None
