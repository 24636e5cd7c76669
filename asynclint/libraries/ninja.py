"""django-ninja: what an async operation does on the event loop after the view returns.

``AsyncOperation.run`` awaits the view, then calls the sync ``_result_to_response`` in the loop's
thread: the ``response=`` schema validates the returned value there (pydantic reads every field
through ninja's ``DjangoGetter``). A lazy QuerySet returned for ``response=list[Schema]`` is iterated
there, and a field of the schema that names a related manager of the returned model instance runs
``manager.all()`` there: both raise ``SynchronousOnlyOperation`` (pydantic reports it as a
``ValidationError``). Read in django-ninja 0.22.2, 1.0, 1.4.5, 1.5.0 and 1.7.1; proven under 1.7.1 in
tests/runtime/test_graphql_channels.py.

Sync auth callbacks: ``AsyncOperation._run_authentication`` (0.12 to 1.4.x; ``_run_checks`` before
0.21) calls a sync ``auth=`` callable (a function, or an object whose ``__call__`` is sync, such as a
``HttpBearer`` subclass whose ``authenticate`` it calls) directly on the loop; 1.5.0 (commit 907224c)
runs it with ``sync_to_async``. ``auth_loop_reason`` follows the project's ninja version
(``asynclint.core.versions.library``): definite when every targeted release is older than 1.5.0,
possible when the targeted range straddles it, silent from 1.5.0 or when the version is unknown.
Proven under the installed release in tests/runtime/test_ninja_auth.py.

ninja's own session auth (``django_auth``, ``SessionAuth()``, the superuser/staff variants, read in
``ninja.security.session`` of 1.4.5 and 1.8.0: ``authenticate`` reads ``request.user``):
``library_auth_on_loop`` reports an async operation that uses it under the same version rule. Proven
under the installed release in tests/runtime/test_ninja_auth.py.

``request.user`` assigned by the auth: ``user_set_by_auth`` (the operation's, its Router's or every
project API's ``auth=`` callbacks set ``request.user``, or are ninja's own session auth, which evaluates
the lazy user before it lets the operation run; ninja runs them before the operation). Proven
under the installed release in tests/runtime/test_ninja_auth.py.

Exception handlers (``@api.exception_handler(Exc)``, ``api.add_exception_handler(Exc, handler)``):
``NinjaAPI.on_exception`` returns ``handler(request, exc)`` without awaiting it, and ``AsyncOperation.run``
and its checks call it on the event loop (read in django-ninja 1.1.0 and 1.8.0, the latest release).
``exception_handler_registration`` finds the registration of an ``async def`` handler (its coroutine is
the response, never run: Django raises ValueError); ``exception_handler_loop_reason`` the sync handler
of an API that has async operations in the same module (definite when one of them raises the handled
class, or the handler takes ``Exception``; possible otherwise). Proven under the installed release in
tests/runtime/test_ninja_auth.py.

Not flagged, on purpose: ``@paginate`` operations (1.2+ pages an async operation with the
paginator's ``apaginate_queryset``, which evaluates the page with ``async for``).
"""

from __future__ import annotations

import os
import re

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
    return found, frozenset(names | model_schema_fields(found))


#: ninja's model-schema factory (``ninja/orm/factory.py``, read in django-ninja 1.x): with ``depth=N``
#: (N >= 1) ``get_schema_field`` nests each relation of the model as the related model's schema, so
#: validating an instance reads the relation itself (``instance.author``: a query unless selected); with
#: ``depth=0`` a foreign key is its ``_id`` column. ``fields``/``exclude`` select the model's fields.
CREATE_SCHEMA = frozenset({"ninja.orm.create_schema", "ninja.orm.factory.create_schema"})


