"""What Django object an expression is, without importing Django.

``kind_of(expr)`` answers with a ``Kind`` (a model class, a manager, a QuerySet, a related manager,
a model instance, a cache, a request, a coroutine from an async Django API, ...) or ``None`` when
it does not know. Unknown means silent: rules only fire on what this module is sure of.

How it decides:

- names are followed to what binds them (astroid's scope lookup): an import (its qualified name is
  looked up in ``django_api``), a class (classified by its bases, across project modules), an
  assignment (the kind of the assigned value), a loop target (an element of the iterated QuerySet),
  a parameter (its annotation; ``self``/``cls`` of model, manager and QuerySet classes);
- attributes: ``Model.objects`` and any manager declared on the model (``Manager()``,
  ``QuerySet.as_manager()``, ``Manager.from_queryset(QS)()``, inherited from abstract bases),
  related managers on instances (many-to-many fields, ``x_set``, ``related_name`` found anywhere in
  the project);
- calls: lazy QuerySet methods give QuerySets, the table's sync methods give what their row says,
  async methods give coroutines, custom manager and QuerySet methods and project helper functions
  give what their ``return`` statements give.

astroid's own inference is not used for Django names, so the result is the same whether Django is
installed or not; it only gets better when a third-party base class can be read from site-packages.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from astroid import nodes, util

from asynclint import django_api as api
from asynclint.core import deployment
from asynclint.core.context import current
from asynclint.libraries.clients import CONSUMER_SCOPE
from asynclint.core.imports import (
    bindings, called_name, definition, definition_of, definition_of_qualified, has_decorator, imported_name,
    load_module, qualified_name,
)

# Kinds of class *references* (the class itself, not an instance); internal to the analysis.
MANAGER_CLASS = "manager class"
QUERYSET_CLASS = "queryset class"
PAGINATOR_CLASS = "paginator class"
CONNECTION_HANDLER = "connection handler"
CACHE_HANDLER = "cache handler"
ADAPTED_CALLABLE = "sync_to_async(...) callable"
FACTORY = "factory"  # a class or function whose call result has the kind in ``result``
TEST_CASE_CLASS = "test case class"
VIEW_CLASS = "view class"
TEST_CASE = "test case"
VIEW = "view"
#: A class of the project that is none of Django's (``RateLimiter``), and an instance of one: their
#: methods, properties and attributes are the project's, followed through ``custom``.
PROJECT_CLASS = "project class"
PROJECT_OBJECT = "project object"
REQUEST_CLASS = "request class"  # an annotation ``request: HttpRequest`` is a request; ``HttpRequest()`` is not
#: A value annotated as a QuerySet or a plain collection (``Union[List[Book], QuerySet[Book]]``): only
#: evaluating it is reported (as possible); no QuerySet method or element kind is derived from it.
MAYBE_QUERYSET = "queryset or collection"
#: A ``request`` annotated with another framework's class (``fastapi.Request``): its ``user`` and
#: ``session`` are plain attributes. A kind (not None) so that a call passing it on tells the callee.
FOREIGN_REQUEST = "non-Django request"
SEQUENCE = "sequence"  # a list/tuple/set literal or comprehension whose elements have the kind ``result``
#: A dict annotated with its value type (``tournaments: dict[int, Tournament] = {}``): ``get()``, ``pop()``
#: and ``[key]`` give a value of the kind ``result``, ``values()`` a sequence of them.
MAPPING = "mapping"
#: The ``**kwargs`` of a function a call is followed into: the kinds of the keyword arguments it collects
#: (``attributes``: by keyword), read back with ``kwargs.pop("user")``, ``kwargs.get(...)``, ``kwargs[...]``.
KEYWORD_ARGUMENTS = "keyword arguments"
SUPER = "super()"  # ``custom``: the class whose bases ``super().m()`` searches
#: Kinds whose ``custom`` is the class whose own methods and attributes a receiver of that kind has.
OBJECT_LIKE = frozenset({PROJECT_OBJECT, VIEW, TEST_CASE})
#: Kinds of a class reference whose ``custom`` is the class itself: ``Messages.plain(self, request)`` runs the
#: project method whether the class is plain (``PROJECT_CLASS``) or one a library base classifies (a DRF
#: ``ViewSet`` subclass is a ``VIEW_CLASS`` only when DRF is installed).
CLASS_LIKE = frozenset({PROJECT_CLASS, VIEW_CLASS, TEST_CASE_CLASS})

QUERYSET_LIKE = frozenset({api.MANAGER, api.QUERYSET, api.RELATED_MANAGER, api.USER_MANAGER})
INSTANCE_LIKE = frozenset({api.INSTANCE, api.USER})

_MAX_DEPTH = 40


@dataclass(frozen=True)
class Kind:
    """What an expression is."""

    name: str
    model: nodes.ClassDef | None = None  # the model class, when known
    custom: nodes.ClassDef | None = None  # a project Manager/QuerySet class with extra methods
    rows: bool = False  # a values()/values_list() QuerySet: its rows are not model instances
    user: bool = False  # the model is (or may be) the auth user model
    api: api.SyncApi | None = None  # COROUTINE/ASYNC_ITERATOR: the table row whose async form made it
    result: Kind | None = None  # COROUTINE: the kind of the awaited value
    origin: str = ""  # COROUTINE: "django", "adapter", "library" or "project"
    function: nodes.FunctionDef | None = None  # COROUTINE from the project: the ``async def`` called;
    # FACTORY made by ``functools.partial(f, ...)`` (``origin="partial"``): ``f``
    # QUERYSET/ASYNC_ITERATOR/INSTANCE: the fields ``.only(...)`` loads (None: all, or not known) and
    # the ones ``.defer(...)`` leaves out; reading any other field of the instance is a query.
    only: frozenset[str] | None = None
    deferred: frozenset[str] = frozenset()
    #: QUERYSET/ASYNC_ITERATOR/INSTANCE from a plain manager's query: the relations it loads with
    #: ``select_related``/``prefetch_related`` (None: not known); reading another forward relation of
    #: such an instance is a query.
    related: frozenset[str] | None = None
    #: PROJECT_OBJECT: built by calling the class itself (so its methods are the class's own); otherwise
    #: (an annotation, a return type) it may be an instance of any subclass.
    exact: bool = False
    #: PROJECT_OBJECT known only from a function's return annotation (``def get_store() -> BaseStore``):
    #: a factory's interface, whose implementation is often chosen by configuration (``import_string``),
    #: so the overrides in the project's subclasses are not followed through it.
    returned: bool = False
    #: MANAGER built by ``ArtifactManager.from_queryset(TouchQuerySet)()``: the project manager class,
    #: whose own methods it has besides the QuerySet's (``custom``).
    manager: nodes.ClassDef | None = None
    #: PROJECT_OBJECT built by calling its class (``Holder(Art())``): the attributes that its
    #: ``__init__`` (or, for a dataclass, the generated one) sets from the call's arguments, with the
    #: kinds of those arguments at that call, by attribute name.
    attributes: tuple[tuple[str, Kind], ...] = ()
    #: USER known only from an annotation (``async def f(user: Member)``, a request class's
    #: ``user: User``): which relations its query loaded is not known, so reading a forward relation
    #: of it *may* query (a possible finding).
    assumed: bool = False
    #: PROJECT_CLASS/PROJECT_OBJECT loaded by ``import_string(settings.X)``: ``"settings.X names Cls"``. The class
    #: is the one the project's settings name, which the environment may replace: a possible finding.
    configured: str = ""

    def but(self, **changes) -> Kind:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class ApiCall:
    """A call of a sync Django API from the table."""

    call: nodes.Call
    row: api.SyncApi
    receiver: nodes.NodeNG | None  # the object the method is called on; None for functions
    kind: Kind | None  # what the receiver is


_STDLIB = os.path.realpath(sysconfig.get_paths()["stdlib"])


@lru_cache(maxsize=4096)
def is_project_file(path: str | None) -> bool:
    """Whether a module is the project's own code (not site-packages, not the standard library)."""
    if not path:
        return False
    real = os.path.realpath(path)
    parts = real.split(os.sep)
    return "site-packages" not in parts and "dist-packages" not in parts and not real.startswith(_STDLIB)


# --- the cache ------------------------------------------------------------------------------------
# The answers, the nodes being computed and the parameter kinds of the calls being followed into
# project functions live in the run's context (``core.context``: ``kinds``, ``classes``, ``active``,
# ``bound``), not in module globals.


def reset() -> None:
    """Forget cached answers (between modules; astroid trees are immutable within a run)."""
    current().reset_module()


def kind_of(node: nodes.NodeNG | None) -> Kind | None:
    """What Django object ``node`` is, or None when unknown."""
    if node is None:
        return None
    context = current()
    try:
        return context.kinds[node]
    except KeyError:
        pass
    active = context.active
    if node in active or len(active) > _MAX_DEPTH:
        _GUARDED[0] += 1
        return None
    active.add(node)
    try:
        result = _compute(node)
    except RecursionError:
        _GUARDED[0] += 1
        result = None
    finally:
        active.discard(node)
    cache = context.kinds
    if len(cache) > 200_000:
        cache.clear()
    cache[node] = result
    return result


def _compute(node: nodes.NodeNG) -> Kind | None:
    if isinstance(node, nodes.Name):
        return _kind_of_name(node)
    if isinstance(node, nodes.Attribute):
        return _kind_of_attribute(node)
    if isinstance(node, nodes.Call):
        return _kind_of_call(node)
    if isinstance(node, nodes.Subscript):
        return _kind_of_subscript(node)
    if isinstance(node, nodes.Await):
        awaited = kind_of(node.value)
        if awaited is not None and awaited.name == api.COROUTINE:
            return awaited.result
        return None
    if isinstance(node, nodes.NamedExpr):
        return kind_of(node.value)
    if isinstance(node, nodes.BinOp):
        return _kind_of_operation(node)
    if isinstance(node, (nodes.List, nodes.Tuple, nodes.Set)):
        return _sequence_of([kind_of(element) for element in node.elts])
    if isinstance(node, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
        element = kind_of(node.elt)
        if element is not None and element.name in INSTANCE_LIKE and isinstance(node.elt, nodes.Name) \
                and any(isinstance(c.target, nodes.AssignName) and c.target.name == node.elt.name
                        for c in node.generators):
            return Kind(SEQUENCE, result=element)  # ``[a for a in agents if ...]``: the instances themselves
        return _sequence_of([element])
    return None


def _kind_of_operation(node: nodes.BinOp) -> Kind | None:
    """``Path(__file__).parent / "static"`` (``api.DERIVED_KINDS``); ``settings.BASE_DIR / "x"`` too: a
    setting that ``/`` joins with a string is a path (a ``str`` setting would raise ``TypeError``)."""
    left = kind_of(node.left)
    if left is None and isinstance(node.left, nodes.Attribute) and node.op == "/" \
            and (qualified_name(node.left) or "").startswith("django.conf.settings.") \
            and isinstance(node.right, (nodes.Const, nodes.JoinedStr)) and isinstance(getattr(node.right, "value", ""), str):
        return Kind(api.PATH)
    derived = api.DERIVED_KINDS.get((left.name, node.op)) if left is not None else None
    return Kind(derived) if derived is not None else None


def _sequence_of(kinds: list[Kind | None]) -> Kind | None:
    """A literal of project objects or classes (``[IsOwner, IsStaff]``): what iterating it yields."""
    if not kinds or any(k is None or k.name != kinds[0].name for k in kinds):
        return None
    if kinds[0].name == FACTORY:  # library classes (``[DjangoFilterBackend]``): instances of one kind
        results = {k.result.name if k.result is not None else None for k in kinds}
        return Kind(SEQUENCE, result=kinds[0]) if len(results) == 1 and None not in results else None
    if kinds[0].name not in (PROJECT_CLASS, PROJECT_OBJECT, SEQUENCE) or len({k.custom for k in kinds}) > 1:
        return None  # elements of several project classes: which method runs is not one answer
    return Kind(SEQUENCE, result=kinds[0])


# --- names ---------------------------------------------------------------------------------------
def _kind_of_name(node: nodes.Name) -> Kind | None:
    found = bindings(node)
    if not found or _in_duck_typing_fallback(node) or _narrowed_to_builtin(node):
        return None
    kinds = [_kind_of_binding(binding, node) for binding in found]
    if len(kinds) > 1:  # ``client = Client(...)`` or ``client = None``: a call on it runs on the library client
        clients = [kind for kind, binding in zip(kinds, found) if not _assigned_none(binding)]
        if clients and clients[0] is not None and clients[0].name in api.CLIENT_KINDS:
            kinds = clients
    first = kinds[0]
    if first is None:
        return None
    for other in kinds[1:]:
        if other is None or other.name != first.name:
            return None
    return first


def _assigned_none(binding: nodes.NodeNG) -> bool:
    return isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.Assign) and isinstance(
        binding.parent.value, nodes.Const) and binding.parent.value.value is None


def _in_duck_typing_fallback(node: nodes.Name) -> bool:
    """``try: qs.all().count() except AttributeError: len(qs)``: the handler is for non-QuerySets."""
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, (nodes.FunctionDef, nodes.Lambda, nodes.Module)):
        if isinstance(parent, nodes.ExceptHandler) and child is not parent.type:
            caught = parent.type.elts if isinstance(parent.type, nodes.Tuple) else [parent.type]
            if any(isinstance(c, nodes.Name) and c.name in ("AttributeError", "TypeError") for c in caught):
                try_node = parent.parent
                if isinstance(try_node, nodes.Try) and any(
                    isinstance(attribute.expr, nodes.Name) and attribute.expr.name == node.name
                    for statement in try_node.body for attribute in statement.nodes_of_class(nodes.Attribute)
                ):
                    return True
        child, parent = parent, parent.parent
    return False


# Builtin types no Django value is an instance of: a name narrowed to one of them is not the Django kind
# its annotation or binding says.
_BUILTIN_CONTAINERS = frozenset({"list", "tuple", "dict", "set", "frozenset", "str", "bytes", "int", "float",
                                 "bool"})


def _narrowed_to_builtin(node: nodes.Name) -> bool:
    """``if isinstance(qs, list): return len(qs)``: in the body of an ``if`` (or conditional expression)
    whose test is ``isinstance(<this name>, <builtin type or tuple of them>)`` (alone or as an operand of
    an ``and``), and in the operands of an ``and`` after such a test, the name holds a list/tuple/dict...,
    never a QuerySet, manager or model instance. Not when the body rebinds the name, nor when the builtin's
    name is shadowed."""
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, (nodes.FunctionDef, nodes.Lambda, nodes.Module)):
        if isinstance(parent, (nodes.If, nodes.IfExp)):
            body = parent.body if isinstance(parent, nodes.If) else [parent.body]
            if child in body and _isinstance_of_builtin(parent.test, node.name) and not any(
                    target.name == node.name for statement in body
                    for target in statement.nodes_of_class(nodes.AssignName)):
                return True
        elif isinstance(parent, nodes.BoolOp) and parent.op == "and" and child in parent.values:
            # ``isinstance(qs, list) and len(qs) > 0``: the operands after the test see the list
            if any(_isinstance_of_builtin(value, node.name) for value in parent.values[:parent.values.index(child)]):
                return True
        child, parent = parent, parent.parent
    return False


def _isinstance_of_builtin(test: nodes.NodeNG, name: str) -> bool:
    if isinstance(test, nodes.BoolOp) and test.op == "and":
        return any(_isinstance_of_builtin(value, name) for value in test.values)
    if not (isinstance(test, nodes.Call) and isinstance(test.func, nodes.Name) and test.func.name == "isinstance"
            and len(test.args) == 2 and not test.keywords
            and isinstance(test.args[0], nodes.Name) and test.args[0].name == name):
        return False
    types = test.args[1].elts if isinstance(test.args[1], nodes.Tuple) else [test.args[1]]
    return bool(types) and all(isinstance(t, nodes.Name) and t.name in _BUILTIN_CONTAINERS and _is_builtin(t)
                               for t in types)


def _is_builtin(name: nodes.Name) -> bool:
    """The name resolves to the builtins module (no project assignment or import shadows it)."""
    try:
        scope, assigned = name.lookup(name.name)
    except Exception:  # noqa: BLE001 - astroid's lookup on a broken tree: not known, so not builtin
        return False
    return isinstance(scope, nodes.Module) and scope.name == "builtins"


def _kind_of_binding(binding: nodes.NodeNG, use: nodes.Name) -> Kind | None:
    if isinstance(binding, nodes.Arguments):  # ``**kwargs`` of a function a call is followed into
        bound = current().bound
        return bound[-1].get(binding) if bound and use.name == binding.kwarg else None
    if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
        qualified = qualified_name(use)
        return _kind_of_qualified(qualified, use) if qualified else None
    return _kind_of_definition(binding)


def _kind_of_definition(found: nodes.NodeNG | None) -> Kind | None:
    """What a class, function or assigned name defined in the project is."""
    if isinstance(found, nodes.ClassDef):
        return _kind_of_class_reference(found)
    if isinstance(found, nodes.FunctionDef):
        return Kind(api.TASK) if has_decorator(found, api.TASK_DECORATORS) else _decorated_kind(found)
    if isinstance(found, nodes.AssignName):
        return _kind_of_assign_name(found)
    return None


def _decorated_kind(function: nodes.FunctionDef) -> Kind | None:
    """A library object made by a decorator: ``@shared_task``, ``@app.task(...)``, ``@dramatiq.actor``."""
    for decorator in function.decorators.nodes if function.decorators else ():
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        kind = api.DECORATOR_KINDS.get(called_name(decorator) or "")
        if kind is None and isinstance(target, nodes.Attribute):
            owner = kind_of(target.expr)
            kind = api.DECORATOR_METHOD_KINDS.get((owner.name, target.attrname)) if owner is not None else None
        if kind is not None:
            return Kind(kind)
    return None


def _kind_of_assign_name(target: nodes.AssignName) -> Kind | None:
    parent = target.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
        if parent.value is None:  # ``x: Book`` without a value
            return _kind_of_annotation(parent.annotation) if isinstance(parent, nodes.AnnAssign) else None
        if isinstance(parent, nodes.AnnAssign) and isinstance(parent.value, nodes.Dict) and not parent.value.items:
            # ``tournaments: dict[int, Tournament] = {}``: what it holds is what the annotation says
            return _kind_of_annotation(parent.annotation)
        if isinstance(parent, nodes.AnnAssign) or target in parent.targets:
            if isinstance(parent.value, nodes.List) and not parent.value.elts and isinstance(parent, nodes.Assign):
                return _appended(target)  # ``pending = []`` then ``pending.append(dc)``
            if isinstance(parent.value, (nodes.Name, nodes.Attribute)):
                stored = called_function(parent.value)  # ``check = can_publish``: called later
                if is_plain_coroutine_function(stored):
                    return Kind(FACTORY, result=_returned_kind(stored, None))
            value = kind_of(parent.value)
            if value is None and isinstance(parent, nodes.AnnAssign) and isinstance(parent.value, nodes.Await):
                # ``result: GameResult = await game.finish()``: an awaited result asynclint cannot follow, typed
                # by the author's own annotation, trusted as a parameter's is (only an awaited value: a
                # ``getattr(...)`` or a lookup may hold what a prefetch already loaded)
                return _assumed_instance(_kind_of_annotation(parent.annotation))
            return value
        return None
    if isinstance(parent, (nodes.Tuple, nodes.List)) and isinstance(parent.parent, nodes.Assign):
        # ``book, created = Book.objects.get_or_create(...)``
        value = kind_of(parent.parent.value)
        if value is not None and value.name == api.INSTANCE_TUPLE and parent.elts and parent.elts[0] is target:
            return value.but(name=api.INSTANCE)
        return _unpacked_returned_element(parent, target) if value is None else None
    if isinstance(parent, nodes.Arguments):
        return _kind_of_parameter(target, parent)
    if isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.target is target:
        return element_kind(kind_of(parent.iter))
    if isinstance(parent, nodes.NamedExpr):
        return kind_of(parent.value)
    if isinstance(parent, nodes.With):  # ``with requests.Session() as s``: clients enter as themselves
        for manager, alias in parent.items:
            if alias is target:
                entered = kind_of(manager)
                if entered is not None and entered.name in api.SELF_ENTERING_KINDS:
                    return entered
                if _enters_as_itself(entered):
                    return entered
                return _yielded_object(manager)
    return None


def _unpacked_returned_element(targets: nodes.Tuple | nodes.List, target: nodes.AssignName) -> Kind | None:
    """``workflow_id, step = await load_step(pk)``: a project function (awaited when it is a coroutine
    function or runs in a thread by its ``sync_to_async`` decorator, called when it is a plain ``def``)
    whose every ``return`` is a tuple literal of as many items, the item at the target's place of the
    same model instance or QuerySet kind in each (``return (step.workflow_id, step)`` after ``step =
    Step.objects.get(...)``)."""
    value = targets.parent.value
    awaited = isinstance(value, nodes.Await)
    call = value.value if awaited else value
    if not isinstance(call, nodes.Call) or any(isinstance(elt, nodes.Starred) for elt in targets.elts):
        return None
    function = called_function(call.func)
    if function is None or not is_project_file(function.root().file) or function.is_generator():
        return None
    runs_async = isinstance(function, nodes.AsyncFunctionDef) or is_adapter_decorated(function)
    if awaited != runs_async:
        return None
    index = targets.elts.index(target)
    returns = [statement.value for statement in function.nodes_of_class(nodes.Return, skip_klass=(
        nodes.FunctionDef, nodes.Lambda, nodes.ClassDef))]
    if not returns or not all(isinstance(item, nodes.Tuple) and len(item.elts) == len(targets.elts)
                              for item in returns):
        return None
    kinds = [kind_of(item.elts[index]) for item in returns]
    first = kinds[0]
    if first is None or first.name not in INSTANCE_LIKE | QUERYSET_LIKE or any(
            kind is None or (kind.name, kind.model, kind.user) != (first.name, first.model, first.user)
            for kind in kinds):
        return None
    return first


def _appended(target: nodes.AssignName) -> Kind | None:
    """``pending = []`` that its function only fills with ``pending.append(x)`` and reads (iterates,
    indexes, tests, returns): a sequence of what the appended values agree on (a project object or a
    model instance). Any other use that may change it (passed to a call, extended, bound again)
    makes it unknown."""
    frame = target.frame()
    if any(other is not target and other.name == target.name for other in frame.nodes_of_class(nodes.AssignName)):
        return None
    appended = []
    for use in frame.nodes_of_class(nodes.Name):
        if use.name != target.name:
            continue
        parent = use.parent
        if isinstance(parent, nodes.Attribute) and parent.attrname == "append" and isinstance(parent.parent, nodes.Call) \
                and parent.parent.func is parent and len(parent.parent.args) == 1 and not parent.parent.keywords:
            appended.append(kind_of(parent.parent.args[0]))
        elif not (isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.iter is use
                  or isinstance(parent, (nodes.If, nodes.While, nodes.IfExp)) and parent.test is use
                  or isinstance(parent, (nodes.Return, nodes.UnaryOp, nodes.BoolOp))
                  or isinstance(parent, nodes.Subscript) and parent.value is use
                  or isinstance(parent, nodes.Call) and isinstance(parent.func, nodes.Name)
                  and parent.func.name in ("len", "bool")):
            return None
    if not appended or any(kind is None for kind in appended):
        return None
    first = appended[0]
    if first.name != PROJECT_OBJECT and first.name not in INSTANCE_LIKE or any(
            (kind.name, kind.custom, kind.model, kind.user) != (first.name, first.custom, first.model, first.user)
            for kind in appended):
        return None
    if len(set(appended)) > 1:  # what they all carry, no more (fields loaded, relations selected: unknown)
        first = Kind(first.name, model=first.model, custom=first.custom, user=first.user,
                     exact=all(kind.exact for kind in appended),
                     attributes=tuple(pair for pair in first.attributes if all(pair in k.attributes for k in appended)))
    return Kind(SEQUENCE, result=first)


def _enters_as_itself(entered: Kind | None) -> bool:
    """``with ProgressReport(...) as pb``: a model instance or project object whose class's own
    ``__enter__`` (the project's, inherited too) returns ``self`` on every path."""
    if entered is None:
        return False
    if entered.name in INSTANCE_LIKE:
        cls = entered.model
    elif entered.name in OBJECT_LIKE:
        cls = entered.custom
    else:
        return False
    enter = find_method(cls, "__enter__") if cls is not None else None
    if enter is None or isinstance(enter, nodes.AsyncFunctionDef) or not is_project_file(enter.root().file):
        return False
    positional = [*(enter.args.posonlyargs or []), *(enter.args.args or [])]
    if not positional:
        return False
    returns = list(enter.nodes_of_class(nodes.Return, skip_klass=(nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)))
    return bool(returns) and all(isinstance(r.value, nodes.Name) and r.value.name == positional[0].name
                                 for r in returns)


def _yielded_object(manager: nodes.NodeNG) -> Kind | None:
    """``with self._prep_run(request) as ctx``: the project object a ``@contextmanager`` yields."""
    if not isinstance(manager, nodes.Call):
        return None
    function = called_function(manager.func)
    if function is None or not has_decorator(function, api.CONTEXT_MANAGER_DECORATORS):
        return None
    kinds = [kind_of(y.value) for y in function.nodes_of_class(nodes.Yield, skip_klass=(nodes.FunctionDef,
                                                                                          nodes.Lambda))
             if y.value is not None]
    if not kinds or any(k is None or k.name != PROJECT_OBJECT or k.custom is not kinds[0].custom for k in kinds):
        return None
    return kinds[0]


