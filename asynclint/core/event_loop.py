"""Which code runs on the event loop.

The body of an ``async def`` (and the async comprehensions and generators in it) runs on the loop;
the bodies of nested sync ``def``s, ``lambda``s and classes do not, so neither does a callable handed
to ``sync_to_async``/``database_sync_to_async``/``asyncio.to_thread``/``run_in_executor``: it is
always one of those. Comprehensions run inline in the function that contains them.
Decorators, default values and annotations of a function run where the function is defined.
"""

from __future__ import annotations

from astroid import nodes

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
    """Whether ``node`` is executed by a coroutine, i.e. on the event loop."""
    return isinstance(enclosing_frame(node), nodes.AsyncFunctionDef)


def module_has_async_code(module: nodes.Module) -> bool:
    """Cheap gate: a module without ``async def`` has nothing on the event loop."""
    return next(module.nodes_of_class(nodes.AsyncFunctionDef), None) is not None


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


def _patch_targets(node: nodes.NodeNG) -> set[str]:
    """What ``mock.patch`` replaces around ``node``: the dotted targets of ``@patch("a.b.f")`` on the
    enclosing functions and classes and of ``with patch("a.b.f"):`` blocks around it; ``patch.object(C,
    "m")`` as ``C.m`` (the class's name)."""
    targets: set[str] = set()
    managers: list[nodes.NodeNG] = []
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
