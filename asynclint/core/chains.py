"""Sync work reached through project code: what a sync function does that must not run on the loop.

``sync_work(function)`` is the first operation any asynclint rule would report if ``function`` ran
on the event loop — found in its own body, or in the project functions, methods, constructors and
properties it calls, followed through imports to ``max_depth`` hops. It is computed once per
function and reused by every call site; recursion and cycles terminate.

Only project code is followed: Django's own code is known through the table, and third-party or
standard-library code (site-packages, the stdlib) is never entered.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE, Confidence

from asynclint import django_api as api
from asynclint.core import branches, deployment, loaded, prefetch
from asynclint.core.context import current
from asynclint.core.describe import describe
from asynclint.core.django_kinds import (  # noqa: I001
    has_library_base,
    ADAPTED_CALLABLE, CLASS_LIKE, FACTORY, INSTANCE_LIKE, OBJECT_LIKE, PROJECT_CLASS, PROJECT_OBJECT, QUERYSET_LIKE, SUPER,
    assigned_on_self, assuming, assuming_foreign_requests, built_directly, deferred_field_read, django_call,
    enclosing_class, find_method, find_method_in_bases, is_adapter_decorated, is_project_file, is_property, is_request_user_getattr,
    request_parameters,
    foreign_request_parameters, kind_of, loaded_receiver_of_property, orm_arguments, template_hook, relation_read_note, overridden, project_subclasses,
    qualified_call_name, unloaded_relation_read, unknown_receiver_hierarchy, is_test_module, DATACLASS_DECORATORS,
    POST_INIT, imports_django_package, unidentified,
)
from asynclint.core.evaluation import evaluations_at
from asynclint.core.event_loop import lazy_user_never_evaluated, offloaded_callable
from asynclint.core.imports import called_name, definition_of, has_decorator, qualified_name
from asynclint.libraries import pydantic_models

DEFAULT_DEPTH = 5

#: The class ``self`` is exactly, while following a method called on a receiver built as exactly that
#: class (``BookReport()``, ``report = BookReport(); report.load()``): its inherited methods' calls
#: ``self.m()`` run that class's ``m`` (its MRO), a definite answer. None: ``self`` may be any subclass.
_RECEIVER: ContextVar[nodes.ClassDef | None] = ContextVar("asynclint_receiver", default=None)
#: A project subclass of the followed method's class that ``self`` is an instance of, while following
#: ``self.m()`` called in a method of that subclass (``Memory.touch()`` calling the inherited
#: ``Base.record_id()``): ``self`` there is a Memory or one of its subclasses, never a sibling
#: ``Remote(Base)``, so ``self.load()`` resolves through Memory and only its subclasses' overrides may run.
#: None: ``self`` may be any subclass of the method's own class.
_BOUND: ContextVar[nodes.ClassDef | None] = ContextVar("asynclint_bound", default=None)
#: Calls and reads on the object ``self`` is that completed before the call being followed, on every path
#: to it (``core.loaded``): ``rows = await self.fetch_all()`` before ``self.record_id(r)``. A read of a
#: ``cached_property`` one of them certainly evaluated returns the cached value: it runs nothing.
_EVIDENCE: ContextVar[tuple[nodes.NodeNG, ...]] = ContextVar("asynclint_evidence", default=())
#: The loads of the model instance ``self`` is, while following a method called on a local name that every
#: assignment loads from a QuerySet (``ki = await database_sync_to_async(qs.prefetch_related("r").get)(pk=1)``,
#: then ``ki.context()``): ``self.r.all()`` there is served from the prefetch cache when every load
#: prefetches ``r`` (``prefetch.self_served``). Empty: unknown.
_SELF_LOADS: ContextVar[tuple[nodes.NodeNG, ...]] = ContextVar("asynclint_self_loads", default=())

#: Effects of table rows that must not run on the loop (the test client's are only wrong in tests).
_LOOP_EFFECTS = frozenset(api.WORK_NOUNS) - {api.EVALUATION, api.REQUEST_USER, api.LOOP_RUNNER}


@dataclass(frozen=True)
class Operation:
    node: nodes.NodeNG
    effect: str
    shown: str  # ``Book.objects.filter(...).count()``, ``iteration over qs``
    possible: str = ""  # why a row reported only as possible is (its note: ``os.path.exists``); "" if definite
    local_disk: bool = False  # its row's ``local_disk``: work on the local file system only


@dataclass(frozen=True)
class Step:
    call: nodes.NodeNG  # the call (or property read) inside the previous function
    function: nodes.FunctionDef


@dataclass(frozen=True)
class Chain:
    """``steps`` lead from a callee down to the function that performs ``operation``."""

    steps: tuple[Step, ...]
    operation: Operation
    #: Reached only on a branch asynclint cannot decide from the call's arguments, or only through an
    #: override in a subclass (``self.hook()`` in a base class): a possible finding.
    possible: bool = False
    #: Run on an object of the class ``import_string(settings.X)`` loads: ``"settings.X names Cls"`` (possible).
    configured: str = ""

    def where(self) -> str:
        node = self.operation.node
        return f"{_display_path(node.root().file)}:{node.lineno}"

    @property
    def confidence(self) -> Confidence:
        """pylint's confidence for a finding about this chain: INFERENCE when possible, else HIGH."""
        return INFERENCE if self.possible else HIGH

    def via(self) -> str:
        return " → ".join(f"{step.function.name}()" for step in self.steps)