def element_kind(iterated: Kind | None) -> Kind | None:
    """What iterating (``for``/``async for``) over a value of this kind yields."""
    if iterated is None:
        return None
    if iterated.name == SEQUENCE:
        return iterated.result
    if iterated.name == api.QUERYSET and not iterated.rows:
        return Kind(api.USER if iterated.user else api.INSTANCE, model=iterated.model, user=iterated.user,
                    only=iterated.only, deferred=iterated.deferred, related=iterated.related)
    if iterated.name == api.ASYNC_ITERATOR and iterated.api is not None and not iterated.rows:
        return Kind(api.INSTANCE, model=iterated.model, user=iterated.user, only=iterated.only,
                    deferred=iterated.deferred, related=iterated.related)
    return None


def _kind_of_parameter(target: nodes.AssignName, arguments: nodes.Arguments) -> Kind | None:
    bound = current().bound
    if bound and target in bound[-1]:
        return bound[-1][target]
    annotation = _annotation_of(target, arguments)
    if annotation is not None:
        annotated = _assumed_instance(_kind_of_annotation(annotation))
        if annotated is not None or target.name != "request":
            return annotated
        if _is_foreign_annotation(annotation):
            return Kind(FOREIGN_REQUEST)
    function = arguments.parent
    if not isinstance(function, nodes.FunctionDef):
        return None
    positional = [*(arguments.posonlyargs or []), *(arguments.args or [])]
    if positional and positional[0] is target and isinstance(function.parent, nodes.ClassDef):
        owner = function.parent
        if function.type == "method":
            return _kind_of_class_reference(owner, instance=True)
        if function.type == "classmethod":  # ``cls`` may be any subclass
            reference = _kind_of_class_reference(owner)
            return reference.but(exact=False) if reference is not None else None
    if target.name == "request":
        return Kind(api.REQUEST)
    if _is_asgi_scope(target, positional, function):
        return Kind(CONSUMER_SCOPE)
    return _kind_of_handler_parameter(target, positional, function) or _kind_of_receiver_instance(target, function) \
        or _kind_from_docstring(target, function) or _kind_from_callers(target, function) \
        or _kind_from_method_callers(target, function)


def _kind_of_receiver_instance(target: nodes.AssignName, function: nodes.FunctionDef) -> Kind | None:
    """``instance`` of ``@receiver(post_save, sender=Article) def notify(sender, instance, **kwargs)``: a
    model signal that passes the object as ``instance`` (``api.INSTANCE_SIGNALS``; every signal the
    decorator names must be one) sends an instance of its ``sender=`` model class."""
    if target.name != "instance" or function.decorators is None:
        return None
    for decorator in function.decorators.nodes:
        if not isinstance(decorator, nodes.Call) or called_name(decorator) not in api.RECEIVER_DECORATORS \
                or not decorator.args:
            continue
        signals = decorator.args[0].elts if isinstance(decorator.args[0], (nodes.List, nodes.Tuple)) \
            else [decorator.args[0]]
        sender = next((keyword.value for keyword in decorator.keywords or () if keyword.arg == "sender"), None)
        if sender is None or not signals or any(
                qualified_name(signal) not in api.INSTANCE_SIGNALS for signal in signals):
            continue
        model = kind_of(sender)
        if model is not None and model.name == api.MODEL_CLASS:
            return _assumed_instance(_instance_of(model))
    return None


def _is_asgi_scope(target: nodes.AssignName, positional: list, function: nodes.FunctionDef) -> bool:
    """``scope`` of an ASGI application or middleware (``async def __call__(self, scope, receive, send)``):
    a ``"user"`` there was put by Channels' AuthMiddleware, which resolves it before calling on."""
    names = [param.name for param in positional]
    return isinstance(function, nodes.AsyncFunctionDef) and names[-3:] == ["scope", "receive", "send"] \
        and target is positional[-3]


def _kind_of_handler_parameter(target: nodes.AssignName, positional: list, function: nodes.FunctionDef) -> Kind | None:
    """``context`` of ``async def Method(self, request, context)`` in a gRPC project's module: the
    handler signature a library calls (``api.HANDLER_PARAMETER_KINDS``)."""
    if not isinstance(function, nodes.AsyncFunctionDef) or target not in positional:
        return None
    decorated = _decorated_handler_parameter(target, positional, function)
    if decorated is not None:
        return decorated
    index = positional.index(target)
    known = api.HANDLER_PARAMETER_KINDS.get((positional[index - 1].name, target.name)) if index else None
    if known is None or not _imports_package_named(function.root(), known[1]):
        return None
    return Kind(known[0])


def _decorated_handler_parameter(target: nodes.AssignName, positional: list,
                                 function: nodes.FunctionDef) -> Kind | None:
    """``ctx`` of ``@commands.slash_command() async def hello(self, ctx)``, ``message`` of
    ``@commands.Cog.listener() async def on_message(self, message)``: the object the library passes a
    command or an event handler (``api.HANDLER_DECORATOR_KINDS``, ``api.EVENT_PARAMETER_KINDS``)."""
    if function.decorators is None:
        return None
    handler = positional[1:] if isinstance(function.parent, nodes.ClassDef) and function.type == "method" \
        else positional
    if target not in handler:
        return None
    for decorator in function.decorators.nodes:
        func = decorator.func if isinstance(decorator, nodes.Call) else decorator
        qualified = called_name(decorator) or ""
        owner = kind_of(func.expr) if isinstance(func, nodes.Attribute) and qualified not in \
            api.HANDLER_DECORATOR_KINDS and qualified not in api.EVENT_DECORATORS else None
        method = (owner.name, func.attrname) if owner is not None else None
        kinds = api.HANDLER_DECORATOR_KINDS.get(qualified) or api.HANDLER_DECORATOR_METHOD_KINDS.get(method)
        if kinds is None and (qualified in api.EVENT_DECORATORS or method in api.EVENT_DECORATOR_METHODS):
            named = decorator.args[0] if isinstance(decorator, nodes.Call) and decorator.args else None
            event = named.value if isinstance(named, nodes.Const) and isinstance(named.value, str) else function.name
            kinds = api.EVENT_PARAMETER_KINDS.get(event)
        if kinds is not None:
            index = handler.index(target)
            return Kind(kinds[index]) if index < len(kinds) and kinds[index] is not None else None
    return None


def _imports_package_named(module: nodes.Module, fragment: str) -> bool:
    """Whether a top-level import of ``module`` names a package whose name contains ``fragment``."""
    for node in module.body:
        if isinstance(node, nodes.Import):
            names = [name for name, _alias in node.names]
        elif isinstance(node, nodes.ImportFrom):
            names = [node.modname or ""]
        else:
            continue
        if any(fragment in name.split(".", 1)[0] for name in names):
            return True
    return False


_GOOGLE_ARGUMENT = re.compile(r"^\s*(\w+)\s*\(\s*([\w.]+)\s*(?:,\s*optional\s*)?\)\s*:")
_SPHINX_TYPE = re.compile(r"^\s*:type\s+(\w+)\s*:\s*([\w.]+)\s*$")


def _kind_from_docstring(target: nodes.AssignName, function: nodes.FunctionDef) -> Kind | None:
    """``publication (Publication): ...`` in a Google-style ``Args:`` section, or ``:type publication:
    Publication``: the documented class, looked up where the function is defined. Only a model
    instance or a QuerySet counts; a name that does not resolve is unknown."""
    doc = function.doc_node
    if doc is None or not isinstance(doc.value, str):
        return None
    for line in doc.value.splitlines():
        match = _GOOGLE_ARGUMENT.match(line) or _SPHINX_TYPE.match(line)
        if match and match.group(1) == target.name:
            found = _kind_of_string_annotation(match.group(2), doc)
            if found is not None and (found.name in INSTANCE_LIKE or found.name in QUERYSET_LIKE):
                return found
            return None
    return None


def _kind_from_callers(target: nodes.AssignName, function: nodes.FunctionDef) -> Kind | None:
    """``async def _repair(content_artifact)``, called only as ``_repair(ca)`` for rows ``ca`` of a
    QuerySet: a module-private function (``_name``, module level) that its module only calls (never
    passes on or exports), every call passing this parameter a value of the same ORM kind or library
    client. A public function (``moderate(text, client)``, called with the consumer's sync OpenAI client)
    counts for a library client only, when no other project file names it (it may be imported there)."""
    if not isinstance(function.parent, nodes.Module) or function.name.startswith("__"):
        return None
    calls = _only_calls_of(function)
    found = argument_kinds(function).get(target.name, []) if calls else []
    if not calls or len(found) != len(calls) or {id(call) for call, _kind in found} != {id(c) for c in calls}:
        return None  # a call leaves it at its default, or passes it twice
    agreed = _agreed_argument([kind for _call, kind in found])
    if agreed is None or function.name.startswith("_"):
        return agreed
    # A public function: a library client when no other project file (tests too) names it; an ORM value
    # (``fetch_step(workflow_id, step, now)`` handed the instance its module loaded) when only the
    # project's test modules name it elsewhere: what a test passes does not change what production passes.
    if not function.root().file:
        return None
    from asynclint.core.lazy import _other_files_naming  # noqa: PLC0415, PLC2701 (lazy imports this module)

    root = _project_root(os.path.dirname(os.path.abspath(function.root().file)))
    if agreed.name in api.CLIENT_KINDS:
        return None if _other_files_naming(function, root) else agreed
    if agreed.name not in INSTANCE_LIKE | QUERYSET_LIKE:
        return None
    return None if any(not is_test_module(other) for other in _other_files_naming(function, root)) else agreed


def _agreed_argument(kinds: list[Kind | None]) -> Kind | None:
    """The ORM kind (QuerySet, manager, model instance or class) or the library client (``api.CLIENT_KINDS``:
    an OpenAI client, a sync stream...) every call passes, or None."""
    first = kinds[0] if kinds else None
    if first is None or first.name not in QUERYSET_LIKE | INSTANCE_LIKE | {api.MODEL_CLASS} | api.CLIENT_KINDS \
            or any(kind is None or kind.name != first.name for kind in kinds):
        return None
    models = {kind.model for kind in kinds}
    return first if len(set(kinds)) == 1 else Kind(first.name, model=models.pop() if len(models) == 1 else None,
                                                  user=all(kind.user for kind in kinds))


def _kind_from_method_callers(target: nodes.AssignName, function: nodes.FunctionDef) -> Kind | None:
    """``tag`` of ``async def dispatch_tag(self, request, tag)``: the ORM kind every call of the method
    in the project passes (``self.dispatch_tag(request, tag)``), looked for in the class's module and
    the files naming the class (where its objects are built, typed or subclassed). Unknown when the
    method's name is used otherwise (a callback), on a receiver of unknown class, or a call leaves
    the parameter out."""
    cls = function.parent
    if not isinstance(cls, nodes.ClassDef) or function.type != "method" or function.name.startswith("__") \
            or not is_project_file(cls.root().file) or not cls.name[:1].isupper():
        return None
    memo = current().callers
    key = ("calls", function)
    if key in _ASKING:
        _GUARDED[0] += 1  # answered by the cycle guard below: not an answer of the callers alone
    if key not in memo:
        memo[key] = {}  # cycle guard
        _ASKING.add(key)
        try:
            memo[key] = _method_call_arguments(cls, function)
        finally:
            _ASKING.discard(key)
    found = memo[key]
    return _agreed_argument(found[target.name]) if found and target.name in found else None


def _method_call_arguments(cls: nodes.ClassDef, function: nodes.FunctionDef) -> dict[str, list[Kind | None]] | None:
    calls = method_calls(cls, function)
    if not calls:
        return None
    found: dict[str, list[Kind | None]] = {}
    for call in calls:
        bound = {param.name: kind for param, kind in _bind_arguments(function, call).items()}
        for param in [*(function.args.posonlyargs or []), *(function.args.args or [])][1:]:
            found.setdefault(param.name, []).append(bound.get(param.name))
    return found


def method_calls(cls: nodes.ClassDef, function: nodes.FunctionDef) -> list[nodes.Call] | None:
    """The project's calls ``<receiver>.<name>(...)`` that run the method ``function`` of ``cls``, looked
    for in the class's module and the files naming the class (test modules aside); None when a use there
    is not such a call (a callback, a receiver of unknown class)."""
    calls = []
    summaries = current().caller_summaries
    wanted = _method_key(function)
    own = os.path.abspath(cls.root().file or "")
    for path in dict.fromkeys(os.path.abspath(path) for path in
                              _parsed_first([cls.root().file or "", *_files_mentioning(cls)]) if path):
        if path != own and not mentions(path, function.name):
            continue  # (as ``_modules_at``) a file that cannot use the method is read, not parsed
        key = (path, function.name)
        if key in summaries:
            summary = summaries[key]
            if summary is None:
                return None
            if wanted not in summary:
                continue  # every use there calls another method: its tree is not needed
        if path == own:
            module = cls.root()
        else:
            try:
                from astroid import MANAGER

                module = MANAGER.ast_from_file(path)
            except Exception:  # noqa: BLE001 - unreadable or unparsable: not part of the index
                continue
        guarded = _GUARDED[0]
        found = _method_uses(module, function.name)
        if key not in summaries and _GUARDED[0] == guarded:
            summaries[key] = None if found is None else tuple(_method_key(method) for _call, method in found)
        if found is None:
            return None
        calls.extend(call for call, method in found if method is function)
    return calls


#: How many answers the recursion and cycle guards gave (``kind_of``'s nodes in progress or too deep,
#: a method's callers asked while asked): a caller summary computed meanwhile is not kept for the run.
_GUARDED = [0]
_ASKING: set = set()


def _method_uses(module: nodes.Module, name: str) -> list[tuple[nodes.Call, nodes.FunctionDef | None]] | None:
    """Each ``<receiver>.<name>(...)`` call in ``module`` with the project method it runs (None: not a
    project method), or None when a use settles any caller question about ``name`` as unknown (passed
    on rather than called, or a receiver of unknown class)."""
    used = [node for node in identifiers(module).get(name, ()) if isinstance(node, nodes.Attribute)]
    if not all(isinstance(node.parent, nodes.Call) and node.parent.func is node for node in used):
        return None  # passed on (a callback, a route): who calls it with what is not known
    found = []
    for node in used:
        receiver = kind_of(node.expr)
        if receiver is None or receiver.name not in OBJECT_LIKE and receiver.name != SUPER:
            return None
        found.append((node.parent, find_method_in_bases(receiver.custom, name) if receiver.name == SUPER
                      else find_method(receiver.custom, name)))
    return found


def _method_key(method: nodes.FunctionDef | None) -> tuple | None:
    """A method named without its tree (the caller summaries outlive the trees of a chunk)."""
    if method is None:
        return None
    root = method.root()
    return root.name, os.path.abspath(root.file) if root.file else None, method.lineno, method.col_offset, method.name


def _parsed_first(paths: list[str]) -> list[str]:
    """``paths``, the files astroid has already built first (in their order): a use that settles the
    answer there spares building the others."""
    from astroid import MANAGER

    built = {module.file for module in list(MANAGER.astroid_cache.values()) if module.file}
    return sorted(paths, key=lambda path: os.path.abspath(path) not in built)


def _only_calls_of(function: nodes.FunctionDef) -> list[nodes.Call]:
    """The calls of a module-level function in its module, or [] when the module uses its name
    otherwise (a callback, a re-export in ``__all__``, an alias) or exports it by a star import."""
    key = (function, "calls")
    cache = current().arguments
    if key in cache:
        return cache[key]
    cache[key] = []
    calls = []
    module = function.root()
    for name in module.nodes_of_class(nodes.Name):
        if name.name != function.name:
            continue
        if not (isinstance(name.parent, nodes.Call) and name is name.parent.func) or bindings(name) != [function]:
            return []
        calls.append(name.parent)
    if "__all__" in module.locals:
        return []
    cache[key] = calls
    return calls


#: Annotations that name no class of a framework (``Any``, ``Optional[...]`` members are looked at).
_UNDECIDED_ANNOTATION_ROOTS = frozenset({"typing", "typing_extensions", "builtins", "collections", "types"})


def _is_foreign_annotation(annotation: nodes.NodeNG) -> bool:
    """``request: fastapi.Request`` (``| None``, ``Optional[...]``, a string): every member names a
    class outside Django and the packages built on its request (``api.DJANGO_REQUEST_PACKAGES``).
    A name asynclint cannot resolve, or a project alias, decides nothing."""
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        members = [annotation.left, annotation.right]
    elif isinstance(annotation, nodes.Subscript) and qualified_name(annotation.value) in ("typing.Optional",
                                                                                          "typing.Union"):
        inner = annotation.slice
        members = list(inner.elts) if isinstance(inner, nodes.Tuple) else [inner]
    else:
        return _foreign_annotation_class(annotation)
    members = [m for m in members if not (isinstance(m, nodes.Const) and m.value is None)]
    return bool(members) and all(_is_foreign_annotation(member) for member in members)


def _foreign_annotation_class(annotation: nodes.NodeNG) -> bool:
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):  # ``"Request | None"``
        members = [member.strip() for member in annotation.value.split("|")]
        members = [member for member in members if member != "None"]
        return bool(members) and all(_foreign_class_named(member, annotation) for member in members)
    qualified = qualified_name(annotation) if isinstance(annotation, (nodes.Name, nodes.Attribute)) else None
    return _foreign_class(qualified, annotation)


def _foreign_class_named(dotted: str, context: nodes.NodeNG) -> bool:
    """A name written in a string annotation (``"starlette.requests.Request"``, ``"Request"``)."""
    first, _, rest = dotted.partition(".")
    if not first.isidentifier() or not all(part.isidentifier() for part in rest.split(".") if rest):
        return False
    found = context.scope().lookup(first)[1]
    if len(found) != 1 or not isinstance(found[0], (nodes.Import, nodes.ImportFrom)):
        return False
    qualified = imported_name(found[0], first)
    return _foreign_class(f"{qualified}.{rest}" if qualified and rest else qualified, context)


def _foreign_class(qualified: str | None, context: nodes.NodeNG) -> bool:
    if not qualified:
        return False
    root = qualified.split(".", 1)[0]
    if root in api.DJANGO_REQUEST_PACKAGES or root in _UNDECIDED_ANNOTATION_ROOTS:
        return False
    found = definition_of_qualified(qualified, context)
    return found is None or isinstance(found, nodes.ClassDef)  # an installed package's class, or not loadable


def _annotation_of(target: nodes.AssignName, arguments: nodes.Arguments) -> nodes.NodeNG | None:
    groups = (
        (arguments.posonlyargs, arguments.posonlyargs_annotations),
        (arguments.args, arguments.annotations),
        (arguments.kwonlyargs, arguments.kwonlyargs_annotations),
    )
    for names, annotations in groups:
        for name, annotation in zip(names or [], annotations or []):
            if name is target:
                return annotation
    return None


#: Wrappers whose (first) argument is the annotated type: ``ClassVar[Store]``, ``Final[Store]``...
_TRANSPARENT_ANNOTATIONS = frozenset({
    f"{module}.{name}" for module in ("typing", "typing_extensions")
    for name in ("ClassVar", "Final", "Annotated", "Required", "NotRequired", "ReadOnly")
})
_UNION_ANNOTATIONS = frozenset({f"{module}.{name}" for module in ("typing", "typing_extensions")
                                for name in ("Optional", "Union")})
_CLASS_ANNOTATIONS = frozenset({"typing.Type", "typing_extensions.Type", "builtins.type"})
_MAPPING_ANNOTATIONS = frozenset({"builtins.dict", "typing.Dict", "typing.Mapping", "typing.MutableMapping",
                                  "collections.abc.Mapping", "collections.abc.MutableMapping"})
_STRING_OPTIONAL = re.compile(r"^(?:typing\.)?Optional\[(.+)\]$")


def _kind_of_annotation(annotation: nodes.NodeNG | None) -> Kind | None:
    """``book: Book`` is an instance, ``qs: QuerySet[Book]`` a QuerySet, ``Book | None`` an instance,
    ``"Store"`` (a string, maybe of a ``TYPE_CHECKING`` import) a Store, ``ClassVar[Store]`` a Store,
    ``type[Store]`` the class Store or any subclass of it."""
    if annotation is None:
        return None
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
        return _kind_of_string_annotation(annotation.value, annotation)
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        return _agreed_annotation([annotation.left, annotation.right])
    if isinstance(annotation, nodes.Subscript):
        outer = kind_of(annotation.value)
        qualified = _annotation_name(annotation.value)
        inner = annotation.slice
        elements = inner.elts if isinstance(inner, nodes.Tuple) else [inner]
        if qualified in _UNION_ANNOTATIONS:
            return _agreed_annotation(elements)
        if qualified in _TRANSPARENT_ANNOTATIONS:
            return _kind_of_annotation(elements[0]) if elements else None
        if qualified in _CLASS_ANNOTATIONS:
            return _annotated_class(inner)
        if qualified in _MAPPING_ANNOTATIONS:
            value = _kind_of_annotation(elements[1]) if len(elements) == 2 else None
            return Kind(MAPPING, result=_assumed_instance(value)) if value is not None else None
        if outer is not None and outer.name in (QUERYSET_CLASS, MANAGER_CLASS):
            model = kind_of(annotation.slice)
            kind = _instance_of(outer)
            if kind is not None and model is not None and model.name == api.MODEL_CLASS:
                kind = kind.but(model=model.model, user=model.user)
            return kind
        return None
    return _instance_of(kind_of(annotation)) or _table_result_class(annotation)


def _table_result_class(annotation: nodes.NodeNG) -> Kind | None:
    """``executor: subprocess.Popen``: a class whose construction is a table row with a result kind (a
    started child process) annotates an object of that kind, wherever it was made."""
    if not isinstance(annotation, (nodes.Name, nodes.Attribute)):
        return None
    return _table_result(qualified_name(annotation))


def _table_result(qualified: str | None) -> Kind | None:
    """The object a table class makes (``subprocess.Popen``: a child process), by its qualified name."""
    row = api.lookup(api.FUNCTION, qualified) if qualified else None
    return Kind(row.returns) if row is not None and row.returns in api.BLOCKING_RESULT_KINDS else None


def _assumed_instance(kind: Kind | None) -> Kind | None:
    """A user known from an annotation (``user: User`` of the project's user model): the user that
    authentication loads (``request.user``, a consumer's ``scope["user"]``) comes from a plain query by
    pk, so its relations are not loaded unless the code that passes it reloaded it (``assumed``: a
    read of one is *possible*). Other models' annotated instances stay not known: the code that loads
    them often selects what its callees read (khoj's conversations prefetch their agent)."""
    if kind is not None and kind.name in INSTANCE_LIKE and kind.user and kind.model is not None \
            and kind.related is None:
        return kind.but(assumed=True)
    return kind


def _annotation_name(node: nodes.NodeNG) -> str:
    """The qualified name of an annotation's outer name; the builtin ``type`` even when unbound."""
    qualified = qualified_name(node) or ""
    if not qualified and isinstance(node, nodes.Name) and node.name == "type" and not bindings(node):
        return "builtins.type"
    return qualified


def _annotated_class(inner: nodes.NodeNG) -> Kind | None:
    """``type[Store]``: a project class (never known exactly: any subclass may be passed);
    ``Type[models.Model]``, ``type[Book]``: a model class (which one may not be known: its managers
    query all the same)."""
    reference = _kind_of_string_annotation(inner.value, inner, instance=False) \
        if isinstance(inner, nodes.Const) and isinstance(inner.value, str) else kind_of(inner)
    if reference is not None and reference.name == api.MODEL_CLASS:
        return reference
    if reference is None or reference.name != PROJECT_CLASS:
        return None
    return reference.but(exact=False)


def _kind_of_string_annotation(text: str, annotation: nodes.NodeNG, instance: bool = True) -> Kind | None:
    """``"Store"``, ``"app.store.Store"``, ``"Store | None"``, ``"Optional[Store]"``: looked up from
    where the annotation is written (a ``TYPE_CHECKING`` import counts); anything else is unknown."""
    text = text.strip()
    optional = _STRING_OPTIONAL.match(text)
    if optional:
        text = optional.group(1)
    members = [member.strip() for member in text.split("|") if member.strip() != "None"]
    if len(members) != 1:
        return None
    parts = members[0].split(".")
    if not all(part.isidentifier() for part in parts):
        return None
    found = annotation.scope().lookup(parts[0])[1]
    if len(found) != 1:
        return None
    qualified = imported_name(found[0], parts[0]) if isinstance(found[0], (nodes.Import, nodes.ImportFrom)) else None
    if len(parts) == 1:
        reference = _kind_of_reference_binding(found[0], parts[0], annotation)
    elif qualified:  # ``"models.Store"`` after ``import``
        qualified = ".".join([qualified, *parts[1:]])
        reference = _kind_of_qualified(qualified, annotation)
    else:
        return None
    if not instance:
        return reference
    result = _instance_of(reference)
    return result or _table_result(qualified)  # ``"Popen | None"``: a table class with a result kind