def nested_relations_schema(schema: nodes.NodeNG) -> tuple[nodes.ClassDef, frozenset[str] | None, frozenset[str]] | None:
    """For ``response=`` naming ``create_schema(Model, depth=N >= 1, ...)`` (the call, or a module-level name
    bound once to it; also inside ``list[...]``): (the model class, the field names ``fields=`` keeps (None:
    every field), the names ``exclude=`` takes out); None for anything else, when an argument is not
    literal, or with ``custom_fields``/``base_class`` (unknown)."""
    from asynclint import django_api as api
    from asynclint.core.django_kinds import kind_of
    from asynclint.core.imports import bindings, qualified_name

    while isinstance(schema, nodes.Subscript):
        schema = schema.slice
    if isinstance(schema, nodes.Name):
        found = bindings(schema)
        if len(found) != 1 or not isinstance(found[0], nodes.AssignName) or \
                not isinstance(found[0].parent, nodes.Assign) or not isinstance(found[0].parent.parent, nodes.Module):
            return None
        schema = found[0].parent.value
    if not isinstance(schema, nodes.Call) or qualified_name(schema.func) not in CREATE_SCHEMA or len(schema.args) != 1:
        return None
    reference = kind_of(schema.args[0])
    model = reference.model if reference is not None and reference.name == api.MODEL_CLASS else None
    options = {keyword.arg: keyword.value for keyword in schema.keywords or ()}
    depth = options.get("depth")
    if not isinstance(model, nodes.ClassDef) or None in options or not (
            isinstance(depth, nodes.Const) and isinstance(depth.value, int) and depth.value >= 1):
        return None
    if options.keys() - {"name", "depth", "fields", "exclude", "optional_fields"}:
        return None  # custom_fields (a declared type read from the attribute), a base class: not known
    kept: frozenset[str] | None = None
    taken: frozenset[str] = frozenset()
    for option in ("fields", "exclude"):
        value = options.get(option)
        if value is None or (isinstance(value, nodes.Const) and value.value is None):
            continue
        if not isinstance(value, (nodes.List, nodes.Tuple)) or not all(
                isinstance(name, nodes.Const) and isinstance(name.value, str) for name in value.elts):
            return None
        if option == "fields":
            kept = frozenset(name.value for name in value.elts)
        else:
            taken = frozenset(name.value for name in value.elts)
    return model, kept, taken


#: The inner classes where a ``ModelSchema`` names its model's fields (``Meta`` from ninja 1.0; ``Config``
#: before, which 1.x rejects), and the attributes that list them (``fields``; ``model_fields`` in ``Config``).
#: ``Meta`` read in django-ninja 1.8.0 (``ninja/orm/metaclass.py``); ``Config.model_fields`` is the form
#: ninja 0.x documents.
_MODEL_SCHEMA_OPTIONS = {"Meta": ("fields",), "Config": ("model_fields",)}


def model_schema_fields(cls: nodes.ClassDef) -> set[str]:
    """The model fields a ``ModelSchema`` lists by name: ``class Meta: model = Doc; fields = ["title",
    "tags"]`` (``class Config: model_fields = [...]`` before ninja 1.0). ninja builds a schema field
    for each, and reads a many-to-many or reverse relation among them through its manager's ``all()``
    when it validates a response. ``"__all__"``, ``exclude`` and a list that is not literal strings
    name nothing here (unknown means silent)."""
    names: set[str] = set()
    for item in cls.body:
        if not isinstance(item, nodes.ClassDef) or item.name not in _MODEL_SCHEMA_OPTIONS:
            continue
        assigned = {target.name: statement.value for statement in item.body if isinstance(statement, nodes.Assign)
                    for target in statement.targets if isinstance(target, nodes.AssignName)}
        if "model" not in assigned:
            continue
        for option in _MODEL_SCHEMA_OPTIONS[item.name]:
            listed = assigned.get(option)
            if isinstance(listed, (nodes.List, nodes.Tuple)) and all(
                    isinstance(element, nodes.Const) and isinstance(element.value, str) for element in listed.elts):
                names.update(element.value for element in listed.elts)
    return names

