"""Lazy values followed to where they are evaluated.

A QuerySet (or ``qs.iterator()``'s generator) costs nothing until it is evaluated. Two shapes hand
one to a worker thread before anything evaluates it, and are safe:

- ``qs = await sync_to_async(build)()`` where every later use of ``qs`` is evaluated in a thread
  (``await sync_to_async(list)(qs)``), by ``async for``/an async comprehension, or by an awaited
  ``a*`` method, possibly after lazy refinements (``qs.filter(...)``: no query) or inside a project
  coroutine it is passed to; or where ``qs`` is overwritten before any use (``evaluated_later_safely``); or
  where it is returned by a function the module only hands to other code (``use_query(fetch)``),
  whose consumer decides where it is evaluated;
- ``await sync_to_async(list)(qs.iterator())``, directly or through a local name: the generator is
  iterated by the thread (``iterated_in_thread``).
"""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.django_kinds import (
    ADAPTED_CALLABLE, is_adapter_decorated, is_project_file, kind_of, qualified_call_name,
)
from asynclint.core.event_loop import offloaded_callable
from asynclint.core.imports import definition_of
from asynclint.libraries.loops import THREAD_CONSUMERS


def _adapter_call(node: nodes.NodeNG) -> bool:
    """``sync_to_async(f)`` / ``database_sync_to_async(f)`` (the adapter, not its result), or a name
    bound to one (``iter_async = sync_to_async(iter)``)."""
    if isinstance(node, nodes.Call):
        return qualified_call_name(node) in api.SYNC_TO_ASYNC
    found = kind_of(node) if isinstance(node, (nodes.Name, nodes.Attribute)) else None
    return found is not None and found.name == ADAPTED_CALLABLE


def handed_to_thread(node: nodes.NodeNG, _depth: int = 0) -> bool:
    """``node`` is an argument of ``sync_to_async(f)(...)``, of a ``@sync_to_async`` function, or of
    ``asyncio.to_thread(f, ...)``: the thread receives it unevaluated. Also an argument of a project function that only hands the
    parameter on that way, or of a library function that iterates it in a thread
    (``asynclint.libraries.loops``: pulpcore's ``sync_to_async_iterable(qs.iterator())``)."""
    parent = node.parent
    keyword = None
    if isinstance(parent, nodes.Keyword):
        keyword = parent.arg
        node, parent = parent, parent.parent
    if not isinstance(parent, nodes.Call) or node is parent.func:
        return False
    if _adapter_call(parent.func) or _adapter_decorated_callee(parent):
        return True
    if qualified_call_name(parent) == "asyncio.to_thread" and bool(parent.args) and node is not parent.args[0]:
        return True
    consumed = THREAD_CONSUMERS.get(qualified_call_name(parent) or "")
    if consumed is not None and keyword is None and consumed < len(parent.args) and parent.args[consumed] is node:
        return True  # a library helper that iterates it in a worker thread (libraries.loops)
    return _depth < 3 and _offloading_parameter(parent, node, keyword, _depth)


def _adapter_decorated_callee(call: nodes.Call) -> bool:
    """``call`` calls a ``@sync_to_async``/``@database_sync_to_async`` function of the project (codecov's
    ``await queryset_to_connection(qs, ...)``): its body, and what it does with its arguments, runs in the
    worker thread."""
    function = definition_of(call.func) if isinstance(call.func, (nodes.Name, nodes.Attribute)) else None
    return isinstance(function, nodes.FunctionDef) and not isinstance(function, nodes.AsyncFunctionDef) and \
        is_adapter_decorated(function)


def _offloading_parameter(call: nodes.Call, argument: nodes.NodeNG, keyword: str | None, depth: int) -> bool:
    """The parameter of the called project function that ``argument`` binds is only ever handed to a
    thread inside it (every read of it is ``handed_to_thread``)."""
    function = definition_of(call.func) if isinstance(call.func, (nodes.Name, nodes.Attribute)) else None
    if not isinstance(function, nodes.FunctionDef) or not is_project_file(function.root().file):
        return False
    params = function.args
    if keyword is not None:
        names = [p.name for p in [*(params.posonlyargs or []), *(params.args or []), *(params.kwonlyargs or [])]]
        name = keyword if keyword in names else None
    else:
        positional = [*(params.posonlyargs or []), *(params.args or [])]
        if function.type in ("method", "classmethod") and isinstance(call.func, nodes.Attribute):
            positional = positional[1:]
        index = next((i for i, arg in enumerate(call.args) if arg is argument), None)
        if index is None or any(isinstance(arg, nodes.Starred) for arg in call.args[:index + 1]):
            return False
        name = positional[index].name if index < len(positional) else None
    if name is None:
        return False
    loads = [load for load in function.nodes_of_class(nodes.Name) if load.name == name]
    return bool(loads) and all(handed_to_thread(load, depth + 1) for load in loads)


