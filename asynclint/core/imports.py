"""Qualified names from a module's imports, and definitions in the project's other modules.

``qualified_name(models.Model)`` is ``"django.db.models.Model"`` after ``from django.db import models``,
whatever the alias. Definitions of ``django.*`` names are never loaded: the table in
``asynclint.django_api`` knows Django, so results are the same with and without Django installed.
Project and third-party modules are loaded through astroid's manager (parsed, never imported).
"""

from __future__ import annotations

import os

from astroid import nodes
from astroid.exceptions import AstroidError

#: How deep re-exports (``from .models import Book`` in a package ``__init__``) are followed.
_MAX_HOPS = 6


def bindings(name: nodes.Name | nodes.AssignName) -> list[nodes.NodeNG]:
    """The statements that may bind ``name`` where it is used (astroid's scope lookup)."""
    try:
        scope, found = name.lookup(name.name)
    except (AstroidError, RecursionError):
        return []
    if any(_bare_annotation(binding) for binding in found):
        # ``cache: DefaultClient`` with no value binds nothing at run time: the name keeps what the
        # scope's other statements bind (the import it re-annotates), not the annotation.
        found = [binding for binding in scope.locals.get(name.name, ()) if not _bare_annotation(binding)] or \
            [binding for binding in found if not _bare_annotation(binding)]
    return list(found)


def _bare_annotation(binding: nodes.NodeNG) -> bool:
    """``name: T`` without a value (an annotation only, no binding)."""
    return isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.AnnAssign) and \
        binding.parent.value is None and binding.parent.target is binding


def imported_name(binding: nodes.Import | nodes.ImportFrom, local: str) -> str | None:
    if isinstance(binding, nodes.Import):
        for name, alias in binding.names:
            if alias == local:
                return name
            if alias is None and name.split(".", 1)[0] == local:
                return local
        return None
    for name, alias in binding.names:
        if (alias or name) == local and name != "*":
            module = absolute_module(binding)
            if module is None:
                return None
            return f"{module}.{name}" if module else name
    if is_star_import(binding):
        return _star_imported_name(binding, local)
    return None


def absolute_module(binding: nodes.ImportFrom) -> str | None:
    """The module ``from <module> import ...`` names, absolute (None: a relative import beyond the top)."""
    if not binding.level:
        return binding.modname
    root = binding.root()
    if _sibling_in_namespace_folder(root, binding.modname, binding.level):
        return binding.modname
    try:
        return root.relative_to_absolute_name(binding.modname, binding.level)
    except AstroidError:
        return None


def _sibling_in_namespace_folder(module: nodes.Module, modname: str, level: int) -> bool:
    """``from .create import tournaments`` in a module whose folder has no ``__init__.py`` (a namespace
    package, so the module is analysed under its bare name, its folder on the path): ``create`` is the
    sibling module ``create.py`` of that folder. (astroid resolves such an import only to a sibling
    package folder, and otherwise to ``kick.create``, which does not exist.)"""
    if level != 1 or not modname or module.package or "." in module.name or not module.file:
        return False
    folder = os.path.dirname(os.path.abspath(module.file))
    if os.path.exists(os.path.join(folder, "__init__.py")):
        return False
    first = modname.split(".", 1)[0]
    return os.path.isfile(os.path.join(folder, f"{first}.py")) or os.path.isdir(os.path.join(folder, first))


def is_star_import(binding: nodes.NodeNG) -> bool:
    return isinstance(binding, nodes.ImportFrom) and any(name == "*" for name, _alias in binding.names)


def _star_imported_name(binding: nodes.ImportFrom, local: str, _hops: int = 0) -> str | None:
    """What ``local`` is after ``from module import *``: the name ``module`` binds it to (its own
    class or function, or what it imported), or None when ``module`` cannot be read."""
    module = absolute_module(binding)
    if not module or _hops > _MAX_HOPS:
        return None
    if is_django_name(module):  # Django's modules are never loaded; a star re-exports their names
        return f"{module}.{local}"
    loaded = load_module(module, binding)
    candidates = loaded.locals.get(local) if loaded is not None else None
    if not candidates:
        return None
    found = candidates[-1]
    if is_star_import(found):
        return _star_imported_name(found, local, _hops + 1)
    if isinstance(found, (nodes.Import, nodes.ImportFrom)):
        return imported_name(found, local)
    if isinstance(found, (nodes.ClassDef, nodes.FunctionDef, nodes.AssignName)) and found.parent.scope() is loaded:
        return f"{module}.{local}"
    return None


