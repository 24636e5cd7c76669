"""Class-based views: which HTTP handlers a view class has (own and inherited), sync or async."""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.decorators import wraps_as_async
from asynclint.core.event_loop import offloaded_callable
from asynclint.core.imports import definition_of, qualified_name

_MAX_DEPTH = 10


@dataclass(frozen=True)
class Handler:
    name: str
    is_async: bool
    origin: str  # the class that defines it (``FormView`` for inherited ones)


@dataclass(frozen=True)
class ViewClass:
    handlers: dict[str, Handler]  # effective handlers, in method-resolution order
    django_bases: tuple[str, ...]  # qualified names of Django view classes and mixins in the bases
    # A project ``async def dispatch`` ahead of every sync-only auth mixin in the MRO that runs the parent
    # dispatch in a worker thread (``await sync_to_async(super().dispatch)(request, ...)``): the mixins'
    # sync dispatch, and its ``request.user``, then run in that thread, not on the loop.
    dispatch_in_thread: bool = False


def analyse(cls: nodes.ClassDef) -> ViewClass | None:
    """The view's handlers, or None when ``cls`` is not (known to be) a Django class-based view."""
    handlers: dict[str, Handler] = {}
    django_bases: list[str] = []
    dispatch: dict[str, nodes.NodeNG | bool] = {}
    if not _walk(cls, handlers, django_bases, 0, set(), dispatch):
        return None
    first = dispatch.get("first")
    return ViewClass(handlers, tuple(django_bases),
                     isinstance(first, nodes.AsyncFunctionDef) and _offloads_parent_dispatch(first))


def _offloads_parent_dispatch(function: nodes.AsyncFunctionDef) -> bool:
    """``function`` hands ``super().dispatch`` to a thread offloader (``api.THREAD_OFFLOADERS``:
    ``sync_to_async(super().dispatch)``, ``asyncio.to_thread(super().dispatch, ...)``...)."""
    for call in function.nodes_of_class(nodes.Call):
        handed = offloaded_callable(call)
        if isinstance(handed, nodes.Attribute) and handed.attrname == "dispatch" and \
                isinstance(handed.expr, nodes.Call) and isinstance(handed.expr.func, nodes.Name) and \
                handed.expr.func.name == "super":
            return True
    return False


def _walk(cls: nodes.ClassDef, handlers: dict, django_bases: list, depth: int, seen: set, dispatch: dict) -> bool:
    """Collect handlers depth-first, left to right (an approximation of the MRO); True if a view.
    ``dispatch["first"]`` is the first project ``dispatch`` met before any sync-only auth mixin."""
    if depth > _MAX_DEPTH or cls in seen:
        return False
    seen.add(cls)
    for name in api.HTTP_HANDLERS:
        for found in cls.locals.get(name, ()):
            if isinstance(found, nodes.FunctionDef) and name not in handlers:
                handlers[name] = Handler(name, wraps_as_async(found), cls.name)
    if "first" not in dispatch:
        own = [found for found in cls.locals.get("dispatch", ()) if isinstance(found, nodes.FunctionDef)]
        if own:
            dispatch["first"] = own[-1]
    is_view = False
    for base in cls.bases:
        qualified = qualified_name(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if qualified in api.VIEW_HANDLERS:
            django_bases.append(qualified)
            for name in api.VIEW_HANDLERS[qualified]:
                handlers.setdefault(name, Handler(name, False, qualified.rpartition(".")[2]))
            dispatch.setdefault("first", True)  # the library view's own (sync) dispatch comes first
            is_view = True
            continue
        if qualified in api.SYNC_ONLY_VIEW_MIXINS:
            django_bases.append(qualified)
            dispatch.setdefault("first", True)  # the mixin's sync dispatch comes first
            continue
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef):
            is_view = _walk(parent, handlers, django_bases, depth + 1, seen, dispatch) or is_view
    return is_view
