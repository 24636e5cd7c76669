"""Qualified names from a module's imports, and definitions in the project's other modules.

``qualified_name(models.Model)`` is ``"django.db.models.Model"`` after ``from django.db import models``,
whatever the alias. Definitions of ``django.*`` names are never loaded: the table in
``asynclint.django_api`` knows Django, so results are the same with and without Django installed.
Project and third-party modules are loaded through astroid's manager (parsed, never imported).
"""

from __future__ import annotations

import os

from astroid import MANAGER, nodes
from astroid.exceptions import AstroidError

from asynclint import django_api as api
from asynclint.core.context import current

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
            adapter = _module_alias_of_adapter(binding)
            if adapter is None:
                return None
            names.add(adapter)
    if len(names) == 1:
        found = names.pop()
        return thread_adapter_of(found, node) if found is not None else None
    return None


# --- the project's own thread adapters ------------------------------------------------------------
# ``class WorkbenchDatabaseSyncToAsync(DatabaseSyncToAsync)`` with ``database_sync_to_async =
# WorkbenchDatabaseSyncToAsync`` (cjworkbench), ``db = sync_to_async``: a project class whose bases
# reach asgiref's ``SyncToAsync`` (or channels' ``DatabaseSyncToAsync``), or a module-level alias of
# one of the adapters, is that adapter wherever it is named (``@X``, ``@X(...)``, ``X(f)``): a
# function it decorates runs in a worker thread and calling it gives an awaitable. ``qualified_name``
# answers the adapter's own qualified name for it, so every rule that knows the adapters knows these.

#: Words one of which a module must hold (whole) to define such an adapter or alias (the adapters'
#: own names): a cheap gate before its tree is read. An alias of an alias in a module that names
#: none of them (``from .threads import Offload; run = Offload``) is not seen: unknown, as before.
_ADAPTER_WORDS = tuple(sorted({api.short_name(adapter) for adapter in api.SYNC_TO_ASYNC}))


def thread_adapter_of(qualified: str, context: nodes.NodeNG) -> str:
    """``qualified`` itself, or the thread adapter it is (see above) when it names a project class
    deriving from one or a module-level alias of one."""
    if qualified in api.SYNC_TO_ASYNC or "." not in qualified or is_django_name(qualified):
        return qualified
    memo = current().thread_adapters
    try:
        return memo[qualified]
    except KeyError:
        pass
    memo[qualified] = qualified  # while it is computed (a cycle of aliases answers no adapter)
    answer = _adapter_named(qualified, context) if _may_define_adapter(qualified.rpartition(".")[0], context) \
        else None
    memo[qualified] = answer or qualified
    return memo[qualified]


def _may_define_adapter(modname: str, context: nodes.NodeNG) -> bool:
    """Whether the module ``modname`` is a project file that names an adapter (``_ADAPTER_WORDS``);
    answered once per module and run."""
    from asynclint.core import django_kinds  # pylint: disable=import-outside-toplevel
    memo = current().thread_adapters
    key = ("module", modname)
    if key not in memo:
        try:
            location = MANAGER.file_from_module_name(modname, context.root().file).location
        except (AstroidError, ImportError, SyntaxError, OSError, ValueError):
            location = None
        memo[key] = bool(location) and location.endswith(".py") and django_kinds.is_project_file(location) and \
            any(django_kinds.names_word(location, word) for word in _ADAPTER_WORDS)
    return memo[key]


def _adapter_named(qualified: str, context: nodes.NodeNG) -> str | None:
    found = definition(qualified, context)
    if isinstance(found, nodes.ClassDef):
        return _adapter_class(found)
    if isinstance(found, nodes.AssignName):
        return _module_alias_of_adapter(found)
    return None