# --- sync auth callbacks of async operations -----------------------------------------------------------
#: The first release that runs a sync auth callback of an async operation with ``sync_to_async``.
AUTH_BRIDGED_FROM = (1, 5, 0)
#: The methods ninja's auth objects implement (``__call__``; ninja's own ``__call__`` calls ``authenticate``).
AUTH_METHODS = frozenset({"__call__", "authenticate"})
_AUTH_ARGUMENT = re.compile(r"\bauth\s*=\s*(\[[^\]]*\]|\([^)]*\)|[\w.]+)")
#: A module that may define an auth callback (the CLI's prefilter: such a module has no async code).
TEXT_HINT = re.compile(r"\bdef\s+authenticate\s*\(|\bfrom\s+ninja\b|\bimport\s+ninja\b")


def _auth_candidate(function: nodes.FunctionDef) -> nodes.NodeNG | None:
    """What ``auth=`` would name for sync ``function`` to run as an auth callback: the function itself
    (module level), or its class (``__call__``, or ``authenticate`` of a ninja security class)."""
    if isinstance(function, nodes.AsyncFunctionDef):
        return None
    parent = function.parent
    if isinstance(parent, nodes.Module):
        return function
    if not isinstance(parent, nodes.ClassDef) or function.name not in AUTH_METHODS \
            or not isinstance(parent.parent, nodes.Module):
        return None
    if function.name == "authenticate" and not _ninja_security_class(parent):
        return None
    return parent


def _ninja_security_class(cls: nodes.ClassDef, depth: int = 0) -> bool:
    """A class deriving (through project classes) from a sync ``ninja.security`` class."""
    from asynclint.core.imports import definition_of, qualified_name

    if depth > 5:
        return False
    for base in cls.bases:
        name = qualified_name(base) or ""
        if name.startswith("ninja.security") or name in ("ninja.HttpBearer", "ninja.APIKeyHeader"):
            return "Async" not in name  # 1.5's AsyncHttpBearer & co. await an async authenticate
        found = definition_of(base)
        if isinstance(found, nodes.ClassDef) and found is not cls and _ninja_security_class(found, depth + 1):
            return True
    return False


def _same(a: nodes.NodeNG, b: nodes.NodeNG) -> bool:
    return a is b or (a.root().file == b.root().file and a.lineno == b.lineno and getattr(a, "name", None) ==
                      getattr(b, "name", None))


def _names(expr: nodes.NodeNG | None, target: nodes.NodeNG, depth: int = 0) -> bool:
    """Whether the ``auth=`` value ``expr`` is (or holds) ``target``: the function, the class, an
    instance made by calling the class, or a module-level name bound once to one of those."""
    from asynclint.core.imports import bindings, definition_of

    if expr is None or depth > 3:
        return False
    if isinstance(expr, (nodes.List, nodes.Tuple)):
        return any(_names(item, target, depth + 1) for item in expr.elts)
    if isinstance(expr, nodes.Call):
        return isinstance(target, nodes.ClassDef) and _names(expr.func, target, depth + 1)
    if isinstance(expr, nodes.Name):
        found = bindings(expr)
        if len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign):
            return _names(found[0].parent.value, target, depth + 1)
    if isinstance(expr, (nodes.Name, nodes.Attribute)):
        found = definition_of(expr)
        return found is not None and _same(found, target)
    return False


def _router_auth(router: nodes.Name) -> nodes.NodeNG | None:
    from asynclint.core.imports import bindings

    call = bindings(router)[0].parent.value
    return next((k.value for k in call.keywords or () if k.arg == "auth"), None)


def _async_operation_uses(module: nodes.Module, target: nodes.NodeNG) -> bool:
    """Whether an async ninja operation of ``module`` authenticates with ``target`` (its own ``auth=``,
    else its ``NinjaAPI(auth=...)``/``Router(auth=...)``'s)."""
    for function in module.nodes_of_class(nodes.AsyncFunctionDef):
        for decorator in function.decorators.nodes if function.decorators else ():
            if not (isinstance(decorator, nodes.Call) and isinstance(decorator.func, nodes.Attribute)
                    and decorator.func.attrname in ROUTE_METHODS and _is_router(decorator.func.expr)):
                continue
            own = next((k for k in decorator.keywords or () if k.arg == "auth"), None)
            auth = own.value if own is not None else _router_auth(decorator.func.expr)
            if _names(auth, target):
                return True
    return False