def _async_use(load: nodes.Name) -> bool:
    parent = load.parent
    if isinstance(parent, nodes.AsyncFor) and parent.iter is load:
        return True
    if isinstance(parent, nodes.Comprehension) and parent.is_async and parent.iter is load:
        return True
    if isinstance(parent, nodes.Attribute) and parent.attrname.startswith("a") and isinstance(
            parent.parent, nodes.Call) and isinstance(parent.parent.parent, nodes.Await):
        return True  # await qs.acount(), await qs.aget(...)
    return False


def evaluated_later_safely(adapter: nodes.Call, unknown: bool = False) -> bool:
    """``adapter`` (``sync_to_async(build)``) is called, awaited and assigned to a local name whose
    value is only evaluated safely, or never used before it is overwritten. ``unknown``: count a value
    passed to an awaited coroutine that cannot be loaded (a module that does not parse here) as safe
    too (the caller then reports a *possible* finding)."""
    called = adapter.parent
    if not (isinstance(called, nodes.Call) and called.func is adapter and isinstance(called.parent, nodes.Await)):
        return False
    return _returned_to_a_consumer(called.parent) or _assigned_and_used_safely(called.parent, unknown=unknown) \
        or _returned_to_safe_callers(called.parent) or _passed_to_safe_coroutine(called.parent, 0, unknown)


def _returned_to_a_consumer(value: nodes.NodeNG) -> bool:
    """``return value`` in a module-level function the module only hands to other code by reference
    (``use_query(fetch_items)``) and never calls: the consumer that calls it decides where the value is
    evaluated (a data-fetching hook may evaluate it in a thread), which is unknown here."""
    if not isinstance(value.parent, nodes.Return):
        return False
    function = value.parent.frame()
    if not isinstance(function, nodes.FunctionDef) or not isinstance(function.parent, nodes.Module):
        return False
    handed = False
    for name in function.root().nodes_of_class(nodes.Name):
        if name.name != function.name:
            continue
        parent = name.parent
        if isinstance(parent, nodes.Keyword):
            parent = parent.parent
        if not isinstance(parent, nodes.Call):
            continue
        if parent.func is name:
            return False  # the project calls it and uses what it returns
        handed = True
    return handed


def _returned_to_safe_callers(value: nodes.NodeNG) -> bool:
    """``return await sync_to_async(qs.all)()`` in a coroutine whose every caller in the project awaits
    it and evaluates the QuerySet safely (``tokens = await ops.list_keys(user)`` then ``async for``),
    in its module and in the other modules that name it (each read as a tree), when no caller can hide
    (``_closed_project``)."""
    import astroid

    if not isinstance(value.parent, nodes.Return):
        return False
    function = value.parent.frame()
    if not isinstance(function, nodes.AsyncFunctionDef):
        return False
    root = _closed_project(function)
    if root is None:
        return False
    modules = [function.root()]
    for other in _other_files_naming(function, root):
        try:
            modules.append(astroid.MANAGER.ast_from_file(other))
        except (astroid.AstroidError, SyntaxError, OSError, ValueError):
            return False  # a caller asynclint cannot read
    references = [ref for module in modules for ref in _references(module, function)]
    return bool(references) and all(_awaited_and_used_safely(ref) for ref in references)


def _closed_project(function: nodes.FunctionDef) -> str | None:
    """The project root of ``function`` when no caller of it can hide from the project's files: it is
    private, or the project is an application (``manage.py``: a library's users are callers too)."""
    import os

    from asynclint.core.django_kinds import _project_root  # noqa: PLC2701 (the index)

    path = function.root().file
    if not path or not is_project_file(path):
        return None
    root = _project_root(os.path.dirname(os.path.abspath(path)))
    if not function.name.startswith("_") and not os.path.isfile(os.path.join(root, "manage.py")):
        return None
    return root


