"""Class-based views: which HTTP handlers a view class has (own and inherited), sync or async."""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from asynclint import django_api as api
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


def analyse(cls: nodes.ClassDef) -> ViewClass | None:
    """The view's handlers, or None when ``cls`` is not (known to be) a Django class-based view."""
    handlers: dict[str, Handler] = {}
    django_bases: list[str] = []
    if not _walk(cls, handlers, django_bases, 0, set()):
        return None
    return ViewClass(handlers, tuple(django_bases))


def _walk(cls: nodes.ClassDef, handlers: dict, django_bases: list, depth: int, seen: set) -> bool:
    """Collect handlers depth-first, left to right (an approximation of the MRO); True if a view."""
    if depth > _MAX_DEPTH or cls in seen:
        return False
    seen.add(cls)
    for name in api.HTTP_HANDLERS:
        for found in cls.locals.get(name, ()):
            if isinstance(found, nodes.FunctionDef) and name not in handlers:
                handlers[name] = Handler(name, isinstance(found, nodes.AsyncFunctionDef), cls.name)
    is_view = False
    for base in cls.bases:
        qualified = qualified_name(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if qualified in api.VIEW_HANDLERS:
            django_bases.append(qualified)
            for name in api.VIEW_HANDLERS[qualified]:
                handlers.setdefault(name, Handler(name, False, qualified.rpartition(".")[2]))
            is_view = True
            continue
        if qualified in api.SYNC_ONLY_VIEW_MIXINS:
            django_bases.append(qualified)
            continue
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef):
            is_view = _walk(parent, handlers, django_bases, depth + 1, seen) or is_view
    return is_view