def _files_naming(module: nodes.Module, name: str) -> list[str]:
    """The project's files (``module``'s own first) where ``auth=`` mentions ``name``, once per run."""
    from asynclint.core.context import current
    from asynclint.core.django_kinds import _candidate_files  # noqa: PLC2701 (the project index)

    path = module.file or ""
    files = _candidate_files(path) or ((path,) if path else ())
    key = ("ninja-auth-names", files[0] if files else path)
    cache = current().deployments
    if key not in cache:
        index: dict[str, list[str]] = {}
        for file in dict.fromkeys((path, *files)):
            try:
                with open(file, encoding="utf-8", errors="replace") as stream:
                    text = stream.read(500_000)
            except OSError:
                continue
            if "ninja" not in text or "async def" not in text:
                continue
            words = {word for value in _AUTH_ARGUMENT.findall(text) for word in re.findall(r"\w+", value)}
            for word in list(words):  # ``bearer = ReaderToken()`` ... ``auth=bearer``: the class too
                made = re.search(rf"^{word}\s*=\s*(?:[\w.]+\.)?(\w+)\s*\(", text, re.MULTILINE)
                if made:
                    words.add(made.group(1))
            for word in words:
                index.setdefault(word, []).append(file)
        cache[key] = index
    return cache[key].get(name, [])


def _auth_unbridged(path: str | None):
    """(the targeted django-ninja version, whether every targeted release is before 1.5.0) when some
    targeted release calls a sync auth on the loop; None when the version is unknown or all bridge it."""
    from asynclint.core import versions

    version = versions.library_for(NINJA, path)
    before = version.before(AUTH_BRIDGED_FROM) if version is not None else None
    return None if version is None or before is False else (version, before)


def auth_loop_reason(function: nodes.FunctionDef) -> tuple[str, bool] | None:
    """(why, definite) when sync ``function`` is an auth callback that the project's django-ninja calls
    on the loop for an async operation; None when it is not one, or the targeted ninja bridges it (1.5+)
    or is unknown."""
    target = _auth_candidate(function)
    if target is None:
        return None
    module = function.root()
    files = _files_naming(module, target.name)
    if not files:
        return None
    unbridged = _auth_unbridged(module.file)
    if unbridged is None:
        return None
    version, before = unbridged
    from astroid import MANAGER

    for file in files:
        try:
            other = module if module.file and os.path.abspath(file) == os.path.abspath(module.file) \
                else MANAGER.ast_from_file(file)
        except Exception:  # pylint: disable=broad-except  # an unparsable file: cannot follow
            continue
        if _async_operation_uses(other, target):
            shown = f"{target.name}.{function.name}()" if target is not function else f"{function.name}()"
            return (f"{shown} is the sync auth callback of an async django-ninja operation, which django-ninja "
                    f"before 1.5.0 calls on the event loop (targeting {version.reason}): make it async, or "
                    f"upgrade to django-ninja 1.5.0+, which runs it with sync_to_async", before is True)
    return None


#: django-ninja's own sync session auth (``ninja.security.session``): ``SessionAuth.authenticate`` reads
#: ``request.user`` (the session and the user are loaded; the superuser/staff variants read its flags).
#: The ready-made instances and the classes (an instance is ``SessionAuth()``), as ninja exports them.
SESSION_AUTHS = frozenset(f"{module}.{name}" for module in ("ninja.security", "ninja.security.session")
                          for name in ("django_auth", "django_auth_superuser", "django_auth_is_staff",
                                       "SessionAuth", "SessionAuthSuperUser", "SessionAuthIsStaff"))