def _other_files_naming(function: nodes.FunctionDef, root: str) -> list[str]:
    """The project's other Python files that name ``function``. Through django_kinds.names_word, which
    the persistent cache records as read: an answer that depends on other modules is redone when one
    of them changes."""
    import os

    from asynclint.core import django_kinds
    from asynclint.core.django_kinds import _python_files_under  # noqa: PLC2701 (the index)

    here = os.path.abspath(function.root().file)
    return [other for other in _python_files_under(root)
            if os.path.abspath(other) != here and django_kinds.names_word(other, function.name)]


def _references(module: nodes.Module, function: nodes.FunctionDef) -> list[nodes.NodeNG]:
    """The names (``f``) or, for a method, attributes (``self.f``, ``ops.f``...) in ``module`` spelled
    like ``function``."""
    method = isinstance(function.parent, nodes.ClassDef)
    return [ref for ref in module.nodes_of_class((nodes.Name, nodes.Attribute))
            if (ref.attrname if isinstance(ref, nodes.Attribute) else ref.name) == function.name
            and (isinstance(ref, nodes.Attribute) or not method)]


def _awaited_and_used_safely(ref: nodes.NodeNG) -> bool:
    """``ref`` is called and awaited, and the result is handed to a thread, iterated with ``async for``
    or awaited through an ``a*`` method (directly or through a local name)."""
    return isinstance(ref.parent, nodes.Call) and ref.parent.func is ref and isinstance(ref.parent.parent, nodes.Await) \
        and (handed_to_thread(ref.parent.parent) or _async_use(ref.parent.parent)
             or _assigned_and_used_safely(ref.parent.parent))


def _assigned_and_used_safely(value: nodes.NodeNG, depth: int = 0, unknown: bool = False) -> bool:
    """``value`` is assigned to a local name (``x = value``, ``x: T = value``) that is only evaluated
    safely later (handed to a thread, ``async for``, an awaited ``a*`` method, refined into another
    value used safely, passed to a project coroutine that only evaluates it safely), or overwritten first."""
    statement = value.parent
    if isinstance(statement, nodes.AnnAssign) and statement.value is value and \
            isinstance(statement.target, nodes.AssignName):
        target = statement.target
    elif isinstance(statement, nodes.Assign) and statement.value is value and len(statement.targets) == 1 \
            and isinstance(statement.targets[0], nodes.AssignName):
        target = statement.targets[0]
    else:
        return False
    name = target.name
    scope = statement.frame()
    # Overwritten only by a later statement of the same block (not one that may be skipped).
    later = sorted(
        (n for n in scope.nodes_of_class(nodes.AssignName) if n.name == name and n.lineno > statement.lineno
         and n.frame() is scope and n.statement().parent is statement.parent), key=lambda n: n.lineno)
    until = later[0].lineno if later else None
    for load in scope.nodes_of_class(nodes.Name):
        if load.name != name:
            continue
        if load.frame() is not scope and not _closure_in_thread(load, scope):
            return False  # a closure may evaluate it anywhere
        if load.lineno <= statement.lineno:
            continue
        if until is not None and load.lineno > until:
            continue  # the value was overwritten first
        if not _used_safely(load, scope, depth, unknown) and not _returned_to_a_consumer(load):
            return False
    return True


def _used_safely(load: nodes.Name, scope: nodes.NodeNG, depth: int, unknown: bool) -> bool:
    """One read of the QuerySet's name is safe: handed to a thread (itself or inside a literal that is),
    read in a lambda a thread adapter runs, iterated with ``async for``, awaited through an ``a*`` method,
    a bound query method run in a thread, or refined / passed on to a project coroutine that does the same."""
    return _closure_in_thread(load, scope) or handed_to_thread(_outermost_literal(load)) or _async_use(load) \
        or _bound_query_to_thread(load) or _refined_and_used_safely(load, depth, unknown) \
        or _subquery_used_safely(load, depth, unknown)