# --- direct operations ---------------------------------------------------------------------------
def operations_at(node: nodes.NodeNG) -> Iterator[Operation]:
    """Operations ``node`` itself performs that asynclint reports when they run on the loop."""
    if isinstance(node, nodes.Call):
        found = django_call(node)
        if found is not None and found.row.effect in _LOOP_EFFECTS:
            yield Operation(node, found.row.effect, f"{describe(node)}",
                            found.row.note if found.row.possible else "", found.row.local_disk)
        if is_loop_runner(node):
            yield Operation(node, api.LOOP_RUNNER, describe(node))
    for evaluation in evaluations_at(node):
        if prefetch.self_served(evaluation.queryset, _SELF_LOADS.get()):
            continue  # ``self.r.all()`` on an instance every load of which prefetched ``r``
        if not evaluation.possible:  # a chain through a maybe-list value is not followed
            yield Operation(evaluation.node, api.EVALUATION, evaluation.describe())
    if isinstance(node, nodes.Call) and unidentified_model_save(node):
        yield Operation(node, api.WRITE, describe(node), _UPDATE_FIELDS_NOTE)
    if isinstance(node, nodes.With):
        for manager, _alias in node.items:
            target = manager.func if isinstance(manager, nodes.Call) else manager
            if isinstance(target, (nodes.Name, nodes.Attribute)) and qualified_name(target) == api.TRANSACTION_ATOMIC:
                yield Operation(node, api.TRANSACTION, f"with {describe(manager)}")
    if isinstance(node, nodes.Attribute) and deferred_field_read(node) is not None:
        yield Operation(node, api.QUERY, f"{describe(node)} (a field deferred by .only()/.defer())")
    if isinstance(node, nodes.Attribute) and unloaded_relation_read(node) is not None:
        yield Operation(node, api.QUERY, f"{describe(node)} (a relation the query did not select_related)",
                        relation_read_note(node))
    if isinstance(node, nodes.Attribute) and node.attrname == "user":
        receiver = kind_of(node.expr)
        if receiver is not None and receiver.name == api.REQUEST and not lazy_user_never_evaluated(node) and \
                not _user_loaded_by_middleware(node):
            yield Operation(node, api.REQUEST_USER, describe(node))
    if is_request_user_getattr(node) and not lazy_user_never_evaluated(node) and not _user_loaded_by_middleware(node):
        yield Operation(node, api.REQUEST_USER, describe(node))


_UPDATE_FIELDS_NOTE = ("save(update_fields=[...]) is the signature of Django's Model.save(), but what the object "
                       "is asynclint cannot tell")


def unidentified_model_save(call: nodes.Call) -> bool:
    """``step.save(update_fields=["last_check"])`` on an object nothing identifies (an unannotated parameter),
    in Django code (a module importing Django or a ``models`` module, or in a Django project folder): the
    keyword is Django's ``Model.save()``'s, a write; what the object is stays uncertain (possible)."""
    func = call.func
    if not (isinstance(func, nodes.Attribute) and func.attrname == "save" and not call.args):
        return False
    fields = [keyword.value for keyword in call.keywords or () if keyword.arg == "update_fields"]
    if len(fields) != 1 or not isinstance(fields[0], (nodes.List, nodes.Tuple)) or not fields[0].elts or not all(
            isinstance(element, nodes.Const) and isinstance(element.value, str) for element in fields[0].elts):
        return False
    return unidentified(func.expr) and _django_code(call.root())


def _django_code(module: nodes.Module) -> bool:
    if imports_django_package(module) or deployment.django_project_folder(module.file) is not None:
        return True
    return any(isinstance(node, nodes.ImportFrom) and (node.modname or "").split(".")[-1] == "models"
               for node in module.body)


def _user_loaded_by_middleware(node: nodes.NodeNG) -> bool:
    """A sync middleware the project lists loads ``request.user`` in its thread before every view (the
    fact sync-auth-call-in-async uses for a read in the view itself): a helper's later read queries
    nothing either."""
    from asynclint.core.middleware import user_resolved_before_views

    return user_resolved_before_views(node.root()) is not None


def is_loop_runner(call: nodes.Call) -> bool:
    """``async_to_sync(f)(...)``, ``asyncio.run(...)``, ``loop.run_until_complete(...)``."""
    func = call.func
    if isinstance(func, nodes.Attribute) and func.attrname in api.LOOP_RUNNER_METHODS:
        return True
    if isinstance(func, nodes.Call) and qualified_call_name(func) in api.ASYNC_TO_SYNC:
        return True
    return qualified_call_name(call) == "asyncio.run"


def is_run_by_loop_runner(node: nodes.NodeNG) -> bool:
    """The coroutine ``node`` makes is run by ``asyncio.run(node)`` / ``loop.run_until_complete(node)``:
    its body runs on that loop, in this thread, even in sync code."""
    parent = node.parent
    return isinstance(parent, nodes.Call) and node in parent.args and is_loop_runner(parent) \
        and not isinstance(parent.func, nodes.Call)  # ``async_to_sync(f)(node)``: ``node`` is an argument of f


# --- what a call runs --------------------------------------------------------------------------------
def _runnable(found: nodes.NodeNG | None, iterated: bool = False) -> nodes.FunctionDef | None:
    """The sync project function whose body a call of ``found`` runs right away (a generator function's
    body when the call is ``iterated`` on the spot: ``for x in gen():``, ``list(gen())``)."""
    if isinstance(found, nodes.ClassDef):
        cls, found = found, find_method(found, "__init__")
        if _generates_init(cls) and not any(isinstance(item, nodes.FunctionDef) and item.name == "__init__"
                                            for item in cls.body):
            # the dataclass's generated __init__ (astroid's brain may synthesize one) ends by calling
            # the class's __post_init__
            found = next(filter(None, (find_method(cls, name) for name in POST_INIT)), found)
        library_init = found is None or not is_project_file(found.root().file)
        if library_init and has_library_base(cls, pydantic_models.MODEL_BASES):
            # a pydantic model (a ninja Schema) validates on construction: its (first) validator runs
            validators = (m for m in cls.mymethods() if has_decorator(m, pydantic_models.VALIDATORS))
            found = next(validators, None)
    if not isinstance(found, nodes.FunctionDef) or isinstance(found, nodes.AsyncFunctionDef):
        return None
    if found.is_generator() and not iterated or is_adapter_decorated(found) or not is_project_file(found.root().file):
        return None
    return found


def _generates_init(cls: nodes.ClassDef) -> bool:
    """A ``@dataclass`` (or attrs) class whose decorator generates ``__init__`` (not ``init=False``)."""
    for decorator in cls.decorators.nodes if cls.decorators else ():
        if called_name(decorator) in DATACLASS_DECORATORS:
            return not (isinstance(decorator, nodes.Call) and any(
                keyword.arg == "init" and isinstance(keyword.value, nodes.Const) and keyword.value.value is False
                for keyword in decorator.keywords or ()))
    return False


#: Builtins that iterate their argument where they are called (the table's, and ``next``: to its first item).
_CONSUMING_BUILTINS = api.ITERATING_BUILTINS | {"next"}


