"""django-ninja: what an async operation does on the event loop after the view returns.

``AsyncOperation.run`` awaits the view, then calls the sync ``_result_to_response`` in the loop's
thread: the ``response=`` schema validates the returned value there (pydantic reads every field
through ninja's ``DjangoGetter``). A lazy QuerySet returned for ``response=list[Schema]`` is iterated
there, and a field of the schema that names a related manager of the returned model instance runs
``manager.all()`` there: both raise ``SynchronousOnlyOperation`` (pydantic reports it as a
``ValidationError``). Read in django-ninja 0.22.2, 1.0, 1.4.5, 1.5.0 and 1.7.1; proven under 1.7.1 in
tests/runtime/test_graphql_channels.py.

Not flagged, on purpose: ``@paginate`` operations (1.2+ pages an async operation with the
paginator's ``apaginate_queryset``, which evaluates the page with ``async for``), and the sync auth
callbacks (1.5.0, commit 907224c, runs them with ``sync_to_async``; 0.22 to 1.4.x call them on the loop,
but asynclint does not know the project's ninja version yet).
"""

from __future__ import annotations

from astroid import nodes

NINJA = "django-ninja"

#: The objects whose methods are route decorators (``@api.get(...)``, ``@router.post(...)``).
ROUTERS = frozenset({"ninja.NinjaAPI", "ninja.Router", "ninja.main.NinjaAPI", "ninja.router.Router"})
ROUTE_METHODS = frozenset({"get", "post", "put", "patch", "delete", "api_operation"})
PAGINATORS = frozenset({"ninja.pagination.paginate", "ninja.paginate"})


def response_schema(function: nodes.FunctionDef) -> nodes.NodeNG | None:
    """The ``response=`` of the ninja route decorating async ``function``, or None (not an async ninja
    operation, no response schema, or a paginated one)."""
    if not isinstance(function, nodes.AsyncFunctionDef) or not function.decorators:
        return None
    from asynclint.core.imports import called_name

    found = None
    for decorator in function.decorators.nodes:
        if called_name(decorator) in PAGINATORS:
            return None
        if isinstance(decorator, nodes.Call) and isinstance(decorator.func, nodes.Attribute) and \
                decorator.func.attrname in ROUTE_METHODS and _is_router(decorator.func.expr):
            found = next((k.value for k in decorator.keywords or () if k.arg == "response"), None)
    return found


def _is_router(node: nodes.NodeNG) -> bool:
    """``api``/``router``: a name bound once, at module level, to ``NinjaAPI(...)``/``Router(...)``."""
    from asynclint.core.imports import bindings, called_name

    if not isinstance(node, nodes.Name):
        return False
    found = bindings(node)
    return len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign) \
        and called_name(found[0].parent.value) in ROUTERS


def schema_fields(schema: nodes.NodeNG) -> tuple[nodes.ClassDef | None, frozenset[str]]:
    """The project schema class of ``response=Schema`` (or ``list[Schema]``...) and its annotated fields."""
    from asynclint.core.imports import definition_of

    while isinstance(schema, nodes.Subscript):
        schema = schema.slice
    if not isinstance(schema, (nodes.Name, nodes.Attribute)):
        return None, frozenset()
    found = definition_of(schema)
    if not isinstance(found, nodes.ClassDef):
        return None, frozenset()
    names = {item.target.name for item in found.body
             if isinstance(item, nodes.AnnAssign) and isinstance(item.target, nodes.AssignName)}
    return found, frozenset(names)

#: What ``asynclint rules --libraries`` and docs/libraries.md say (see ``graphql.COVERED``).
COVERED = (
    (NINJA, "response= validation of async operations (returned QuerySets, related managers)",
     "sync-queryset-evaluation-in-async", "0.22.2-1.7.1 (@paginate pages async operations from 1.2)"),
)
