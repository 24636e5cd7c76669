"""GraphQL servers: the sync resolvers an async schema execution runs on the event loop.

graphql-core's async execution calls a sync resolver directly, in the loop's thread, and awaits
whatever it returns. So under strawberry's ``AsyncGraphQLView``/ASGI ``GraphQL``/Channels consumers,
or ``await schema.execute(...)``, a ``@strawberry.field``/``@strawberry.mutation`` ``def`` (or a
``strawberry.field(resolver=f)``) that queries raises ``SynchronousOnlyOperation``; so does the
``has_permission`` of a sync ``BasePermission`` (strawberry's permission extension calls it there)
and the sync hooks of a ``SchemaExtension`` (``on_execute``..., ``resolve``),
and a resolver ariadne's ASGI ``GraphQL`` or ``await graphql(...)`` runs (``@query.field("x")``,
``query.set_field("x", f)``). Proven under the real packages in tests/runtime/test_graphql_channels.py.
graphene's ``await schema.execute_async(...)`` runs its ``resolve_<field>``/``mutate`` methods the same
way (``GRAPHENE_RESOLVER_BASES``); graphene is not a test dependency (it pins graphql-core below 3.3),
so benchmarks/graphene_proof.py proves it by hand.

A resolver (async, or sync under an async execution) that returns a lazy QuerySet hands it to
graphql-core, which iterates it on the loop to complete a list field: also SynchronousOnlyOperation
(sync-queryset-evaluation-in-async).

Silent, on purpose:

- strawberry-django's own fields (``strawberry_django.field``/``mutation``/``connection``/``node``)
  and ``django_resolver``: they wrap a sync resolver in ``sync_to_async`` when the execution is async;
- a schema the project never serves asynchronously (no async server below, no ``await
  schema.execute(...)``): strawberry's sync ``GraphQLView`` and ``schema.execute_sync`` run resolvers
  in the request's thread;
- graphene-django: its only view (``GraphQLView``, 3.2) is sync, and graphene resolvers under
  DjangoChannelsGraphqlWs are run through ``sync_to_async`` by that library.

The library is served asynchronously when a module of the project (the resolver's own, or any file of
its project index) names one of ``ASYNC_SERVERS`` through its imports, or awaits ``.execute(...)`` in
a module that imports strawberry (``.execute_async(...)`` in one that imports graphene). Test modules neither give that evidence nor have their sync
resolvers reported: a test picks the execution per call (``execute_sync`` here, ``await execute``
there), as strawberry's own suite does.
"""

from __future__ import annotations

import ast
import os
import re

from astroid import nodes

STRAWBERRY = "strawberry"
ARIADNE = "ariadne"
GRAPHENE = "graphene"

#: Decorators and field factories whose sync resolver the library calls in the executing thread.
RESOLVER_FACTORIES = {
    **dict.fromkeys(("strawberry.field", "strawberry.mutation", "strawberry.federation.field",
                     "strawberry.federation.mutation", "strawberry.types.field.field",
                     "strawberry.mutation.mutation", "strawberry.types.mutation.mutation"), STRAWBERRY),
}
#: Field factories and decorators that run a sync resolver in a worker thread under async execution.
THREAD_WRAPPERS = frozenset({
    "strawberry_django.field", "strawberry_django.mutation", "strawberry_django.connection",
    "strawberry_django.node", "strawberry_django.offset_paginated", "strawberry_django.input_mutation",
    "strawberry_django.fields.field.field", "strawberry_django.mutations.mutation",
    "strawberry_django.django_resolver", "strawberry_django.resolvers.django_resolver",
})
#: Base classes whose sync methods the library calls in the executing thread, and those methods: a
#: permission's check, and a schema extension's hooks (strawberry's extensions runner iterates a sync
#: ``on_operation``/``on_parse``/``on_validate``/``on_execute`` generator, and calls a sync ``resolve``
#: and ``get_results``, in the loop's thread under async execution; read in 0.341).
_EXTENSION_HOOKS = frozenset({"on_operation", "on_parse", "on_validate", "on_execute", "resolve", "get_results"})
CALLBACK_BASES = {
    **dict.fromkeys(("strawberry.permission.BasePermission", "strawberry.BasePermission"),
                    (STRAWBERRY, frozenset({"has_permission"}))),
    **dict.fromkeys(("strawberry.extensions.SchemaExtension", "strawberry.extensions.base_extension.SchemaExtension"),
                    (STRAWBERRY, _EXTENSION_HOOKS)),
}
#: ariadne's bindable types: ``@query.field("name")`` and ``query.set_field("name", f)`` bind a resolver.
ARIADNE_BINDABLES = frozenset(
    f"ariadne.{name}" for name in ("QueryType", "MutationType", "ObjectType", "InterfaceType",
                                   "objects.ObjectType", "objects.QueryType", "objects.MutationType"))