def _subquery_used_safely(load: nodes.Name, depth: int, unknown: bool) -> bool:
    """``Answer.objects.filter(response__in=qs)``: the QuerySet becomes a subquery of a lazy query (no
    query runs), and that outer query is itself evaluated only safely (the same test)."""
    keyword = load.parent
    if not isinstance(keyword, nodes.Keyword) or depth > _MAX_DEPTH:
        return False
    call = keyword.parent
    if not (isinstance(call, nodes.Call) and isinstance(call.func, nodes.Attribute)
            and call.func.attrname in api.LAZY_QUERYSET_METHODS):
        return False
    return _async_use(call) or _assigned_and_used_safely(call, depth + 1, unknown) \
        or _refined_and_used_safely(call, depth + 1, unknown)


def _closure_in_thread(load: nodes.Name, scope: nodes.NodeNG) -> bool:
    """``load`` is read in a lambda written as the callable of a thread adapter (``await sync_to_async(lambda:
    qs.aggregate(...))()``, ``asyncio.to_thread(lambda: list(qs))``; lambdas nested in it alike): the
    adapter runs its body in the worker thread, and an inline lambda has no other caller."""
    frame = load.frame()
    outermost = None
    while frame is not scope:
        if not isinstance(frame, nodes.Lambda) or frame.parent is None:
            return False
        outermost = frame
        frame = frame.parent.frame()
    return outermost is not None and isinstance(outermost.parent, nodes.Call) and \
        offloaded_callable(outermost.parent) is outermost


def _outermost_literal(node: nodes.NodeNG) -> nodes.NodeNG:
    """The outermost dict/list/tuple/set display holding ``node`` as an element or a value
    (``sync_to_async(render)(request, "page.html", {"surveys": qs})`` hands the whole dict to the thread)."""
    while isinstance(node.parent, (nodes.List, nodes.Tuple, nodes.Set)) or (
            isinstance(node.parent, nodes.Dict) and any(value is node for _, value in node.parent.items)):
        node = node.parent
    return node


def _bound_query_to_thread(load: nodes.Name) -> bool:
    """``sync_to_async(load.delete)()`` (or ``database_sync_to_async``, ``asyncio.to_thread(load.count)``,
    ``run_in_executor(None, load.get)``): the QuerySet's bound method that runs its query and returns
    evaluated data (a row of ``api.QUERYSET`` with a coroutine twin: ``delete``, ``update``, ``count``,
    ``get``...; not ``iterator``, whose generator would be iterated where it is returned) is the callable
    the adapter runs in the worker thread, so the query runs there."""
    method = load.parent
    if not (isinstance(method, nodes.Attribute) and method.expr is load):
        return False
    row = api.lookup(api.QUERYSET, method.attrname)
    if row is None or row.async_returns != api.COROUTINE or row.effect not in (api.QUERY, api.WRITE):
        return False
    return isinstance(method.parent, nodes.Call) and offloaded_callable(method.parent) is method


_MAX_DEPTH = 4


def _refined_and_used_safely(load: nodes.NodeNG, depth: int, unknown: bool = False) -> bool:
    """``load.filter(...).annotate(...)`` (lazy refinements only: no query) whose result is evaluated
    safely (``async for``, an awaited ``a*`` method), assigned to a name used safely, or passed to a
    project coroutine that evaluates its parameter only safely. Also ``load`` itself passed that way."""
    if depth > _MAX_DEPTH:
        return False
    chain = load
    while isinstance(chain.parent, nodes.Attribute) and chain.parent.attrname in api.LAZY_QUERYSET_METHODS and \
            isinstance(chain.parent.parent, nodes.Call) and chain.parent.parent.func is chain.parent:
        chain = chain.parent.parent
    if chain is not load and (_async_use(chain) or _assigned_and_used_safely(chain, depth + 1, unknown)):
        return True
    return _passed_to_safe_coroutine(chain, depth + 1, unknown)


