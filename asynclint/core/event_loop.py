"""Which code runs on the event loop.

The body of an ``async def`` (and the async comprehensions and generators in it) runs on the loop;
the bodies of nested sync ``def``s, ``lambda``s and classes do not, so neither does a callable handed
to ``sync_to_async``/``database_sync_to_async``/``asyncio.to_thread``/``run_in_executor``: it is
always one of those. Comprehensions run inline in the function that contains them.
Decorators, default values and annotations of a function run where the function is defined.
A few sync functions run on the loop too, because a library calls them from its coroutines: the sync
resolvers of a GraphQL schema served asynchronously (``asynclint.libraries.graphql``), the
``__call__(self, scope)`` of an old two-step Channels middleware (``asynclint.libraries.channels``)
the sync auth callbacks of async django-ninja operations before 1.5 (``asynclint.libraries.ninja``)
and the sync receivers of a library signal the library sends from its async path (``asynclint.libraries.signals``).
"""

from __future__ import annotations

from astroid import nodes
from astroid.exceptions import AstroidError

from asynclint import django_api as api
from asynclint.core.context import current
from asynclint.core.imports import qualified_name


def enclosing_frame(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The function, lambda, class or module whose execution runs ``node``."""
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, (nodes.FunctionDef, nodes.Lambda)):
            # Defaults and annotations (in ``args``), decorators and the return annotation are
            # evaluated by the enclosing frame, not by the function's body.
            if child is parent.args or child is getattr(parent, "decorators", None) or child is getattr(
                parent, "returns", None
            ):
                child, parent = parent, parent.parent
                continue
            return parent
        if isinstance(parent, nodes.ClassDef):
            if child in parent.bases or child is parent.decorators or child in parent.keywords:
                child, parent = parent, parent.parent
                continue
            return parent
        if isinstance(parent, nodes.Module):
            return parent
        child, parent = parent, parent.parent
    return None


def runs_on_event_loop(node: nodes.NodeNG) -> bool:
    """Whether ``node`` is executed by a coroutine, i.e. on the event loop. Every rule asks it of the
    nodes it visits: the answers are kept for the module being checked (``RunContext.on_loop``)."""
    known = current().on_loop
    found = known.get(node)
    if found is None:
        frame = enclosing_frame(node)
        found = known[node] = (isinstance(frame, nodes.AsyncFunctionDef) and not _off_loop_branch(node, frame)
                               and not _never_called(frame)) or (
            isinstance(frame, nodes.FunctionDef) and library_runs_on_loop(frame))
    return found


#: Functions that return the loop running in this thread: inside a coroutine, that loop is running.
_RUNNING_LOOP_GETTERS = frozenset({"asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.events.get_event_loop",
                                   "asyncio.events.get_running_loop"})


def loop_running_test(test: nodes.NodeNG) -> bool | None:
    """``asyncio.get_event_loop().is_running()`` (or ``get_running_loop()``): True; its negation: False;
    anything else: None. Code that a coroutine runs always runs while its loop runs, so the test's answer
    there is known (strawberry-django-jwt's ``... if asyncio.get_event_loop().is_running() else
    create_refresh_token(user)`` inside ``async def``: the sync arm never runs)."""
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = loop_running_test(test.operand)
        return None if inner is None else not inner
    if isinstance(test, nodes.Call) and isinstance(test.func, nodes.Attribute) and test.func.attrname == "is_running" \
            and isinstance(test.func.expr, nodes.Call) and qualified_name(test.func.expr.func) in _RUNNING_LOOP_GETTERS:
        return True
    if isinstance(test, nodes.Call) and isinstance(test.func, nodes.Name) and not test.args and not test.keywords:
        return _probe_helper_answer(test.func)
    return None


def _probe_helper_answer(func: nodes.Name) -> bool | None:
    """What a call of ``func`` returns where a loop is running, when ``func`` names (by plain lookup, no
    inference) one sync function without parameters of the same module whose body is only the running
    loop probe: ``try: asyncio.current_task(); return True / except RuntimeError: return False`` (the
    ``return`` may follow the ``try`` or stand in its ``else``; the two answers may be swapped). Inside
    a coroutine the probe never raises, so the call answers the ``try`` arm's value (OpenContracts'
    ``if _is_async_context(): await sync_to_async(queryset.count)() else: queryset.count()``). None:
    anything else (a helper that does more, takes arguments, or is imported)."""
    _, assigned = func.lookup(func.name)
    if len(assigned) != 1 or type(assigned[0]) is not nodes.FunctionDef:
        return None
    function = assigned[0]
    key = (function, "loop-probe")
    cache = current().arguments
    if key not in cache:
        cache[key] = _probe_function_answer(function)
    return cache[key]


def _probe_function_answer(function: nodes.FunctionDef) -> bool | None:
    """``_probe_helper_answer``'s shape test of ``function``'s body (no parameters, one ``try``)."""
    arguments = function.args
    if arguments.args or arguments.posonlyargs or arguments.kwonlyargs or arguments.vararg or arguments.kwarg:
        return None
    body = [statement for statement in function.body
            if not (isinstance(statement, nodes.Expr) and isinstance(statement.value, nodes.Const))]
    if not body or not isinstance(body[0], nodes.Try):
        return None
    statement = body[0]
    if len(statement.handlers) != 1 or statement.finalbody or not statement.body \
            or not _probe_statement(statement.body[0]):
        return None
    handler = statement.handlers[0]
    if not (isinstance(handler.type, nodes.Name) and handler.type.name == "RuntimeError"):
        return None
    continuation = statement.body[1:] or statement.orelse or body[1:]
    running, not_running = _returned_bool(continuation[:1]), _returned_bool(handler.body)
    if running is None or not_running is None or running == not_running:
        return None
    return running


def _returned_bool(statements: list[nodes.NodeNG]) -> bool | None:
    """``[return True]`` / ``[return False]``: that value; anything else: None."""
    if len(statements) != 1 or not isinstance(statements[0], nodes.Return):
        return None
    value = statements[0].value
    return value.value if isinstance(value, nodes.Const) and isinstance(value.value, bool) else None


def _probe_statement(statement: nodes.NodeNG) -> bool:
    """``asyncio.get_running_loop()`` / ``loop = asyncio.current_task()``: a statement that only asks
    for the running loop (it raises RuntimeError only where none runs in this thread)."""
    value = statement.value if isinstance(statement, (nodes.Assign, nodes.AnnAssign, nodes.Expr)) else None
    return isinstance(value, nodes.Call) and qualified_name(value.func) in _LOOP_PROBES


_ENVIRON = frozenset({"os.environ", "environ"})
_ENVIRONMENT_GETTERS = frozenset({"os.getenv", "getenv", "os.environ.get", "environ.get"})


def asgi_environment_test(test: nodes.NodeNG, _depth: int = 0) -> bool | None:
    """The value of ``test`` when the project's ASGI application runs the code: a comparison of an
    environment variable that the project's ``asgi.py`` sets (``deployment.Deployment.asgi_environment``)
    with a string (``os.environ.get("MODE") == "async"``, ``!=``, ``not``, or a local name assigned
    only such a comparison). None: anything else. The other arm runs only where another entry point
    (``wsgi.py``, the tests) sets the variable: not on the ASGI server's loop (conversations' fake
    streaming sleeps with ``time.sleep`` only when ``PYTHON_SERVER_MODE`` is not ``async``)."""
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = asgi_environment_test(test.operand, _depth)
        return None if inner is None else not inner
    if isinstance(test, nodes.Name) and _depth < 2:
        values = _assigned_once(test)
        return None if values is None else asgi_environment_test(values, _depth + 1)
    if not (isinstance(test, nodes.Compare) and len(test.ops) == 1 and test.ops[0][0] in ("==", "!=")):
        return None
    left, (operator, right) = test.left, test.ops[0]
    if isinstance(left, nodes.Const):
        left, right = right, left
    name = _environment_read(left)
    if name is None or not (isinstance(right, nodes.Const) and isinstance(right.value, str)):
        return None
    from asynclint.core import deployment

    file = test.root().file
    if not file:
        return None
    value = dict(deployment.detect(deployment.project_root(file)).asgi_environment).get(name)
    if value is None:
        return None
    return (value == right.value) == (operator == "==")


def _environment_read(node: nodes.NodeNG) -> str | None:
    """``os.environ.get("X", ...)``, ``os.getenv("X", ...)`` or ``os.environ["X"]``: "X"."""
    # spelled, not inferred: an inference while a rule asks whether a node runs on the loop would fill
    # astroid's caches in the middle of another analysis
    if isinstance(node, nodes.Call) and node.args and isinstance(node.args[0], nodes.Const) and \
            node.func.as_string() in _ENVIRONMENT_GETTERS:
        key = node.args[0].value
    elif isinstance(node, nodes.Subscript) and node.value.as_string() in _ENVIRON and \
            isinstance(node.slice, nodes.Const):
        key = node.slice.value
    else:
        return None
    return key if isinstance(key, str) else None


def _assigned_once(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the one plain assignment of local ``name`` in its function, or None."""
    frame = enclosing_frame(name)
    if not isinstance(frame, nodes.FunctionDef) or name.name in frame.argnames():
        return None
    found = [target for target in frame.nodes_of_class(nodes.AssignName) if target.name == name.name]
    if len(found) != 1 or not isinstance(found[0].parent, nodes.Assign):
        return None
    return found[0].parent.value