_ARIADNE_BINDERS = ("field", "set_field")

#: What serves a schema asynchronously (the library then runs sync resolvers on the loop).
ASYNC_SERVERS = {
    **dict.fromkeys(("strawberry.django.views.AsyncGraphQLView", "strawberry.asgi.GraphQL",
                     "strawberry.channels.GraphQLHTTPConsumer", "strawberry.channels.GraphQLWSConsumer",
                     "strawberry.channels.GraphQLProtocolTypeRouter", "strawberry.channels.handlers",
                     "strawberry.aiohttp.views.GraphQLView", "strawberry.fastapi.GraphQLRouter",
                     "strawberry_django.routers.AuthGraphQLProtocolTypeRouter"), STRAWBERRY),
    **dict.fromkeys(("ariadne.asgi.GraphQL", "ariadne.graphql", "ariadne.subscribe"), ARIADNE),
}
#: graphene's resolvers are methods named by convention: ``resolve_<field>`` of an ``ObjectType`` (and of
#: graphene-django's ``DjangoObjectType``), ``mutate`` of a ``Mutation``, ``mutate_and_get_payload`` of a
#: relay ``ClientIDMutation`` (read in graphene 3.4.3). graphql-core runs them on the loop under
#: ``await schema.execute_async(...)``, graphene's only async execution; its ``schema.execute`` and
#: graphene-django's ``GraphQLView`` (3.2) are sync.
GRAPHENE_RESOLVER_BASES = {
    **dict.fromkeys(("graphene.ObjectType", "graphene.types.ObjectType", "graphene.types.objecttype.ObjectType",
                     "graphene_django.DjangoObjectType", "graphene_django.types.DjangoObjectType"),
                    (frozenset(), "resolve_")),
    **dict.fromkeys(("graphene.Mutation", "graphene.types.mutation.Mutation"), (frozenset({"mutate"}), None)),
    **dict.fromkeys(("graphene.relay.ClientIDMutation", "graphene.relay.mutation.ClientIDMutation"),
                    (frozenset({"mutate_and_get_payload"}), None)),
}
#: Libraries whose every release pins graphql-core below 3.3 (graphene 3.4.3: ``graphql-core<3.3``): a
#: QuerySet a resolver returns is iterated on the loop for certain, not only on graphql-core 3.2.
BEFORE_GRAPHQL_CORE_3_3 = frozenset({GRAPHENE})
_LIBRARIES = (STRAWBERRY, ARIADNE, GRAPHENE)
_MENTIONS = re.compile(r"\b(strawberry|ariadne|graphene)\b")
#: A text test for ``asynclint check``'s prefilter: a module that may define sync resolvers.
TEXT_HINT = _MENTIONS
_AWAITED_EXECUTE = re.compile(r"\bawait\s+[\w.]+\.execute\(")
_AWAITED_EXECUTE_ASYNC = re.compile(r"\bawait\s+[\w.]+\.execute_async\(")


# --- which sync functions are resolvers ----------------------------------------------------------------
def resolver_library(function: nodes.FunctionDef) -> str | None:
    """The GraphQL library that calls sync ``function`` as a resolver in the executing thread, or None
    (not a resolver, or one the library runs in a worker thread)."""
    from asynclint.core.imports import called_name

    decorators = function.decorators.nodes if function.decorators else ()
    names = [called_name(decorator) for decorator in decorators]
    from asynclint.django_api import SYNC_TO_ASYNC

    if any(name in THREAD_WRAPPERS or name in SYNC_TO_ASYNC for name in names):
        return None
    for name in names:
        if name in RESOLVER_FACTORIES:
            return RESOLVER_FACTORIES[name]
    if any(_ariadne_binder(decorator) for decorator in decorators):
        return ARIADNE
    found = _callback_method(function) or _graphene_resolver(function)
    if found is not None:
        return found
    return _registered(function.root()).get(function)