def _agreed_annotation(members: list[nodes.NodeNG]) -> Kind | None:
    """``Book | None`` is a Book; every member but None must agree. ``Union[List[Book], QuerySet[Book]]``
    is a ``MAYBE_QUERYSET`` (only evaluating it is reported, as possible); anything else is unknown."""
    members = [member for member in members if not (isinstance(member, nodes.Const) and member.value is None)]
    kinds = [_kind_of_annotation(member) for member in members]
    if not kinds:
        return None
    if any(kind is None or kind.name != kinds[0].name for kind in kinds):
        querysets = [kind for kind in kinds if kind is not None and kind.name == api.QUERYSET]
        if len(querysets) == 1 and all(kind is querysets[0] or _is_sequence_annotation(member)
                                       for member, kind in zip(members, kinds)):
            return querysets[0].but(name=MAYBE_QUERYSET)
        return None
    return kinds[0]


_SEQUENCE_ANNOTATIONS = frozenset({
    "builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset",
    *(f"typing.{name}" for name in ("List", "Tuple", "Set", "FrozenSet", "Sequence", "Iterable", "Collection")),
    *(f"collections.abc.{name}" for name in ("Sequence", "Iterable", "Collection")),
})


def _is_sequence_annotation(member: nodes.NodeNG) -> bool:
    """``list``, ``List[Book]``, ``Sequence[Book]``, ``tuple[Book, ...]``: a plain collection."""
    outer = member.value if isinstance(member, nodes.Subscript) else member
    if not isinstance(outer, (nodes.Name, nodes.Attribute)):
        return False
    qualified = qualified_name(outer) or ""
    if not qualified and isinstance(outer, nodes.Name) and not bindings(outer):
        qualified = f"builtins.{outer.name}"
    return qualified in _SEQUENCE_ANNOTATIONS


def _kind_of_reference_binding(binding: nodes.NodeNG, name: str, context: nodes.NodeNG) -> Kind | None:
    if isinstance(binding, nodes.ClassDef):
        return _kind_of_class_reference(binding)
    if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
        qualified = imported_name(binding, name)
        return _kind_of_qualified(qualified, context) if qualified else None
    return None


def _instance_of(reference: Kind | None) -> Kind | None:
    """The kind of an instance of a class reference (``Book`` → a Book instance)."""
    if reference is None:
        return None
    if reference.name == api.MODEL_CLASS:
        return Kind(api.USER if reference.user else api.INSTANCE, model=reference.model, user=reference.user)
    if reference.name == MANAGER_CLASS:
        return Kind(api.USER_MANAGER if reference.user else api.MANAGER, custom=reference.custom,
                    user=reference.user, manager=reference.manager)
    if reference.name == QUERYSET_CLASS:
        return Kind(api.QUERYSET, custom=reference.custom)
    if reference.name == PAGINATOR_CLASS:
        return Kind(api.PAGINATOR)
    if reference.name == FACTORY:
        return reference.result
    if reference.name == TEST_CASE_CLASS:
        return Kind(TEST_CASE, custom=reference.custom)
    if reference.name == VIEW_CLASS:
        return Kind(VIEW, custom=reference.custom)
    if reference.name == PROJECT_CLASS:
        return Kind(PROJECT_OBJECT, custom=reference.custom)
    if reference.name == REQUEST_CLASS:
        return Kind(api.REQUEST)
    return None


# --- qualified names and classes -----------------------------------------------------------------
def _kind_of_qualified(qualified: str, context: nodes.NodeNG) -> Kind | None:
    if qualified in api.OBJECT_KINDS:
        return Kind(api.OBJECT_KINDS[qualified])
    if qualified in api.CALL_RESULT_KINDS:
        return Kind(FACTORY, result=Kind(api.CALL_RESULT_KINDS[qualified]))
    if qualified in api.TEST_CASE_CLASSES:
        return Kind(TEST_CASE_CLASS)
    if qualified in api.VIEW_HANDLERS:
        return Kind(VIEW_CLASS)
    if qualified in api.MODEL_BASES:
        return Kind(api.MODEL_CLASS, user=qualified in api.USER_MODELS)
    if qualified in api.MANAGER_CLASSES:
        return Kind(MANAGER_CLASS, user=qualified in api.USER_MANAGER_CLASSES)
    if qualified in api.QUERYSET_CLASSES:
        return Kind(QUERYSET_CLASS)
    if qualified in api.PAGINATOR_CLASSES:
        return Kind(PAGINATOR_CLASS)
    if qualified in api.REQUEST_CLASSES:
        return Kind(REQUEST_CLASS)
    if qualified in api.CONNECTION_HANDLERS:
        return Kind(CONNECTION_HANDLER)
    if qualified in api.CACHE_HANDLERS:
        return Kind(CACHE_HANDLER)
    return _kind_of_definition(definition_of_qualified(qualified, context))


def _kind_of_class_reference(cls: nodes.ClassDef, instance: bool = False) -> Kind | None:
    """A model class, a manager or QuerySet class (custom), a paginator class, or None."""
    classes = current().classes
    if cls not in classes:
        classes[cls] = None  # cycle guard
        classes[cls] = _classify(cls)
    reference = classes[cls]
    if reference is None:
        if not is_project_file(cls.root().file):
            return None
        reference = Kind(PROJECT_CLASS, custom=cls, exact=True)  # the class itself, named
    if reference.name == api.MODEL_CLASS:
        reference = reference.but(model=cls)
    elif reference.name in (MANAGER_CLASS, QUERYSET_CLASS) and reference.custom is None:
        reference = reference.but(custom=cls)
    return _instance_of(reference) if instance else reference


def _classify(cls: nodes.ClassDef) -> Kind | None:
    view = None
    for base in cls.bases:
        found = kind_of(base)
        if found is None:
            continue
        if found.name == api.MODEL_CLASS:
            return Kind(api.MODEL_CLASS, user=found.user or _declares_user_model(cls))
        if found.name == MANAGER_CLASS:
            # A subclass of a manager built with from_queryset keeps that QuerySet's methods too;
            # the class itself is the most specific place to look for custom methods.
            return Kind(MANAGER_CLASS, user=found.user, custom=cls)
        if found.name == QUERYSET_CLASS:
            return Kind(QUERYSET_CLASS, custom=cls)
        if found.name == PAGINATOR_CLASS:
            return Kind(found.name)
        if found.name == TEST_CASE_CLASS:
            return Kind(TEST_CASE_CLASS, custom=cls)
        if found.name == VIEW_CLASS:
            # A library view base later in the bases (``class V(APIView, GenericAPIView)``) is more
            # specific than a Django view: adrf's APIView reads as one only when adrf is installed.
            view = view or Kind(VIEW_CLASS, custom=cls)
            continue
        if found.name == FACTORY and found.result is not None and found.result.name in api.SUBCLASS_KINDS:
            return found.but(result=found.result.but(custom=cls))  # a library base (ModelSerializer...)
    if view is None and _model_over_unknown_base(cls):
        return Kind(api.MODEL_CLASS, user=_declares_user_model(cls))
    return view


def _model_over_unknown_base(cls: nodes.ClassDef) -> bool:
    """``class BaseModel(LifecycleModel)`` with ``pulp_id = models.UUIDField(...)``: a project class
    whose base chain reaches an imported class that cannot be loaded (a library not installed) and
    that (or a project class in between) declares Django model fields is a model. A class with a
    base that loads as anything else is decided by that base."""
    return is_project_file(cls.root().file) and _reaches_unknown_base(cls) and _declares_model_fields(cls)


def _reaches_unknown_base(cls: nodes.ClassDef, _depth: int = 0) -> bool:
    if _depth > 8:
        return False
    unknown = False
    for base in cls.bases:
        if not isinstance(base, (nodes.Name, nodes.Attribute)):
            return False
        found = definition_of(base)
        if found is None:
            if kind_of(base) is not None or not _imported(base):
                return False
            unknown = True
        elif not isinstance(found, nodes.ClassDef) or not is_project_file(found.root().file):
            return False
        elif _reaches_unknown_base(found, _depth + 1):
            unknown = True
        elif found.bases:
            return False  # a project base over loadable classes: it decides (a mixin over object aside)
    return unknown


def _imported(base: nodes.Name | nodes.Attribute) -> bool:
    root = base
    while isinstance(root, nodes.Attribute):
        root = root.expr
    return isinstance(root, nodes.Name) and any(isinstance(b, (nodes.Import, nodes.ImportFrom))
                                                for b in bindings(root))


def _declares_model_fields(cls: nodes.ClassDef, _depth: int = 0) -> bool:
    """A Django model field assigned in the body of ``cls`` or of one of its project bases."""
    for statement in cls.body:
        if isinstance(statement, (nodes.Assign, nodes.AnnAssign)) and isinstance(statement.value, nodes.Call) \
                and isinstance(statement.value.func, (nodes.Name, nodes.Attribute)):
            field = qualified_name(statement.value.func) or ""
            if field.startswith(api.MODEL_FIELD_MODULES) and field.endswith(api.MODEL_FIELD_SUFFIXES):
                return True
    if _depth > 8:
        return False
    for base in cls.bases:
        found = definition_of(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if isinstance(found, nodes.ClassDef) and is_project_file(found.root().file) \
                and _declares_model_fields(found, _depth + 1):
            return True
    return False


def _declares_user_model(cls: nodes.ClassDef) -> bool:
    return "USERNAME_FIELD" in cls.locals


# --- attributes ----------------------------------------------------------------------------------
def _kind_of_attribute(node: nodes.Attribute) -> Kind | None:
    base = kind_of(node.expr)
    if (base is None or base.name == PROJECT_OBJECT) and isinstance(node.expr, nodes.Name) and node.expr.name == "self":
        # (a project object too: without the library installed, its library base is not known as one)
        client = _client_on_self(node)
        if client is not None:
            return client
    if base is None or base.name == FACTORY:  # ``redis.Redis.from_url``: a class's factory method
        qualified = qualified_name(node)
        if base is not None and qualified not in api.CALL_RESULT_KINDS:
            return None
        found = _kind_of_qualified(qualified, node) if qualified else None
        return found if found is not None or base is not None else _unloaded_library_manager(node, qualified)
    name = node.attrname
    if base.name == api.MODEL_CLASS:
        return _model_class_attribute(base, name)
    if base.name in INSTANCE_LIKE:
        return _instance_attribute(base, name, node)
    if base.name in QUERYSET_LIKE and name == api.MODEL_CLASS_ATTRIBUTE:  # ``qs.model``
        return _model_class(base.model, base.user)
    if base.name == api.REQUEST:
        if name == "session":
            return Kind(api.SESSION)
        if name == "user":
            return Kind(api.USER, user=True)
        return None
    if base.name == TEST_CASE and name in api.TEST_CLIENT_ATTRIBUTES:
        assigned = assigned_on_self(base.custom, name)
        if assigned is not None:  # ``self.client = AsyncAPIClient()`` in setUp: whatever that is
            return kind_of(assigned)
        return Kind(api.TEST_CLIENT)
    if base.name == VIEW and name == "request":
        return Kind(api.REQUEST)
    if (base.name, name) in api.DERIVED_KINDS:  # ``path.parent``
        return Kind(api.DERIVED_KINDS[base.name, name])
    if base.name in api.ATTRIBUTE_KINDS:  # ``client.chat.completions``: a library namespace
        return Kind(api.ATTRIBUTE_KINDS[base.name])
    if base.name in OBJECT_LIKE and name == api.MODEL_CLASS_ATTRIBUTE \
            and has_library_base(base.custom, api.MODEL_ADMIN_BASES):  # a ModelAdmin's ``self.model``
        declared = _object_attribute(base.custom, name, base)
        return declared if declared is not None else Kind(api.MODEL_CLASS)
    if base.name in OBJECT_LIKE or base.name == PROJECT_CLASS:
        constructed = _constructed_attribute(base, node)
        return constructed if constructed is not None else _object_attribute(base.custom, name, base)
    if isinstance(node.expr, nodes.Name) and node.expr.name == "self" and _is_project_class(base.custom):
        # ``self.user`` in a project form (a library kind with the project's class): what the class assigns
        value = _self_assignments(base.custom).get(name)
        return kind_of(value) if value is not None else None
    return None


def _unloaded_library_manager(node: nodes.Attribute, qualified: str | None) -> Kind | None:
    """``EveCharacter.objects`` where ``EveCharacter`` is imported from a library's ``models`` module
    (``from allianceauth.eveonline.models import EveCharacter``) that cannot be loaded (the library is
    not installed where asynclint runs), in Django code (a module that imports Django or a package built on
    it, or one that lies in a Django project folder: a view module of django-ninja or DRF, a Channels
    consumer, may import nothing from ``django``): by Django's convention a ``models`` module holds
    model classes and ``objects`` is their default manager,
    so this is the manager of some model (which one is not known, so nothing model-specific is assumed).
    Elsewhere (a lone file, or a package that may use another ORM with ``objects``: mongoengine) silent."""
    if qualified is None or node.attrname not in api.DEFAULT_MANAGER_ATTRIBUTES \
            or not isinstance(node.expr, nodes.Name) or not _imported(node.expr):
        return None
    module = qualified.rsplit(".", 2)[0]
    if "models" not in module.split(".")[1:] or module.split(".")[0] == "django" \
            or load_module(module, node) is not None:
        return None
    if not _MODELS_CONVENTION[0] and not imports_django_package(node.root()) \
            and deployment.django_project_folder(node.root().file) is None:
        return None
    return Kind(api.MANAGER)


#: Why a finding made under ``assuming_models_convention`` is possible (formatted with the class name).
MODELS_CONVENTION_NOTE = ("{0} is taken for a Django model: it comes from a models module asynclint cannot load, "
                          "in a module that imports nothing from Django")
#: Why no fix is offered there: for another ORM's class the async form would be wrong.
MODELS_CONVENTION_UNFIXABLE = "{0} may not be a Django model (its models module is not loaded): check it first"
#: Set while ``assuming_models_convention`` answers: a class of an unloadable ``models`` module read
#: through ``objects`` is some model's manager even outside Django code.
_MODELS_CONVENTION = [False]


def unloaded_models_manager_chain(call: nodes.Call) -> str | None:
    """``Rota.objects.aget(...)``, ``Option.objects.filter(...).first()``: a call at the end of a chain of
    Django QuerySet methods on ``X.objects``, where ``X`` is imported from a ``models`` module asynclint
    cannot load (not Django's own). The class's name, or None. Only the syntax and the import are read:
    whether the manager is Django's is for ``assuming_models_convention`` to assume."""
    receiver = call.func.expr if isinstance(call.func, nodes.Attribute) else None
    while isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Attribute) \
            and receiver.func.attrname in api.LAZY_QUERYSET_METHODS:
        receiver = receiver.func.expr
    if not (isinstance(receiver, nodes.Attribute) and receiver.attrname in api.DEFAULT_MANAGER_ATTRIBUTES
            and isinstance(receiver.expr, nodes.Name) and _imported(receiver.expr)):
        return None
    qualified = qualified_name(receiver)
    if qualified is None:
        return None
    module = qualified.rsplit(".", 2)[0]
    if "models" not in module.split(".")[1:] or module.split(".")[0] == "django" \
            or load_module(module, receiver) is not None:
        return None
    return receiver.expr.name


@contextlib.contextmanager
def assuming_models_convention() -> Iterator[None]:
    """Answer kinds as if every class of an unloadable ``models`` module read through ``objects`` were a
    Django model, in any module (by Django's convention; another ORM's class could look the same, so
    what is found under this assumption is a *possible* finding). A separate, dropped cache."""
    context = current()
    saved, context.kinds = context.kinds, {}
    _MODELS_CONVENTION[0] = True
    try:
        yield
    finally:
        _MODELS_CONVENTION[0] = False
        context.kinds = saved


def imports_django_package(module: nodes.Module) -> bool:
    """Whether ``module`` imports Django or a package built on it (``api.DJANGO_REQUEST_PACKAGES``: a
    Channels consumer module may import nothing from ``django`` itself)."""
    if _imports_package_named(module, "django"):
        return True
    for node in module.body:
        if isinstance(node, nodes.Import):
            names = [name for name, _alias in node.names]
        elif isinstance(node, nodes.ImportFrom) and not node.level:
            names = [node.modname or ""]
        else:
            continue
        if any(name.split(".", 1)[0] in api.DJANGO_REQUEST_PACKAGES for name in names):
            return True
    return False


def _model_class(model: nodes.ClassDef | None, user: bool = False) -> Kind:
    """A reference to the model class ``model`` (None: some model class, which one is not known)."""
    found = _kind_of_class_reference(model) if model is not None else None
    return found if found is not None and found.name == api.MODEL_CLASS else Kind(api.MODEL_CLASS, user=user)


def template_hook(cls: nodes.ClassDef, name: str) -> nodes.FunctionDef | None:
    """The hook of the project class ``cls`` that the library classmethod ``name`` it inherits runs
    (``api.TEMPLATE_METHODS``: django-service-objects' ``Service.execute()`` returns ``process()``), unless
    the project overrides the classmethod; None otherwise."""
    own = find_method(cls, name)
    if not is_project_file(cls.root().file) or (own is not None and is_project_file(own.root().file)):
        return None
    for (base, method), hook in api.TEMPLATE_METHODS.items():
        if method == name and has_library_base(cls, frozenset({base})):
            found = find_method(cls, hook)
            return found if found is not None and is_project_file(found.root().file) else None
    return None


def _object_attribute(cls: nodes.ClassDef | None, name: str, receiver: Kind | None = None) -> Kind | None:
    """``limiter.window`` of a project object: a property's result, a bound method (called later:
    its result), or the value assigned to the attribute in the class or in a method (``self.x = ...``).
    An annotation in a project class body (``user: User`` of a request class) says what a library's
    attribute of that name holds (DRF's ``Request.user`` property)."""
    declared = _class_body_annotation(cls, name)
    if declared is not None:
        found = _assumed_instance(_kind_of_annotation(declared))
        if found is not None and found.name in INSTANCE_LIKE:
            return found
    method = find_method(cls, name)
    if method is not None:
        if is_property(method):
            return _returned_kind(method, None, receiver)
        if method.type == "method" or method.type == "classmethod" or method.type == "staticmethod":
            result = _returned_kind(method, None, receiver)
            return Kind(FACTORY, result=result) if result is not None else None
        return None
    value = assigned_on_self(cls, name)
    found = kind_of(value) if value is not None else None
    if found is None and _empty_dict(value):  # ``self.states = {}``, filled with ``self.states[k] = State()``
        found = _stored_items_agree(cls, name)
    if found is None and value is not None:  # ``self.report = report`` in ``__init__``: what its callers pass
        found = _constructions_agree(cls, name)
    if found is None:  # ``store: "Store"`` in the class body, ``self.store: Store = make()``, a field
        found = _kind_of_annotation(annotated_attribute(cls, name))
    if found is None and cls is not None and (value is None or isinstance(value, nodes.Const) and value.value is None):
        found = _model_class_of_subclasses(cls, name)
    return found


#: What a dataclass's generated ``__init__`` (attrs': ``__attrs_post_init__``) calls last: constructing the
#: class runs it, with none of the call's arguments (only ``self``; ``InitVar`` fields are left out).
POST_INIT = ("__post_init__", "__attrs_post_init__")
DATACLASS_DECORATORS = frozenset({"dataclasses.dataclass", "attr.s", "attr.attrs", "attr.define", "attr.frozen",
                                   "attr.mutable", "attrs.define", "attrs.frozen", "attrs.mutable"})


def _constructed_attributes(cls: nodes.ClassDef | None, call: nodes.Call) -> tuple[tuple[str, Kind], ...]:
    """The attributes of the object ``call`` builds that its class sets from the call's arguments
    (``self.content = content`` in the project ``__init__`` the call runs, or a dataclass field), with
    the kind of the argument each is given, where known. Only attributes that no other statement of
    the class or its project bases assigns on ``self``: the object keeps what it was built with."""
    if cls is None:
        return ()
    init = find_method(cls, "__init__")
    if init is not None:
        stored = _stored_parameters(init) if is_project_file(init.root().file) else {}
        if not stored:
            return ()
        bound = {param.name: kind for param, kind in _bind_arguments(init, call, constructor=True).items()}
        pairs = [(attribute, bound[param]) for attribute, param in stored.items() if param in bound]
    elif has_decorator(cls, DATACLASS_DECORATORS):
        fields = dataclass_fields(cls)
        positional = call.args if not any(isinstance(a, nodes.Starred) for a in call.args) \
            and not any(_is_project_class(definition_of(base)) for base in cls.bases) else []
        pairs = [(field, kind_of(argument)) for field, argument in zip(fields, positional)]
        pairs += [(keyword.arg, kind_of(keyword.value)) for keyword in call.keywords or [] if keyword.arg in fields]
    else:
        return ()
    return tuple((attribute, kind) for attribute, kind in pairs
                 if kind is not None and _self_assignment_counts(cls).get(attribute, 0) <= 1)


def _is_project_class(found: nodes.NodeNG | None) -> bool:
    return isinstance(found, nodes.ClassDef) and is_project_file(found.root().file)