#: Calls that raise RuntimeError only when no loop runs in this thread (never inside a coroutine).
_LOOP_PROBES = _RUNNING_LOOP_GETTERS | {"asyncio.current_task", "asyncio.tasks.current_task"}


def no_loop_handler(handler: nodes.ExceptHandler) -> bool:
    """``handler`` is the ``except RuntimeError:`` of a ``try`` whose body only asks for the running
    loop (``try: loop = asyncio.get_running_loop() except RuntimeError: <sync fallback>``): code that
    a coroutine runs always has a running loop, so the handler never runs there (asdAet's audit writer
    persists synchronously only when called without a loop, and schedules a thread write otherwise)."""
    statement = handler.parent
    if not isinstance(statement, nodes.Try) or handler not in statement.handlers or len(statement.body) != 1:
        return False
    if not (isinstance(handler.type, nodes.Name) and handler.type.name == "RuntimeError"):
        return False
    return _probe_statement(statement.body[0])


def _off_loop_branch(node: nodes.NodeNG, frame: nodes.AsyncFunctionDef) -> bool:
    """``node`` is in the arm of an ``if``/conditional expression, inside coroutine ``frame``, that runs
    only when no loop is running (``loop_running_test``): never."""
    child, parent = node, node.parent
    while parent is not None and parent is not frame:
        if isinstance(parent, nodes.ExceptHandler) and child is not parent.type and no_loop_handler(parent):
            return True
        if isinstance(parent, (nodes.If, nodes.IfExp)) and child is not parent.test:
            running = loop_running_test(parent.test)
            if running is None:
                running = asgi_environment_test(parent.test)
            in_body = child is parent.body if isinstance(parent, nodes.IfExp) else child in parent.body
            if running is not None and running != in_body:
                return True
        child, parent = parent, parent.parent
    return False