def _graphene_resolver(function: nodes.FunctionDef) -> str | None:
    """``resolve_<field>`` of a graphene ``ObjectType`` subclass, ``mutate`` of a ``Mutation``..."""
    from asynclint.core.imports import qualified_name

    owner = function.parent
    if not isinstance(owner, nodes.ClassDef):
        return None
    for base in owner.bases:
        names, prefix = GRAPHENE_RESOLVER_BASES.get(qualified_name(base) or "", (frozenset(), None))
        if function.name in names or prefix is not None and function.name.startswith(prefix):
            return GRAPHENE
    return None


def _imports_a_library(module: nodes.Module) -> bool:
    """Whether the module imports strawberry or ariadne (at its top level); once per module tree."""
    found = getattr(module, "_asynclint_imports_graphql", None)
    if found is None:
        found = any(
            isinstance(node, nodes.Import) and any(name.split(".")[0] in _LIBRARIES for name, _ in node.names)
            or isinstance(node, nodes.ImportFrom) and (node.modname or "").split(".")[0] in _LIBRARIES
            for node in module.body)
        module._asynclint_imports_graphql = found  # pylint: disable=protected-access
    return found


def _ariadne_binder(node: nodes.NodeNG) -> bool:
    """``query.field("name")`` (as a decorator) or ``query.set_field`` on an ariadne bindable."""
    from asynclint.core.imports import bindings, called_name

    func = node.func if isinstance(node, nodes.Call) else node
    if not isinstance(func, nodes.Attribute) or func.attrname not in _ARIADNE_BINDERS:
        return False
    if not isinstance(func.expr, nodes.Name):
        return False
    found = bindings(func.expr)  # ``query = QueryType()``, once
    return len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign) \
        and called_name(found[0].parent.value) in ARIADNE_BINDABLES


def _callback_method(function: nodes.FunctionDef) -> str | None:
    from asynclint.core.imports import qualified_name

    owner = function.parent
    if not isinstance(owner, nodes.ClassDef):
        return None
    for base in owner.bases:
        library, methods = CALLBACK_BASES.get(qualified_name(base) or "", (None, ()))
        if library is not None and function.name in methods:
            return library
    return None


def _registered(module: nodes.Module) -> dict[nodes.FunctionDef, str]:
    """Functions the module hands to a resolver factory (``strawberry.field(resolver=f)``) or binds
    with ariadne's ``set_field``; computed once per module tree."""
    found = getattr(module, "_asynclint_resolvers", None)
    if found is not None:
        return found
    from asynclint.core.imports import called_name, definition_of

    found = {}
    for call in module.nodes_of_class(nodes.Call):
        library, target = None, None
        name = called_name(call)
        if name in RESOLVER_FACTORIES:
            library = RESOLVER_FACTORIES[name]
            target = next((k.value for k in call.keywords or () if k.arg == "resolver"), None)
            target = target if target is not None else (call.args[0] if call.args else None)
        elif isinstance(call.func, nodes.Attribute) and call.func.attrname == "set_field" and \
                len(call.args) > 1 and _ariadne_binder(call.func):
            library, target = ARIADNE, call.args[1]
        if library is not None and isinstance(target, (nodes.Name, nodes.Attribute)):
            defined = definition_of(target)
            if isinstance(defined, nodes.FunctionDef) and not isinstance(defined, nodes.AsyncFunctionDef):
                found[defined] = library
    module._asynclint_resolvers = found  # pylint: disable=protected-access
    return found


# --- whether the project serves the library asynchronously ---------------------------------------------
def served_async(library: str, module: nodes.Module) -> bool:
    """Whether the project of ``module`` serves ``library``'s schemas asynchronously (see the module
    docstring); read once per project per run."""
    from asynclint.core.context import current
    from asynclint.core.django_kinds import _candidate_files  # noqa: PLC2701 (the project index)

    path = module.file or ""
    if _is_test_module(path):
        return False  # a test picks the execution per call (execute_sync here, await execute there)
    files = _candidate_files(path) or ((path,) if path else ())
    key = ("graphql-async-servers", files[0] if files else "")
    cache = current().deployments
    if key not in cache:
        servers: set[str] = set()
        for file in (*files, path):
            if not _is_test_module(file):
                servers |= _servers_of(file, cache)
        cache[key] = frozenset(servers)
    return library in cache[key] or library in _servers_of(path, cache)