def _earlier_import(star: nodes.ImportFrom, local: str) -> nodes.NodeNG | None:
    """The explicit import of ``local`` before a star import in the same module (kept when the star's
    module cannot be read)."""
    earlier = [binding for binding in star.root().locals.get(local, ())
               if isinstance(binding, (nodes.Import, nodes.ImportFrom)) and not is_star_import(binding)
               and binding.fromlineno < star.fromlineno]
    return earlier[-1] if earlier else None


def qualified_name(node: nodes.NodeNG) -> str | None:
    """The dotted name a Name or Attribute refers to, or None (a local value, an unknown)."""
    if isinstance(node, nodes.Attribute):
        base = qualified_name(node.expr)
        return f"{base}.{node.attrname}" if base else None
    if not isinstance(node, nodes.Name):
        return None
    names = set()
    for binding in bindings(node):
        if is_star_import(binding):
            name = imported_name(binding, node.name)
            earlier = _earlier_import(binding, node.name) if name is None else None
            name = name or (imported_name(earlier, node.name) if earlier is not None else None)
            if name is not None:
                names.add(name)
        elif isinstance(binding, (nodes.Import, nodes.ImportFrom)):
            names.add(imported_name(binding, node.name))
        elif isinstance(binding, (nodes.ClassDef, nodes.FunctionDef)) and binding.parent is binding.root():
            names.add(f"{binding.root().name}.{binding.name}")
        else:
            return None
    if len(names) == 1:
        return names.pop()
    return None


def is_django_name(qualified: str) -> bool:
    return qualified == "django" or qualified.startswith("django.")


def load_module(modname: str, context: nodes.NodeNG) -> nodes.Module | None:
    if is_django_name(modname):
        return None
    try:
        return context.root().import_module(modname, relative_only=False)
    except (AstroidError, RecursionError, ImportError, SyntaxError, OSError, ValueError):
        return None


def definition(qualified: str, context: nodes.NodeNG, _hops: int = 0) -> nodes.NodeNG | None:
    """The node that defines ``qualified`` in the project (a ClassDef, FunctionDef or AssignName).

    Names under ``django.`` are never loaded (see the module docstring).
    """
    if _hops > _MAX_HOPS or is_django_name(qualified) or "." not in qualified:
        return None
    modname, _, attr = qualified.rpartition(".")
    module = load_module(modname, context)
    if module is None:
        return None
    for found in reversed(module.locals.get(attr, ())):
        if not isinstance(found, (nodes.Import, nodes.ImportFrom)):
            return found
        target = imported_name(found, attr)
        if target is None:
            return None
        if target != qualified:
            return definition(target, found, _hops + 1)
        # A circular re-export: ``models/__init__.py`` star-imports a submodule that itself imports the
        # name from the package (``from app.models import Workflow``); when that submodule runs, the
        # package's name still holds what an earlier binding gave it, so the earlier binding decides.
    return None


def definition_of_qualified(qualified: str, context: nodes.NodeNG) -> nodes.NodeNG | None:
    """The definition of ``qualified``: in the module of ``context``, or loaded from the project."""
    root = context.root()
    modname, _, attr = qualified.rpartition(".")
    if modname == root.name:
        candidates = root.locals.get(attr)
        return candidates[-1] if candidates else None
    return definition(qualified, context)


def definition_of(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The definition a Name or Attribute refers to: in this module, or through its imports."""
    if isinstance(node, nodes.Name):
        found = bindings(node)
        if len(found) == 1 and isinstance(found[0], (nodes.ClassDef, nodes.FunctionDef)):
            return found[0]
    qualified = qualified_name(node)
    return definition_of_qualified(qualified, node) if qualified is not None else None


def called_name(node: nodes.NodeNG) -> str | None:
    """The qualified name of a decorator or callee: ``@atomic`` and ``@atomic(using=...)`` alike."""
    target = node.func if isinstance(node, nodes.Call) else node
    if isinstance(target, (nodes.Name, nodes.Attribute)):
        return qualified_name(target)
    return None


def has_decorator(function: nodes.FunctionDef | nodes.ClassDef, names: frozenset[str]) -> bool:
    """Whether a decorator of ``function`` is one of ``names`` (qualified), with or without arguments."""
    decorators = function.decorators.nodes if function.decorators else ()
    return any(called_name(decorator) in names for decorator in decorators)