def _never_called(frame: nodes.AsyncFunctionDef) -> bool:
    """A coroutine function nothing runs: the ``async def __acall__`` of a plain middleware class whose
    sync ``__call__`` never routes to it (``asynclint.core.middleware.never_called_acall``)."""
    if frame.name != api.MIDDLEWARE_ASYNC_CALL:
        return False
    from asynclint.core import middleware  # noqa: PLC0415

    return middleware.never_called_acall(frame)


def library_runs_on_loop(function: nodes.FunctionDef) -> bool:
    """Whether a library calls sync ``function`` from its coroutines, in the loop's thread."""
    return library_loop_reason(function) is not None


def library_loop_reason(function: nodes.NodeNG | None) -> str | None:
    """Why a library runs sync ``function`` on the loop (one clause for a message), or None."""
    if not isinstance(function, nodes.FunctionDef) or isinstance(function, nodes.AsyncFunctionDef):
        return None
    from asynclint.libraries import channels, graphql  # noqa: PLC0415 (the libraries import the core)

    found = channels.loop_reason(function) or graphql.loop_reason(function)
    if found:
        return found
    auth = _library_loop(function)
    return auth[0] if auth else None


def library_loop_possible(function: nodes.NodeNG | None) -> bool:
    """Whether the library runs sync ``function`` on the loop in only some of the targeted releases
    (django-ninja's auth callbacks under a requirement that spans 1.5), or only for some of its calls (a
    django-ninja exception handler whose class no async operation is seen to raise): its findings are possible."""
    if not isinstance(function, nodes.FunctionDef) or isinstance(function, nodes.AsyncFunctionDef):
        return False
    auth = _library_loop(function)
    return auth is not None and not auth[1]


def _library_loop(function: nodes.FunctionDef) -> tuple[str, bool] | None:
    """(why, definite) when a library runs sync ``function`` on the loop in the targeted releases: a sync
    auth callback of an async django-ninja operation (``ninja.auth_loop_reason``), an exception handler of a
    django-ninja API with async operations (``ninja.exception_handler_loop_reason``), a receiver of a library
    signal sent from the library's async path (``signals.loop_reason``); once per function per run."""
    from asynclint.libraries import ninja, signals  # noqa: PLC0415

    cache = current().deployments
    key = ("library-loop", function)
    if key not in cache:
        cache[key] = ninja.auth_loop_reason(function) or ninja.exception_handler_loop_reason(function) \
            or signals.loop_reason(function)
    return cache[key]


def module_has_async_code(module: nodes.Module) -> bool:
    """Cheap gate: a module without ``async def`` has nothing on the event loop."""
    return next(module.nodes_of_class(nodes.AsyncFunctionDef), None) is not None


def may_have_library_loop_code(text: str) -> bool:
    """A cheap text test (the CLI's prefilter): the module may define sync code a library runs on the loop."""
    from asynclint.libraries import channels, graphql, ninja, signals  # noqa: PLC0415

    return any(hint.search(text) is not None
               for hint in (graphql.TEXT_HINT, channels.TEXT_HINT, ninja.TEXT_HINT, signals.TEXT_HINT))