def _servers_of(path: str, cache: dict) -> frozenset[str]:
    """``_async_servers_in(path)``, read once per file per run: every resolver of a module asks about its
    own file, and parsing it again each time cost OpenHEXA's ariadne schema (97 files) 45 of 53 seconds."""
    key = ("graphql-async-servers-in", path)
    if key not in cache:
        cache[key] = _async_servers_in(path)
    return cache[key]


def _is_test_module(path: str) -> bool:
    from asynclint.core.django_kinds import is_test_module  # noqa: PLC0415 (core imports the libraries)

    return is_test_module(path)


def _async_servers_in(path: str) -> frozenset[str]:
    try:
        if not path or os.path.getsize(path) > 500_000:
            return frozenset()
        with open(path, encoding="utf-8", errors="replace") as stream:
            text = stream.read()
    except OSError:
        return frozenset()
    if not _MENTIONS.search(text):
        return frozenset()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return frozenset()
    found = {library for name in _dotted_names(tree) for server, library in ASYNC_SERVERS.items()
             if name == server or name.startswith(server + ".")}
    roots = _imported_roots(tree)
    if "strawberry" in roots and _AWAITED_EXECUTE.search(text):
        found.add(STRAWBERRY)
    if "graphene" in roots and _AWAITED_EXECUTE_ASYNC.search(text):
        found.add(GRAPHENE)
    return frozenset(found)


def _imported_roots(tree: ast.Module) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


def _dotted_names(tree: ast.Module) -> set[str]:
    """Every qualified name the module refers to through its imports (``views.AsyncGraphQLView`` after
    ``from strawberry.django import views``)."""
    aliases: dict[str, str] = {}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else \
                    alias.name.split(".")[0]
                found.add(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                found.add(f"{node.module}.{alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts = []
            current_node: ast.AST = node
            while isinstance(current_node, ast.Attribute):
                parts.append(current_node.attr)
                current_node = current_node.value
            if isinstance(current_node, ast.Name) and current_node.id in aliases:
                found.add(".".join((aliases[current_node.id], *reversed(parts))))
    return found


def runs_on_loop(function: nodes.FunctionDef) -> bool:
    """Whether sync ``function`` is a resolver (or permission) an async execution runs on the loop."""
    return loop_reason(function) is not None


def loop_reason(function: nodes.FunctionDef) -> str | None:
    """Why sync ``function`` runs on the loop (for the messages), or None when it does not."""
    if not _imports_a_library(function.root()):
        return None
    library = resolver_library(function)
    if library is None or not served_async(library, function.root()):
        return None
    what = "resolver" if _callback_method(function) is None else \
        "permission check" if function.name == "has_permission" else "schema extension hook"
    return (f"{function.name}() is a sync {library} {what}, which the project's async execution calls on "
            f"the event loop: make it 'async def'")


def iterating_library(function: nodes.FunctionDef) -> str | None:
    """The GraphQL library that iterates, on the loop, the value resolver ``function`` returns: an async
    resolver (its execution is async by necessity), or a sync one the project serves asynchronously."""
    if not _imports_a_library(function.root()):
        return None
    library = resolver_library(function)
    if library is None or not (isinstance(function, nodes.AsyncFunctionDef) or served_async(library, function.root())):
        return None
    return library

#: What ``asynclint rules --libraries`` and docs/libraries.md say about this family: (library, what runs on
#: the loop, the rules that report it, the versions read).
COVERED = (
    ("strawberry-graphql", "sync resolvers, sync permissions, sync schema extension hooks and returned QuerySets "
     "under async execution",
     "every loop rule; sync-queryset-evaluation-in-async", "0.327 (strawberry-graphql-django 0.91: its fields are silent)"),
    ("ariadne", "sync resolvers and returned QuerySets under ASGI GraphQL / await graphql()",
     "every loop rule; sync-queryset-evaluation-in-async", "1.1"),
    ("graphene", "sync resolve_<field>/mutate methods and returned QuerySets under await schema.execute_async()",
     "every loop rule; sync-queryset-evaluation-in-async", "3.4.3 (graphql-core 3.2)"),
    ("graphene-django", "nothing: its GraphQLView is sync", "-", "3.2"),
)