def _iterated_here(call: nodes.Call) -> bool:
    """The generator ``call`` makes is iterated synchronously where it is made: the iterable of a sync
    ``for`` or comprehension, the argument of ``list()``/``sorted()``/``"".join()``... A generator handed
    anywhere else (returned, stored, given to a StreamingHttpResponse) runs where that goes."""
    parent = call.parent
    if isinstance(parent, nodes.For) and not isinstance(parent, nodes.AsyncFor) and parent.iter is call:
        return True
    if isinstance(parent, nodes.Comprehension) and parent.iter is call and not parent.is_async:
        return True
    if isinstance(parent, nodes.Call) and parent.args and parent.args[0] is call:
        func = parent.func
        if isinstance(func, nodes.Name) and func.name in _CONSUMING_BUILTINS and \
                qualified_name(func) in (func.name, f"builtins.{func.name}"):
            return True
        return isinstance(func, nodes.Attribute) and func.attrname == "join" and isinstance(func.expr, nodes.Const)
    return False


def _method_owner(receiver: nodes.NodeNG, name: str | None = None) -> nodes.ClassDef | None:
    """The class whose methods ``receiver.m()`` runs: ``self``/``cls``, a model instance, or an
    instance (or the class) of a project class, however it was obtained."""
    if isinstance(receiver, nodes.Name) and receiver.name in ("self", "cls"):
        owner = self_class(receiver) if receiver.name == "self" else enclosing_class(receiver)
        exact = _RECEIVER.get() if receiver.name == "self" else None
        return exact if exact is not None and _derives_from(exact, owner) else owner
    found = kind_of(receiver)
    if found is None:
        return None
    if found.name in INSTANCE_LIKE:
        return found.model
    if found.name in (PROJECT_OBJECT, PROJECT_CLASS) and not found.exact and name is not None \
            and overridden(found.custom, name):
        return None  # declared as the base class, maybe a subclass that overrides ``name``: unknown
    if found.name in OBJECT_LIKE or found.name in CLASS_LIKE:
        return found.custom
    if found.name in api.SUBCLASS_KINDS and found.custom is not None and name is not None:
        # ``serializer.apply_permission()`` on a project serializer (a library base's subclass): the
        # project's own method, not one the library defines
        method = find_method(found.custom, name)
        return found.custom if method is not None and is_project_file(method.root().file) else None
    if found.name in QUERYSET_LIKE and found.manager is not None and name is not None \
            and find_method(found.custom, name) is None and find_method(found.manager, name) is not None:
        return found.manager  # ``M.from_queryset(QS)()``: a method of the manager class M itself
    if found.name in QUERYSET_LIKE and found.custom is not None:  # ``Item.objects.visible_to(user)``
        return found.custom if find_method(found.custom, "get_queryset") is None else None
    return None


def _method(receiver: nodes.NodeNG, name: str) -> nodes.FunctionDef | None:
    """The project method ``receiver.<name>`` is: through the receiver's class, or ``super()``'s."""
    if isinstance(receiver, nodes.Call):
        found = kind_of(receiver)
        if found is not None and found.name == SUPER:
            return find_method_in_bases(found.custom, name)
    return find_method(_method_owner(receiver, name), name)


def _class_method(receiver: nodes.NodeNG, name: str) -> nodes.FunctionDef | None:
    """``Machine.current()``: a classmethod or staticmethod of a project model, called on the class."""
    found = kind_of(receiver)
    if found is None or found.name != api.MODEL_CLASS or not isinstance(found.model, nodes.ClassDef):
        return None
    method = find_method(found.model, name)
    return method if method is not None and method.type in ("classmethod", "staticmethod") else None


def library_template_hook(receiver: nodes.NodeNG, name: str) -> nodes.FunctionDef | None:
    """``QueueTask.execute(...)`` on a project subclass of a library class whose classmethod runs a hook
    of the subclass (``django_kinds.template_hook``): that hook."""
    if not isinstance(receiver, (nodes.Name, nodes.Attribute)) or name not in _TEMPLATE_METHOD_NAMES:
        return None
    cls = definition_of(receiver)
    return template_hook(cls, name) if isinstance(cls, nodes.ClassDef) else None


_TEMPLATE_METHOD_NAMES = frozenset(method for _base, method in api.TEMPLATE_METHODS)


def callee(node: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The project sync function a call (or property read) runs directly, or None."""
    if isinstance(node, nodes.Call):
        func = node.func
        if isinstance(func, nodes.Attribute):
            hook = library_template_hook(func.expr, func.attrname)
            if hook is not None:
                return _runnable(hook)
            method = _method(func.expr, func.attrname)
            if method is not None:
                return _runnable(method, _iterated_here(node)) if _self_may_run(func, method) else None
            setup = lazy_setup(func)
            if setup is not None:  # a set-up that does sync work; else the wrapped object's sync method
                wrapped = lazy_wrapped_method(func, setup)
                method = _runnable(wrapped) if wrapped is not None else None
                if method is not None and sync_work(setup) is None:
                    return method
                return _runnable(setup)
            if _method_owner(func.expr) is not None:
                return None
            method = _class_method(func.expr, func.attrname)
            if method is not None:
                return _runnable(method)
        if isinstance(func, (nodes.Name, nodes.Attribute)):
            found = definition_of(func)
            if not isinstance(found, (nodes.FunctionDef, nodes.ClassDef)):  # a variable holding a callable
                found = _partial_of(func) or found
            if found is None:  # ``resolver(...)``: an instance of a project class with ``__call__``
                instance = kind_of(func)
                if instance is not None and instance.name == PROJECT_OBJECT:
                    found = find_method(instance.custom, "__call__")
            return _runnable(found, _iterated_here(node))
        return None
    if isinstance(node, nodes.Attribute):
        called = isinstance(node.parent, nodes.Call) and node.parent.func is node
        if called or already_loaded(node):
            return None
        prop = _method(node.expr, node.attrname)
        if prop is not None:  # print(self.total) reads it
            return _runnable(prop) if is_property(prop) and _self_may_run(node, prop) else None
        setup = lazy_setup(node)
        return _runnable(setup) if setup is not None else _dynamic_attribute(node)
    return None


def self_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class ``self`` is an instance of (it or a subclass) at ``node``: the class of the enclosing
    method, or the subclass the chain being followed entered it from (``_BOUND``)."""
    owner = enclosing_class(node)
    bound = _BOUND.get()
    return bound if bound is not None and owner is not None and _derives_from(bound, owner) else owner


def receiver_bound(node: nodes.NodeNG) -> nodes.ClassDef | None:
    """For ``self.m()`` (or a read of ``self.x``) with ``self`` not known exactly: the class ``self`` is an
    instance of here (``self_class``), which bounds the object in the method followed. None otherwise."""
    func = node.func if isinstance(node, nodes.Call) else node
    if not (isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name) and func.expr.name == "self") \
            or _RECEIVER.get() is not None:
        return None
    return self_class(func)