# --- failures a test asks for ------------------------------------------------------------------------
#: The exception a test expects when it checks that a sync API refuses to run on the loop.
_SYNC_ONLY_ERROR = "SynchronousOnlyOperation"
_RAISES = frozenset({"pytest.raises"})
_ASSERT_RAISES = frozenset({"assertRaises", "assertRaisesMessage", "assertRaisesRegex", "assertRaisesRegexp"})
_PATCHES = frozenset({"unittest.mock.patch", "mock.patch", "unittest.mock.patch.object", "mock.patch.object",
                      "pytest_mock.MockerFixture.patch"})


def _expects_sync_only_error(manager: nodes.NodeNG) -> bool:
    """``pytest.raises(SynchronousOnlyOperation)`` / ``self.assertRaises(SynchronousOnlyOperation)``."""
    if not isinstance(manager, nodes.Call) or not manager.args:
        return False
    func = manager.func
    named = (isinstance(func, nodes.Attribute) and func.attrname in _ASSERT_RAISES) or (
        isinstance(func, (nodes.Name, nodes.Attribute)) and qualified_name(func) in _RAISES)
    if not named:
        return False
    expected = manager.args[0]
    candidates = expected.elts if isinstance(expected, nodes.Tuple) else [expected]
    return any(getattr(c, "attrname", getattr(c, "name", None)) == _SYNC_ONLY_ERROR for c in candidates)


def asserted_to_fail(node: nodes.NodeNG) -> bool:
    """``node`` runs inside ``with pytest.raises(SynchronousOnlyOperation):`` (or ``assertRaises``) of its
    own function: a test that calls a sync API on the loop on purpose, to check that it refuses."""
    frame = enclosing_frame(node)
    parent = node.parent
    while parent is not None and parent is not frame:
        if isinstance(parent, nodes.With) and any(_expects_sync_only_error(m) for m, _alias in parent.items):
            return True
        parent = parent.parent
    return False


#: Test doubles: calling one runs no code of the object it replaced.
_MOCK_FACTORIES = frozenset({"Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock",
                             "create_autospec"})


def replaced_by_mock(node: nodes.NodeNG) -> bool:
    """``node`` calls ``obj.method(...)`` after its function replaced that very attribute with a test
    double: ``obj.method = mock.Mock(...)`` (``MagicMock``, ``AsyncMock``, ``mocker.Mock``...), or
    ``monkeypatch.setattr(obj, "method", ...)`` / ``mocker.patch.object(obj, "method", ...)`` as a
    statement. An instance attribute shadows the class's method, so the call runs the double. Only a
    replacement in the same block as the call or in a block around it, on an earlier line, counts (one
    under an ``if`` beside the call may not have run)."""
    if not isinstance(node, nodes.Call) or not isinstance(node.func, nodes.Attribute):
        return False
    receiver, name = node.func.expr.as_string(), node.func.attrname
    for statement in _statements_before(node):
        if isinstance(statement, nodes.Assign) and _is_double(statement.value) and any(
                isinstance(t, nodes.AssignAttr) and t.attrname == name and t.expr.as_string() == receiver
                for t in statement.targets):
            return True
        if isinstance(statement, nodes.Expr) and _patches_attribute(statement.value, receiver, name):
            return True
    return False


def _statements_before(node: nodes.NodeNG) -> list[nodes.Assign | nodes.Expr]:
    """The assignments and expression statements of ``node``'s function (not of functions or classes in
    it) on a line before ``node``, in ``node``'s block or a block around it: one under an ``if`` beside
    ``node`` may not have run."""
    frame = enclosing_frame(node)
    if frame is None:
        return []
    path = {}  # block node -> its child on the way down to the call
    child, parent = node, node.parent
    while parent is not None and child is not frame:
        path[id(parent)] = child
        child, parent = parent, parent.parent
    statements = frame.nodes_of_class((nodes.Assign, nodes.Expr),
                                      skip_klass=(nodes.FunctionDef, nodes.ClassDef, nodes.Lambda))
    return [statement for statement in statements
            if statement.fromlineno < node.fromlineno and _same_block(statement, path.get(id(statement.parent)))]


def _same_block(statement: nodes.NodeNG, sibling: nodes.NodeNG | None) -> bool:
    """``statement`` and ``sibling`` (the call's ancestor under the same parent) are in one statement
    list of that parent (an ``if``'s body, not one in its body and one in its ``else``)."""
    if sibling is None:
        return False
    try:
        block = statement.parent.child_sequence(statement)
    except AstroidError:  # not among its parent's fields (a node a transform put there)
        return False
    return sibling in block


def _is_double(value: nodes.NodeNG) -> bool:
    if not isinstance(value, nodes.Call):
        return False
    func = value.func
    last = func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)
    return last in _MOCK_FACTORIES