def _session_auth(expr: nodes.NodeNG | None, depth: int = 0) -> nodes.NodeNG | None:
    """The part of the ``auth=`` value ``expr`` that is ninja's own session auth (``django_auth``,
    ``SessionAuth()``..., also in a list or through a module-level name bound once), or None."""
    from asynclint.core.imports import bindings, qualified_name

    if expr is None or depth > 3:
        return None
    if isinstance(expr, (nodes.List, nodes.Tuple)):
        return next((found for item in expr.elts if (found := _session_auth(item, depth + 1)) is not None), None)
    named = expr.func if isinstance(expr, nodes.Call) else expr
    if isinstance(named, (nodes.Name, nodes.Attribute)) and (qualified_name(named) or "") in SESSION_AUTHS:
        return expr
    if isinstance(expr, nodes.Name):
        found = bindings(expr)
        if len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign) \
                and isinstance(found[0].parent.parent, nodes.Module):
            return expr if _session_auth(found[0].parent.value, depth + 1) is not None else None
    return None


def library_auth_on_loop(function: nodes.FunctionDef) -> tuple[nodes.NodeNG, str, bool] | None:
    """(node, why, definite) when async ``function`` is a django-ninja operation authenticated by ninja's
    own session auth (its ``auth=``, else its ``NinjaAPI``/``Router``'s), which django-ninja before 1.5.0
    calls on the loop, where reading ``request.user`` raises SynchronousOnlyOperation; node is the
    ``auth=`` value. None when it is not one, or the targeted ninja bridges it (1.5+) or is unknown."""
    if not isinstance(function, nodes.AsyncFunctionDef) or not function.decorators:
        return None
    for decorator in function.decorators.nodes:
        if not (isinstance(decorator, nodes.Call) and isinstance(decorator.func, nodes.Attribute)
                and decorator.func.attrname in ROUTE_METHODS and _is_router(decorator.func.expr)):
            continue
        own = next((k.value for k in decorator.keywords or () if k.arg == "auth"), None)
        found = _session_auth(own if own is not None else _router_auth(decorator.func.expr))
        if found is None:
            continue
        unbridged = _auth_unbridged(function.root().file)
        if unbridged is None:
            return None
        version, before = unbridged
        return (found if own is not None else decorator,
                f"{found.as_string()}, django-ninja's sync session auth, reads request.user (the session and the "
                f"user are loaded), and django-ninja before 1.5.0 calls it on the event loop for the async "
                f"operation {function.name}() (targeting {version.reason}): authenticate with an async callback "
                f"that awaits request.auser(), or upgrade to django-ninja 1.5.0+, which runs it with sync_to_async",
                before is True)
    return None


# --- request.user assigned by the operation's auth ------------------------------------------------------
#: The API classes whose ``auth=`` every operation of a mounted router without its own auth inherits.
APIS = frozenset({"ninja.NinjaAPI", "ninja.main.NinjaAPI", "ninja_extra.NinjaExtraAPI", "ninja_extra.main.NinjaExtraAPI"})
_API_CALL = re.compile(r"\bNinja(?:Extra)?API\s*\(")


def user_set_by_auth(request: nodes.NodeNG) -> bool:
    """Whether ``request`` is the request parameter of an async django-ninja operation whose auth
    assigns ``request.user`` before the operation runs: ninja calls the operation only after an auth
    callback returned a truthy value, and a project security class (or callback) whose ``authenticate``
    (or ``__call__``) sets ``request.user = ...`` leaves a loaded user there, so reading it queries
    nothing; ninja's own session auth (``django_auth``, ``SessionAuth()``..., ``SESSION_AUTHS``) counts too,
    since it returns the user only after evaluating ``request.user``. The auth is the operation's own ``auth=``, else its ``Router(auth=...)``, else (a router
    mounted on an API) the ``auth=`` of every ``NinjaAPI(...)`` of the project; ``auth=None`` or an API
    without auth keeps Django's lazy user (reported)."""
    function = request.frame()
    if not isinstance(request, nodes.Name) or not isinstance(function, nodes.AsyncFunctionDef) or \
            not function.decorators:
        return False
    from asynclint.core.imports import bindings, called_name

    params = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    found = bindings(request)
    if not params or params[0].name != request.name or len(found) != 1 or found[0] is not params[0]:
        return False
    for decorator in function.decorators.nodes:
        if not (isinstance(decorator, nodes.Call) and isinstance(decorator.func, nodes.Attribute)
                and decorator.func.attrname in ROUTE_METHODS and _is_router(decorator.func.expr)):
            continue
        own = next((k for k in decorator.keywords or () if k.arg == "auth"), None)
        if own is not None:
            return _assigns_user(own.value)
        router = _router_auth(decorator.func.expr)
        if router is not None:
            return _assigns_user(router)
        if called_name(bindings(decorator.func.expr)[0].parent.value) in APIS:
            return False  # an API without auth=: the lazy user
        auths = _project_api_auths(function.root())
        return bool(auths) and all(_assigns_user(auth) for auth in auths)
    return False


