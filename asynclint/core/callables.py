"""Whether a call's result is certainly not a callable: ``sync_to_async(book.save())`` hands the adapter
a result, not a function (sync-to-async-called-not-passed), so the call ran right there; a factory,
``partial(f, x)``, a class or a project object with ``__call__`` may return one (unknown: not certain)."""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.django_kinds import (ADAPTED_CALLABLE, FACTORY, PROJECT_CLASS, PROJECT_OBJECT, django_call,
                                        find_method, kind_of)
from asynclint.core.imports import definition_of, qualified_name


def _returns_callable(function: nodes.FunctionDef) -> bool:
    for statement in function.nodes_of_class(nodes.Return, skip_klass=(nodes.FunctionDef, nodes.Lambda)):
        value = statement.value
        if isinstance(value, nodes.Lambda):
            return True
        if isinstance(value, (nodes.Name, nodes.Attribute)) and isinstance(
                definition_of(value), (nodes.FunctionDef, nodes.ClassDef)):
            return True
        if isinstance(value, nodes.Call) and isinstance(value.func, (nodes.Name, nodes.Attribute)) and \
                qualified_name(value.func) in api.CALLABLE_FACTORIES:
            return True
    return False


def _callable_kind(found) -> bool:
    """A class (``get_user_model()``, ``apps.get_model(...)``) or an instance of a project class that
    defines ``__call__`` (``sync_to_async(Tool(name))``): the value is itself the callable to pass."""
    if found.name in (api.MODEL_CLASS, PROJECT_CLASS):
        return True
    return found.name == PROJECT_OBJECT and (find_method(found.custom, "__call__") is not None or
                                             _instances_may_be_callable(found.custom))


def _instances_may_be_callable(cls: nodes.ClassDef | None) -> bool:
    """Whether a base of project class ``cls`` outside the project may define ``__call__``: a library
    class that does (``sync_to_async(DocketFeed())``, a syndication ``Feed``, whose ``__call__`` renders
    the feed), or one asynclint cannot load (unknown: maybe callable)."""
    if cls is None:
        return True
    for base in cls.bases:
        if isinstance(base, nodes.Call):
            continue  # ``Manager.from_queryset(QS)``: find_method looked there
        parent = definition_of(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if not isinstance(parent, nodes.ClassDef):
            return True  # a base that cannot be loaded
        if parent.qname() in ("builtins.object", "object"):
            continue
        try:
            ancestors = [parent, *parent.ancestors()]
        except Exception:  # pylint: disable=broad-except  # astroid could not follow a base
            return True
        if any("__call__" in ancestor.locals for ancestor in ancestors
               if ancestor.qname() not in ("builtins.object", "builtins.type")):
            return True
    return False


def certainly_not_callable(call: nodes.Call) -> bool:
    """Whether calling ``call`` gives something that is not a callable (so it was meant to be passed)."""
    if isinstance(call.func, (nodes.Name, nodes.Attribute)) and qualified_name(call.func) in api.CALLABLE_FACTORIES:
        return False
    if call.args and not isinstance(call.args[0], nodes.Const) and isinstance(call.func, (nodes.Name, nodes.Attribute)) \
            and qualified_name(call.func) in api.DECORATING_CALLS:
        return False  # ``transaction.atomic(f)``: the decorator applied to f returns the wrapped function
    found = kind_of(call)
    if found is not None and _callable_kind(found):
        return False
    if django_call(call) is not None:
        return True
    if found is not None:
        return found.name not in (ADAPTED_CALLABLE, FACTORY)
    if isinstance(call.func, (nodes.Name, nodes.Attribute)):
        function = definition_of(call.func)
        if isinstance(function, nodes.FunctionDef) and not isinstance(function, nodes.AsyncFunctionDef):
            return not _returns_callable(function)
    return False