def _family(receiver: nodes.NodeNG) -> tuple[nodes.ClassDef, ...]:
    """The classes the object ``receiver`` may be an instance of (exactly): ``self`` in a method of C
    (or of C's ``_BOUND`` subclass) is a C or a subclass; a receiver built as exactly a class, that class."""
    if isinstance(receiver, nodes.Name) and receiver.name == "self":
        exact = _RECEIVER.get()
        if exact is not None:
            return (exact,)
        owner = self_class(receiver)
    else:
        owner = _method_owner(receiver)
        found = kind_of(receiver)
        if owner is not None and found is not None and found.exact:
            return (owner,)
    return (owner, *project_subclasses(owner)) if owner is not None else ()


def _receiver_loads(node: nodes.NodeNG) -> tuple[nodes.NodeNG, ...]:
    """The loads of the receiver of the method call ``node``: ``self``'s while following a method (the same
    object), a local name's assignments in its function (``prefetch.loads_of``), else none (unknown)."""
    func = node.func if isinstance(node, nodes.Call) else node
    if not (isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name)):
        return ()
    if func.expr.name == "self":
        return _SELF_LOADS.get() if not prefetch.may_clear(func.expr) else ()
    return prefetch.loads_of(func.expr)


def evidence_for(node: nodes.NodeNG) -> tuple[nodes.NodeNG, ...]:
    """The earlier calls and reads on the receiver of ``node`` (a method call or attribute read) that may
    have evaluated one of its cached properties: those of the chain followed (for ``self``) and those of
    ``node``'s own function (``loaded.loaders_before``)."""
    receiver = loaded.receiver_of(node)
    if receiver is None:
        return ()
    inherited = _EVIDENCE.get() if isinstance(receiver, nodes.Name) and receiver.name == "self" else ()
    local = loaded.loaders_before(node)
    if isinstance(receiver, nodes.Name) and receiver.name == "self":
        method = _self_method(node)
        marker = callers_loaded(method) if method is not None else None
        local = (*local, marker) if marker is not None else local
    if local:
        family = _family(receiver)
        local = tuple(loader for loader in local if any(loaded.loads(loader, (cls,)) for cls in family))
    return tuple(dict.fromkeys((*inherited, *local)))