def _assigns_user(expr: nodes.NodeNG | None, depth: int = 0) -> bool:
    """Whether every auth callback of the ``auth=`` value ``expr`` assigns ``request.user``."""
    from asynclint.core.imports import bindings

    if expr is None or depth > 3 or isinstance(expr, nodes.Const):
        return False
    if isinstance(expr, (nodes.List, nodes.Tuple)):
        return bool(expr.elts) and all(_assigns_user(item, depth + 1) for item in expr.elts)
    if _session_auth(expr) is not None:
        # ninja's own session auth returns a user only after ``request.user.is_authenticated`` evaluated
        # the lazy user (on the loop before 1.5.0, reported as such; in a sync_to_async thread since):
        # the operation then reads the loaded object.
        return True
    if isinstance(expr, nodes.Call):
        found = _definition(expr.func) if isinstance(expr.func, (nodes.Name, nodes.Attribute)) else None
        return isinstance(found, nodes.ClassDef) and _class_assigns_user(found)
    if isinstance(expr, nodes.Name):
        found = bindings(expr)
        if len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign):
            return _assigns_user(found[0].parent.value, depth + 1)
    if isinstance(expr, (nodes.Name, nodes.Attribute)):
        found = _definition(expr)
        return isinstance(found, nodes.FunctionDef) and _sets_user(found, 0)
    return False