def _patches_attribute(call: nodes.NodeNG, receiver: str, name: str) -> bool:
    """``monkeypatch.setattr(obj, "name", ...)`` / ``mocker.patch.object(obj, "name", ...)``."""
    if not isinstance(call, nodes.Call) or len(call.args) < 2 or not isinstance(call.func, nodes.Attribute):
        return False
    func = call.func
    is_setattr = func.attrname == "setattr" and getattr(func.expr, "name", None) == "monkeypatch"
    # pytest-mock's ``mocker.patch.object`` patches at once (``mock.patch.object`` only on start/enter)
    is_object = func.attrname == "object" and isinstance(func.expr, nodes.Attribute) and \
        func.expr.attrname == "patch" and getattr(func.expr.expr, "name", None) == "mocker"
    first, second = call.args[0], call.args[1]
    return (is_setattr or is_object) and first.as_string() == receiver and \
        isinstance(second, nodes.Const) and second.value == name


def _patch_targets(node: nodes.NodeNG) -> set[str]:
    """What ``mock.patch`` replaces around ``node``: the dotted targets of ``@patch("a.b.f")`` on the
    enclosing functions and classes and of ``with patch("a.b.f"):`` blocks around it; ``patch.object(C,
    "m")`` as ``C.m`` (the class's name). Also pytest-mock's ``mocker.patch("a.b.f")`` /
    ``mocker.patch.object(C, "m")`` as a statement of ``node``'s function (which patches at once, where
    ``mock.patch(...)`` as a statement patches nothing until started), on an earlier line, in the block
    of ``node`` or a block around it (``_mocker_patches``)."""
    targets: set[str] = set()
    managers: list[nodes.NodeNG] = _mocker_patches(node)
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.With):
            managers.extend(m for m, _alias in parent.items)
        if isinstance(parent, (nodes.FunctionDef, nodes.ClassDef)) and parent.decorators:
            managers.extend(parent.decorators.nodes)
        parent = parent.parent
    for manager in managers:
        if not isinstance(manager, nodes.Call) or not manager.args:
            continue
        func = manager.func
        name = qualified_name(func) if isinstance(func, (nodes.Name, nodes.Attribute)) else None
        is_object = isinstance(func, nodes.Attribute) and func.attrname == "object"
        if name not in _PATCHES and not (isinstance(func, nodes.Attribute) and func.attrname in ("patch", "object")
                                         and getattr(func.expr, "name", getattr(func.expr, "attrname", "")) in
                                         ("mock", "mocker", "patch")):
            continue
        first = manager.args[0]
        if is_object and len(manager.args) >= 2 and isinstance(manager.args[1], nodes.Const):
            owner = getattr(first, "name", getattr(first, "attrname", None))
            if owner:
                targets.add(f"{owner}.{manager.args[1].value}")
        elif isinstance(first, nodes.Const) and isinstance(first.value, str):
            targets.add(first.value)
    return targets


def _is_mocker_patch(call: nodes.NodeNG) -> bool:
    """``mocker.patch(...)`` / ``mocker.patch.object(...)`` (pytest-mock's fixture, by its usual name)."""
    if not isinstance(call, nodes.Call) or not isinstance(call.func, nodes.Attribute):
        return False
    func = call.func
    if func.attrname == "object":
        func = func.expr
    return isinstance(func, nodes.Attribute) and func.attrname == "patch" and \
        isinstance(func.expr, nodes.Name) and func.expr.name == "mocker"


def _mocker_patches(node: nodes.NodeNG) -> list[nodes.Call]:
    """The ``mocker.patch(...)`` calls that are statements (``mocker.patch(...)``, ``double =
    mocker.patch(...)``) of ``node``'s function on a line before it, in ``node``'s block or a block around
    it: one under an ``if`` beside the call may not have run."""
    if not isinstance(enclosing_frame(node), (nodes.FunctionDef, nodes.AsyncFunctionDef)):
        return []
    return [statement.value for statement in _statements_before(node) if _is_mocker_patch(statement.value)]


def _step_names(call: nodes.NodeNG, function: nodes.FunctionDef | None) -> set[str]:
    """The dotted names a patch of this call's target could use."""
    names = set()
    func = call.func if isinstance(call, nodes.Call) else call
    if isinstance(func, (nodes.Name, nodes.Attribute)):
        qualified = qualified_name(func)
        if qualified:
            names.add(qualified)
        if isinstance(func, nodes.Name):
            names.add(f"{call.root().name}.{func.name}")  # patched where it is looked up
    if function is not None:
        owner = function.parent
        if isinstance(owner, nodes.ClassDef):
            names.add(f"{owner.name}.{function.name}")
            names.add(f"{owner.root().name}.{owner.name}.{function.name}")
        else:
            names.add(f"{function.root().name}.{function.name}")
    return names


def mocked(node: nodes.NodeNG, chain) -> bool:
    """A test patches (``mock.patch``) a function the chain from ``node`` goes through, or its operation:
    the work the chain names does not run there."""
    targets = _patch_targets(node)
    if not targets:
        return False
    for step in chain.steps:
        if _step_names(step.call, step.function) & targets:
            return True
    return bool(_step_names(chain.operation.node, None) & targets)