def _adapter_class(cls: nodes.ClassDef) -> str | None:
    """The adapter a project class is, through its bases (a named base answers through
    ``qualified_name``, so a project base that derives from an adapter answers as that adapter)."""
    for base in cls.bases:
        adapter = qualified_name(base)
        if adapter in api.SYNC_TO_ASYNC and api.short_name(adapter)[:1].isupper():  # a class, not the function
            if adapter in api.CONNECTION_CLOSING_ADAPTERS and "thread_handler" not in cls.locals:
                return adapter  # channels' close_old_connections() around each call is inherited
            return api.SYNC_TO_ASYNC_BASE
    return None


def _module_alias_of_adapter(binding: nodes.NodeNG) -> str | None:
    """``db = WorkbenchDatabaseSyncToAsync`` / ``db = sync_to_async`` at module level, the name's only
    assignment there: the adapter it aliases, or None."""
    if not isinstance(binding, nodes.AssignName) or binding.scope() is not binding.root():
        return None
    statement = binding.parent
    if not isinstance(statement, nodes.Assign) or statement.targets != [binding] or \
            not isinstance(statement.value, (nodes.Name, nodes.Attribute)) or \
            len(binding.root().locals.get(binding.name, ())) != 1 or binding in _ALIASES_FOLLOWED:
        return None
    _ALIASES_FOLLOWED.add(binding)
    try:
        adapter = qualified_name(statement.value)
    finally:
        _ALIASES_FOLLOWED.discard(binding)
    return adapter if adapter in api.SYNC_TO_ASYNC else None


#: The aliases being followed (``a = b`` and ``b = a`` at module level end there).
_ALIASES_FOLLOWED: set = set()


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
    bound = module.locals.get(attr, ())
    for found in reversed(bound):
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
    if not bound:
        lazy = lazy_export(module, attr)
        if lazy is not None:
            target = imported_name(lazy, attr)
            if target is not None and target != qualified:
                return definition(target, lazy, _hops + 1)
    return None


def lazy_export(module: nodes.Module, attr: str) -> nodes.ImportFrom | None:
    """The import that a PEP 562 module ``__getattr__`` runs to answer ``module.attr``, when ``module``
    binds no ``attr`` itself: ``def __getattr__(name): if name == "AuditService": from .audit import
    AuditService; return AuditService`` (a package that defers a submodule's import to break a cycle).
    Only a branch whose test compares the hook's parameter with the literal ``attr`` (``==`` or ``in`` a
    literal tuple/list/set) and that returns the name its ``from ... import`` binds counts; a hook that
    computes the module (``importlib.import_module(_LAZY[name])``) stays unknown."""
    hooks = [found for found in module.locals.get("__getattr__", ()) if isinstance(found, nodes.FunctionDef)]
    if len(hooks) != 1 or not hooks[0].args.args:
        return None
    parameter = hooks[0].args.args[0].name
    for branch in hooks[0].nodes_of_class(nodes.If):
        if not _tests_name_for(branch.test, parameter, attr):
            continue
        imports = [statement for statement in branch.body if isinstance(statement, nodes.ImportFrom) and
                   any((alias or name) == attr for name, alias in statement.names)]
        returns = [statement for statement in branch.body if isinstance(statement, nodes.Return) and
                   isinstance(statement.value, nodes.Name) and statement.value.name == attr]
        if len(imports) == 1 and returns:
            return imports[0]
    return None


def _tests_name_for(test: nodes.NodeNG, parameter: str, attr: str) -> bool:
    """``name == "attr"`` (either side) or ``name in ("attr", ...)``."""
    if not isinstance(test, nodes.Compare) or len(test.ops) != 1:
        return False
    operator, right = test.ops[0]
    left = test.left
    if operator == "==":
        sides = (left, right)
        return any(isinstance(side, nodes.Name) and side.name == parameter for side in sides) and \
            any(isinstance(side, nodes.Const) and side.value == attr for side in sides)
    if operator == "in" and isinstance(left, nodes.Name) and left.name == parameter and \
            isinstance(right, (nodes.Tuple, nodes.List, nodes.Set)):
        return any(isinstance(element, nodes.Const) and element.value == attr for element in right.elts)
    return False


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