def _definition(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """``definition_of``, or (an API module parsed outside the linted packages, whose absolute imports
    astroid cannot follow from there) the project module found by its dotted path from a folder above."""
    from asynclint.core.imports import definition_of, qualified_name

    found = definition_of(node)
    if found is not None:
        return found
    qualified = qualified_name(node)
    return _by_path(qualified, node.root().file, 0) if qualified else None


def _by_path(qualified: str, near: str | None, hops: int) -> nodes.NodeNG | None:
    from astroid import MANAGER

    from asynclint.core.imports import imported_name

    if hops > 3 or not near or "." not in qualified or qualified.startswith("django."):
        return None
    modname, _, attr = qualified.rpartition(".")
    parts = modname.split(".")
    directory = os.path.dirname(os.path.abspath(near))
    for _ in range(6):
        for candidate in (os.path.join(directory, *parts) + ".py", os.path.join(directory, *parts, "__init__.py")):
            if not os.path.isfile(candidate):
                continue
            try:
                module = MANAGER.ast_from_file(candidate, modname)
            except Exception:  # pylint: disable=broad-except  # an unparsable file: cannot follow
                return None
            found = (module.locals.get(attr) or [None])[-1]
            if isinstance(found, (nodes.Import, nodes.ImportFrom)):
                target = imported_name(found, attr)
                return _by_path(target, candidate, hops + 1) if target and target != qualified else None
            return found if isinstance(found, (nodes.ClassDef, nodes.FunctionDef)) else None
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return None


def _class_assigns_user(cls: nodes.ClassDef, depth: int = 0) -> bool:
    """A security class whose ``authenticate`` (or ``__call__``), its own or a project base's, sets it."""
    if depth > 4:
        return False
    for name in ("authenticate", "__call__"):
        method = cls.locals.get(name, [None])[0]
        if isinstance(method, nodes.FunctionDef):
            return _sets_user(method, 1)
    for base in cls.bases:
        found = _definition(base)
        if isinstance(found, nodes.ClassDef) and found is not cls and _class_assigns_user(found, depth + 1):
            return True
    return False


def _sets_user(function: nodes.FunctionDef, index: int) -> bool:
    """Whether ``function`` assigns ``<its request parameter>.user = ...`` (not inside a nested def)."""
    params = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    if len(params) <= index:
        return False
    name = params[index].name
    return any(isinstance(target.expr, nodes.Name) and target.expr.name == name and target.attrname == "user"
               and target.scope() is function for target in function.nodes_of_class(nodes.AssignAttr))


def _project_api_auths(module: nodes.Module) -> list[nodes.NodeNG] | None:
    """The ``auth=`` values of every ``NinjaAPI(...)``/``NinjaExtraAPI(...)`` of the project, once per
    run; None when one has no ``auth=`` (its routers' operations keep the lazy user) or none is found."""
    from astroid import MANAGER

    from asynclint.core.context import current
    from asynclint.core.django_kinds import _candidate_files  # noqa: PLC2701 (the project index)
    from asynclint.core.imports import called_name

    path = module.file or ""
    files = _candidate_files(path) or ((path,) if path else ())
    key = ("ninja-api-auths", files[0] if files else path)
    cache = current().deployments
    if key not in cache:
        auths: list[nodes.NodeNG] | None = []
        for file in files:
            try:
                with open(file, encoding="utf-8", errors="replace") as stream:
                    text = stream.read(500_000)
            except OSError:
                continue
            if not _API_CALL.search(text):
                continue
            try:
                other = module if module.file and os.path.abspath(file) == os.path.abspath(module.file) \
                    else MANAGER.ast_from_file(file)
            except Exception:  # pylint: disable=broad-except  # an unparsable file: cannot follow
                auths = None
                break
            for call in other.nodes_of_class(nodes.Call):
                if called_name(call) not in APIS:
                    continue
                auth = next((k.value for k in call.keywords or () if k.arg == "auth"), None)
                if auth is None:
                    auths = None
                    break
                auths.append(auth)
            if auths is None:
                break
        cache[key] = auths or None
    return cache[key]


#: What ``asynclint rules --libraries`` and docs/libraries.md say (see ``graphql.COVERED``).
COVERED = (
    (NINJA, "response= validation of async operations (returned QuerySets, related managers)",
     "sync-queryset-evaluation-in-async", "0.22.2-1.7.1 (@paginate pages async operations from 1.2)"),
    (NINJA, "sync auth= callbacks (functions, HttpBearer/APIKey subclasses) of async operations",
     "every loop rule", "0.16-1.4.x run them on the loop; 1.5.0+ bridge them (silent)"),
    (NINJA, "request.user of an async operation whose auth= (own, Router's or every NinjaAPI's) assigns it",
     "sync-auth-call-in-async (silent)", "all: ninja runs the auth before the operation"),
)


# --- exception handlers ---------------------------------------------------------------------------------
def _is_api(node: nodes.NodeNG) -> bool:
    """``api``: a name bound once, at module level, to ``NinjaAPI(...)`` (``APIS``: ninja-extra's subclass
    keeps ``on_exception``, as its users' reports show)."""
    from asynclint.core.imports import bindings, called_name

    if not isinstance(node, nodes.Name):
        return False
    found = bindings(node)
    return len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign) \
        and isinstance(found[0].parent.parent, nodes.Module) and called_name(found[0].parent.value) in APIS