# --- code that runs once per process, before (or instead of) serving requests ---------------------------
_COMMAND_BASES = frozenset({
    "django.core.management.base.BaseCommand", "django.core.management.BaseCommand",
    "django.core.management.base.AppCommand", "django.core.management.base.LabelCommand",
})
_APP_CONFIGS = frozenset({"django.apps.config.AppConfig", "django.apps.AppConfig"})
_CHECK_REGISTRATION = frozenset({"django.core.checks.register", "django.core.checks.registry.register"})
_MAX_BASES = 6


def _derives_from(cls: nodes.ClassDef, names: frozenset[str], depth: int = 0) -> bool:
    from asynclint.core.imports import definition_of

    if depth > _MAX_BASES:
        return False
    for base in cls.bases:
        if not isinstance(base, (nodes.Name, nodes.Attribute)):
            continue
        if qualified_name(base) in names:
            return True
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls and _derives_from(parent, names, depth + 1):
            return True
    return False


def startup_only(node: nodes.NodeNG) -> str | None:
    """Why the code running ``node`` runs once per process rather than per request, or None: a management
    command (its module is under ``management/commands/`` or its class derives from ``BaseCommand``), a
    migration, a settings module, an ``AppConfig`` or a system check (``@checks.register``)."""
    module = node.root()
    parts = (module.file or "").replace("\\", "/").split("/")
    name_parts = module.name.split(".")
    if "migrations" in parts[:-1] or "migrations" in name_parts[:-1]:
        return "a migration"
    if any(a == "management" and b == "commands" for a, b in zip(parts, parts[1:])) or \
            any(a == "management" and b == "commands" for a, b in zip(name_parts, name_parts[1:])):
        return "a management command"
    if name_parts[-1] == "settings" or (len(name_parts) > 1 and name_parts[-2] == "settings"):
        return "a settings module"
    scope = enclosing_frame(node)
    while scope is not None and not isinstance(scope, nodes.Module):
        if isinstance(scope, nodes.ClassDef):
            if _derives_from(scope, _COMMAND_BASES):
                return "a management command"
            if _derives_from(scope, _APP_CONFIGS):
                return "an AppConfig"
        if isinstance(scope, nodes.FunctionDef) and scope.decorators and any(
                qualified_name(d.func if isinstance(d, nodes.Call) else d) in _CHECK_REGISTRATION
                for d in scope.decorators.nodes if isinstance(d.func if isinstance(d, nodes.Call) else d,
                                                             (nodes.Name, nodes.Attribute))):
            return "a system check"
        scope = scope.parent.frame() if scope.parent is not None else None
    return None


# --- a documented choice ------------------------------------------------------------------------------
_CHOICE_WORDS = ("sync_to_async", "to_thread", "run_in_executor", "event loop", "running loop")


def documented_on_loop(node: nodes.NodeNG) -> bool:
    """The docstring of the function running ``node`` says why sync code runs on the loop there (it names
    the adapter it avoids, or the loop it needs: "sync callbacks run directly, not through
    database_sync_to_async, because the state setters need the running event loop"): a design choice the
    maintainers made on purpose, not a slip."""
    frame = enclosing_frame(node)
    doc = getattr(frame, "doc_node", None)
    text = doc.value.lower() if doc is not None and isinstance(doc.value, str) else ""
    return "sync" in text and any(word in text for word in _CHOICE_WORDS)


# --- a private signal nobody but quiet receivers listens to --------------------------------------------
_SENDS = frozenset({"send", "send_robust"})
_MAX_RECEIVER_FILES = 3000


def _signal_definition(signal: nodes.NodeNG) -> nodes.AssignName | None:
    """The ``name = Signal()`` a ``self._name``/``Class._name``/``name`` refers to (in the project): in
    this module, or (a plain name) in the project module it is imported from."""
    from asynclint import django_api as api
    from asynclint.core.imports import definition_of

    if isinstance(signal, nodes.Attribute):
        owner = signal.expr
        cls = None
        if isinstance(owner, nodes.Name) and owner.name in ("self", "cls"):
            cls = next((f.parent for f in [enclosing_frame(signal)] if f is not None and
                        isinstance(f.parent, nodes.ClassDef)), None)
        elif isinstance(owner, (nodes.Name, nodes.Attribute)):
            found = definition_of(owner)
            cls = found if isinstance(found, nodes.ClassDef) else None
        candidates = cls.locals.get(signal.attrname, []) if cls is not None else []
    elif isinstance(signal, nodes.Name):
        candidates = signal.root().locals.get(signal.name, [])
        if candidates and all(isinstance(c, (nodes.ImportFrom, nodes.Import)) for c in candidates):
            imported = definition_of(signal)  # ``from app.signals import file_stored``
            candidates = [imported] if imported is not None else []
    else:
        return None
    for candidate in candidates:
        value = getattr(candidate.parent, "value", None)
        if isinstance(candidate, nodes.AssignName) and isinstance(value, nodes.Call) and \
                isinstance(value.func, (nodes.Name, nodes.Attribute)) and qualified_name(value.func) in api.SIGNAL_CLASSES:
            return candidate
    return None