def _passed_to_safe_coroutine(value: nodes.NodeNG, depth: int, unknown: bool = False) -> bool:
    """``await helper(value)`` / ``await helper(queryset=value)``: a project coroutine whose parameter
    is only evaluated safely in its body (the same test, there)."""
    from asynclint.core.imports import definition_of

    keyword = value.parent if isinstance(value.parent, nodes.Keyword) else None
    call = (keyword or value).parent
    if not (isinstance(call, nodes.Call) and isinstance(call.parent, nodes.Await) and
            isinstance(call.func, (nodes.Name, nodes.Attribute)) and call.func is not value):
        return False
    function = definition_of(call.func) or _class_level_method(call.func)
    if function is None and unknown:
        return _names_a_project_import(call.func)
    if not isinstance(function, nodes.AsyncFunctionDef):
        return False
    names = [arg.name for arg in function.args.args or []]
    if keyword is not None:
        parameter = keyword.arg
    elif value in call.args and not any(isinstance(arg, nodes.Starred) for arg in call.args):
        offset = 1 if names and names[0] in ("self", "cls") and isinstance(call.func, nodes.Attribute) else 0
        index = call.args.index(value) + offset
        parameter = names[index] if index < len(names) else None
    else:
        return False
    if parameter is None or parameter not in names + [arg.name for arg in function.args.kwonlyargs or []]:
        return False
    loads = [n for n in function.nodes_of_class(nodes.Name) if n.name == parameter]
    if any(n.frame() is not function and not _closure_in_thread(n, function) for n in loads) or any(
            t.frame() is function and t.parent is not function.args
            for t in function.nodes_of_class(nodes.AssignName) if t.name == parameter):
        return False  # a closure, or the parameter is reassigned
    return all(_used_safely(n, function, depth, unknown) for n in loads)


def _class_level_method(func: nodes.NodeNG) -> nodes.FunctionDef | None:
    """``Service.fetch`` called on a project class itself: its ``@staticmethod``/``@classmethod`` ``fetch``
    (the last definition in the class body)."""
    from asynclint.core.imports import definition_of

    if not isinstance(func, nodes.Attribute):
        return None
    cls = definition_of(func.expr) if isinstance(func.expr, (nodes.Name, nodes.Attribute)) else None
    if not isinstance(cls, nodes.ClassDef) or not is_project_file(cls.root().file):
        return None
    found = cls.locals.get(func.attrname)
    method = found[-1] if found else None
    if isinstance(method, nodes.FunctionDef) and method.type in ("staticmethod", "classmethod"):
        return method
    return None


def _names_a_project_import(func: nodes.NodeNG) -> bool:
    """``helper`` imported (``from apps.common.utils import helper``) from a project module asynclint
    cannot load: what it does with its argument is unknown."""
    from asynclint.core.django_kinds import is_project_file

    if not isinstance(func, nodes.Name):
        return False
    found = func.lookup(func.name)[1]
    if len(found) != 1 or not isinstance(found[0], nodes.ImportFrom):
        return False
    module_name = found[0].modname
    try:
        module = func.root().import_module(module_name, level=found[0].level)
    except Exception:  # pylint: disable=broad-except  # cannot be loaded: a project module?
        module = None
    if module is not None:
        return False  # loaded, and the function is not there as a coroutine: not unknown
    top = module_name.split(".")[0]
    root = func.root()
    return bool(found[0].level) or (root.file is not None and top and is_project_file(root.file) and
                                    _project_has_package(root.file, top))


def _project_has_package(path: str, top: str) -> bool:
    """A folder or module named ``top`` sits in a folder above ``path`` (the import is the project's)."""
    import os

    folder = os.path.dirname(os.path.abspath(path))
    while True:
        if os.path.isdir(os.path.join(folder, top)) or os.path.isfile(os.path.join(folder, f"{top}.py")):
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent


def callers_evaluate_safely(function: nodes.FunctionDef) -> bool:
    """Every caller of the adapter-decorated ``function`` in the project awaits it and evaluates the
    QuerySet safely (``await qs.aget(...)``, ``async for``, handed back to a thread...), and there is no
    caller it cannot see: its module calls it (``self.f(...)``/``f(...)``), no other project module names
    it, and it is private or the project is an application (``_closed_project``). Unknown callers: False."""
    root = _closed_project(function)
    if root is None:
        return False
    method = isinstance(function.parent, nodes.ClassDef)
    references = [ref for ref in _references(function.root(), function) if isinstance(ref, nodes.Attribute) == method]
    if not references or not all(_awaited_and_used_safely(ref) for ref in references):
        return False
    return not _other_files_naming(function, root)  # another module naming it may call it: unknown


def iterated_in_thread(call: nodes.Call) -> bool:
    """A lazy iterator (``qs.iterator()``) handed to a thread directly, or through a local name that
    is only handed to threads (``qs = qs.iterator()`` ... ``await sync_to_async(list)(qs)``)."""
    return handed_to_thread(call) or _assigned_and_used_safely(call)