def _stored_parameters(init: nodes.FunctionDef) -> dict[str, str]:
    """Attribute name -> parameter name for each ``self.<attribute> = <parameter>`` in ``__init__``
    (the parameter as passed, not rebound before)."""
    positional = [*(init.args.posonlyargs or []), *(init.args.args or [])]
    if not positional:
        return {}
    own = positional[0].name
    params = {param.name for param in [*positional[1:], *(init.args.kwonlyargs or [])]}
    stored: dict[str, str] = {}
    for target in init.nodes_of_class(nodes.AssignAttr, skip_klass=(nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
        statement = target.parent
        if not (isinstance(target.expr, nodes.Name) and target.expr.name == own
                and isinstance(statement, (nodes.Assign, nodes.AnnAssign)) and isinstance(statement.value, nodes.Name)
                and statement.value.name in params):
            continue
        if all(isinstance(found, nodes.AssignName) and isinstance(found.parent, nodes.Arguments)
               for found in bindings(statement.value)):
            stored.setdefault(target.attrname, statement.value.name)
    return stored


def dataclass_fields(cls: nodes.ClassDef) -> list[str]:
    """The ``__init__`` parameters a dataclass declares, in order (``ClassVar``, ``InitVar`` and
    ``field(init=False)`` aside)."""
    fields = []
    for statement in cls.body:
        if not isinstance(statement, nodes.AnnAssign) or not isinstance(statement.target, nodes.AssignName):
            continue
        if any(word in statement.annotation.as_string() for word in ("ClassVar", "InitVar")):
            continue
        value = statement.value
        if isinstance(value, nodes.Call) and any(keyword.arg == "init" and isinstance(keyword.value, nodes.Const)
                                                 and keyword.value.value is False for keyword in value.keywords or []):
            continue
        fields.append(statement.target.name)
    return fields


def _self_assignment_counts(cls: nodes.ClassDef, _depth: int = 0) -> dict[str, int]:
    """Attribute name -> how many statements of ``cls`` and its project bases assign ``self.<name>``
    (kept on the class node, like ``_self_assignments``)."""
    found = cls.__dict__.get("_asynclint_self_assignment_counts")
    if found is None:
        found = {}
        for target in cls.nodes_of_class(nodes.AssignAttr):
            if isinstance(target.expr, nodes.Name) and target.expr.name == "self":
                found[target.attrname] = found.get(target.attrname, 0) + 1
        for base in cls.bases if _depth < 8 else ():
            parent = definition_of(base)
            if isinstance(parent, nodes.ClassDef) and parent is not cls:
                for name, count in _self_assignment_counts(parent, _depth + 1).items():
                    found[name] = found.get(name, 0) + count
        cls._asynclint_self_assignment_counts = found  # pylint: disable=protected-access
    return found


def _constructed_attribute(base: Kind, node: nodes.Attribute) -> Kind | None:
    """``da.artifact`` of an object built with ``DeclarativeArtifact(Artifact(...), url)``: the kind its
    constructor was given, unless the function assigns that attribute of the same variable itself."""
    found = next((kind for attribute, kind in base.attributes if attribute == node.attrname), None)
    if found is None or find_method(base.custom, node.attrname) is not None:
        return None
    if isinstance(node.expr, nodes.Name) and any(
            isinstance(other.expr, nodes.Name) and other.expr.name == node.expr.name
            and other.attrname == node.attrname for other in node.frame().nodes_of_class(nodes.AssignAttr)):
        return None
    return found


#: What an attribute set from a constructor argument may be known as from the class's constructions.
_CONSTRUCTED_KINDS = QUERYSET_LIKE | INSTANCE_LIKE | {api.MODEL_CLASS}


def _constructions_agree(cls: nodes.ClassDef | None, name: str) -> Kind | None:
    """``self.progress_report`` in a method of a class whose ``__init__`` sets it from a parameter:
    the kind every construction of the class in the project (its tests aside) passes there, when they
    all agree on a model instance, QuerySet, manager or model class. Unknown when the class has
    project subclasses, when its name is used otherwise than called, built or not (passed, stored,
    a classmethod), or when a construction passes something else or nothing known."""
    if cls is None or not is_project_file(cls.root().file):
        return None
    memo = current().callers
    if cls not in memo:
        memo[cls] = {}  # cycle guard
        memo[cls] = _agreed_constructions(cls)
    return memo[cls].get(name)


def _agreed_constructions(cls: nodes.ClassDef) -> dict[str, Kind]:
    if project_subclasses(cls) or not cls.name[:1].isupper():
        return {}
    calls = []
    for module in _modules_at(cls, [cls.root().file or "", *_files_mentioning(cls)]):
        for node in identifiers(module).get(cls.name, ()):
            if not _used_as_value(node, cls):
                continue
            if definition_of(node) is not cls or not (isinstance(node.parent, nodes.Call) and node.parent.func is node):
                return {}  # passed on, stored, or a name that may be the class: who builds it is not known
            calls.append(node.parent)
    agreed: dict[str, list[Kind]] = {}
    for number, call in enumerate(calls):
        for attribute, kind in _constructed_attributes(cls, call):
            if kind.name in _CONSTRUCTED_KINDS and len(agreed.setdefault(attribute, [])) == number:
                agreed[attribute].append(kind)
    found = {}
    for attribute, kinds in agreed.items():
        if len(kinds) != len(calls) or len({(k.name, k.model, k.custom, k.user) for k in kinds}) != 1:
            continue
        found[attribute] = kinds[0] if len(set(kinds)) == 1 else \
            Kind(kinds[0].name, model=kinds[0].model, custom=kinds[0].custom, user=kinds[0].user)
    return found


def _model_class_of_subclasses(cls: nodes.ClassDef, name: str) -> Kind | None:
    """``distribution_model = None`` in a base handler and a model class in every project subclass that
    sets it (``distribution_model = FileDistribution``): where the attribute is used as a class
    (``self.distribution_model.objects``) it is one of those models. Any other value: unknown."""
    kinds = []
    for subclass in project_subclasses(cls):
        for target in subclass.locals.get(name, ()):
            if isinstance(target, nodes.AssignName) and isinstance(target.parent, (nodes.Assign, nodes.AnnAssign)):
                value = target.parent.value
                if isinstance(value, nodes.Const) and value.value is None:
                    continue
                kinds.append(kind_of(value) if value is not None else None)
    if not kinds or any(kind is None or kind.name != api.MODEL_CLASS for kind in kinds):
        return None
    models = {kind.model for kind in kinds}
    return Kind(api.MODEL_CLASS, model=models.pop() if len(models) == 1 else None,
                user=all(kind.user for kind in kinds))


def _class_body_annotation(cls: nodes.ClassDef | None, name: str) -> nodes.NodeNG | None:
    """``user: User`` (no value) in the body of a project class whose library base has that attribute."""
    if cls is None or not is_project_file(cls.root().file) or name in cls.locals and any(
            isinstance(found, nodes.FunctionDef) for found in cls.locals[name]):
        return None
    for statement in cls.body:
        if isinstance(statement, nodes.AnnAssign) and statement.value is None \
                and isinstance(statement.target, nodes.AssignName) and statement.target.name == name:
            return statement.annotation
    return None


def annotated_attribute(cls: nodes.ClassDef | None, name: str, _depth: int = 0) -> nodes.NodeNG | None:
    """The annotation of the attribute ``name`` of ``cls`` or of its project bases: in the class body
    (``store: "Store"``, a dataclass or pydantic field) or on ``self`` in a method (``self.x: Foo = ...``)."""
    if cls is None or _depth > 8:
        return None
    for target in cls.locals.get(name, ()):
        if isinstance(target, nodes.AssignName) and isinstance(target.parent, nodes.AnnAssign):
            return target.parent.annotation
    found = _self_annotations(cls).get(name)
    if found is not None:
        return found
    for base in cls.bases:
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls:
            found = annotated_attribute(parent, name, _depth + 1)
            if found is not None:
                return found
    return None


def is_property(function: nodes.FunctionDef) -> bool:
    """``@property``/``@cached_property`` (Django's or functools'): reading the attribute runs it."""
    return any(
        isinstance(d, nodes.Name) and d.name in ("property", "cached_property")
        or isinstance(d, nodes.Attribute) and d.attrname == "cached_property"
        for d in (function.decorators.nodes if function.decorators else ())
    )


def _client_on_self(node: nodes.Attribute) -> Kind | None:
    """``self.client`` where the class assigns ``self.client = OpenAI(...)``: a library client."""
    function = node.expr.scope()
    owner = function.parent if isinstance(function, nodes.FunctionDef) else None
    if not isinstance(owner, nodes.ClassDef):
        return None
    value = assigned_on_self(owner, node.attrname)
    found = kind_of(value) if value is not None else None
    if found is None and (value is None or not is_project_file(value.root().file)):
        # ``self.channel_layer``, ``self.scope`` of a Channels consumer: set by its (installed or not) base
        inherited = api.INHERITED_ATTRIBUTE_KINDS.get(node.attrname)
        if inherited is not None and has_library_base(owner, inherited[0]):
            return Kind(inherited[1])
    return found if found is not None and found.name in api.CLIENT_KINDS else None


def has_library_base(cls: nodes.ClassDef, bases: frozenset[str], _depth: int = 0) -> bool:
    """Whether ``cls`` derives, through project classes, from one of the library classes ``bases``."""
    if _depth > 8:
        return False
    for base in cls.bases:
        if qualified_name(base) in bases:
            return True
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls and has_library_base(parent, bases, _depth + 1):
            return True
    return False


def _class_attribute(cls: nodes.ClassDef, name: str, _depth: int = 0) -> nodes.NodeNG | None:
    """The value assigned to ``name`` in the body of ``cls`` or of its project base classes."""
    for target in cls.locals.get(name, ()):
        if isinstance(target, nodes.AssignName) and isinstance(target.parent, (nodes.Assign, nodes.AnnAssign)):
            return target.parent.value
    if _depth > 8:
        return None
    for base in cls.bases:
        found = definition_of(base)
        if isinstance(found, nodes.ClassDef) and found is not cls:
            value = _class_attribute(found, name, _depth + 1)
            if value is not None:
                return value
    return None


def _empty_dict(value: nodes.NodeNG | None) -> bool:
    """``{}`` or ``dict()``."""
    if isinstance(value, nodes.Dict):
        return not value.items
    return isinstance(value, nodes.Call) and isinstance(value.func, nodes.Name) and value.func.name == "dict" \
        and not value.args and not value.keywords


def _stored_items_agree(cls: nodes.ClassDef | None, name: str) -> Kind | None:
    """``self.states`` of a class that sets it to an empty dict and stores into it only with
    ``self.states[key] = GameState()``: a mapping of what every such store agrees on (a project object
    built by its class, a model instance...). Unknown when any statement of the class (or its project
    bases) rebinds the attribute to something else, stores an item of another kind or of no known
    kind, or fills it otherwise (``update``, ``setdefault``, a ``dict`` passed elsewhere is not seen:
    only the class's own stores are read, as the class owns the attribute)."""
    if cls is None or not is_project_file(cls.root().file):
        return None
    cache = cls.__dict__.get("_asynclint_stored_items")
    if cache is None:
        cache = cls._asynclint_stored_items = {}  # pylint: disable=protected-access
    if name in cache:
        return cache[name]
    cache[name] = None  # a store whose value reads the mapping itself asks again: unknown meanwhile
    agreed: Kind | None = None
    for node in cls.nodes_of_class((nodes.AssignAttr, nodes.Attribute)):
        if node.attrname != name or not (isinstance(node.expr, nodes.Name) and node.expr.name == "self"):
            continue
        parent = node.parent
        if isinstance(node, nodes.AssignAttr):
            if not (isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and _empty_dict(parent.value)):
                return None  # rebound to something else
            continue
        if isinstance(parent, nodes.Attribute) and parent.attrname in ("update", "setdefault") \
                and isinstance(parent.parent, nodes.Call):
            return None
        if not (isinstance(parent, nodes.Subscript) and parent.value is node
                and isinstance(parent.parent, nodes.Assign) and parent in parent.parent.targets):
            continue  # a read
        stored = kind_of(parent.parent.value)
        if stored is None or (agreed is not None and (stored.name, stored.custom, stored.model) !=
                              (agreed.name, agreed.custom, agreed.model)):
            return None
        agreed = stored
    cache[name] = Kind(MAPPING, result=agreed) if agreed is not None else None
    return cache[name]


def _is_none(value: nodes.NodeNG) -> bool:
    return isinstance(value, nodes.Const) and value.value is None


def _self_assignments(cls: nodes.ClassDef) -> dict[str, nodes.NodeNG]:
    """Attribute name -> the value of the first ``self.<name> = value`` anywhere in ``cls``, in
    ``nodes_of_class`` order; ``cls.<name> = value`` and ``<the class>.<name> = value`` in its methods
    count too (a class attribute set on first use). Built once per class tree and kept on the node (a
    tree does not change while it is analysed; walking the class again for every attribute asked was a
    third of a run)."""
    found = cls.__dict__.get("_asynclint_self_assignments")
    if found is None:
        found, placeholders = {}, {}
        for target in cls.nodes_of_class(nodes.AssignAttr):
            if isinstance(target.expr, nodes.Name) and target.expr.name in ("self", "cls", cls.name) \
                    and isinstance(target.parent, nodes.Assign):
                value = target.parent.value
                # ``self._script = None`` in ``__init__``, the object made on first use: the later value
                (placeholders if _is_none(value) else found).setdefault(target.attrname, value)
        for name, value in placeholders.items():
            found.setdefault(name, value)
        cls._asynclint_self_assignments = found  # pylint: disable=protected-access
    return found


def _self_annotations(cls: nodes.ClassDef) -> dict[str, nodes.NodeNG]:
    """Attribute name -> the annotation of the first ``self.<name>: T ...`` in a method of ``cls``
    (not in nested classes or lambdas); built once per class, like ``_self_assignments``."""
    found = cls.__dict__.get("_asynclint_self_annotations")
    if found is None:
        found = {}
        for method in cls.mymethods():
            for statement in method.nodes_of_class(nodes.AnnAssign, skip_klass=(nodes.ClassDef, nodes.Lambda)):
                target = statement.target
                if isinstance(target, nodes.AssignAttr) and isinstance(target.expr, nodes.Name) and \
                        target.expr.name == "self":
                    found.setdefault(target.attrname, statement.annotation)
        cls._asynclint_self_annotations = found  # pylint: disable=protected-access
    return found


def assigned_on_self(cls: nodes.ClassDef | None, name: str, _depth: int = 0) -> nodes.NodeNG | None:
    """The value of ``self.<name> = value`` (or a class attribute) in ``cls`` or its project bases."""
    if cls is None or _depth > 8:
        return None
    value = _class_attribute(cls, name)
    if value is not None and not _is_none(value):
        return value
    # ``__client = None`` in the class body, ``RedisClient.__client = redis.Redis(...)`` on first use
    assigned = _self_assignments(cls).get(name)
    if assigned is not None:
        return assigned
    if value is not None:
        return value
    for base in cls.bases:
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls:
            found = assigned_on_self(parent, name, _depth + 1)
            if found is not None:
                return found
    return None


def _model_class_attribute(model: Kind, name: str) -> Kind | None:
    value = _class_attribute(model.model, name) if model.model is not None else None
    if value is not None:
        declared = kind_of(value)
        if declared is not None and declared.name in (api.MANAGER, api.USER_MANAGER):
            return declared.but(model=model.model, user=model.user or declared.user,
                                name=api.USER_MANAGER if model.user else declared.name)
        return None
    if name in api.DEFAULT_MANAGER_ATTRIBUTES:
        return Kind(api.USER_MANAGER if model.user else api.MANAGER, model=model.model, user=model.user)
    return None


def _instance_attribute(instance: Kind, name: str, node: nodes.NodeNG | None = None) -> Kind | None:
    model = instance.model
    if model is not None:
        value = _class_attribute(model, name)
        if isinstance(value, nodes.Call):
            field = qualified_name(value.func) or ""
            if field in api.MANY_TO_MANY_FIELDS:
                return Kind(api.RELATED_MANAGER, model=_related_model(value, model))
            if field in api.FOREIGN_KEY_FIELDS or field in api.ONE_TO_ONE_FIELDS:
                target = _related_model(value, model)
                return Kind(api.INSTANCE, model=target) if target is not None else None
        if value is not None:
            return None
    if name.endswith(api.REVERSE_ACCESSOR_SUFFIX) and len(name) > len(api.REVERSE_ACCESSOR_SUFFIX):
        source = _reverse_accessor_model(model, name[:-len(api.REVERSE_ACCESSOR_SUFFIX)], node) \
            if model is not None and node is not None else None
        return Kind(api.RELATED_MANAGER, model=source)
    if model is not None:
        for related_name, field, source in reverse_relations(model):
            if related_name == name:
                if field in api.ONE_TO_ONE_FIELDS:
                    return Kind(api.INSTANCE, model=source)
                return Kind(api.RELATED_MANAGER, model=source)
    source = reverse_one_to_one(instance, name, node) if node is not None else None
    return Kind(api.INSTANCE, model=source) if source is not None else None


def reverse_one_to_one(instance: Kind, name: str, use: nodes.NodeNG) -> nodes.ClassDef | None:
    """The model declaring the ``OneToOneField`` whose reverse accessor ``instance.name`` reads: one to
    the instance's model with ``related_name=name``, or without a ``related_name`` in a model class named
    ``name`` (any case: Django's default accessor) of the model's module or of ``use``'s; for a user whose
    model class is not known (``await request.auser()``), one to the auth user model
    (``user_reverse_relations``). None when not exactly one is found, or when the model declares ``name``."""
    model = instance.model
    if model is not None:
        if _class_attribute(model, name) is not None:
            return None
        named = [(field, source) for related_name, field, source in reverse_relations(model) if related_name == name]
        if named:
            return named[0][1] if len(named) == 1 and named[0][0] in api.ONE_TO_ONE_FIELDS else None
        return _reverse_accessor_model(model, name, use, api.ONE_TO_ONE_FIELDS)
    if instance.name != api.USER:
        return None
    named = [(field, source) for related_name, field, source in user_reverse_relations(use) if related_name == name]
    if not named:  # ``OneToOneField(UserProfile, related_name=name)``: the project's own user model, by class
        named = [(field, source) for related_name, field, source in user_reverse_relations(use, by_class=True)
                 if related_name == name and _relates_to_user_model(source, name)]
    return named[0][1] if len(named) == 1 and named[0][0] in api.ONE_TO_ONE_FIELDS else None


def _relates_to_user_model(source: nodes.ClassDef, related_name: str) -> bool:
    """Whether the relation field of ``source`` with ``related_name`` points at a project model that
    declares ``USERNAME_FIELD`` (a custom auth user model)."""
    return _user_model_related(source, related_name) is not None


def _user_model_related(source: nodes.ClassDef, related_name: str) -> nodes.ClassDef | None:
    """The custom user model (a class declaring ``USERNAME_FIELD``) that the relation field of ``source``
    with ``related_name`` points at, or None."""
    for statement in source.body:
        field = statement.value if isinstance(statement, nodes.Assign) else None
        if isinstance(field, nodes.Call) and any(
                keyword.arg == "related_name" and isinstance(keyword.value, nodes.Const)
                and keyword.value.value == related_name for keyword in field.keywords or []):
            target = _related_model(field, source)
            return target if target is not None and _declares_user_model(target) else None
    return None


def _reverse_accessor_model(model: nodes.ClassDef, prefix: str, use: nodes.NodeNG,
                            fields: frozenset[str] = api.FOREIGN_KEY_FIELDS | api.MANY_TO_MANY_FIELDS,
                            ) -> nodes.ClassDef | None:
    """The model behind ``unit.unitartifact_set``: the one model class named ``UnitArtifact`` (any
    case) in the target model's module or in the module reading it whose relation field (one of
    ``fields``) without a ``related_name`` points at ``model``. None when not exactly one is found."""
    found = []
    for module in dict.fromkeys([model.root(), use.root()]):
        for cls in module.nodes_of_class(nodes.ClassDef):
            if cls.name.lower() != prefix:
                continue
            reference = _kind_of_class_reference(cls)
            if reference is None or reference.name != api.MODEL_CLASS:
                continue
            for statement in cls.body:
                field = statement.value if isinstance(statement, nodes.Assign) else None
                if isinstance(field, nodes.Call) and (qualified_name(field.func) or "") in fields \
                        and not any(keyword.arg == "related_name" for keyword in field.keywords or []) \
                        and _related_model(field, cls) is model:
                    found.append(cls)
                    break
    return found[0] if len(found) == 1 else None


def _related_model(field: nodes.Call, owner: nodes.ClassDef) -> nodes.ClassDef | None:
    target = field.args[0] if field.args else next(
        (keyword.value for keyword in field.keywords or [] if keyword.arg == "to"), None
    )
    if isinstance(target, nodes.Const) and target.value == "self":
        return owner
    if isinstance(target, nodes.Const) and isinstance(target.value, str):  # ``"library.Book"``, ``"Book"``
        return _model_named(target.value, field)
    found = kind_of(target) if isinstance(target, (nodes.Name, nodes.Attribute)) else None
    if found is not None and found.name == api.MODEL_CLASS:
        return found.model
    return None


# --- models named by their label ("library.Book") ---------------------------------------------
def _get_model_reference(call: nodes.Call) -> str:
    """``"library.Book"`` from ``get_model("library", "Book")``, ``get_model("library.Book")`` or keywords."""
    values = [*call.args, *(k.value for k in call.keywords or [] if k.arg in ("app_label", "model_name"))]
    texts = [value.value for value in values if isinstance(value, nodes.Const) and isinstance(value.value, str)]
    if len(texts) != len(values) or not 1 <= len(texts) <= 2:
        return ""
    return ".".join(texts)


def _model_named(reference: str, context: nodes.NodeNG) -> nodes.ClassDef | None:
    """The model class a lazy reference names: ``"Book"`` (in the referring module) or
    ``"library.Book"`` (the ``library`` app's models module: the package of that name, or the app
    whose folder or ``AppConfig.label`` is ``library``). None when not exactly one is found."""
    app, _, name = reference.rpartition(".")
    if not name.isidentifier() or (app and not app.isidentifier()):
        return None
    modules = [context.root()] if not app else _app_models_modules(app, context)
    found = [model for module in modules if (model := _model_in(module, name)) is not None]
    return found[0] if len(found) == 1 else None


def _model_in(module: nodes.Module, name: str) -> nodes.ClassDef | None:
    """The model class ``module`` defines or imports as ``name`` (model names ignore case)."""
    names = [local for local in module.locals if local.lower() == name.lower()]
    if len(names) != 1:
        return None
    found = module.locals[names[0]][-1]
    if isinstance(found, (nodes.Import, nodes.ImportFrom)):  # re-exported (``models/__init__.py``)
        target = imported_name(found, names[0])
        found = definition_of_qualified(target, module) if target else None
    if not isinstance(found, nodes.ClassDef):
        return None
    kind = _kind_of_class_reference(found)
    return found if kind is not None and kind.name == api.MODEL_CLASS else None


_APP_LABEL = re.compile(r"""^\s*label\s*=\s*["']([\w]+)["']""", re.MULTILINE)


def _app_models_modules(app: str, context: nodes.NodeNG) -> list[nodes.Module]:
    from astroid import MANAGER

    folders = set()
    for path in _candidate_files(context.root().file):
        folder, base = os.path.split(path)
        if base == "models.py" and os.path.basename(folder) == app:
            folders.add(folder)
        elif base == "apps.py" and app in _app_labels(path):
            folders.add(folder)
        elif base == "__init__.py" and os.path.basename(folder) == "models" and os.path.basename(
                os.path.dirname(folder)) == app:
            folders.add(os.path.dirname(folder))
    modules = []
    for folder in sorted(folders):
        for path in (os.path.join(folder, "models.py"), os.path.join(folder, "models", "__init__.py")):
            if os.path.isfile(path):
                try:
                    modules.append(MANAGER.ast_from_file(path))
                except Exception:  # an unparsable module names no model
                    pass
    if not modules:  # the app is a top-level package on the path (``library.models``)
        loaded = _import_module(f"{app}.models", context)
        modules = [loaded] if loaded is not None else []
    return modules


def _app_labels(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return set(_APP_LABEL.findall(handle.read()))
    except OSError:
        return set()


def _import_module(modname: str, context: nodes.NodeNG) -> nodes.Module | None:
    try:
        return context.root().import_module(modname, relative_only=False)
    except Exception:  # not importable: no model
        return None


# --- reverse relations, found anywhere in the project ------------------------------------------
def reverse_relations(model: nodes.ClassDef) -> list[tuple[str, str, nodes.ClassDef]]:
    """``(related_name, field qualified name, model declaring the field)`` for relations to ``model``."""
    found = []
    for path in _candidate_files(model.root().file):
        for related_name, field, target, source, _ in _relations_in(path):
            if target == model.name and (source is not None):
                found.append((related_name, field, source))
    return found


def user_reverse_relations(use: nodes.NodeNG, by_class: bool = False) -> list[tuple[str, str, nodes.ClassDef]]:
    """``(related_name, field qualified name, model declaring the field)`` for the relations of the
    project of ``use`` to the auth user model, named the way that does not depend on which class it is
    (``settings.AUTH_USER_MODEL``, ``get_user_model()``, ``"auth.User"``, ``django.contrib.auth``'s
    ``User``): the reverse accessors of a user whose model class is not known. ``by_class``: the other
    relations instead (to a class named directly, which the caller resolves)."""
    found = []
    for path in _candidate_files(use.root().file):
        for related_name, field, _, source, to_user in _relations_in(path):
            if to_user is not by_class and source is not None:
                found.append((related_name, field, source))
    return found


def _candidate_files(module_file: str | None) -> tuple[str, ...]:
    if not module_file:
        return ()
    return _python_files_under(_project_root(os.path.dirname(os.path.abspath(module_file))))


def unidentified(node: nodes.NodeNG) -> bool:
    """Nothing identifies what ``node`` is: no kind, and astroid infers nothing for it (not even a list, a dict
    or a queue): an unannotated parameter, a value read from an unannotated container."""
    if kind_of(node) is not None:
        return False
    try:
        inferred = list(node.infer())
    except Exception:  # noqa: BLE001 - astroid's inference errors: nothing identified either
        inferred = []
    return all(value is util.Uninferable for value in inferred)


def project_files(module_file: str | None) -> tuple[str, ...]:
    """The project index (``_python_files_under``) of the project holding ``module_file``."""
    return _candidate_files(module_file)


_INSTALL_DIRS = ("site-packages", "dist-packages")


def _project_root(directory: str) -> str:
    """The folder holding the module's top-level package (its project), or for an installed
    package, that package alone (never all of site-packages)."""
    roots = current().project_roots
    start = directory
    if start not in roots:
        top = directory
        while os.path.exists(os.path.join(directory, "__init__.py")):
            top = directory
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
        roots[start] = top if os.path.basename(directory) in _INSTALL_DIRS else directory
    return roots[start]


_SKIPPED_DIRS = {"__pycache__", "node_modules", "site-packages", "dist-packages", "migrations", "build", "dist"}


def _python_files_under(root: str, limit: int = 3000) -> tuple[str, ...]:
    """The project index: the first ``limit`` Python files under ``root`` (the run's walker,
    ``asynclint.driver.walk``, skipping hidden folders, installs, builds and migrations)."""
    index = current().project_files
    if root not in index:
        from asynclint.driver import walk

        skipped = lambda name: name.startswith(".") or name in _SKIPPED_DIRS  # noqa: E731
        index[root] = tuple(walk(root, skip_dir=skipped, limit=limit))
    return index[root]


_CLASS_BASES = re.compile(r"^[ \t]*class\s+\w+\s*\(([^)]*)\)", re.MULTILINE)


def project_subclasses(cls: nodes.ClassDef, limit: int = 50) -> tuple[nodes.ClassDef, ...]:
    """The project's classes that derive from ``cls`` (directly or not), found through the project
    index: files that name ``cls`` among a class's bases are parsed (never imported). Once per class."""
    known = current().subclasses
    if cls in known:
        return known[cls]
    known[cls] = ()  # cycle guard
    found: list[nodes.ClassDef] = []
    for module in _modules_at(cls, _files_naming_base(cls)):
        for candidate in module.nodes_of_class(nodes.ClassDef):
            if candidate is not cls and any(definition_of(base) is cls for base in candidate.bases):
                found.append(candidate)
                found.extend(project_subclasses(candidate, limit))
        if len(found) >= limit:
            break
    known[cls] = tuple(dict.fromkeys(found))[:limit]
    return known[cls]


def _modules_at(cls: nodes.ClassDef, paths: list[str], attribute: str = "") -> Iterator[nodes.Module]:
    """The parsed modules of ``paths`` (once each): ``cls``'s own tree for its file (a fresh parse
    would hold other nodes); an unreadable or unparsable file is simply not part of the index.
    ``attribute``: only the files whose text may use an attribute of that name (the others are read,
    not parsed)."""
    own = os.path.abspath(cls.root().file or "")
    for path in dict.fromkeys(os.path.abspath(path) for path in paths if path):
        if path == own:
            yield cls.root()
            continue
        if attribute and not mentions(path, attribute):
            continue
        try:
            from astroid import MANAGER

            module = MANAGER.ast_from_file(path)
        except Exception:  # noqa: BLE001 - see the docstring
            continue
        yield module


def mentions(path: str, word: str) -> bool:
    """Whether the file at ``path`` may hold an attribute named ``word`` (``.word``, blanks, line
    continuations and comments allowed between; or its bytes are not all ASCII: identifiers are
    NFKC-normalised). The persistent cache records the file as read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return True  # _modules_at's build fails on its own
    if not data.isascii():
        return True
    return word.encode() in data and re.search(rb"\.(?:\s|\\|#[^\n]*)*" + re.escape(word.encode()) + rb"\b", data) is not None


def names_word(path: str, word: str) -> bool:
    """Whether the file at ``path`` holds ``word`` as a whole word (unreadable: True, unknown). The
    persistent cache records the file as read, whatever the answer."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return True
    return word.encode() in data and re.search(rb"(?<!\w)" + re.escape(word.encode()) + rb"(?!\w)", data) is not None


def identifiers(module: nodes.Module) -> dict[str, list[nodes.Name | nodes.Attribute]]:
    """``module``'s names and attribute names, each with the nodes using it in tree order: walked once
    per tree, not once per question (kept on the tree, so it goes with it; a changed file is a new tree)."""
    found = getattr(module, "_asynclint_identifiers", None)
    if found is None:
        found = {}
        for node in module.nodes_of_class((nodes.Name, nodes.Attribute)):
            found.setdefault(node.name if isinstance(node, nodes.Name) else node.attrname, []).append(node)
        module._asynclint_identifiers = found  # pylint: disable=protected-access
    return found


def overridden(cls: nodes.ClassDef | None, name: str) -> bool:
    """Whether a project subclass of ``cls`` defines ``name`` again."""
    return cls is not None and any(name in subclass.locals for subclass in project_subclasses(cls))


def _files_naming_base(cls: nodes.ClassDef) -> list[str]:
    """Project files with a ``class X(... <cls.name> ...)`` statement (a text index, built once per run)."""
    return _text_answer("bases", cls)


def _text_answer(kind: str, cls: nodes.ClassDef) -> list[str]:
    """``cls``'s name looked up in the project's text index ``kind`` (``text_indexes``), built once per run."""
    run = current()
    root = _project_root(os.path.dirname(os.path.abspath(cls.root().file or ".")))
    if root not in (run.base_names if kind == "bases" else run.class_names):
        run.base_names[root], run.class_names[root] = text_indexes(root)
    index = run.base_names if kind == "bases" else run.class_names
    return index[root].get(cls.name, [])


def text_indexes(root: str, file_terms=None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The text indexes of the project at ``root`` (files are read once, never parsed): each name used
    among a class statement's bases -> the files doing so (``"bases"``); each capitalised word -> the
    files, test modules aside, holding it (``"names"``). The persistent cache asks them again to check
    that an entry's answers still hold (``asynclint.cache``), with ``file_terms`` (path -> ``text_terms``
    of its text, None when unreadable) memoised by content."""
    bases: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for path in _python_files_under(root):
        terms = (file_terms or _file_terms)(path)
        if terms is None:
            continue
        for name in terms[0]:
            found = bases.setdefault(name, [])
            if not found or found[-1] != path:
                found.append(path)
        if not is_test_module(path):
            for name in terms[1]:
                names.setdefault(name, []).append(path)
    return bases, names


def _file_terms(path: str) -> tuple[list[str], list[str]] | None:
    """``text_terms`` of the file at ``path`` (None when it cannot be read)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return text_terms(handle.read())
    except OSError:
        return None


def text_terms(text: str) -> tuple[list[str], list[str]]:
    """What a file adds to the text indexes: the names its class statements list among their bases,
    and its capitalised words."""
    listed = [name for found in _CLASS_BASES.findall(text) for name in re.findall(r"\w+", found)] \
        if "class" in text else []
    return listed, sorted(set(_CAPITALISED.findall(text)))


def is_test_module(path: str) -> bool:
    """A test module of its project (the folders below the project root, and the file's name)."""
    if not path:
        return False
    path = os.path.abspath(path)
    parts = os.path.relpath(path, _project_root(os.path.dirname(path))).replace(os.sep, "/").split("/")
    name = parts[-1] if parts else ""
    return any(part in ("tests", "test", "testing") for part in parts[:-1]) or name.startswith("test_") \
        or name.endswith("_test.py") or name in ("tests.py", "conftest.py")


_CAPITALISED = re.compile(r"\b[A-Z]\w*")


def built_directly(cls: nodes.ClassDef) -> bool:
    """Whether the project (its tests aside) may hold an object that is exactly a ``cls``, not a
    subclass. A class without project subclasses may be: something builds it (a framework from a
    setting, a registry). A base class only when its name is used as a value somewhere (called,
    passed, stored, returned, its classmethod called): a name used only in class statements' bases,
    ``isinstance``/``issubclass``/``super`` arguments and annotations builds no object of it."""
    subclasses = project_subclasses(cls)
    if not subclasses or len(subclasses) >= 50 or not cls.name[:1].isupper():
        return True  # a leaf, an index cut short, or a name the index below does not hold
    memo = current().built
    if cls not in memo:
        memo[cls] = False
        for module in _modules_at(cls, _files_mentioning(cls)):
            if any(_used_as_value(node, cls) for node in identifiers(module).get(cls.name, ())):
                memo[cls] = True
                break
    return memo[cls]


def _files_mentioning(cls: nodes.ClassDef) -> list[str]:
    """Project files (test modules aside) whose text holds ``cls``'s (capitalised) name: a text
    index of capitalised words, built once per run."""
    return _text_answer("names", cls)


_NOT_BUILDING_CALLS = frozenset({"isinstance", "issubclass", "super"})


def _used_as_value(node: nodes.Name | nodes.Attribute, cls: nodes.ClassDef) -> bool:
    """Whether this use of ``cls``'s name may build an object of it (a name that may not be ``cls``
    counts, unless it is another class)."""
    if (node.name if isinstance(node, nodes.Name) else node.attrname) != cls.name:
        return False
    found = definition_of(node)
    if isinstance(found, nodes.ClassDef) and found is not cls:
        return False
    parent = node.parent
    if isinstance(parent, nodes.ClassDef) and node in parent.bases:
        return False
    if isinstance(parent, nodes.Attribute):  # ``Base.LABEL``; ``Base.create()`` may run ``cls()``
        method = find_method(cls, parent.attrname)
        return method is not None and method.type == "classmethod"
    holder = parent.parent if isinstance(parent, nodes.Tuple) else parent
    if isinstance(holder, nodes.Call) and isinstance(holder.func, nodes.Name) \
            and holder.func.name in _NOT_BUILDING_CALLS and node is not holder.func:
        return False
    return not _in_annotation(node)


def _in_annotation(node: nodes.NodeNG) -> bool:
    """Whether ``node`` is (part of) an annotation: of a parameter, a return or an assignment."""
    child, parent = node, node.parent
    while isinstance(parent, (nodes.Subscript, nodes.Tuple, nodes.BinOp, nodes.Attribute, nodes.List)):
        child, parent = parent, parent.parent
    if isinstance(parent, nodes.AnnAssign):
        return child is parent.annotation
    if isinstance(parent, nodes.FunctionDef):
        return child is parent.returns
    if isinstance(parent, nodes.Arguments):
        annotations = [*parent.annotations, *parent.posonlyargs_annotations, *parent.kwonlyargs_annotations,
                       parent.varargannotation, parent.kwargannotation]
        return any(child is annotation for annotation in annotations)
    return False


def _relations_in(path: str) -> tuple[tuple[str, str, str, nodes.ClassDef | None, bool], ...]:
    relations = current().relations
    if path not in relations:
        relations[path] = _read_relations(path)
    return relations[path]


def _read_relations(path: str) -> tuple[tuple[str, str, str, nodes.ClassDef | None, bool], ...]:
    """Relation fields with a ``related_name`` in one file: (related_name, field, target name, model,
    whether the target is the auth user model named without its class: ``_names_user_model``)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            if "related_name" not in handle.read():
                return ()
        from astroid import MANAGER

        module = MANAGER.ast_from_file(path)
    except Exception:  # an unreadable or unparsable file is simply not part of the index
        return ()
    relations = []
    for cls in module.nodes_of_class(nodes.ClassDef):
        for statement in cls.body:
            if not isinstance(statement, nodes.Assign) or not isinstance(statement.value, nodes.Call):
                continue
            field_call = statement.value
            field = qualified_name(field_call.func) or ""
            if field not in api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS | api.MANY_TO_MANY_FIELDS:
                continue
            related = next((k.value for k in field_call.keywords or [] if k.arg == "related_name"), None)
            if not isinstance(related, nodes.Const) or not isinstance(related.value, str):
                continue
            if related.value.endswith("+"):
                continue
            target = field_call.args[0] if field_call.args else next(
                (k.value for k in field_call.keywords or [] if k.arg == "to"), None)
            if isinstance(target, nodes.Const) and isinstance(target.value, str):
                target_name = cls.name if target.value == "self" else target.value.rsplit(".", 1)[-1]
            elif isinstance(target, nodes.Name):
                target_name = target.name
            elif isinstance(target, nodes.Attribute):
                target_name = target.attrname
            elif isinstance(target, nodes.Call):
                target_name = ""
            else:
                continue
            relations.append((related.value, field, target_name, cls, _names_user_model(field_call)))
    return tuple(relations)


def _names_user_model(field: nodes.Call) -> bool:
    """``OneToOneField(settings.AUTH_USER_MODEL)``, ``(get_user_model())``, ``("auth.User")``, or
    ``django.contrib.auth``'s ``User``: a relation to the auth user model, whichever class it is."""
    target = field.args[0] if field.args else next(
        (keyword.value for keyword in field.keywords or [] if keyword.arg == "to"), None)
    if isinstance(target, nodes.Const):
        return target.value == "auth.User"
    if isinstance(target, nodes.Call):
        return isinstance(target.func, (nodes.Name, nodes.Attribute)) and \
            qualified_name(target.func) in api.USER_MODEL_FUNCTIONS
    if isinstance(target, (nodes.Name, nodes.Attribute)):
        return qualified_name(target) in ("django.conf.settings.AUTH_USER_MODEL", "django.contrib.auth.models.User")
    return False


# --- calls ---------------------------------------------------------------------------------------
def _kind_of_call(call: nodes.Call) -> Kind | None:
    func = call.func
    if isinstance(func, nodes.Attribute):
        receiver = kind_of(func.expr)
        if receiver is not None:
            result = _method_result(receiver, func.attrname, call)
            if receiver.name in OBJECT_LIKE or receiver.name == PROJECT_CLASS:
                if result is not None or find_method(receiver.custom, func.attrname) is not None:
                    return result
                stored = kind_of(func)  # ``self.pagination_class()``: a class kept in an attribute
                return _instance_of(stored) if stored is not None and stored.name != FACTORY else \
                    (stored.result if stored is not None else None)
            if result is not None or receiver.name not in (VIEW, TEST_CASE, FACTORY):
                return result
        if isinstance(func.expr, nodes.Name) and func.expr.name in ("self", "cls"):
            owner = func.expr.scope().parent  # the class of the method that uses self/cls
            method = find_method(owner if isinstance(owner, nodes.ClassDef) else None, func.attrname)
            if method is not None:
                return _returned_kind(method, call)
    callee = kind_of(func)
    if callee is not None:
        if callee.name == ADAPTED_CALLABLE:
            result = callee.result
            if result is None and isinstance(func, nodes.Call) and func.args and len(call.args) == 1 \
                    and not call.keywords and isinstance(func.args[0], nodes.Name) \
                    and qualified_name(func.args[0]) in _COPYING_BUILTINS:  # ``await sync_to_async(list)(qs)``
                result = _copied(kind_of(call.args[0]))
            return Kind(api.COROUTINE, origin="adapter", result=result)
        if callee.name == PAGINATOR_CLASS:
            first = kind_of(call.args[0]) if call.args else None
            return Kind(api.PAGINATOR) if first is not None and first.name in QUERYSET_LIKE else None
        if callee.name == REQUEST_CLASS:
            return None  # a request built by hand (tests, fakes) has no lazy user of its own
        if (callee.name, "()") in api.DERIVED_KINDS:  # ``messages(sid)``: a Twilio list kept in a variable
            return Kind(api.DERIVED_KINDS[callee.name, "()"])
        instance = _instance_of(callee)
        if instance is not None and instance.name in api.MANY_KINDS and _many_over_queryset(call):
            return instance.but(name=api.MANY_KINDS[instance.name])
        if instance is not None and instance.name == PROJECT_OBJECT and callee.name == PROJECT_CLASS:
            if not callee.exact:  # ``cls()``: maybe a subclass
                return instance.but(exact=False)
            return instance.but(exact=True, attributes=_constructed_attributes(instance.custom, call),
                                configured=callee.configured)
        return instance
    qualified = qualified_name(func) if isinstance(func, (nodes.Name, nodes.Attribute)) else None
    if qualified is not None:
        return _function_result(qualified, call)
    if isinstance(func, nodes.Name) and checked_coroutine_function(func):
        return Kind(api.COROUTINE, origin="checked")
    if isinstance(func, nodes.Name):  # a function defined inside the calling function
        found = definition_of(func)
        if isinstance(found, nodes.FunctionDef):
            return _returned_kind(found, call)
    return None


_ASYNC_CHECK_NAMES = frozenset({"iscoroutinefunction", "is_async_callable", "is_async"})


def _tests_async(test: nodes.NodeNG, name: str) -> bool:
    """``iscoroutinefunction(f)`` (or ``... or getattr(f, "is_async", False)``) about the name ``name``."""
    if isinstance(test, nodes.BoolOp) and test.op == "or":
        return any(_tests_async(value, name) for value in test.values)
    if not isinstance(test, nodes.Call) or len(test.args) != 1:
        return False
    argument = test.args[0]
    if not isinstance(argument, nodes.Name) or argument.name != name:
        return False
    qualified = qualified_name(test.func) if isinstance(test.func, (nodes.Name, nodes.Attribute)) else None
    if qualified in api.ASYNC_CALLABLE_CHECKS:
        return True
    spelled = test.func.attrname if isinstance(test.func, nodes.Attribute) else getattr(test.func, "name", "")
    return qualified is not None and spelled in _ASYNC_CHECK_NAMES  # a project's own is_async helper


def async_check_branch(func: nodes.Name) -> str | None:
    """``"if"`` when a call of ``func`` sits in the true branch of ``if iscoroutinefunction(func):``
    (including in a function defined there), ``"else"`` in its else branch, else None."""
    child, parent = func, func.parent
    while parent is not None and not isinstance(parent, nodes.Module):
        if isinstance(parent, nodes.If) and child is not parent.test and _tests_async(parent.test, func.name):
            return "if" if child in parent.body else "else"
        if child.is_statement and _after_returning_check(child, func.name):
            return "else"  # ``if iscoroutinefunction(f): return await f()`` then ``return f()``
        child, parent = parent, parent.parent
    return None


def _after_returning_check(statement: nodes.NodeNG, name: str) -> bool:
    previous = statement.previous_sibling()
    while previous is not None:
        if isinstance(previous, nodes.If) and not previous.orelse and _tests_async(previous.test, name) \
                and previous.body and isinstance(previous.body[-1], (nodes.Return, nodes.Raise)):
            return True
        previous = previous.previous_sibling()
    return False


_ASYNC_FLAG_WORDS = ("async", "coro")


def _names_async(text: str) -> bool:
    return any(word in text.lower() for word in _ASYNC_FLAG_WORDS)


def _async_flag_polarity(test: nodes.NodeNG) -> bool | None:
    """Whether ``test`` is true when a callable is async (True), when it is sync (False), or is no such
    flag (None): ``self.is_async``, ``info.get("is_async", True)``, ``meta["is_coroutine"]``, a local
    ``is_async``, any of them under ``not``."""
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = _async_flag_polarity(test.operand)
        return None if inner is None else not inner
    if isinstance(test, nodes.Name):
        return True if _names_async(test.name) else None
    if isinstance(test, nodes.Attribute):
        return True if _names_async(test.attrname) else None
    if isinstance(test, nodes.Subscript):
        key = test.slice
        return True if isinstance(key, nodes.Const) and isinstance(key.value, str) and _names_async(key.value) \
            else None
    if isinstance(test, nodes.Call):
        func = test.func
        if isinstance(func, nodes.Attribute) and func.attrname == "get" and test.args and isinstance(
                test.args[0], nodes.Const) and isinstance(test.args[0].value, str):
            return True if _names_async(test.args[0].value) else None
    return None  # ``iscoroutinefunction(f)`` itself: ``async_check_branch`` answers for a passed-in ``f``


def _awaits_call_of(statements: list[nodes.NodeNG], shown: str) -> bool:
    """Whether ``statements`` await a call of the callable spelled ``shown`` (``await handler(request)``)."""
    for statement in statements:
        for awaited in statement.nodes_of_class(nodes.Await, skip_klass=(nodes.FunctionDef, nodes.Lambda)):
            value = awaited.value
            if isinstance(value, nodes.Call) and value.func.as_string() == shown:
                return True
    return False


def _offloaded_elsewhere(call: nodes.Call, shown: str) -> bool:
    """Whether the function awaits a call that takes the callable as an argument (``await
    sync_to_thread(handler, request)``, ``await sync_to_async(handler)(...)`` on another branch): the
    code decides per callable which sync
    ones to hand to a thread, so calling the others directly is a deliberate choice."""
    for awaited in call.scope().nodes_of_class(nodes.Await, skip_klass=(nodes.FunctionDef, nodes.Lambda)):
        for inner in awaited.value.nodes_of_class(nodes.Call):  # ``sync_to_async(f)(...)`` too
            if any(isinstance(argument, (nodes.Name, nodes.Attribute)) and argument.as_string() == shown
                   for argument in inner.args):
                return True
    return False


def _following_siblings(statement: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
    following = statement.next_sibling()
    while following is not None:
        yield following
        following = following.next_sibling()


def sync_dispatch_test(call: nodes.Call) -> nodes.NodeNG | None:
    """The test of ``if info.get("is_async"): return await handler(request)`` when ``call`` is the sync
    branch's ``handler(request)`` (its ``else``, or a statement after such an ``if`` that returns): a
    dispatch on whether the callable is async whose other branch awaits the same callable. Else None."""
    func = call.func
    if not isinstance(func, (nodes.Name, nodes.Attribute)):
        return None
    shown = func.as_string()
    child, parent = call, call.parent
    while parent is not None and not isinstance(child, (nodes.FunctionDef, nodes.Lambda, nodes.Module)):
        if isinstance(parent, nodes.If) and child is not parent.test:
            polarity = _async_flag_polarity(parent.test)
            if polarity is not None:
                in_body = child in parent.body
                awaiting = parent.orelse if in_body else parent.body
                if in_body and not parent.orelse and isinstance(parent.body[-1], (nodes.Return, nodes.Raise)):
                    awaiting = list(_following_siblings(parent))  # ``if not is_async: return f()`` then the rest
                if in_body != polarity and _awaits_call_of(awaiting, shown) and not _offloaded_elsewhere(call, shown):
                    return parent.test
                return None
        if child.is_statement:
            previous = child.previous_sibling()
            while previous is not None:
                if isinstance(previous, nodes.If) and not previous.orelse and previous.body and isinstance(
                        previous.body[-1], (nodes.Return, nodes.Raise)) \
                        and _async_flag_polarity(previous.test) is True and _awaits_call_of(previous.body, shown) \
                        and not _offloaded_elsewhere(call, shown):
                    return previous.test
                previous = previous.previous_sibling()
        child, parent = parent, parent.parent
    return None


def sync_getattr_default(call: nodes.Call) -> nodes.FunctionDef | None:
    """``await handler(request)`` where ``handler = getattr(self, name, self.fallback)`` and the fallback
    is a plain project method (not one that returns a coroutine): the sync function the awaited call may
    run. None otherwise."""
    func = call.func
    if not isinstance(func, nodes.Name) or not isinstance(call.parent, nodes.Await):
        return None
    found = bindings(func)
    if len(found) != 1 or not isinstance(found[0], nodes.AssignName) or not isinstance(found[0].parent, nodes.Assign):
        return None
    value = found[0].parent.value
    if not (isinstance(value, nodes.Call) and isinstance(value.func, nodes.Name) and value.func.name == "getattr"
            and len(value.args) == 3 and qualified_name(value.func) in ("builtins.getattr", None)):
        return None
    fallback = called_function(value.args[2])
    if fallback is None or isinstance(fallback, nodes.AsyncFunctionDef) or fallback.is_generator() \
            or is_adapter_decorated(fallback) or not is_project_file(fallback.root().file):
        return None
    returned = agreed_return(fallback)
    return None if returned is not None and returned.name == api.COROUTINE else fallback


def checked_coroutine_function(func: nodes.Name) -> bool:
    return async_check_branch(func) == "if"


def argument_kinds(function: nodes.FunctionDef) -> dict[str, list[tuple[nodes.Call, Kind | None]]]:
    """For each parameter of a module-level function, the calls of it in its own module and the kind
    of the argument each passes (``_check(request, sync_to_async(f))``). Computed once per function."""
    arguments = current().arguments
    if function in arguments:
        return arguments[function]
    arguments[function] = {}  # cycle guard
    found: dict[str, list[tuple[nodes.Call, Kind | None]]] = {}
    if isinstance(function.parent, nodes.Module):
        params = [*(function.args.posonlyargs or []), *(function.args.args or [])]
        for call in function.root().nodes_of_class(nodes.Call):
            if not (isinstance(call.func, nodes.Name) and call.func.name == function.name):
                continue
            if bindings(call.func) != [function]:
                continue
            for param, argument in zip(params, call.args):
                if isinstance(argument, nodes.Starred):
                    break
                found.setdefault(param.name, []).append((call, kind_of(argument)))
            for keyword in call.keywords or []:
                if keyword.arg is not None:
                    found.setdefault(keyword.arg, []).append((call, kind_of(keyword.value)))
    arguments[function] = found
    return found


def called_function(node: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The project function or method a callable expression (``f``, ``self.m``, ``Cls.m``) is."""
    if isinstance(node, nodes.Attribute):
        receiver = kind_of(node.expr)
        if receiver is not None and (receiver.name in OBJECT_LIKE or receiver.name in CLASS_LIKE):
            return find_method(receiver.custom, node.attrname)
        if receiver is not None and receiver.name in api.SUBCLASS_KINDS and receiver.custom is not None:
            # ``serializer.apply_permission()`` of a project serializer (a library base's subclass): the
            # project's own method, where the subclass defines it
            method = find_method(receiver.custom, node.attrname)
            if method is not None and is_project_file(method.root().file):
                return method
    if isinstance(node, (nodes.Name, nodes.Attribute)):
        found = definition_of(node)
        return found if isinstance(found, nodes.FunctionDef) else None
    return None


def enclosing_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class whose method (or nested function of one) contains ``node``."""
    scope = node.scope()
    while scope is not None and not isinstance(scope, nodes.ClassDef):
        if isinstance(scope, nodes.Module):
            return None
        scope = scope.parent.scope() if scope.parent is not None else None
    return scope


def find_method_in_bases(cls: nodes.ClassDef | None, name: str) -> nodes.FunctionDef | None:
    """The method ``super().<name>`` runs inside a method of ``cls``: the first project base's."""
    if cls is None:
        return None
    for base in cls.bases:
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls:
            found = find_method(parent, name)
            if found is not None:
                return found
    return None


def _library_base_of_super(cls: nodes.ClassDef | None, name: str) -> Kind | None:
    """``super().create(...)`` in a method of ``cls``, a project class derived from a library class with
    rows (a DRF generic view...): that library kind, when no project base of ``cls`` defines ``name``
    (the method then runs is the library's, whatever ``cls`` itself overrides)."""
    if cls is None:
        return None
    for base in cls.bases:
        parent = definition_of(base)
        found = find_method(parent, name) if isinstance(parent, nodes.ClassDef) and parent is not cls else None
        if found is not None and is_project_file(found.root().file):
            return None
    classified = _classify(cls)
    if classified is None or classified.name != FACTORY or classified.result is None or \
            classified.result.name not in api.SUBCLASS_KINDS:
        return None
    return classified.result.but(custom=None)


def _many_over_queryset(call: nodes.Call) -> bool:
    """``BookSerializer(Book.objects.all(), many=True)`` (or ``instance=qs``)."""
    keywords = {keyword.arg: keyword.value for keyword in call.keywords or []}
    many = keywords.get("many")
    if not (isinstance(many, nodes.Const) and many.value is True):
        return False
    data = call.args[0] if call.args else keywords.get("instance")
    found = kind_of(data) if data is not None else None
    return found is not None and found.name in QUERYSET_LIKE


#: Builtins that make a new sequence of the same elements.
_COPYING_BUILTINS = frozenset({"builtins.list", "builtins.tuple", "builtins.sorted", "builtins.reversed"})


def _copied(copied: Kind | None) -> Kind | None:
    """What ``list(x)`` (``tuple``, ``sorted``...) holds: the same elements (``list(self.filter_backends)``);
    for a QuerySet of model instances (not ``values()`` rows), those instances, loaded by that query."""
    if copied is not None and copied.name == SEQUENCE:
        return copied
    if copied is not None and copied.name == api.QUERYSET and not copied.rows:
        return Kind(SEQUENCE, result=element_kind(copied))
    return None


def _function_result(qualified: str, call: nodes.Call) -> Kind | None:
    if qualified == "typing.cast" and len(call.args) == 2:  # ``cast(AsyncOperation, op)``: what it says
        return _kind_of_annotation(call.args[0])
    if qualified == "builtins.super" and not call.args:
        owner = enclosing_class(call)
        return Kind(SUPER, custom=owner) if owner is not None and is_project_file(owner.root().file) else None
    if qualified in ("builtins.staticmethod", "functools.partial") and call.args:
        wrapped = called_function(call.args[0])
        result = _returned_kind(wrapped, None) if wrapped is not None else None
        if qualified == "functools.partial" and wrapped is not None:  # calling it runs ``wrapped``
            return Kind(FACTORY, result=result, function=wrapped, origin="partial")
        return Kind(FACTORY, result=result) if result is not None else None
    if qualified == "builtins.type" and len(call.args) == 1 and not call.keywords:  # ``type(book)``
        instance = kind_of(call.args[0])
        if instance is not None and instance.name in INSTANCE_LIKE:
            return Kind(api.MODEL_CLASS, model=instance.model, user=instance.user)
        return None
    if qualified in _COPYING_BUILTINS and len(call.args) == 1 and not call.keywords:
        return _copied(kind_of(call.args[0]))
    if qualified == "builtins.getattr" and is_request_user_getattr(call):  # ``getattr(request, "user", None)``
        return Kind(api.USER, user=True)
    if qualified in api.IMPORT_STRING_FUNCTIONS and len(call.args) == 1 and not call.keywords:
        return _configured_class(call.args[0], call)
    if qualified in api.SYNC_TO_ASYNC:
        wrapped = call.args[0] if call.args else None
        return Kind(ADAPTED_CALLABLE, result=callable_result(wrapped, call) if wrapped is not None else None)
    if qualified in api.ASYNCIO_COROUTINE_FUNCTIONS:
        return Kind(api.COROUTINE, origin="adapter")
    if qualified in api.USER_MODEL_FUNCTIONS:
        return Kind(api.MODEL_CLASS, user=True)
    if qualified in api.GET_MODELS_FUNCTIONS:  # ``for model in apps.get_models():``
        return Kind(SEQUENCE, result=Kind(api.MODEL_CLASS))
    if qualified in api.GET_MODEL_FUNCTIONS:
        model = _model_named(_get_model_reference(call), call)
        # apps.get_model() returns a model class (or raises LookupError), even when which one is not
        # known here: its manager's Django methods are still queries.
        return _kind_of_class_reference(model) if model is not None else Kind(api.MODEL_CLASS)
    model = _model_argument(call)
    row = api.lookup(api.FUNCTION, qualified)
    if row is not None:
        return Kind(row.returns, model=model) if row.returns else None
    row = api.lookup_async(api.FUNCTION, qualified)
    if row is not None:
        result = Kind(row.returns, model=model) if row.returns else None
        return Kind(api.COROUTINE, api=row, result=result, origin="django")
    found = definition_of(call.func)
    if isinstance(found, nodes.FunctionDef):
        return _returned_kind(found, call)
    return None


_DOTTED_PATH = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")


def _configured_class(setting: nodes.NodeNG, call: nodes.Call) -> Kind | None:
    """``import_string(settings.PARSER_BACKEND)``: the project class the project's settings modules name
    for that setting (a dotted string assigned at module level or in a django-configurations class
    body, or the string default of a call there: ``values.Value("app.backends.Remote", ...)``), when
    they name exactly one. Built by configuration (the environment may choose another), so its work
    is reported as possible (``configured``)."""
    qualified = qualified_name(setting) if isinstance(setting, nodes.Attribute) else None
    if qualified is None or qualified.rpartition(".")[0] != api.SETTINGS_OBJECT:
        return None
    name = setting.attrname
    root = _project_root(os.path.dirname(os.path.abspath(call.root().file))) if call.root().file else None
    classes = set()
    for path in _candidate_files(call.root().file):
        relative = os.path.relpath(path, root)
        if "settings" not in relative or is_test_module(path) or not names_word(path, name):
            continue
        for dotted in _setting_strings(path, name):
            found = definition(dotted, call) if _DOTTED_PATH.match(dotted) else None
            if isinstance(found, nodes.ClassDef) and is_project_file(found.root().file):
                classes.add(found)
    if len(classes) != 1:
        return None
    cls = classes.pop()
    reference = _kind_of_class_reference(cls)
    if reference is None or reference.name != PROJECT_CLASS:
        return None
    return reference.but(configured=f"settings.{name} names {cls.name}")


def _setting_strings(path: str, name: str) -> list[str]:
    """The strings a settings file assigns to ``name`` (anywhere: module level, a class body, a branch),
    directly or as a call's positional or ``default=`` argument."""
    import ast

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if not any(isinstance(target, ast.Name) and target.id == name for target in targets):
            continue
        values = [node.value]
        if isinstance(node.value, ast.Call):
            values = [*node.value.args, *(k.value for k in node.value.keywords if k.arg == "default")]
        found.extend(value.value for value in values
                     if isinstance(value, ast.Constant) and isinstance(value.value, str))
    return found


def _model_argument(call: nodes.Call) -> nodes.ClassDef | None:
    """The model of ``get_object_or_404(Book, ...)``/``(Book.objects.filter(...), ...)``."""
    if not call.args:
        return None
    first = kind_of(call.args[0])
    return first.model if first is not None else None


def _method_result(receiver: Kind, name: str, call: nodes.Call) -> Kind | None:
    if receiver.name == MAPPING:
        return _mapping_method_result(receiver, name, call)
    if receiver.name == KEYWORD_ARGUMENTS:
        return _keyword_argument(receiver, call.args[0] if name in ("pop", "get") and call.args else None)
    if receiver.name == CONSUMER_SCOPE:
        return _scope_user(call.args[0] if name == "get" and call.args else None)
    if receiver.name in OBJECT_LIKE or receiver.name == PROJECT_CLASS:
        if not receiver.exact and receiver.name in (PROJECT_OBJECT, PROJECT_CLASS) and overridden(receiver.custom,
                                                                                                   name):
            return None  # maybe a subclass's override: which method runs is not known
        method = find_method(receiver.custom, name)
        if method is not None:
            return _returned_kind(method, call, receiver)
    if receiver.name in INSTANCE_LIKE and receiver.model is None and name in api.MODEL_CLASS_METHODS:
        return Kind(api.MODEL_CLASS)  # ``ct.model_class()`` of a library model (the contenttypes one)
    if receiver.name in INSTANCE_LIKE and receiver.model is not None:
        method = find_method(receiver.model, name)  # ``await agent.nats_cmd(...)``: the model's own coroutine
        if isinstance(method, nodes.AsyncFunctionDef) and is_plain_coroutine_function(method) \
                and not method.is_generator():
            # What it returns is left unknown: takahe's ``await post.afetch_full()`` is annotated ``-> "Post"``
            # but returns the post with its relations prefetched.
            return Kind(api.COROUTINE, origin="project", function=method)
        if method is not None and not isinstance(method, nodes.AsyncFunctionDef) and is_adapter_decorated(method) \
                and not method.is_generator() and is_project_file(method.root().file):
            # ``await game.start_game()``, a ``@sync_to_async`` method of the model: its body runs in a thread
            # and the await gives what its returns agree on -- read from the returns, not the annotation (a
            # query there tells which relations it loaded; ``-> "Post"`` does not)
            return Kind(api.COROUTINE, origin="adapter", result=_returns_agree(method))
    if receiver.name == SUPER:
        method = find_method_in_bases(receiver.custom, name)
        return _returned_kind(method, call) if method is not None else None
    if receiver.name in QUERYSET_LIKE:
        custom = find_method(receiver.custom, name) or find_method(receiver.manager, name)
        if custom is not None:
            result = _returned_kind(custom, call)
            if result is not None and result.name in QUERYSET_LIKE:
                return result.but(model=result.model or receiver.model, user=receiver.user)
            return result
        if name in api.LAZY_QUERYSET_METHODS:
            only, deferred = _loaded_fields(receiver, name, call)
            return Kind(api.QUERYSET, model=receiver.model, user=receiver.user,
                        custom=_queryset_class(receiver),
                        rows=receiver.rows or name in api.ROW_QUERYSET_METHODS, only=only, deferred=deferred,
                        related=_loaded_relations(receiver, name, call))
    if receiver.name == CONNECTION_HANDLER and name in api.CONNECTION_LISTS:
        return Kind(SEQUENCE, result=Kind(api.CONNECTION))
    if receiver.name == QUERYSET_CLASS and name in api.MANAGER_FACTORY_METHODS:
        return Kind(api.MANAGER, custom=receiver.custom)
    if receiver.name == MANAGER_CLASS and name in api.MANAGER_CLASS_FACTORIES:
        queryset = kind_of(call.args[0]) if call.args else None
        custom = queryset.custom if queryset is not None and queryset.name == QUERYSET_CLASS else None
        return Kind(MANAGER_CLASS, custom=custom, user=receiver.user, manager=receiver.custom)
    row = api.lookup(receiver.name, name)
    if row is not None:
        if row.returns is None:
            streamed = api.STREAMED_RESULTS.get((receiver.name, name))
            return Kind(streamed) if streamed is not None and _passes_true(call, "stream") else None
        return Kind(_returned(row, receiver), model=receiver.model, user=receiver.user,
                    only=receiver.only, deferred=receiver.deferred, related=_fetched_relations(receiver, row))
    row = api.lookup_async(receiver.name, name)
    if row is not None:
        if row.async_returns == api.ASYNC_ITERATOR:
            return Kind(api.ASYNC_ITERATOR, api=row, model=receiver.model, rows=receiver.rows,
                        only=receiver.only, deferred=receiver.deferred, related=_relations_of(receiver))
        result = Kind(_returned(row, receiver), model=receiver.model, user=receiver.user,
                      only=receiver.only, deferred=receiver.deferred,
                      related=_fetched_relations(receiver, row)) if row.returns else None
        return Kind(api.COROUTINE, api=row, result=result, origin="django")
    if name in api.ASYNC_ITERATOR_METHODS.get(receiver.name, ()):  # redis.asyncio's ``scan_iter()``
        return Kind(api.ASYNC_ITERATOR, origin="library")
    if api.is_library_coroutine(receiver.name, name):  # ``await context.abort(...)`` of grpc.aio
        return Kind(api.COROUTINE, origin="library")
    derived = api.DERIVED_KINDS.get((receiver.name, f"{name}()"))  # ``path.joinpath("x")``
    if derived is None and not name.startswith("_"):
        derived = api.DERIVED_KINDS.get((receiver.name, f"{api.WILDCARD}()"))  # ``client.messages(sid)`` of Twilio
    return Kind(derived) if derived is not None else None


def _mapping_method_result(mapping: Kind, name: str, call: nodes.Call) -> Kind | None:
    """``tournaments.get(key)``, ``.pop(key)`` (no default, or ``None``): a value of the annotated kind
    (or None, which has no methods); ``.values()``: those values. A default of another kind: unknown."""
    if name == "values" and not call.args:
        return Kind(SEQUENCE, result=mapping.result)
    if name not in ("get", "pop") or not call.args or len(call.args) > 2 or call.keywords:
        return None
    if len(call.args) == 2 and not (isinstance(call.args[1], nodes.Const) and call.args[1].value is None):
        return None
    return mapping.result


def _passes_true(call: nodes.Call, keyword: str) -> bool:
    """``create(..., stream=True)``: the call passes the literal True for ``keyword``."""
    return any(k.arg == keyword and isinstance(k.value, nodes.Const) and k.value.value is True
               for k in call.keywords or ())


def _relations_of(receiver: Kind) -> frozenset[str] | None:
    """The relations a query built from ``receiver`` loads: none from a model's plain manager (one
    whose ``get_queryset`` the project does not override), what the QuerySet recorded; else not known."""
    if receiver.related is not None:
        return receiver.related
    if receiver.name == api.MANAGER and receiver.model is not None and not receiver.user \
            and find_method(receiver.custom, "get_queryset") is None:
        return frozenset()
    if receiver.name in (api.MANAGER, api.USER_MANAGER) and receiver.model is not None and receiver.user \
            and is_project_file(receiver.model.root().file) and find_method(receiver.custom, "get_queryset") is None \
            and _plain_default_manager(receiver.model):
        return frozenset()  # the project's own user model: a model like any other
    if receiver.name == api.RELATED_MANAGER and receiver.model is not None and not receiver.user \
            and _plain_default_manager(receiver.model):
        return frozenset()  # a related manager queries through the related model's default manager
    return None


def _plain_default_manager(model: nodes.ClassDef) -> bool:
    """Whether every manager ``model`` (or a project base) declares is Django's or one whose class does
    not override ``get_queryset`` (so its queries select no relation); an unknown call named like a
    manager (``TreeManager()`` of a library) makes it not known."""
    for cls in [model, *project_bases(model)]:
        for statement in cls.body:
            if not isinstance(statement, nodes.Assign) or not isinstance(statement.value, nodes.Call):
                continue
            declared = kind_of(statement.value)
            if declared is None:
                func = statement.value.func
                called = func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", "")
                if called.endswith("Manager") or called == "as_manager":
                    return False
            elif declared.name in (api.MANAGER, api.USER_MANAGER) and (
                    find_method(declared.custom, "get_queryset") is not None
                    or find_method(declared.manager, "get_queryset") is not None):
                return False
    return True


def project_bases(cls: nodes.ClassDef, _depth: int = 0) -> list[nodes.ClassDef]:
    """The project classes ``cls`` derives from, through any number of project steps (nearest first)."""
    found = []
    for base in cls.bases if _depth < 8 else ():
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls and is_project_file(parent.root().file):
            found += [parent, *project_bases(parent, _depth + 1)]
    return found


def _fetched_relations(receiver: Kind, row: api.SyncApi) -> frozenset[str] | None:
    """The relations loaded with the instance a fetch (``get``/``first``/``latest``... and their async
    forms) returns; None for what creates instances (their relations are the ones passed in)."""
    if row.effect != api.QUERY or row.returns != api.INSTANCE or \
            receiver.name not in (api.MANAGER, api.USER_MANAGER, api.QUERYSET):
        return None
    return _relations_of(receiver)


def _loaded_relations(receiver: Kind, name: str, call: nodes.Call) -> frozenset[str] | None:
    """What ``.select_related(...)``/``.prefetch_related(...)`` add to the relations a QuerySet loads;
    no argument, or one that is not a string (a ``Prefetch``), makes them not known."""
    loaded = _relations_of(receiver)
    if name not in ("select_related", "prefetch_related") or loaded is None:
        return loaded
    if not call.args or call.keywords or not all(
            isinstance(argument, nodes.Const) and isinstance(argument.value, str) for argument in call.args):
        return None
    return loaded | frozenset(argument.value.split("__", 1)[0] for argument in call.args)


def unloaded_relation_read(node: nodes.Attribute) -> nodes.ClassDef | None:
    """The related model when ``node`` reads a forward ForeignKey/OneToOne of an instance fetched by a
    query that did not ``select_related``/``prefetch_related`` it (Django loads it with another,
    sync query); else None. Not after the function assigned the relation on that variable. A nullable
    relation counts too (Django queries whenever its ``_id`` is set; only a NULL id skips the query):
    ``nullable_relation`` tells it apart, for a *possible* finding."""
    if isinstance(node.parent, nodes.Call) and node.parent.func is node:
        return None
    instance = kind_of(node.expr)
    if _authenticated_user(node.expr, instance):
        instance = instance.but(assumed=True)  # relations not known: ``AUTHENTICATED_NOTE``
    if instance is None or instance.name not in INSTANCE_LIKE \
            or (instance.model is None and not instance.assumed) \
            or (instance.related is None and not instance.assumed and not own_instance_of_coroutine_method(node.expr)) \
            or node.attrname in (instance.related or ()):
        return None
    field = _class_attribute(instance.model, node.attrname) if instance.model is not None else None
    if field is None:  # a reverse one-to-one accessor: not cached unless selected or read before
        related = reverse_one_to_one(instance, node.attrname, node)
        if related is None:
            return None
        user_model = _user_model_related(related, node.attrname) if instance.model is None else None
        if user_model is not None and not _plain_default_manager(user_model):
            return None  # authentication loads the user through that manager, which may select it
    elif instance.related is None and not instance.assumed and instances_built_with(instance.model, node.attrname):
        return None  # ``self`` of a model the project only builds with the relation passed: cached
    elif not isinstance(field, nodes.Call) or \
            (qualified_name(field.func) or "") not in api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS:
        return None
    else:
        related = None
    if isinstance(node.expr, nodes.Name):
        same = [other for other in node.frame().nodes_of_class((nodes.AssignAttr, nodes.Attribute))
                if other.attrname == node.attrname and isinstance(other.expr, nodes.Name)
                and other.expr.name == node.expr.name]
        if any(isinstance(other, nodes.AssignAttr) for other in same):
            return None  # assigned here: the relation is the object assigned
        same += _attribute_lookups(node.frame(), node.expr.name, node.attrname)
        if any((other.fromlineno, other.col_offset) < (node.fromlineno, node.col_offset) for other in same):
            return None  # read before: loaded (and cached) by that first read
    if field is None:
        return related
    related = _related_model(field, instance.model)
    if related is None and _names_auth_model(field):
        return instance.model  # ``ForeignKey(Group)`` without Django importable: a relation all the same
    return related


def _attribute_lookups(frame: nodes.NodeNG, name: str, attribute: str) -> list[nodes.Call]:
    """The calls ``hasattr(name, "attribute")``/``getattr(name, "attribute"...)`` in ``frame``, also handed
    to ``sync_to_async`` (``await sync_to_async(hasattr)(card, "chip")``): reads of the attribute."""
    found = []
    for call in frame.nodes_of_class(nodes.Call):
        function = call.func
        if isinstance(function, nodes.Call) and function.args and \
                (qualified_name(function.func) or "") in api.SYNC_TO_ASYNC:
            function = function.args[0]
        if (qualified_name(function) or "") not in ("builtins.hasattr", "builtins.getattr") or len(call.args) < 2:
            continue
        target, key = call.args[0], call.args[1]
        if isinstance(target, nodes.Name) and target.name == name and isinstance(key, nodes.Const) \
                and key.value == attribute:
            found.append(call)
    return found


def _authenticated_user(node: nodes.NodeNG, instance: Kind | None) -> bool:
    """Whether ``node`` is a user that authentication loaded, of a model class not known
    (``await request.auser()``, ``scope["user"]``): Django's ``ModelBackend`` loads it by primary key
    without any relation, another backend may select some. Not ``request.user`` itself, whose lazy read
    sync-auth-call-in-async reports."""
    if instance is None or instance.name != api.USER or instance.model is not None or instance.related is not None:
        return False
    if isinstance(node, nodes.Attribute) and node.attrname == "user":
        receiver = kind_of(node.expr)
        return receiver is None or receiver.name != api.REQUEST
    return True


def _names_auth_model(field: nodes.Call) -> bool:
    """``ForeignKey(Group)``, ``ForeignKey(settings.AUTH_USER_MODEL)``, ``ForeignKey(get_user_model())``,
    ``ForeignKey("auth.Group")``: a relation to a model of ``django.contrib.auth``."""
    target = field.args[0] if field.args else next(
        (keyword.value for keyword in field.keywords or [] if keyword.arg == "to"), None)
    if isinstance(target, nodes.Const) and isinstance(target.value, str):
        return target.value.startswith("auth.")
    if isinstance(target, nodes.Call):
        return qualified_name(target.func) == "django.contrib.auth.get_user_model" if isinstance(
            target.func, (nodes.Name, nodes.Attribute)) else False
    if isinstance(target, (nodes.Name, nodes.Attribute)):
        qualified = qualified_name(target) or ""
        return qualified.startswith("django.contrib.auth.models.") or qualified == "django.conf.settings.AUTH_USER_MODEL"
    return False


def relation_read_note(node: nodes.Attribute) -> str:
    """Why a read of an unloaded relation is only a *possible* query, or "" when it is a definite one."""
    if nullable_relation(node):
        return NULLABLE_NOTE
    if own_instance_of_coroutine_method(node.expr):
        return OWN_INSTANCE_NOTE
    instance = kind_of(node.expr)
    if _authenticated_user(node.expr, instance):
        return AUTHENTICATED_NOTE
    return ANNOTATED_NOTE if instance is not None and instance.assumed else ""


def own_instance_of_coroutine_method(node: nodes.NodeNG) -> bool:
    """``self`` of an ``async def`` method of a model class, read in that method itself, where no call
    being followed binds it: the query that loaded the instance is its callers', not known here, and
    Django's own loaders (``aget``, ``arefresh_from_db()``, ``async for``) select no relation unless
    told to, so reading a forward relation of it *may* query (``OWN_INSTANCE_NOTE``)."""
    if not isinstance(node, nodes.Name) or node.name != "self":
        return False
    function = node.frame()
    if not isinstance(function, nodes.AsyncFunctionDef) or function.type != "method" or \
            not isinstance(function.parent, nodes.ClassDef):
        return False
    positional = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    if not positional or positional[0].name != "self":
        return False
    bound = current().bound
    if bound and positional[0] in bound[-1]:
        return False  # a call being followed passes the instance: its kind decides
    if any(isinstance(other, nodes.Call) and isinstance(other.func, nodes.Attribute)
           and other.func.attrname in api.RELOADING_METHODS
           and isinstance(other.func.expr, nodes.Name) and other.func.expr.name == "self"
           and any(keyword.arg == api.RELOAD_QUERYSET_KEYWORD for keyword in other.keywords or [])
           for other in function.nodes_of_class(nodes.Call)):
        return False  # reloaded from a QuerySet of its own (Django 5.1+), which may select the relation
    owner = _kind_of_class_reference(function.parent)
    return owner is not None and owner.name == api.MODEL_CLASS


def instances_built_with(model: nodes.ClassDef, relation: str) -> bool:
    """Whether every instance of ``model`` the project can hold was built by the project with ``relation``
    passed (``Child(parent=parent)``, which caches the related object): no relation leads to the model (a
    reverse accessor), no project class derives from it, and its project's text (``models_built_with``)
    never loads it and builds it, each time with ``relation=``."""
    if not model.root().file or reverse_relations(model) or project_subclasses(model):
        return False
    root = _project_root(os.path.dirname(os.path.abspath(model.root().file)))
    return models_built_with(root, f"{model.name}.{relation}")


def models_built_with(root: str, name: str) -> bool:
    """``name`` is ``Model.relation``: whether no Python file under ``root`` (test modules included: they
    are where such models are built) names a manager of the model (``Child.objects``, ``_default_manager``,
    ``_base_manager``) but to create a row with ``relation=`` passed (``Child.objects.acreate(parent=...)``,
    which builds the instance with it, as ``Child(parent=...)`` does), loads it with a shortcut or
    ``get_model``, or declares ``model = Child`` outside a ``Meta`` (a generic view's or admin's model, which
    loads rows), and at least one file builds it, every call ``Child(...)`` or ``Child.objects.create(...)``
    passing ``relation=`` (Mottle's ``User``, which its tests create with ``spotify_user=``). Read as text,
    never parsed; once per run (the persistent cache asks it again, ``asynclint.cache.TEXT_QUERIES``)."""
    memo = current().built
    key = ("built-with", root, name)
    if key not in memo:
        memo[key] = _only_built_with(root, *name.split(".", 1))
    return memo[key]


def _only_built_with(root: str, model: str, relation: str) -> bool:
    name = re.escape(model)
    manager = re.compile(rf"\b{name}\s*\.\s*(?:objects|_default_manager|_base_manager)\b")
    loads = re.compile(rf"get_(?:object|list)_or_404\(\s*{name}\b|get_model\([^)]*[\"']{name}[\"']")
    declared = re.compile(rf"^([ \t]*)model\s*=\s*{name}\b", re.MULTILINE)
    calls = re.compile(rf"(?<![\w.]){name}\(")
    passed = re.compile(rf"(?<![\w.]){re.escape(relation)}\s*=(?!=)")
    built = False
    for path in _python_files_under(root):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            continue
        if model not in text:
            continue
        if loads.search(text) or any(_outside_meta(text, match) for match in declared.finditer(text)):
            return False
        for use in manager.finditer(text):
            # ``Child.objects.create(parent=parent, ...)`` builds the instance with the relation passed
            # (``create`` is ``Child(**kwargs)`` then ``save()``): cached like ``Child(parent=...)``.
            creating = _CREATE.match(text, use.end())
            if creating is None or not passed.search(_call_arguments(text, creating.end())):
                return False
            built = True
        for call in calls.finditer(text):
            if text[:call.start()].rstrip().endswith("class"):
                continue  # ``class Child(models.Model):``
            if not passed.search(_call_arguments(text, call.end())):
                return False
            built = True
    return built


#: ``.create(`` / ``.acreate(`` right after a manager: the manager call that builds an instance.
_CREATE = re.compile(r"\s*\.\s*a?create\s*\(")


def _call_arguments(text: str, start: int) -> str:
    """The text between the ``(`` that ends just before ``start`` and its closing parenthesis."""
    depth = 1
    for index in range(start, min(len(text), start + 2000)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[start:index]
    return ""


def _outside_meta(text: str, match: re.Match) -> bool:
    """``model = X`` not in a ``class Meta`` body (a generic view's or admin's model, which loads rows)."""
    indent = len(match.group(1))
    for line in reversed(text[:match.start()].splitlines()):
        stripped = line.lstrip()
        if stripped and len(line) - len(stripped) < indent:
            return not stripped.startswith("class Meta")
    return True


def nullable_relation(node: nodes.Attribute) -> bool:
    """Whether the forward relation ``node`` reads is declared ``null=True`` (an instance whose ``_id``
    is NULL reads None without a query)."""
    instance = kind_of(node.expr)
    field = _class_attribute(instance.model, node.attrname) if instance is not None and instance.model else None
    return isinstance(field, nodes.Call) and any(
        keyword.arg == "null" and not (isinstance(keyword.value, nodes.Const) and keyword.value.value is False)
        for keyword in field.keywords or [])


#: Why the read of a nullable relation is a *possible* finding (the note of its operation).
NULLABLE_NOTE = "a nullable relation: Django queries whenever its _id is set; only a NULL id skips the query"
#: Why the read of a relation of a model coroutine method's own instance is a *possible* finding.
OWN_INSTANCE_NOTE = ("the instance a model's coroutine method is called on: Django queries unless every "
                     "caller loaded it with select_related")
#: Why the read of a reverse one-to-one accessor of a user authentication loaded is a *possible* finding.
AUTHENTICATED_NOTE = ("the user authentication loaded: Django's ModelBackend loads it by primary key without "
                      "relations, another backend may select this one")
#: Why the read of a relation of a user known from an annotation is a *possible* finding.
ANNOTATED_NOTE = ("a user known from an annotation: Django queries unless the code that loaded it "
                  "selected the relation (select_related)")


def _loaded_fields(receiver: Kind, name: str, call: nodes.Call) -> tuple[frozenset[str] | None, frozenset[str]]:
    """What ``.only(...)``/``.defer(...)`` leave loaded; an argument that is not a string forgets it all."""
    if name not in ("only", "defer"):
        return receiver.only, receiver.deferred
    names = set()
    for argument in call.args:
        if not (isinstance(argument, nodes.Const) and isinstance(argument.value, str)):
            return None, frozenset()
        names.add(argument.value.split("__", 1)[0])
    if call.keywords:
        return None, frozenset()
    if name == "only":
        return frozenset(names), frozenset()
    if not call.args:  # ``.defer(None)`` / ``.defer()`` clears the deferrals
        return receiver.only, frozenset()
    return receiver.only, receiver.deferred | frozenset(names)


def deferred_field_read(node: nodes.Attribute) -> Kind | None:
    """The instance kind when ``node`` reads a concrete field that ``.only()``/``.defer()`` left out
    of the query that loaded the instance (reading it runs another query); else None."""
    instance = kind_of(node.expr)
    if instance is None or instance.name not in INSTANCE_LIKE or instance.model is None:
        return None
    if instance.only is None and not instance.deferred:
        return None
    field = node.attrname
    if field in ("pk", "id"):
        return None
    if field not in instance.deferred and (instance.only is None or field in instance.only):
        return None
    if isinstance(node.parent, nodes.Call) and node.parent.func is node:
        return None
    if not _is_concrete_field(instance.model, field):
        return None
    return instance


def is_request_user_getattr(node: nodes.NodeNG) -> bool:
    """``getattr(request, "user", None)``: the same lazy read as ``request.user``."""
    if not isinstance(node, nodes.Call) or not isinstance(node.func, nodes.Name) or node.func.name != "getattr":
        return False
    if len(node.args) < 2 or not (isinstance(node.args[1], nodes.Const) and node.args[1].value == "user"):
        return False
    if qualified_name(node.func) not in ("builtins.getattr", None):
        return False
    receiver = kind_of(node.args[0])
    return receiver is not None and receiver.name == api.REQUEST


def _is_concrete_field(model: nodes.ClassDef, name: str) -> bool:
    value = _class_attribute(model, name)
    if not isinstance(value, nodes.Call):
        return False
    field = (qualified_name(value.func) if isinstance(value.func, (nodes.Name, nodes.Attribute)) else None) or ""
    if field in api.MANY_TO_MANY_FIELDS:
        return False
    return field in api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS or (
        field.startswith("django.") and field.endswith("Field"))


def _returned(row: api.SyncApi, receiver: Kind) -> str:
    """The kind a row returns; an instance of the user model is a user (``has_perm``...)."""
    return api.USER if row.returns == api.INSTANCE and receiver.user else row.returns


def _queryset_class(receiver: Kind) -> nodes.ClassDef | None:
    """The custom QuerySet class that lazy methods of ``receiver`` keep returning."""
    if receiver.custom is None:
        return None
    if _kind_of_class_reference(receiver.custom) is not None and \
            _kind_of_class_reference(receiver.custom).name == QUERYSET_CLASS:
        return receiver.custom
    get_queryset = find_method(receiver.custom, "get_queryset")
    if get_queryset is not None:
        result = _returned_kind(get_queryset, None)
        if result is not None and result.name == api.QUERYSET:
            return result.custom
    return None


def find_method(cls: nodes.ClassDef | None, name: str, _depth: int = 0) -> nodes.FunctionDef | None:
    """A method defined by a project class or its project base classes (not by Django)."""
    if cls is None or _depth > 8:
        return None
    for found in cls.locals.get(name, ()):
        if isinstance(found, nodes.FunctionDef):
            return found
    for base in cls.bases:
        if isinstance(base, nodes.Call):  # models.Manager.from_queryset(QS)
            built = kind_of(base)
            if built is not None and built.custom is not None:
                method = find_method(built.custom, name, _depth + 1)
                if method is not None:
                    return method
            continue
        if qualified_name(base) in api.CALL_RESULT_KINDS:
            continue  # a library class the table knows (ModelSerializer): its methods are rows, not project code
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef) and parent is not cls:
            method = find_method(parent, name, _depth + 1)
            if method is not None:
                return method
    return None


def _returned_kind(function: nodes.FunctionDef, call: nodes.Call | None, receiver: Kind | None = None) -> Kind | None:
    """What calling a project function or custom method gives: the kind its returns agree on.

    The parameters take the kinds of the call's arguments, so ``await aget_or_404(Book.objects, pk=1)``
    is a Book even though the helper's ``queryset`` parameter has no annotation; ``self`` takes the
    receiver's kind when that object carries what its constructor was given (``await dc.resolution()``
    returning ``self.content``). Answers computed under such bindings go to a separate cache, dropped
    afterwards.
    """
    bound = _bind_arguments(function, call) if call is not None else {}
    positional = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    if receiver is not None and receiver.attributes and function.type == "method" and positional:
        bound[positional[0]] = receiver
    if not bound:
        return _returned_kind_unbound(function)
    context = current()
    saved, context.kinds = context.kinds, {}
    context.bound.append(bound)
    try:
        return _returned_kind_unbound(function)
    finally:
        context.bound.pop()
        context.kinds = saved


def request_parameters(function: nodes.FunctionDef, call: nodes.NodeNG) -> frozenset[str]:
    """The parameters of ``function`` not named ``request`` to which ``call`` passes Django's request
    (``_username(request)`` into ``def _username(req)``); a constructor call binds past ``self``."""
    if not isinstance(call, nodes.Call) or function.name in POST_INIT:
        return frozenset()
    constructor = function.name == "__init__" and not (isinstance(call.func, nodes.Attribute)
                                                       and call.func.attrname == "__init__")
    return frozenset(param.name for param, found in _bind_arguments(function, call, constructor).items()
                     if found.name == api.REQUEST and isinstance(param, nodes.AssignName)
                     and param.name not in ("request", "self", "cls"))


def orm_arguments(function: nodes.FunctionDef, call: nodes.Call) -> dict[nodes.AssignName | nodes.Arguments, Kind]:
    """The parameters of ``function`` that ``call`` passes a QuerySet, manager or model instance (its
    ``**kwargs`` when it collects such a keyword argument: ``Form(data, user=self.user)``)."""
    if function.name in POST_INIT:
        return {}
    constructor = function.name == "__init__" and not (isinstance(call.func, nodes.Attribute)
                                                      and call.func.attrname == "__init__")
    found: dict[nodes.AssignName | nodes.Arguments, Kind] = {
        param: kind for param, kind in _bind_arguments(function, call, constructor).items()
        if _orm_kind(kind) or kind.name == KEYWORD_ARGUMENTS and any(_orm_kind(k) for _, k in kind.attributes)
    }
    receiver = _partly_loaded_receiver(function, call)
    if receiver is not None:
        found[function.args.args[0]] = receiver
    return found


def _partly_loaded_receiver(function: nodes.FunctionDef, call: nodes.Call) -> Kind | None:
    """``agent.nats_cmd()`` on an instance loaded with ``.only(...)``/``.defer(...)``: the instance, for
    the method's ``self`` (its deferred fields follow it into its own methods)."""
    if function.type != "method" or not function.args.args or not isinstance(call.func, nodes.Attribute) \
            or call.func.attrname != function.name:
        return None
    receiver = kind_of(call.func.expr)
    if receiver is None or receiver.name not in INSTANCE_LIKE or (receiver.only is None and not receiver.deferred):
        return None
    return receiver


def loaded_receiver_of_property(function: nodes.FunctionDef, node: nodes.Attribute) -> Kind | None:
    """``step.workflow_id`` read on an instance whose loading query is known (``await Step.objects.aget(...)``,
    an element of ``list(Step.objects.filter(...))``), where ``workflow_id`` is a property of its model:
    the instance, for the property's ``self``, so that the property's reads of relations that query did
    not select (``self.tab.workflow_id``) or of fields it left out are known to query. None when the
    function reading the property assigns or reads a relation of the receiver earlier (``step.tab = tab``,
    ``step.tab`` read in a thread first): the relation may be cached by then."""
    if not is_property(function) or not function.args.args or node.attrname != function.name \
            or not isinstance(node.expr, nodes.Name):
        return None
    receiver = kind_of(node.expr)
    if receiver is None or receiver.name not in INSTANCE_LIKE or receiver.model is None \
            or (receiver.related is None and receiver.only is None and not receiver.deferred):
        return None
    for other in node.frame().nodes_of_class((nodes.AssignAttr, nodes.Attribute)):
        if other is node or not isinstance(other.expr, nodes.Name) or other.expr.name != node.expr.name:
            continue
        field = _class_attribute(receiver.model, other.attrname)
        relation = isinstance(field, nodes.Call) and (qualified_name(field.func) or "") in \
            api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS
        if relation and (isinstance(other, nodes.AssignAttr)
                         or (other.fromlineno, other.col_offset) < (node.fromlineno, node.col_offset)):
            return None
    return receiver


def _orm_kind(kind: Kind) -> bool:
    return kind.name in QUERYSET_LIKE or kind.name in INSTANCE_LIKE


def foreign_request_parameters(function: nodes.FunctionDef, call: nodes.NodeNG,
                               kind: str = FOREIGN_REQUEST) -> frozenset[str]:
    """The parameters of ``function`` to which ``call`` passes a non-Django request (``FOREIGN_REQUEST``),
    or a value of another plain ``kind`` (``api.IN_MEMORY_FILE``)."""
    if not isinstance(call, nodes.Call):
        return frozenset()
    return frozenset(param.name for param, found in _bind_arguments(function, call).items()
                     if found.name == kind)


def assuming_foreign_requests(function: nodes.FunctionDef, names: frozenset[str], kind: str = FOREIGN_REQUEST):
    """Answer kinds in ``function`` as if its parameters ``names`` were non-Django requests (or ``kind``)."""
    params = {param: Kind(kind) for param in function.args.arguments or () if param.name in names}
    return assuming(params) if params else contextlib.nullcontext()


@contextlib.contextmanager
def assuming(bound: dict[nodes.AssignName, Kind]) -> Iterator[None]:
    """Answer kinds as if the parameters in ``bound`` had those kinds (a separate, dropped cache)."""
    context = current()
    saved, context.kinds = context.kinds, {}
    context.bound.append(bound)
    try:
        yield
    finally:
        context.bound.pop()
        context.kinds = saved


def _bind_arguments(function: nodes.FunctionDef, call: nodes.Call,
                    constructor: bool = False) -> dict[nodes.AssignName, Kind]:
    params = function.args
    positional = [*(params.posonlyargs or []), *(params.args or [])]
    if constructor or function.type in ("method", "classmethod") and isinstance(call.func, nodes.Attribute):
        positional = positional[1:]  # self/cls is the receiver (``Holder(x)`` runs ``__init__(self, x)``)
    bound: dict[nodes.AssignName, Kind] = {}
    for param, argument in zip(positional, call.args):
        if isinstance(argument, nodes.Starred):
            break
        found = kind_of(argument)
        if found is not None:
            bound[param] = found
    by_name = {param.name: param for param in [*positional, *(params.kwonlyargs or [])]}
    collected: list[tuple[str, Kind]] = []  # by ``**kwargs``
    for keyword in call.keywords or []:
        param = by_name.get(keyword.arg)
        found = kind_of(keyword.value) if param is not None or params.kwarg and keyword.arg else None
        if found is not None and param is not None:
            bound[param] = found
        elif found is not None:
            collected.append((keyword.arg, found))
    if collected:
        bound[params] = Kind(KEYWORD_ARGUMENTS, attributes=tuple(collected))
    return bound


def callable_result(wrapped: nodes.NodeNG, call: nodes.Call) -> Kind | None:
    """What calling ``wrapped`` (a lambda, a function, a bound manager method) returns."""
    if isinstance(wrapped, nodes.Lambda):
        return kind_of(wrapped.body)
    if isinstance(wrapped, nodes.Attribute):
        receiver = kind_of(wrapped.expr)
        hook = template_hook(receiver.custom, wrapped.attrname) if receiver is not None \
            and receiver.name == PROJECT_CLASS and isinstance(receiver.custom, nodes.ClassDef) else None
        if hook is not None:  # ``sync_to_async(OpenDeal.execute)``: what the subclass's ``process()`` returns
            return agreed_return(hook)
        if receiver is not None:
            return _method_result(receiver, wrapped.attrname, call)
    if isinstance(wrapped, (nodes.Name, nodes.Attribute)):
        found = definition_of(wrapped)
        if isinstance(found, nodes.FunctionDef) and not isinstance(found, nodes.AsyncFunctionDef):
            return agreed_return(found)
    return None


def is_adapter_decorated(function: nodes.FunctionDef) -> bool:
    """``@sync_to_async`` / ``@database_sync_to_async`` (with or without arguments)."""
    return has_decorator(function, api.SYNC_TO_ASYNC)


def _returned_kind_unbound(function: nodes.FunctionDef) -> Kind | None:
    if not isinstance(function, nodes.AsyncFunctionDef) and is_adapter_decorated(function):
        return Kind(api.COROUTINE, origin="adapter", result=agreed_return(function))
    if not isinstance(function, nodes.AsyncFunctionDef) and function.decorators is not None \
            and is_plain_coroutine_function(function):  # a ``def`` turned into a coroutine function
        return Kind(api.COROUTINE, origin="project", function=function)
    if isinstance(function, nodes.AsyncFunctionDef):
        if function.is_generator():
            return Kind(api.ASYNC_ITERATOR, origin="project")
        return Kind(api.COROUTINE, result=agreed_return(function), origin="project", function=function)
    if function.is_generator():
        return None
    return _annotated_async_iterator(function) or agreed_return(function)


#: Return annotations that say a sync ``def`` hands back an async iterator (never sync-iterable by its type).
_ASYNC_ITERATOR_ANNOTATIONS = frozenset(f"{module}.{name}" for module in ("typing", "typing_extensions", "collections.abc")
                                        for name in ("AsyncIterator", "AsyncGenerator"))


def _annotated_async_iterator(function: nodes.FunctionDef) -> Kind | None:
    """``def list_pages(self) -> AsyncIterator[Page]: ...``: the project's own annotation (a Protocol, a stub,
    a wrapper of a library client that is not installed) says the call gives an async iterator."""
    returns = function.returns
    outer = returns.value if isinstance(returns, nodes.Subscript) else returns
    if isinstance(outer, (nodes.Name, nodes.Attribute)) and qualified_name(outer) in _ASYNC_ITERATOR_ANNOTATIONS:
        return Kind(api.ASYNC_ITERATOR, origin="project")
    return None


def agreed_return(function: nodes.FunctionDef) -> Kind | None:
    """What a call of ``function`` gives: its return annotation (``-> Optional[Book]``), else the kind
    its ``return`` statements agree on (``return None`` aside: an optional result is still that kind)."""
    if function.returns is not None:
        declared = _kind_of_annotation(function.returns)
        if declared is not None and declared.name == PROJECT_OBJECT and not declared.exact:
            declared = declared.but(returned=True)
        return declared
    return _returns_agree(function)


def _returns_agree(function: nodes.FunctionDef) -> Kind | None:
    """The kind the ``return`` statements of ``function`` agree on (``return None`` aside), whatever its
    annotation says."""
    returns = [statement for statement in function.nodes_of_class(nodes.Return, skip_klass=(
                   nodes.FunctionDef, nodes.Lambda, nodes.ClassDef))
               if not (statement.value is None or isinstance(statement.value, nodes.Const)
                       and statement.value.value is None)]
    kinds = [kind_of(statement.value) for statement in returns]
    if not kinds or kinds[0] is None or any(k is None or k.name != kinds[0].name for k in kinds):
        return None
    agreed = kinds[0]
    if agreed.name == api.COROUTINE and any(_attribute_written(statement.value, function) for statement in returns):
        return None  # ``response = self.handle(exc); response.x = 1; return response``: the write raises
    if any(k.related != agreed.related for k in kinds[1:]):
        agreed = agreed.but(related=None)  # one return selects a relation, another not: not known (khoj)
    if any(k.only != agreed.only or k.deferred != agreed.deferred for k in kinds[1:]):
        agreed = agreed.but(only=None, deferred=frozenset())
    return _with_relations_read(function, returns, agreed)


def _attribute_written(value: nodes.NodeNG, function: nodes.FunctionDef) -> bool:
    """``return response`` where ``function`` also writes an attribute of that same binding
    (``response.accepted_renderer = ...``). A coroutine object has no ``__dict__``: the write raises
    AttributeError, so a function that holds a coroutine there never returns it (the call that made it
    was not awaited: that is where the bug is, not at the function's callers)."""
    if not isinstance(value, nodes.Name):
        return False
    returned = set(bindings(value))
    return any(isinstance(target.expr, nodes.Name) and target.expr.name == value.name
               and returned & set(bindings(target.expr))
               for target in function.nodes_of_class(nodes.AssignAttr, skip_klass=(
                   nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)))


def _with_relations_read(function: nodes.FunctionDef, returns: list[nodes.Return], kind: Kind) -> Kind:
    """``kind`` of the instance ``function`` returns, with the relations the function read on it before
    every ``return`` of it: the read loaded and cached them (``if task.creator: return task`` in a
    ``sync_to_async`` helper, so that the loop's ``task.creator`` needs no query)."""
    if kind.name != api.INSTANCE or kind.related is None or \
            not all(isinstance(statement.value, nodes.Name) for statement in returns):
        return kind
    reads = [node for node in function.nodes_of_class(nodes.Attribute, skip_klass=(
                 nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)) if isinstance(node.expr, nodes.Name)]
    loaded = None
    for statement in returns:
        read = {node.attrname for node in reads if node.expr.name == statement.value.name
                and (node.fromlineno, node.col_offset) < (statement.fromlineno, statement.col_offset)}
        loaded = read if loaded is None else loaded & read
    return kind.but(related=kind.related | loaded) if loaded else kind


#: Decorators that leave an ``async def`` a coroutine function.
_TRANSPARENT_DECORATORS = frozenset({"staticmethod", "classmethod", "abstractmethod", "override"})


def is_plain_coroutine_function(function: nodes.FunctionDef | None) -> bool:
    """A function of the project whose call certainly makes a coroutine: an ``async def`` with no
    unknown decorator, or a ``def``/``async def`` whose outermost decorator that is not transparent is
    a project decorator returning an ``async def`` wrapper (``@swallow_errors`` with ``functools.wraps``)."""
    if not isinstance(function, nodes.FunctionDef) or function.is_generator():
        return False
    if not is_project_file(function.root().file):
        return False
    for decorator in function.decorators.nodes if function.decorators else ():
        name = decorator.attrname if isinstance(decorator, nodes.Attribute) else getattr(decorator, "name", "")
        if name in _TRANSPARENT_DECORATORS:
            continue
        return async_wrapping_decorator(decorator)  # it decides what calling the function makes
    return isinstance(function, nodes.AsyncFunctionDef)


def async_wrapping_decorator(decorator: nodes.NodeNG) -> bool:
    """``@swallow_errors`` (not called): a project function whose every ``return`` gives the
    ``async def`` (not a generator) defined in its own body, so the decorated function's calls make
    coroutines. Decorator factories and anything else are unknown."""
    if not isinstance(decorator, (nodes.Name, nodes.Attribute)):
        return False
    found = definition_of(decorator)
    if not isinstance(found, nodes.FunctionDef) or isinstance(found, nodes.AsyncFunctionDef) \
            or not is_project_file(found.root().file):
        return False
    returns = list(found.nodes_of_class(nodes.Return, skip_klass=(nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)))
    if not returns:
        return False
    for statement in returns:
        if not isinstance(statement.value, nodes.Name):
            return False
        bound = bindings(statement.value)
        if len(bound) != 1 or not isinstance(bound[0], nodes.AsyncFunctionDef) or bound[0].parent is not found \
                or bound[0].is_generator():
            return False
    return True


# --- subscripts ----------------------------------------------------------------------------------
def _scope_user(key: nodes.NodeNG | None) -> Kind | None:
    """``scope["user"]``, ``scope.get("user")``: resolved by AuthMiddlewareStack, a user instance (not a
    lazy read: its fields are loaded, its permission checks query)."""
    return Kind(api.USER, user=True) if isinstance(key, nodes.Const) and key.value == "user" else None


def _keyword_argument(keywords: Kind, key: nodes.NodeNG | None) -> Kind | None:
    """The kind of the keyword argument ``key`` (a string constant) among ``**kwargs``."""
    if not isinstance(key, nodes.Const) or not isinstance(key.value, str):
        return None
    return dict(keywords.attributes).get(key.value)


def _kind_of_subscript(node: nodes.Subscript) -> Kind | None:
    validated = _validated_value(node.value, node.slice)
    if validated is not None:
        return validated
    base = kind_of(node.value)
    if base is None:
        return None
    if base.name == api.QUERYSET:
        if isinstance(node.slice, nodes.Slice):
            return base if node.slice.step is None else None
        if base.rows:
            return None
        return Kind(api.USER if base.user else api.INSTANCE, model=base.model, user=base.user, only=base.only,
                    deferred=base.deferred, related=base.related)
    if base.name == SEQUENCE and base.result is not None and base.result.name in INSTANCE_LIKE:
        # ``rows[0]`` of ``list(qs)``; a slice (``rows[:3]``) keeps the elements
        return base if isinstance(node.slice, nodes.Slice) else base.result
    if base.name == MAPPING and not isinstance(node.slice, nodes.Slice):
        return base.result  # ``tournaments[key]`` of ``dict[int, Tournament]``
    if base.name in (MANAGER_CLASS, QUERYSET_CLASS):
        return base  # ``models.Manager[Book]``: Django's classes take type arguments (``__class_getitem__``)
    if base.name == KEYWORD_ARGUMENTS:
        return _keyword_argument(base, node.slice)
    if base.name == CONSUMER_SCOPE:
        return _scope_user(node.slice)
    derived = api.DERIVED_KINDS.get((base.name, "[]"))  # ``client["shop"]["orders"]`` of pymongo
    if derived is not None:
        return Kind(derived)
    if base.name == CONNECTION_HANDLER:
        return Kind(api.CONNECTION)
    if base.name == CACHE_HANDLER:
        return Kind(api.CACHE)
    return None


# --- which sync Django API a call is ------------------------------------------------------------
def django_call(call: nodes.Call) -> ApiCall | None:
    """The table row of a call to a sync Django API (``Book.objects.get(...)``, ``atomic()``...)."""
    func = call.func
    if isinstance(func, nodes.Attribute):
        receiver = kind_of(func.expr)
        if receiver is not None and receiver.name == SUPER:
            receiver = _library_base_of_super(receiver.custom, func.attrname)
        if receiver is not None:
            if find_method(receiver.custom, func.attrname) is not None:
                return None  # a custom method shadows Django's: what it does is the project's business
            row = api.lookup(receiver.name, func.attrname)
            if row is not None and (row.library or row.effect == api.BLOCKING_IO) and _result_awaited(call):
                return None  # ``await self.client.chat.completions.create()``: the client is an async one
            if row is not None:
                applies = not row.attribute and _condition_holds(row, receiver, call)
                return ApiCall(call, row, func.expr, receiver) if applies else None
    if isinstance(func, (nodes.Name, nodes.Attribute)):
        qualified = qualified_name(func)  # also ``Site.objects.get_current``: a manager without a row
        if qualified is not None:
            row = api.lookup(api.FUNCTION, qualified)
            if row is not None and _condition_holds(row, None, call):
                return ApiCall(call, row, None, None)
    called = kind_of(func)  # ``script(keys=[...])``: calling a library object (redis-py's ``Script``)
    row = api.lookup(called.name, "__call__") if called is not None else None
    if row is not None and not _result_awaited(call):
        return ApiCall(call, row, func, called)
    if type(call.parent) is nodes.With and any(manager is call for manager, _alias in call.parent.items):
        entered = kind_of(call)  # ``with r.lock("k"):``: a library object whose ``__enter__`` does I/O
        row = api.lookup(entered.name, "__enter__") if entered is not None else None
        if row is not None:
            return ApiCall(call, row, func, entered)
    return None


def entered_row(manager: nodes.NodeNG) -> api.SyncApi | None:
    """The ``__enter__`` row of a library object a plain ``with`` enters by name (``with lock:`` after
    ``lock = r.lock("k")``); a call there (``with r.lock("k"):``) is ``django_call``'s."""
    if isinstance(manager, nodes.Call) or type(manager.parent) is not nodes.With:
        return None
    entered = kind_of(manager)
    return api.lookup(entered.name, "__enter__") if entered is not None else None


def iterated_row(iterable: nodes.NodeNG) -> api.SyncApi | None:
    """The ``__iter__`` row of a library object that a ``for`` or a comprehension iterates by name (``for
    chunk in stream`` after ``stream = client.chat.completions.create(..., stream=True)``); a call iterated
    directly is the call's finding (``django_call``)."""
    if isinstance(iterable, nodes.Call):
        return None
    found = kind_of(iterable)
    return api.lookup(found.name, "__iter__") if found is not None else None


#: Callables that await what they are given (a coroutine passed to them is awaited).
_AWAITING_CALLABLES = frozenset({"asyncio.gather", "asyncio.wait_for", "asyncio.shield", "asyncio.create_task",
                                 "asyncio.ensure_future"})


def _result_awaited(call: nodes.Call) -> bool:
    """The call's result is awaited (``await c.m()``, ``await asyncio.wait_for(c.m(), 5)``): whatever a
    sync annotation said, its receiver is an async object."""
    parent = call.parent
    if isinstance(parent, nodes.Await):
        return True
    return (isinstance(parent, nodes.Call) and call in parent.args
            and qualified_call_name(parent) in _AWAITING_CALLABLES)


def _condition_holds(row: api.SyncApi, receiver: Kind | None, call: nodes.Call) -> bool:
    if row.needs_app:
        from asynclint.core import caches

        if caches.app_absent(row.needs_app, call.root().file):
            return False
    if row.only_if == api.RELATED_OR_UNIQUE_FIELDS:
        return receiver is not None and _validates_related_or_unique(receiver.custom)
    if row.only_if == api.DERIVES_FROM_LIBRARY_BASE:
        return receiver is not None and receiver.model is not None and has_library_base(receiver.model, api.SINGLETON_BASES)
    if row.only_if == api.IN_A_LOOP:
        return _in_a_loop(call)
    if row.only_if == api.FILTERSET_MAY_QUERY:
        return _filterset_may_query(call)
    if row.only_if == api.NOT_IN_MEMORY:
        return not _file_argument_in_memory(call)
    if row.only_if == api.OUT_OF_PROCESS_CACHE:
        from asynclint.core import caches

        # ``await cache.get(...)`` is right only where the configured backend's methods are coroutine
        # functions (django-valkey's AsyncValkeyCache): silent unless the settings give the alias, for
        # certain, only backends whose methods are sync and do I/O (``caches.sync_io``): there the call
        # blocks the loop, then its value is awaited (TypeError).
        if _result_awaited(call):
            return caches.sync_io(_cache_alias(call), call.root().file)
        return not caches.in_process(_cache_alias(call), call.root().file)
    if row.only_if == api.UNLESS_COMMIT_FALSE:
        return not any(keyword.arg == "commit" and isinstance(keyword.value, nodes.Const) and keyword.value.value is False
                       for keyword in call.keywords or [])
    if row.only_if == api.TOKEN_TO_VERIFY:
        return _token_to_verify(call)
    if row.only_if == api.NOT_A_SIGN_IN_PROMPT:
        return not _sign_in_prompt(call)
    return True


def _sign_in_prompt(call: nodes.Call) -> bool:
    """``code = input("Code: ")`` then ``await client.sign_in(phone, code)`` (or the answer passed right
    in): the answer goes to an awaited interactive sign-in step of a Telegram user-client library that
    the module imports (``asynclint.libraries.clients.SIGN_IN_STEPS``). A name must be bound once in
    the function and every use of it be such a step's argument."""
    from asynclint.libraries.clients import SIGN_IN_STEPS  # noqa: PLC0415

    module = call.root()
    imported = {name.split(".")[0] for node in module.nodes_of_class((nodes.Import, nodes.ImportFrom))
                for name in ([node.modname] if isinstance(node, nodes.ImportFrom) else [n for n, _ in node.names])
                if name}
    steps = frozenset().union(*(methods for library, methods in SIGN_IN_STEPS.items() if library in imported))
    if not steps:
        return False

    def step_argument(value: nodes.NodeNG) -> bool:
        parent = value.parent
        if isinstance(parent, nodes.Keyword):
            parent = parent.parent
        return isinstance(parent, nodes.Call) and value is not parent.func \
            and isinstance(parent.func, nodes.Attribute) and parent.func.attrname in steps \
            and isinstance(parent.parent, nodes.Await)

    value: nodes.NodeNG = call
    while isinstance(value.parent, nodes.Call) and value in value.parent.args and isinstance(
            value.parent.func, nodes.Name) and value.parent.func.name in ("str", "int") or isinstance(
            value.parent, nodes.Attribute) and value.parent.attrname == "strip" and isinstance(value.parent.parent, nodes.Call):
        value = value.parent if isinstance(value.parent, nodes.Call) else value.parent.parent  # ``input(...).strip()``
    if step_argument(value):
        return True
    assign = value.parent
    if not (isinstance(assign, nodes.Assign) and assign.value is value and len(assign.targets) == 1
            and isinstance(assign.targets[0], nodes.AssignName)):
        return False
    target = assign.targets[0]
    frame = call.frame()
    if sum(1 for other in frame.nodes_of_class(nodes.AssignName) if other.name == target.name) != 1:
        return False
    uses = [use for use in frame.nodes_of_class(nodes.Name) if use.name == target.name]
    return bool(uses) and all(step_argument(use) for use in uses)


def _token_to_verify(call: nodes.Call) -> bool:
    """``RefreshToken(raw)``: a token given (first positional argument or ``token=``, not the literal None)
    and not ``verify=False``; ``RefreshToken()`` builds a new token and verifies nothing."""
    keywords = {keyword.arg: keyword.value for keyword in call.keywords or []}
    verify = keywords.get("verify", call.args[1] if len(call.args) > 1 else None)
    if isinstance(verify, nodes.Const) and verify.value is False:
        return False
    token = call.args[0] if call.args else keywords.get("token")
    return token is not None and not (isinstance(token, nodes.Const) and token.value is None)


def _cache_alias(call: nodes.Call) -> str | None:
    """The ``CACHES`` alias a cache call reaches: "default" through ``django.core.cache.cache``, the
    literal of ``caches["alias"]``; None when the code does not name it."""
    receiver = call.func.expr if isinstance(call.func, nodes.Attribute) else None
    if isinstance(receiver, nodes.Attribute) and isinstance(receiver.expr, nodes.Name) and \
            receiver.expr.name in ("self", "cls"):  # ``cache = default_cache`` in the class body
        owner = enclosing_class(receiver)
        assigned = owner.locals.get(receiver.attrname, []) if owner is not None else []
        if len(assigned) == 1 and isinstance(assigned[0].parent, nodes.Assign):
            receiver = assigned[0].parent.value
    elif isinstance(receiver, nodes.Name):  # ``store = caches["default"]`` assigned once in the function
        assigned = receiver.lookup(receiver.name)[1]
        if len(assigned) == 1 and isinstance(assigned[0], nodes.AssignName) and \
                isinstance(assigned[0].parent, nodes.Assign) and isinstance(assigned[0].parent.value, nodes.Subscript):
            receiver = assigned[0].parent.value
    if isinstance(receiver, (nodes.Name, nodes.Attribute)) and qualified_name(receiver) in api.CACHE_OBJECTS:
        return "default"
    if isinstance(receiver, nodes.Subscript) and isinstance(receiver.value, (nodes.Name, nodes.Attribute)) and \
            qualified_name(receiver.value) in api.CACHE_HANDLERS and isinstance(receiver.slice, nodes.Const) and \
            isinstance(receiver.slice.value, str):
        return receiver.slice.value
    return None


def _file_argument_in_memory(call: nodes.Call) -> bool:
    """``dcmread(io.BytesIO(data))``, ``dcmwrite(buffer, ds)`` with ``buffer = BytesIO()``: the file
    the call reads or writes is a buffer in memory."""
    argument = call.args[0] if call.args else next(
        (k.value for k in call.keywords or [] if k.arg in api.IN_MEMORY_PARAMETERS), None)
    found = kind_of(argument) if argument is not None and not isinstance(argument, nodes.Starred) else None
    return found is not None and found.name == api.IN_MEMORY_FILE


def _in_a_loop(node: nodes.NodeNG) -> bool:
    """Whether ``node`` runs once per iteration of a loop of its function (a ``for``/``while`` body, a
    comprehension's element or condition; not the iterable, which runs once), calls that pile up: not
    a loop whose every iteration awaits (``while ...: os.path.exists(p) ...; await asyncio.sleep(1)``,
    a poll: one call between two awaits, as cheap as a single one)."""
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, (nodes.FunctionDef, nodes.Lambda, nodes.Module)):
        if isinstance(parent, nodes.For) and child is not parent.iter or isinstance(parent, nodes.While):
            return not _every_iteration_awaits(parent) or child in parent.orelse
        if isinstance(parent, nodes.Comprehension) and child is not parent.iter:
            return True
        if isinstance(parent, (nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp)) \
                and child is not parent.generators[0]:
            return True
        child, parent = parent, parent.parent
    return False


def _every_iteration_awaits(loop: nodes.For | nodes.While) -> bool:
    """A statement of the loop's body itself (not in a branch) awaits, and no ``continue`` skips it:
    each iteration yields the loop."""
    awaits = any(isinstance(getattr(statement, "value", None), nodes.Await) for statement in loop.body
                 if isinstance(statement, (nodes.Expr, nodes.Assign, nodes.AnnAssign)))
    return awaits and not any(True for statement in loop.body
                              for _ in statement.nodes_of_class(nodes.Continue, skip_klass=(nodes.For, nodes.While)))


def _filterset_may_query(call: nodes.Call) -> bool:
    """``DjangoFilterBackend().filter_queryset(request, queryset, view)``: False when ``view`` is exactly an
    instance of a project class that has no FilterSet (neither ``filterset_class`` nor ``filterset_fields``:
    the backend returns the QuerySet untouched), or of a class whose ``filterset_fields`` are a literal of
    plain fields of the QuerySet's model (char, date... filters: their form validates without a query).
    Else True (``self`` in a generic base class: the subclasses choose the FilterSet)."""
    arguments = list(call.args) + [k.value for k in call.keywords or () if k.arg in ("queryset", "view")]
    if len(arguments) < 3:
        return True
    view = kind_of(arguments[2])
    if view is None or view.name not in (PROJECT_OBJECT, PROJECT_CLASS) or view.custom is None:
        return True
    if assigned_on_self(view.custom, "filterset_class") is not None:
        return True
    fields = assigned_on_self(view.custom, "filterset_fields")
    if fields is None:
        return not view.exact  # ``self`` of a generic base: its subclasses set the FilterSet
    queryset = kind_of(arguments[1])
    model = queryset.model if queryset is not None and queryset.name in QUERYSET_LIKE else None
    names = fields.elts if isinstance(fields, (nodes.List, nodes.Tuple)) else \
        fields.keys if isinstance(fields, nodes.Dict) else None
    if model is None or names is None:
        return True
    relations = api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS | api.MANY_TO_MANY_FIELDS
    for name in names:
        if not isinstance(name, nodes.Const) or not isinstance(name.value, str) or "__" in name.value:
            return True  # a computed name, or a lookup across a relation
        declared = _class_attribute(model, name.value)
        if not isinstance(declared, nodes.Call) or (qualified_name(declared.func) or "") in relations:
            return True  # unknown, or a relation (a model choice filter)
    return False


def _validates_related_or_unique(serializer: nodes.ClassDef | None) -> bool:
    """``Meta: model = Book; fields = ["title", "author"]`` where ``author`` is a relation (its field
    looks the pk up) or a field is ``unique=True`` (UniqueValidator queries). ``fields = "__all__"`` or
    ``exclude = [...]`` alone: every field the model's own class body declares, less those excluded.
    Anything else: False."""
    if serializer is not None and _declares_queryset_validating_field(serializer):
        return True
    meta = next((node for node in serializer.body if isinstance(node, nodes.ClassDef) and node.name == "Meta"),
                None) if serializer is not None else None
    if meta is None:
        return False
    model = kind_of(_class_attribute(meta, "model"))
    if model is None or model.model is None:
        return False
    names = _serialized_field_names(meta, model.model)
    if names is None:
        return False
    relations = api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS | api.MANY_TO_MANY_FIELDS
    for name in names:
        declared = _class_attribute(model.model, name)
        if not isinstance(declared, nodes.Call):
            continue
        unique = any(k.arg == "unique" and isinstance(k.value, nodes.Const) and k.value.value is True
                     for k in declared.keywords or [])
        if unique or (qualified_name(declared.func) or "") in relations:
            return True
    return False


def _validated_value(mapping: nodes.NodeNG, key: nodes.NodeNG | None) -> Kind | None:
    """``self.validated_data["permission"]`` (or ``serializer.validated_data.get(...)``) of a project DRF/adrf
    serializer whose field ``permission`` is a related field over a QuerySet
    (``PrimaryKeyRelatedField(queryset=PermissionToken.objects.all())``: an instance that query loaded) or,
    in a ModelSerializer, a field the Meta lists that is a foreign key or one-to-one field of its model (DRF
    builds a ``PrimaryKeyRelatedField`` over the related model's default manager: an instance of that model,
    its loaded relations not known). Unknown with ``many=True``, when the serializer overrides
    ``to_internal_value``, or when a ``validate_<field>``/``validate`` method may replace the value (returns
    anything but the value it was given, or stores into the data)."""
    from asynclint.libraries.drf import (  # noqa: PLC0415
        INSTANCE_VALUED_FIELDS, VALIDATED_DATA, VALIDATING_SERIALIZERS,
    )

    if not (isinstance(mapping, nodes.Attribute) and mapping.attrname == VALIDATED_DATA
            and isinstance(key, nodes.Const) and isinstance(key.value, str)):
        return None
    owner = kind_of(mapping.expr)
    serializer = owner.custom if owner is not None and owner.name in VALIDATING_SERIALIZERS else None
    if serializer is None or not is_project_file(serializer.root().file):
        return None
    name = key.value
    if find_method(serializer, "to_internal_value") is not None and is_project_file(
            find_method(serializer, "to_internal_value").root().file):
        return None
    if not _validator_keeps(find_method(serializer, f"validate_{name}"), None) or \
            not _validator_keeps(find_method(serializer, "validate"), name):
        return None
    declared = _class_attribute(serializer, name)
    if declared is not None:
        if not isinstance(declared, nodes.Call) or not isinstance(declared.func, (nodes.Name, nodes.Attribute)) \
                or qualified_name(declared.func) not in INSTANCE_VALUED_FIELDS:
            return None
        keywords = {keyword.arg: keyword.value for keyword in declared.keywords or []}
        many = keywords.get("many")
        if many is not None and not (isinstance(many, nodes.Const) and many.value is False):
            return None
        queryset = kind_of(keywords.get("queryset"))
        if queryset is None or queryset.name not in QUERYSET_LIKE or queryset.rows or queryset.model is None:
            return None
        return Kind(api.USER if queryset.user else api.INSTANCE, model=queryset.model, user=queryset.user,
                    only=queryset.only, deferred=queryset.deferred, related=queryset.related)
    if owner.name not in (_drf_model_serializers()):
        return None
    meta = next((node for node in serializer.body if isinstance(node, nodes.ClassDef) and node.name == "Meta"),
                None)
    model = kind_of(_class_attribute(meta, "model")) if meta is not None else None
    if model is None or model.model is None or name not in (_serialized_field_names(meta, model.model) or ()):
        return None
    field = _class_attribute(model.model, name)
    if not isinstance(field, nodes.Call) or (qualified_name(field.func) or "") not in (
            api.FOREIGN_KEY_FIELDS | api.ONE_TO_ONE_FIELDS):
        return None
    target = _related_model(field, model.model)
    return Kind(api.INSTANCE, model=target) if target is not None else None


def _drf_model_serializers() -> frozenset[str]:
    from asynclint.libraries.drf import ADRF_MODEL_SERIALIZER, MODEL_SERIALIZER  # noqa: PLC0415

    return frozenset({MODEL_SERIALIZER, ADRF_MODEL_SERIALIZER})


def _validator_keeps(method: nodes.FunctionDef | None, field: str | None) -> bool:
    """A serializer's ``validate_<field>(self, value)`` (``field`` None) or ``validate(self, attrs)`` that
    leaves the value as it came: it returns only its parameter and (``validate``) stores nothing under
    ``field`` nor calls a method of it that may (``update``, ``setdefault``...). No such method: True."""
    if method is None:
        return True
    params = method.args.args or []
    if len(params) < 2:
        return False
    param = params[1].name
    returns = [statement.value for statement in method.nodes_of_class(nodes.Return, skip_klass=(
        nodes.FunctionDef, nodes.Lambda, nodes.ClassDef))]
    if not returns or not all(isinstance(value, nodes.Name) and value.name == param for value in returns):
        return False
    if field is None:
        return True
    for use in method.nodes_of_class(nodes.Name):
        if use.name != param:
            continue
        parent = use.parent
        if isinstance(parent, nodes.Subscript) and parent.value is use and not isinstance(parent.parent, nodes.Return) \
                and getattr(parent, "ctx", None) is not None and parent.ctx.name in ("Store", "Del"):
            return False
        if isinstance(parent, nodes.Attribute) and parent.attrname in ("update", "setdefault", "pop", "__setitem__"):
            return False
        if isinstance(parent, nodes.Call) and use is not parent.func:
            return False  # handed to a helper, which may change it
    return True


def _declares_queryset_validating_field(serializer: nodes.ClassDef) -> bool:
    """The serializer's own body assigns a field that validates input against a QuerySet: a writable
    related field given ``queryset=`` (``PrimaryKeyRelatedField(queryset=Book.objects.all())``), or a
    field whose literal ``validators`` list holds a ``UniqueValidator`` (the tables in
    ``asynclint.libraries.drf``). ``read_only=True`` fields and anything else: not this."""
    from asynclint.libraries.drf import QUERYSET_VALIDATING_FIELDS, QUERYSET_VALIDATORS  # noqa: PLC0415

    for statement in serializer.body:
        if not isinstance(statement, nodes.Assign) or not isinstance(statement.value, nodes.Call):
            continue
        field = statement.value
        keywords = {keyword.arg: keyword.value for keyword in field.keywords or []}
        read_only = keywords.get("read_only")
        if isinstance(read_only, nodes.Const) and read_only.value is True:
            continue
        name = qualified_name(field.func) if isinstance(field.func, (nodes.Name, nodes.Attribute)) else None
        if name in QUERYSET_VALIDATING_FIELDS and "queryset" in keywords:
            return True
        validators = keywords.get("validators")
        if isinstance(validators, (nodes.List, nodes.Tuple)) and any(
                isinstance(element, nodes.Call) and isinstance(element.func, (nodes.Name, nodes.Attribute))
                and qualified_name(element.func) in QUERYSET_VALIDATORS for element in validators.elts):
            return True
    return False


def _string_elements(node: nodes.NodeNG | None) -> list[str] | None:
    """The strings of a literal list or tuple (other elements skipped); None for anything else."""
    if not isinstance(node, (nodes.List, nodes.Tuple)):
        return None
    return [element.value for element in node.elts if isinstance(element, nodes.Const) and isinstance(element.value, str)]


def _serialized_field_names(meta: nodes.ClassDef, model: nodes.ClassDef) -> list[str] | None:
    """The model fields a ModelSerializer's ``Meta`` names: its literal ``fields`` list; for
    ``fields = "__all__"`` (or ``exclude`` without ``fields``) the names the model's own body assigns,
    less a literal ``exclude``. None when the Meta says it in a way not read here."""
    fields = _class_attribute(meta, "fields")
    listed = _string_elements(fields)
    if listed is not None:
        return listed
    everything = fields is None or (isinstance(fields, nodes.Const) and fields.value == "__all__")
    exclude = _class_attribute(meta, "exclude")
    excluded = _string_elements(exclude) if exclude is not None else []
    if not everything or excluded is None or (fields is None and exclude is None):
        return None
    declared = [target.name for statement in model.body if isinstance(statement, nodes.Assign)
                for target in statement.targets if isinstance(target, nodes.AssignName)]
    return [name for name in declared if name not in excluded]


def attribute_read(node: nodes.Attribute) -> api.SyncApi | None:
    """The row of a library attribute whose read does I/O (``serializer.data``, ``config.NAME``)."""
    if isinstance(node.parent, nodes.Call) and node.parent.func is node:
        return None
    receiver = kind_of(node.expr)
    if receiver is None or find_method(receiver.custom, node.attrname) is not None:
        return None
    row = api.lookup(receiver.name, node.attrname)
    if row is None or not row.attribute or (row.awaitable and isinstance(node.parent, nodes.Await)):
        return None
    return row


def qualified_call_name(call: nodes.Call) -> str | None:
    """The qualified name of the called function, when it is one (``asyncio.gather``)."""
    if isinstance(call.func, (nodes.Name, nodes.Attribute)):
        return qualified_name(call.func)
    return None


#: Method names too common to tell an object's class by: the methods of builtin values (``get``,
#: ``update``, ``items``...) and generic verbs that libraries' objects define as well.
GENERIC_METHOD_NAMES = frozenset(
    {name for value in (dict, list, set, str, bytes, int, float, object) for name in dir(value)}
    | {"save", "delete", "create", "run", "execute", "call", "send", "close", "open", "read", "write", "start",
       "stop", "render", "process", "handle", "dispatch", "clean", "validate", "filter", "all", "first", "last",
       "exists", "load", "dump", "dumps", "loads", "parse", "fetch", "post", "put", "patch", "head", "options",
       "connect", "flush", "reset", "refresh", "setup", "teardown", "emit", "log", "info", "debug", "warning",
       "error", "exception", "json", "submit", "apply", "apply_async", "delay", "result", "wait", "acquire",
       "release", "lock", "set", "add", "remove", "clear", "put_nowait", "get_nowait", "to_dict", "as_dict"})


def unknown_receiver_hierarchy(func: nodes.Attribute) -> nodes.ClassDef | None:
    """``view.get_object()`` on a receiver whose class the code does not say (an unannotated
    parameter, a local of unknown kind): the one project base that roots every definition of the
    method among the project classes its module can see (defined there or imported at module level),
    when that base is a plain project class (no model, manager, view, form... of a library) and the
    name is distinctive (not a builtin value's method, not a generic verb). None otherwise: unknown."""
    name = func.attrname
    if name.startswith("_") or name in GENERIC_METHOD_NAMES or not isinstance(func.expr, nodes.Name) \
            or func.expr.name in ("self", "cls") or kind_of(func.expr) is not None:
        return None
    roots = {_defining_root(cls, name) for cls in _visible_project_classes(func.root())} - {None}
    if len(roots) != 1:
        return None
    root = roots.pop()
    reference = _kind_of_class_reference(root)
    return root if reference is not None and reference.name == PROJECT_CLASS else None


def _defining_root(cls: nodes.ClassDef, name: str) -> nodes.ClassDef | None:
    """The topmost project class among ``cls`` and its bases that defines the method ``name``."""
    method = find_method(cls, name)
    root = None
    while isinstance(method, nodes.FunctionDef) and isinstance(method.parent, nodes.ClassDef) \
            and is_project_file(method.root().file):
        root = method.parent
        method = find_method_in_bases(root, name)
    return root


def _visible_project_classes(module: nodes.Module) -> tuple[nodes.ClassDef, ...]:
    """The project classes ``module`` defines or imports at module level (once per module analysed)."""
    memo = current().kinds
    key = ("visible project classes", module)
    found = memo.get(key)
    if found is None:
        classes = []
        for name, bound in module.locals.items():
            for binding in bound:
                if isinstance(binding, nodes.ClassDef):
                    classes.append(binding)
                elif isinstance(binding, nodes.ImportFrom) and binding.scope() is module:
                    qualified = imported_name(binding, name)
                    target = definition_of_qualified(qualified, module) if qualified else None
                    if isinstance(target, nodes.ClassDef):
                        classes.append(target)
        found = memo[key] = tuple(cls for cls in dict.fromkeys(classes) if is_project_file(cls.root().file))
    return found