def quiet_private_signal(call: nodes.NodeNG, application: bool = False) -> bool:
    """``self._created.send(...)`` of a ``Signal()`` the project defines that nobody outside the project
    connects to, whose receivers, all connected in the project by name (``_created.connect(f)``,
    ``@receiver(..._created)``), do no sync work: the send runs nothing that matters on the loop.
    Nobody outside connects to a private signal (``_created``), nor to any signal of an
    ``application`` (a project a server command deploys, ``deployment.Deployment.by_server``: it has no
    users who import it) that the project itself listens to; a library's public signal is there for its
    users' receivers (one that nothing in its repository connects to, even where a server command runs
    the library's development site)."""
    if not (isinstance(call, nodes.Call) and isinstance(call.func, nodes.Attribute) and call.func.attrname in _SENDS):
        return False
    signal = call.func.expr
    name = signal.attrname if isinstance(signal, nodes.Attribute) else getattr(signal, "name", "")
    private = name.startswith("_") and not name.startswith("__")
    if not (private or (application and name and not name.startswith("_"))):
        return False
    definition = _signal_definition(signal)
    if definition is None or (definition.root() is not call.root() and not _in_project(definition, call)):
        return False  # Django's or a library's signal: its receivers are elsewhere, where nothing here looks
    receivers = _receivers(call, name)
    if receivers is None or (not private and not receivers):
        return False  # a public signal nothing here listens to is there for others (a library's dev site)
    from asynclint.core import chains

    return all(chains.sync_work(receiver) is None for receiver in receivers)


def _in_project(definition: nodes.NodeNG, node: nodes.NodeNG) -> bool:
    """Whether ``definition`` is in the project of ``node`` (not Django's, not an installed library's:
    their receivers live outside the project, where nothing here looks)."""
    from pathlib import Path

    from asynclint.core import deployment

    here, there = node.root().file, definition.root().file
    if not here or not there:
        return False
    root = deployment.project_root(here)
    return Path(there).resolve().is_relative_to(root) and "site-packages" not in Path(there).parts


def _receivers(node: nodes.NodeNG, name: str) -> list[nodes.FunctionDef] | None:
    """The functions the project connects to the signal attribute ``name`` (``X.name.connect(f)``,
    ``@receiver(X.name)``); None when one is connected in a way this cannot follow (a lambda, a method,
    a name it cannot find)."""
    import os

    from astroid import MANAGER

    from asynclint.core import context, deployment

    if not node.root().file:
        return None
    root = deployment.project_root(node.root().file)
    key = (root, name)
    known = context.current().signal_receivers
    if key not in known:
        known[key] = _find_receivers(root, name, node.root(), MANAGER, os)
    return known[key]


def _signal_named(expr: nodes.NodeNG, name: str) -> bool:
    return (isinstance(expr, nodes.Attribute) and expr.attrname == name) or \
        (isinstance(expr, nodes.Name) and expr.name == name)


def receiver_files(root, name: str) -> list[str] | None:
    """The Python files under ``root`` whose text may connect a receiver to the signal ``name``
    (None: more files than are searched). Read, never parsed; the persistent cache asks it again to
    check that an entry's answers still hold (``asynclint.cache``)."""
    import os

    found: list[str] = []
    seen = 0
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".") and d not in ("node_modules", "site-packages")]
        for file in sorted(files):
            if not file.endswith(".py"):
                continue
            seen += 1
            if seen > _MAX_RECEIVER_FILES:
                return None
            path = os.path.join(directory, file)
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError:
                continue
            if name in text and (".connect(" in text or "receiver(" in text):
                found.append(path)
    return found


def _find_receivers(root, name: str, own: nodes.Module, manager, os) -> list[nodes.FunctionDef] | None:
    from asynclint.core.imports import definition_of

    found: list[nodes.FunctionDef] = []
    paths = receiver_files(root, name)
    if paths is None:
        return None
    for path in paths:
        try:
            module = own if os.path.abspath(path) == os.path.abspath(own.file) else manager.ast_from_file(path)
        except Exception:  # pylint: disable=broad-except  # an unparsable file: cannot follow
            return None
        functions = {}
        for function in module.nodes_of_class(nodes.FunctionDef):
            functions.setdefault(function.name, []).append(function)
            for decorator in function.decorators.nodes if function.decorators else ():
                if isinstance(decorator, nodes.Call) and getattr(decorator.func, "name", getattr(
                        decorator.func, "attrname", None)) == "receiver" and any(
                        _signal_named(a, name) for a in decorator.args):
                    found.append(function)
        for call in module.nodes_of_class(nodes.Call):
            func = call.func
            if not (isinstance(func, nodes.Attribute) and func.attrname == "connect" and
                    _signal_named(func.expr, name)):
                continue
            target = call.args[0] if call.args else None
            if not isinstance(target, nodes.Name):
                return None
            if target.name in functions:
                found.extend(functions[target.name])
                continue
            imported = definition_of(target)  # ``from app.receivers import on_stored`` (in ``ready()``)
            if not isinstance(imported, nodes.FunctionDef) or isinstance(imported.parent, nodes.ClassDef):
                return None
            found.append(imported)
    return found