def exception_handler_registration(function: nodes.FunctionDef) -> tuple[nodes.NodeNG, nodes.Name,
                                                                          nodes.NodeNG | None] | None:
    """(where, api, exception class) when module-level ``function`` is registered as an exception handler
    of a module-level ``NinjaAPI``: its ``@api.exception_handler(Exc)`` decorator, or a module-level
    ``api.add_exception_handler(Exc, function)`` statement of its module."""
    if not isinstance(function.parent, nodes.Module):
        return None
    for decorator in function.decorators.nodes if function.decorators else ():
        if isinstance(decorator, nodes.Call) and isinstance(decorator.func, nodes.Attribute) \
                and decorator.func.attrname == "exception_handler" and _is_api(decorator.func.expr):
            return decorator, decorator.func.expr, decorator.args[0] if decorator.args else None
    for statement in function.parent.body:
        call = statement.value if isinstance(statement, nodes.Expr) else None
        if isinstance(call, nodes.Call) and isinstance(call.func, nodes.Attribute) \
                and call.func.attrname == "add_exception_handler" and len(call.args) == 2 \
                and isinstance(call.args[1], nodes.Name) and call.args[1].name == function.name \
                and _is_api(call.func.expr):
            return call, call.func.expr, call.args[0]
    return None


def _async_operations_of(api: nodes.Name) -> list[nodes.AsyncFunctionDef]:
    """The async operations of ``api`` in its module: routed on it, or on a module-level ``Router``
    that ``api.add_router(...)`` mounts in the same module."""
    module = api.root()
    mounted = {api.name}
    for call in module.nodes_of_class(nodes.Call):
        if isinstance(call.func, nodes.Attribute) and call.func.attrname == "add_router" \
                and isinstance(call.func.expr, nodes.Name) and call.func.expr.name == api.name:
            mounted.update(arg.name for arg in call.args[1:2] if isinstance(arg, nodes.Name) and _is_router(arg))
    found = []
    for function in module.body:
        if isinstance(function, nodes.AsyncFunctionDef) and any(
                isinstance(d, nodes.Call) and isinstance(d.func, nodes.Attribute) and d.func.attrname in ROUTE_METHODS
                and isinstance(d.func.expr, nodes.Name) and d.func.expr.name in mounted and _is_router(d.func.expr)
                for d in (function.decorators.nodes if function.decorators else ())):
            found.append(function)
    return found


def _raises(function: nodes.FunctionDef, handled: nodes.NodeNG | None) -> bool:
    """Whether ``function``'s own body raises the class ``handled`` names (``raise Exc(...)``/``raise Exc``)."""
    name = handled.as_string() if isinstance(handled, (nodes.Name, nodes.Attribute)) else None
    for node in function.nodes_of_class(nodes.Raise):
        raised = node.exc.func if isinstance(node.exc, nodes.Call) else node.exc
        if name is not None and raised is not None and raised.as_string() == name and node.frame() is function:
            return True
    return False


def exception_handler_loop_reason(function: nodes.FunctionDef) -> tuple[str, bool] | None:
    """(why, definite) when sync ``function`` is an exception handler of a django-ninja API that has async
    operations (in the API's module), which call it on the event loop: definite when one of them raises
    the handled class itself, or the handler takes every ``Exception``; possible otherwise."""
    if isinstance(function, nodes.AsyncFunctionDef):
        return None
    registered = exception_handler_registration(function)
    if registered is None:
        return None
    _, api, handled = registered
    operations = _async_operations_of(api)
    if not operations:
        return None
    raising = next((op for op in operations if _raises(op, handled)), None)
    catch_all = isinstance(handled, nodes.Name) and handled.name in ("Exception", "BaseException")
    shown = f"the async operation {raising.name}() raises {handled.as_string()}" if raising is not None else \
        f"the API has async operations ({', '.join(op.name + '()' for op in operations[:3])})"
    return (f"{function.name}() is an exception handler of the django-ninja API {api.name}, and {shown}: "
            f"django-ninja calls the handler on the event loop for an exception of an async operation "
            f"(NinjaAPI.on_exception, read in 1.1.0 and 1.8.0); keep the handler free of sync I/O (do that work "
            f"in the async operation, awaited, before raising)", raising is not None or catch_all)