def _self_method(node: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The method whose ``self`` the name ``self`` at ``node`` is (through nested functions that do not
    bind ``self``), or None."""
    scope = node.frame()
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(scope, nodes.FunctionDef) and isinstance(scope.parent, nodes.ClassDef):
            params = [*(scope.args.posonlyargs or []), *(scope.args.args or [])]
            return scope if scope.type == "method" and params and params[0].name == "self" else None
        if loaded._binds(scope, "self"):  # noqa: SLF001 (the same module's binding count)
            return None
        scope = scope.parent.frame() if scope.parent is not None else None
    return None


def callers_loaded(method: nodes.FunctionDef) -> loaded.CallersLoaded | None:
    """The cached properties every project call of ``method`` had certainly evaluated on its receiver
    before the call (``rows = await source.fetch_all(); await source.schedule(rows)``): then a read of one
    on ``self`` inside ``method`` returns the cached value. Only when no caller can hide: the method is
    private or the project is an application (``lazy._closed_project``), every use of its name in the
    class's module and the files naming the class is a call on a receiver of known class
    (``django_kinds.method_calls``), no other project file (a test module) names it, and there is at least
    one call. A caller that is itself a method called on ``self`` counts what its own callers loaded.
    None otherwise: unknown callers prove nothing."""
    memo = current().parameter_work
    key = ("callers loaded", method)
    if key not in memo:
        memo[key] = None  # a cycle proves nothing
        memo[key] = _callers_loaded(method)
    return memo[key]


def _callers_loaded(method: nodes.FunctionDef) -> loaded.CallersLoaded | None:
    import os

    from asynclint.core import django_kinds, lazy

    cls = method.parent
    if not isinstance(cls, nodes.ClassDef) or method.name.startswith("__") or not is_project_file(cls.root().file or ""):
        return None
    hierarchy = (cls, *(base for base in cls.ancestors() if is_project_file(base.root().file or "")),
                 *project_subclasses(cls))
    if not any(loaded.caches_value(defined) for owner in hierarchy for defined in owner.mymethods()):
        return None  # the usual case: no cached property to be loaded
    root = lazy._closed_project(method)  # noqa: SLF001 (the callers' index)
    if root is None:
        return None
    calls = django_kinds.method_calls(cls, method)
    if not calls:
        return None
    examined = {os.path.abspath(path) for path in (cls.root().file or "", *django_kinds._files_mentioning(cls))}  # noqa: SLF001
    if any(os.path.abspath(path) not in examined for path in lazy._other_files_naming(method, root)):  # noqa: SLF001
        return None  # a test module (or a file not naming the class) may call it on a fresh object
    names: frozenset[str] | None = None
    for call in calls:
        receiver = call.func.expr
        family = tuple(owner for owner in _family(receiver) if find_method(owner, method.name) is method)
        if not family:
            return None
        site: set[str] = set()
        for loader in loaded.loaders_before(call):
            site |= loaded.loads(loader, family)
        if isinstance(receiver, nodes.Name) and receiver.name == "self":
            outer = _self_method(call)
            found = callers_loaded(outer) if outer is not None else None
            site |= found.names if found is not None else frozenset()
        if site and loaded._invalidated(call.frame(), set(site)):  # noqa: SLF001
            return None
        names = frozenset(site) if names is None else names & site
        if not names:
            return None
    return loaded.CallersLoaded(method, names) if names else None


def already_loaded(node: nodes.Attribute) -> bool:
    """A read of a ``cached_property`` that an earlier call or read on the same object, on every path,
    certainly evaluated (``evidence_for``): it returns the cached value and runs nothing."""
    evidence = evidence_for(node)
    return bool(evidence) and loaded.loaded(node, evidence, lambda: _family(node.expr))


def _self_may_run(func: nodes.Attribute, method: nodes.FunctionDef) -> bool:
    """Whether ``self.<name>`` (``func``, in a method of a class C, ``self`` not known exactly) may run
    ``method``, what C resolves the name to: False when every object ``self`` may be runs an override
    instead (each subclass of C that inherits ``method`` and C itself is a base the project never
    builds directly, ``built_directly``). Other receivers: True."""
    if not (isinstance(func.expr, nodes.Name) and func.expr.name == "self") or _RECEIVER.get() is not None:
        return True
    owner = self_class(func)
    return owner is None or runs_for_some_object(owner, func.attrname, method)


def self_dispatch_undecided(node: nodes.NodeNG, method: nodes.FunctionDef) -> bool:
    """``self.<name>`` (``self`` not known exactly) runs ``method`` for some objects and a project
    subclass's override for others: whether the sync work in ``method`` runs depends on the object."""
    func = node.func if isinstance(node, nodes.Call) else node
    if not isinstance(func, nodes.Attribute) or not isinstance(func.expr, nodes.Name) \
            or func.expr.name != "self" or _RECEIVER.get() is not None:
        return False
    owner = self_class(func)
    return owner is not None and any(find_method(subclass, func.attrname) is not method and built_directly(subclass)
                                     for subclass in project_subclasses(owner))


def runs_for_some_object(cls: nodes.ClassDef, name: str, method: nodes.FunctionDef) -> bool:
    """Whether an object of ``cls`` or of one of its project subclasses may run ``method`` for
    ``name``: some such class resolves the name to it and may be built as exactly that class."""
    return any(find_method(candidate, name) is method and built_directly(candidate)
               for candidate in (cls, *project_subclasses(cls)))


def _partial_of(func: nodes.NodeNG) -> nodes.FunctionDef | None:
    """``count = functools.partial(count_for, title)``: the project function ``count()`` runs."""
    found = kind_of(func)
    return found.function if found is not None and found.name == FACTORY and found.origin == "partial" else None


def lazy_setup(node: nodes.Attribute) -> nodes.FunctionDef | None:
    """``store.aget(...)`` / ``store.flag`` on an instance of a project subclass of Django's
    ``LazyObject`` (``store = LazyStore()``), for a name the subclass does not define itself: the access
    goes through the proxy, whose first use runs the subclass's ``_setup()`` (building the wrapped
    object), so that ``_setup`` is what the access may run. Inside the class (``self``) the wrapped
    object is already being set up: None."""
    if isinstance(node.expr, nodes.Name) and node.expr.name in ("self", "cls"):
        return None
    found = kind_of(node.expr)
    if found is None or found.name != PROJECT_OBJECT or found.custom is None or \
            not has_library_base(found.custom, api.LAZY_OBJECT_CLASSES):
        return None
    if find_method(found.custom, node.attrname) is not None or assigned_on_self(found.custom, node.attrname):
        return None
    setup = find_method(found.custom, api.LAZY_OBJECT_SETUP)
    return setup if setup is not None and is_project_file(setup.root().file) else None


def lazy_wrapped_method(node: nodes.Attribute, setup: nodes.FunctionDef) -> nodes.FunctionDef | None:
    """``store.load`` where ``store``'s ``LazyObject._setup()`` (``setup``) builds one project class
    (every ``self._wrapped = DatabaseStore(...)`` in it constructs the same class): that class's
    method ``load``, which the proxy forwards the call to. None when the wrapped class is not known."""
    classes = set()
    for assign in setup.nodes_of_class(nodes.AssignAttr):
        if assign.attrname != "_wrapped" or not isinstance(assign.expr, nodes.Name) or assign.expr.name != "self":
            continue
        value = assign.parent.value if isinstance(assign.parent, (nodes.Assign, nodes.AnnAssign)) else None
        built = kind_of(value) if isinstance(value, nodes.Call) else None
        if built is None or built.name != PROJECT_OBJECT or built.custom is None or not built.exact:
            return None
        classes.add(built.custom)
    if len(classes) != 1:
        return None
    method = find_method(classes.pop(), node.attrname)
    return method if method is not None and is_project_file(method.root().file) else None


def _dynamic_attribute(node: nodes.Attribute) -> nodes.FunctionDef | None:
    """``settings_obj.SITE_NAME`` where the project class answers unknown names in ``__getattr__``."""
    if isinstance(node.expr, nodes.Name) and node.expr.name in ("self", "cls"):
        return None  # inside the class, an attribute set elsewhere (or by a framework) is likelier
    found = kind_of(node.expr)
    if found is None or found.name != PROJECT_OBJECT or isinstance(node.parent, (nodes.Delete,)):
        return None
    if assigned_on_self(found.custom, node.attrname) is not None:
        return None
    getattr_method = find_method(found.custom, "__getattr__")
    return _runnable(getattr_method) if getattr_method is not None else None


# --- the chains ----------------------------------------------------------------------------------
def body_nodes(function: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
    """Every node a call of ``function`` executes (nested defs, lambdas and classes excluded)."""
    stack = list(reversed(list(function.get_children())))
    if isinstance(function, nodes.FunctionDef):
        stack = list(reversed(function.body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
            continue
        stack.extend(reversed(list(node.get_children())))


def sync_work(function: nodes.FunctionDef, max_depth: int = DEFAULT_DEPTH,
              bindings: branches.Bindings = branches.NO_BINDINGS,
              receiver: nodes.ClassDef | None = None, bound: nodes.ClassDef | None = None,
              evidence: tuple[nodes.NodeNG, ...] = (), self_loads: tuple[nodes.NodeNG, ...] = ()) -> Chain | None:
    """The first sync operation ``function`` performs, directly or through project calls, when called
    with arguments that decide ``bindings`` (``branches.call_bindings``) on a ``self`` that is exactly
    ``receiver`` (None: not known), or else an instance of ``bound``, a subclass of the method's class
    (None: of any subclass), after the calls and reads on it of ``evidence`` (``_EVIDENCE``); a definite
    one if any."""
    context = current()  # the run's caches: ``work`` ((function, bindings, receiver, bound) -> chain), ``computing``
    if receiver is not None and (not isinstance(function.parent, nodes.ClassDef)
                                 or not _derives_from(receiver, function.parent)):
        receiver = None
    if bound is not None and (receiver is not None or not isinstance(function.parent, nodes.ClassDef)
                              or bound is function.parent or not _derives_from(bound, function.parent)):
        bound = None
    if not isinstance(function.parent, nodes.ClassDef):
        evidence = self_loads = ()  # a plain function: no ``self``
    key = (function, bindings, receiver, bound, evidence, self_loads)
    if key in context.work:
        chain = context.work[key]
        return chain if chain is None or len(chain.steps) < max_depth else None
    if key in context.computing:
        return None  # a cycle: this path adds nothing new
    context.computing.add(key)
    token, bound_token, evidence_token = _RECEIVER.set(receiver), _BOUND.set(bound), _EVIDENCE.set(evidence)
    loads_token = _SELF_LOADS.set(self_loads)
    try:
        chain = _compute(function, bindings)
    finally:
        _RECEIVER.reset(token)
        _BOUND.reset(bound_token)
        _EVIDENCE.reset(evidence_token)
        _SELF_LOADS.reset(loads_token)
        context.computing.discard(key)
    context.work[key] = chain
    return chain if chain is None or len(chain.steps) < max_depth else None


def _better(chain: Chain, best: Chain | None) -> bool:
    return best is None or _rank(chain) < _rank(best)


def _rank(chain: Chain) -> tuple[bool, bool, int]:
    """Definite first, shorter first; among possible chains, a nested loop (``async_to_sync`` on a branch)
    last: async-to-sync-in-async reports only definite ones, so a possible one would hide the other work
    (a sync filter backend behind ``if iscoroutinefunction(backend.filter_queryset)``) from every rule."""
    return chain.possible, chain.possible and chain.operation.effect == api.LOOP_RUNNER, len(chain.steps)


def _operation_rank(operation: Operation) -> tuple[bool, bool]:
    """Among a function's own operations on branches: not a nested loop first (see ``_rank``), then a
    definite row before a possible one (a file read behind a check beats the check)."""
    return operation.effect == api.LOOP_RUNNER, bool(operation.possible)


#: A binding: the call passes this parameter a non-Django request (``fastapi.Request``): its
#: ``user`` and ``session`` are plain attributes in the callee too.
_FOREIGN_REQUEST = ("non-django-request",)
_IN_MEMORY_FILE = ("in-memory-file",)
#: A binding: the call passes this parameter Django's request under another name (``_name(req)``), whose
#: ``user``/``session`` reads are the lazy ones in the callee too.
_DJANGO_REQUEST = ("django-request",)


def _call_bindings(call: nodes.NodeNG, target: nodes.FunctionDef, decided: dict | None = None) -> branches.Bindings:
    """``branches.call_bindings`` plus the parameters the call passes a non-Django request; none
    through a ``functools.partial`` (its own arguments come first)."""
    if isinstance(call, nodes.Call) and isinstance(call.func, (nodes.Name, nodes.Attribute)) \
            and _partial_of(call.func) is target:
        return branches.NO_BINDINGS
    passed = branches.call_bindings(call, target, decided)
    return passed | {(name, _FOREIGN_REQUEST) for name in foreign_request_parameters(target, call)} \
        | {(name, _IN_MEMORY_FILE) for name in foreign_request_parameters(target, call, api.IN_MEMORY_FILE)} \
        | {(name, _DJANGO_REQUEST) for name in request_parameters(target, call)}


def _compute(function: nodes.FunctionDef, bindings: branches.Bindings) -> Chain | None:
    foreign = frozenset(name for name, value in bindings if value == _FOREIGN_REQUEST)
    buffers = frozenset(name for name, value in bindings if value == _IN_MEMORY_FILE)
    requests = frozenset(name for name, value in bindings if value == _DJANGO_REQUEST)
    with assuming_foreign_requests(function, foreign), \
            assuming_foreign_requests(function, buffers, api.IN_MEMORY_FILE), \
            assuming_foreign_requests(function, requests, api.REQUEST):  # dcmread(buffer): no file I/O
        return _compute_bound(function, bindings)


def _compute_bound(function: nodes.FunctionDef, bindings: branches.Bindings) -> Chain | None:
    reached = list(branches.reached(function, bindings))
    decided = branches.values(function, bindings)
    best: Chain | None = None
    for node, conditional in reached:
        for operation in operations_at(node):
            if operation.local_disk and branches.cache_refill(node):
                continue  # a local file read refilling a time-bound cache: once per expiry, not per call
            if not conditional and not operation.possible:
                return Chain((), _user_work(reached, node, operation))
            if best is None or _operation_rank(operation) < _operation_rank(best.operation):
                best = Chain((), operation, possible=True)  # a file read behind a check beats the check
    for node, conditional in reached:
        if not isinstance(node, (nodes.Call, nodes.Attribute)):
            continue
        target = callee(node)
        if target is not None:
            if branches.memoised(target, node):
                continue
            passed = _call_bindings(node, target, decided)
            exact = receiver_class(node)
            if target is function and passed == bindings and exact is _RECEIVER.get():
                continue  # plain recursion adds nothing
            deeper = sync_work(target, DEFAULT_DEPTH * 4, passed, exact, receiver_bound(node), evidence_for(node),
                               _receiver_loads(node))
            if deeper is not None and deeper.operation.local_disk and branches.cache_refill(node):
                continue  # as above, one call down
            if deeper is not None:
                chain = Chain((Step(node, target), *deeper.steps), deeper.operation,
                              conditional or deeper.possible or self_dispatch_undecided(node, target))
                if _better(chain, best):
                    best = chain
                continue
        chain = _through_overrides(node, DEFAULT_DEPTH * 4, function)
        if chain is not None and _better(chain, best):
            best = chain
    return best


def _user_work(reached: list[tuple[nodes.NodeNG, bool]], read: nodes.NodeNG, operation: Operation) -> Operation:
    """A read of ``request.user`` takes AuthenticationMiddleware's lazy user; the queries run where the
    function then uses the user through the table (``user.has_perms(perms)``): that call names the work
    (the read keeps the chain's certainty). Other operations: themselves."""
    if operation.effect != api.REQUEST_USER:
        return operation
    later = False
    for node, _conditional in reached:
        later = later or node is read
        if not later or node is read or not isinstance(node, nodes.Call):
            continue
        found = django_call(node)
        if found is None or found.kind is None or not found.kind.user:
            continue
        for work in operations_at(node):
            if work.node is node and work.effect in _LOOP_EFFECTS and not work.possible:
                return work
    return operation


def _is_abstract(method: nodes.FunctionDef) -> bool:
    """``@abstractmethod``, or a body that only raises ``NotImplementedError`` (after a docstring)."""
    if has_decorator(method, frozenset({"abc.abstractmethod"})):
        return True
    body = [statement for statement in method.body
            if not (isinstance(statement, nodes.Expr) and isinstance(statement.value, nodes.Const))]
    if len(body) != 1 or not isinstance(body[0], nodes.Raise) or body[0].exc is None:
        return False
    raised = body[0].exc.func if isinstance(body[0].exc, nodes.Call) else body[0].exc
    return isinstance(raised, nodes.Name) and raised.name == "NotImplementedError"


def receiver_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class whose method a call (or property read) runs on an object that is exactly an instance
    of it: a constructor call, a receiver built by calling the class, ``self`` while following such a
    receiver. None when the object may be of any subclass."""
    func = node.func if isinstance(node, nodes.Call) else node
    if isinstance(node, nodes.Call) and isinstance(func, (nodes.Name, nodes.Attribute)):
        found = definition_of(func)
        if isinstance(found, nodes.ClassDef):
            return found if is_project_file(found.root().file) else None
    if not isinstance(func, nodes.Attribute):
        return None
    if isinstance(func.expr, nodes.Name) and func.expr.name == "self":
        return _RECEIVER.get()
    found = kind_of(func.expr)
    return found.custom if found is not None and found.name == PROJECT_OBJECT and found.exact else None


def derives_from(cls: nodes.ClassDef, base: nodes.ClassDef | None) -> bool:
    """Whether ``cls`` is ``base`` or a project subclass of it."""
    return _derives_from(cls, base)


def _derives_from(cls: nodes.ClassDef, base: nodes.ClassDef | None, _depth: int = 0) -> bool:
    """Whether ``cls`` is ``base`` or a project subclass of it (through the bases asynclint can read)."""
    if base is None or _depth > 8:
        return False
    if cls is base:
        return True
    for parent in cls.bases:
        found = definition_of(parent)
        if isinstance(found, nodes.ClassDef) and found is not cls and _derives_from(found, base, _depth + 1):
            return True
    return False


def _through_overrides(node: nodes.NodeNG, max_depth: int,
                       caller: nodes.FunctionDef | None = None) -> Chain | None:
    """The chain through an override of the callee in a project subclass when the receiver is
    ``self`` (``self.hook()`` in a base class): possible, it depends on the subclass ``self`` is."""
    for override in _overrides(node):
        if override is caller:
            continue
        deeper = sync_work(override, max_depth, bound=receiver_bound(node), evidence=evidence_for(node))
        if deeper is not None:
            return Chain((Step(node, override), *deeper.steps), deeper.operation, possible=True)
    return None


def _overrides(node: nodes.NodeNG) -> list[nodes.FunctionDef]:
    """``self.hook()`` (or a read of a property ``self.x``): the sync overrides of ``hook`` in the project's
    subclasses of the class whose method contains the call. ``service.hook()`` where ``service`` is
    declared (annotated, ``type[Service]`` instantiated) but not built as exactly a Service: its own
    ``hook`` and the overrides, any of which may run."""
    func = node.func if isinstance(node, nodes.Call) else node
    if not isinstance(func, nodes.Attribute):
        return []
    found = []
    if isinstance(func.expr, nodes.Name) and func.expr.name == "self":
        if _RECEIVER.get() is not None:
            return []  # ``self`` is exactly a known class: its own method was the callee
        owner = self_class(func)
    else:
        declared = kind_of(func.expr)
        if declared is None:
            return _unknown_receiver_methods(node, func)
        if declared.exact or declared.returned or \
                declared.name not in (PROJECT_OBJECT, PROJECT_CLASS):
            return []
        owner = declared.custom
        own = find_method(owner, func.attrname)
        if own is None or not overridden(owner, func.attrname) or isinstance(node.parent, nodes.Await):
            return []  # not overridden: the method itself is the callee (definite); awaited: an async one is meant
        if any(isinstance(defined, nodes.AsyncFunctionDef) for subclass in project_subclasses(owner)
               for defined in subclass.locals.get(func.attrname, ())):
            return []  # sync and async implementations: which kind the object is, is not known
        if _is_abstract(own):
            return []  # an interface's backends (a memory store, a database store) are chosen by configuration
        if (isinstance(node, nodes.Call) or is_property(own)) and runs_for_some_object(owner, func.attrname, own):
            runnable = _runnable(own)
            found.extend([runnable] if runnable is not None else [])
    if owner is None or not is_project_file(owner.root().file):
        return []
    for subclass in project_subclasses(owner):
        for defined in subclass.locals.get(func.attrname, ()):
            if isinstance(defined, nodes.FunctionDef):
                is_read = not isinstance(node, nodes.Call)
                if is_read and (not is_property(defined) or already_loaded(node)):
                    continue
                if not runs_for_some_object(subclass, func.attrname, defined):
                    continue  # every object that would run it runs a further override
                runnable = _runnable(defined)
                if runnable is not None:
                    found.append(runnable)
    return found


def _unknown_receiver_methods(node: nodes.NodeNG, func: nodes.Attribute) -> list[nodes.FunctionDef]:
    """``view.get_object()`` where the class of ``view`` is not known, but one plain project base roots
    every definition of the method its module can see (``unknown_receiver_hierarchy``): the base's own
    method (unless abstract) and its project subclasses' overrides (test modules aside), any of which
    may run. Not for a property read or an awaited call."""
    if not isinstance(node, nodes.Call) or isinstance(node.parent, nodes.Await):
        return []
    root = unknown_receiver_hierarchy(func)
    if root is None:
        return []
    found = []
    own = find_method(root, func.attrname)
    if own is not None and not _is_abstract(own):
        found.append(_runnable(own))
    for subclass in project_subclasses(root):
        if is_test_module(subclass.root().file or ""):
            continue
        found.extend(_runnable(defined) for defined in subclass.locals.get(func.attrname, ())
                     if isinstance(defined, nodes.FunctionDef))
    return [method for method in found if method is not None]


def chain_from(call: nodes.NodeNG, max_depth: int = DEFAULT_DEPTH) -> Chain | None:
    """The sync work a call site (in async code) runs through a project callee, as a full chain: in
    the callee's own body and calls, done there with a QuerySet or model instance the call passes,
    or in a subclass's override (possible); none when the callee's work is memoised
    (``branches.memoised``)."""
    target = callee(call)
    if target is not None and branches.memoised(target, call):
        return None
    chain = None
    if target is not None:
        passed = _call_bindings(call, target) | {branches.ON_LOOP}  # called from async code
        deeper = sync_work(target, max_depth, passed, receiver_class(call), receiver_bound(call),
                           evidence_for(call), _receiver_loads(call))
        if deeper is not None:
            configured = _configured_receiver(call)
            chain = Chain((Step(call, target), *deeper.steps), deeper.operation,
                          deeper.possible or self_dispatch_undecided(call, target) or bool(configured), configured)
        elif isinstance(call, nodes.Call):
            for param, kind in orm_arguments(target, call).items():
                work = parameter_work(target, param, kind)
                if work is not None:
                    chain = Chain((Step(call, target),), work.operation)
                    break
        elif isinstance(call, nodes.Attribute):
            receiver = loaded_receiver_of_property(target, call)
            work = parameter_work(target, target.args.args[0], receiver) if receiver is not None else None
            if work is not None:  # a nullable relation (queried only when its _id is set): possible
                chain = Chain((Step(call, target),), work.operation, bool(work.operation.possible))
    if chain is None:
        chain = _through_overrides(call, max_depth)
    if chain is None or len(chain.steps) > max_depth:
        return None
    return chain


def _configured_receiver(call: nodes.NodeNG) -> bool:
    """``backend.parse()`` where ``backend`` was built from the class that ``import_string(settings.X)``
    loads: the settings name it, but the environment may choose another class."""
    func = call.func if isinstance(call, nodes.Call) else call
    if not isinstance(func, nodes.Attribute):
        return False
    found = kind_of(func.expr)
    return found is not None and found.configured


def parameter_work(function: nodes.FunctionDef, param: nodes.AssignName, kind) -> Chain | None:
    """The first operation ``function``'s own body performs when ``param`` is a value of ``kind``
    (``def paginate(self, queryset): list(queryset)``). Once per (function, parameter, kind)."""
    memo = current().parameter_work
    try:
        key = (function, param, kind)
        if key in memo:
            return memo[key]
    except TypeError:  # an unhashable kind: compute without the memo
        key = None
    found = None
    with assuming({param: kind}):
        for node in body_nodes(function):
            operation = next(iter(operations_at(node)), None)
            if operation is not None:  # the body does none without the binding (sync_work found none)
                found = Chain((), operation)
                break
    if key is not None:
        memo[key] = found
    return found


@dataclass(frozen=True)
class CoroutineWork:
    """Sync work a project coroutine does, on the loop, with a value a call hands it."""

    operation: Operation
    coroutine: nodes.FunctionDef
    possible: bool  # only on a branch the call's arguments do not decide
    #: the operation reads an attribute of the instance: "field" (deferred by .only()/.defer()) or
    #: "relation" (not selected); "" otherwise
    unloaded: str = ""


def coroutine_work(call: nodes.Call, _depth: int = 0) -> CoroutineWork | None:
    """``await titles(Book.objects.all())``: what a project coroutine (a function or method, in any
    module) does on the loop with a QuerySet or model instance the call passes it, which the analysis
    of the coroutine alone cannot see: evaluating the QuerySet, a query or write on it, reading a field
    ``.only()``/``.defer()`` left out or a relation not selected. Work it does without that value is
    reported in the coroutine itself. Followed into the coroutines it hands the value on to,
    ``DEFAULT_DEPTH`` deep; a definite one first."""
    found = kind_of(call)
    target = found.function if found is not None and found.name == api.COROUTINE else None
    if target is None or _depth >= DEFAULT_DEPTH or not is_project_file(target.root().file):
        return None
    bindings = branches.call_bindings(call, target)
    memo = current().parameter_work
    best = None
    for param, kind in orm_arguments(target, call).items():
        key = ("coroutine work", target, param, kind, bindings)
        if key not in memo:
            memo[key] = _work_with(target, param, kind, bindings, _depth)
        work = memo[key]
        if work is not None and not work.possible:
            return work
        best = best or work
    return best


def _work_with(function: nodes.FunctionDef, param: nodes.AssignName | nodes.Arguments, kind,
               bindings: branches.Bindings, depth: int) -> CoroutineWork | None:
    # ``orm_arguments`` answers the Arguments node for a value its ``**kwargs`` collects.
    name = param.kwarg if isinstance(param, nodes.Arguments) else param.name
    if not name:
        return None
    best = None
    reached = list(branches.reached(function, bindings))
    candidates: list[tuple[nodes.NodeNG, bool, Operation, str]] = []
    handed_on: list[tuple[nodes.Call, CoroutineWork]] = []
    with assuming({param: kind}):
        for node, conditional in reached:
            for operation in operations_at(node):
                if _mentions(operation.node, name):
                    unloaded = "field" if isinstance(operation.node, nodes.Attribute) and \
                        deferred_field_read(operation.node) is not None else "relation" if \
                        isinstance(operation.node, nodes.Attribute) and unloaded_relation_read(operation.node) else ""
                    candidates.append((node, conditional, operation, unloaded))
            if isinstance(node, nodes.Call) and any(_mentions(argument, name) for argument in
                                                    [*node.args, *(k.value for k in node.keywords or [])]):
                deeper = coroutine_work(node, depth + 1)
                if deeper is not None:
                    handed_on.append((node, CoroutineWork(deeper.operation, deeper.coroutine,
                                                          deeper.possible or conditional, deeper.unloaded)))
    for node, deeper in sorted(handed_on, key=lambda pair: pair[1].possible):
        if coroutine_work(node, depth + 1) is not None:
            continue  # reported in the coroutine itself (its parameter's kind is known there), whatever the value is
        if not deeper.possible:
            return deeper
        best = best or deeper
    for node, conditional, operation, unloaded in candidates:
        if any(other.effect == operation.effect and other.node is operation.node for other in operations_at(node)) \
                or operation.effect == api.EVALUATION and any(e.node is operation.node for e in evaluations_at(node)):
            continue  # reported in the coroutine itself (a possible evaluation too), whatever the value is
        work = CoroutineWork(operation, function, conditional or bool(operation.possible), unloaded)
        if not work.possible:
            return work
        best = best or work
    return best


def _mentions(node: nodes.NodeNG, name: str) -> bool:
    """Whether ``node`` reads the variable ``name`` (outside nested functions)."""
    if isinstance(node, nodes.Name):
        return node.name == name
    return any(found.name == name for found in node.nodes_of_class(nodes.Name, skip_klass=(nodes.FunctionDef,
                                                                                              nodes.Lambda)))


def adapted_callable(call: nodes.Call) -> nodes.NodeNG | None:
    """The callable handed to sync_to_async/database_sync_to_async/to_thread/run_in_executor."""
    return offloaded_callable(call)


def is_adapter_call(node: nodes.NodeNG) -> bool:
    found = kind_of(node)
    return found is not None and found.name == ADAPTED_CALLABLE


def _display_path(path: str | None) -> str:
    """``path`` relative to the current folder (read each time: a long-running process may change it)."""
    if not path:
        return "<unknown>"
    relative = os.path.relpath(path, os.getcwd())  # not cached: a server may chdir
    return relative if not relative.startswith("..") else path