# --- the lazy user: fetched is not evaluated ------------------------------------------------------------
_IDENTITY = frozenset({"is", "is not"})


def lazy_user_never_evaluated(node: nodes.NodeNG) -> bool:
    """``request.user`` (or ``getattr(request, "user", None)``) is only compared by identity: directly
    (``request.user is user``), or through a local name it is assigned to whose every use is an ``is``/
    ``is not`` comparison, an argument bound by ``functools.partial`` without calling it, or a read inside
    a ``lambda`` a thread adapter runs (``_read_in_offloaded_lambda``: evaluated, but not on the loop).
    Django's ``SimpleLazyObject`` evaluates on attribute access, truth value, ``==``, ``str()``...; ``is``
    compares the wrapper itself and loads nothing (the session and the user stay unread: tests/runtime
    proves it)."""
    if _compared_by_identity(node):
        return True
    statement = node.parent
    if isinstance(statement, nodes.Assign) and statement.value is node and len(statement.targets) == 1:
        target = statement.targets[0]
    elif isinstance(statement, nodes.AnnAssign) and statement.value is node:
        target = statement.target
    else:
        return False
    if not isinstance(target, nodes.AssignName):
        return False
    frame = statement.frame()
    if any(other is not target and other.name == target.name for other in frame.nodes_of_class(nodes.AssignName)):
        return False  # rebound: follow one binding only
    loads = [load for load in frame.nodes_of_class(nodes.Name) if load.name == target.name]
    return all(load.frame() is frame and (_compared_by_identity(load) or _bound_uncalled(load))
               or _read_in_offloaded_lambda(load, frame) for load in loads)


def _read_in_offloaded_lambda(load: nodes.Name, frame: nodes.NodeNG) -> bool:
    """``load`` is read inside a ``lambda`` of ``frame`` that a thread adapter runs (``asyncio.to_thread(
    lambda: user.is_authenticated)``, ``sync_to_async(lambda: ...)``, ``run_in_executor(None, lambda:
    ...)``, ``api.THREAD_OFFLOADERS``): the lambda's body runs in the worker thread, so the lazy user loads
    there. Not when the lambda returns the name itself (the lazy object comes back unevaluated)."""
    function = load.frame()
    if not isinstance(function, nodes.Lambda) or function.body is load or function.frame() is None or \
            enclosing_frame(function) is not frame:
        return False
    return isinstance(function.parent, nodes.Call) and offloaded_callable(function.parent) is function


def offloaded_callable(call: nodes.Call) -> nodes.NodeNG | None:
    """The callable that ``call`` hands to sync_to_async/database_sync_to_async/to_thread/run_in_executor
    (``api.THREAD_OFFLOADERS``) to run in a worker thread, or None."""
    func = call.func
    if isinstance(func, nodes.Attribute) and func.attrname == "run_in_executor":
        index = api.THREAD_OFFLOADERS["run_in_executor"]
    elif isinstance(func, (nodes.Name, nodes.Attribute)):
        index = api.THREAD_OFFLOADERS.get(qualified_name(func) or "")
    else:
        index = None
    if index is None:
        return None
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords or [] if k.arg in ("func", "function")), None)


def _bound_uncalled(node: nodes.NodeNG) -> bool:
    """``node`` is an argument of ``functools.partial(...)`` whose result is not called on the spot: the
    partial holds the lazy user unread until whoever calls it (django-otp's middleware wraps it in a new
    ``SimpleLazyObject``, which runs it at the view's first read)."""
    call = node.parent
    if not isinstance(call, nodes.Call) or node not in call.args or \
            not isinstance(call.func, (nodes.Name, nodes.Attribute)) or \
            qualified_name(call.func) not in api.ARGUMENT_BINDERS:
        return False
    return not (isinstance(call.parent, nodes.Call) and call.parent.func is call)


def _compared_by_identity(node: nodes.NodeNG) -> bool:
    parent = node.parent
    return isinstance(parent, nodes.Compare) and all(op in _IDENTITY for op, _ in parent.ops) and (
        parent.left is node or any(value is node for _, value in parent.ops))
