"""Which ``cached_property`` of an object a function has already evaluated before a given point.

A ``cached_property`` (Django's or functools') stores its value in the instance's ``__dict__`` on the
first read; every later read of that object returns it without running the body. So once a path has
evaluated ``obj.frame``, a later read of ``obj.frame`` in the same function, or in a method called on
``obj`` there, runs nothing: only the first read can block. The same holds for a ``@property`` whose whole
body memoises on the object (``if self._frame is None: self._frame = ...; return self._frame``,
``memo_attribute``), unless the function resets ``_frame``.

``loaders_before(node)``: the calls and reads on the receiver of ``node`` (``self``, a local name,
``self.source``: a variable bound once, a path not assigned in the function) that ran to completion on
every path to ``node``: earlier statements of the enclosing blocks (and of the enclosing functions, for a
nested function that does not bind the name), the test of the ``if`` around it, the iterable of its
loop or comprehension. Only parts that run whenever their statement completes count: not a branch, a
loop body, a ``try`` body (it may have been cut short), the right side of ``and``/``or``, nor a
coroutine call that is not awaited.

``loads(loader, family)``: the cached properties ``loader`` certainly evaluated when the object's class
is any of ``family`` (the class and subclasses it may be): a read of one, or a call (an awaited
coroutine, or a sync method) whose body reads one — directly on ``self``, or through a further such
call on ``self`` — before any ``return`` it may take on a branch. An empty answer is the safe one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.context import current
from asynclint.core.django_kinds import find_method
from asynclint.core.imports import qualified_name

_SCOPES = (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)
_COMPREHENSIONS = (nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp)
_DEPTH = 3


def is_cached_property(function: nodes.FunctionDef | None) -> bool:
    """A method under ``@cached_property`` (Django's or functools')."""
    if not isinstance(function, nodes.FunctionDef) or not function.decorators:
        return False
    for decorator in function.decorators.nodes:
        if isinstance(decorator, (nodes.Name, nodes.Attribute)) and \
                (qualified_name(decorator) in api.CACHED_PROPERTY_DECORATORS or
                 isinstance(decorator, nodes.Name) and decorator.name == "cached_property"):
            return True
    return False


def memo_attribute(function: nodes.FunctionDef | None) -> str | None:
    """``_frame`` for a ``@property`` that memoises its value on the object and does nothing else::

        @property
        def frame(self):
            if self._frame is None:        # or ``if not self._frame``, ``if not hasattr(self, "_frame")``
                self._frame = self.load()
            return self._frame

    Once a read has filled ``self._frame``, later reads of the property on that object return it. None
    for any other function."""
    if not isinstance(function, nodes.FunctionDef) or not function.decorators or not any(
            isinstance(d, nodes.Name) and d.name == "property" for d in function.decorators.nodes):
        return None
    body = [statement for statement in function.body
            if not (isinstance(statement, nodes.Expr) and isinstance(statement.value, nodes.Const))]
    if len(body) != 2 or not isinstance(body[0], nodes.If) or body[0].orelse or not isinstance(body[1], nodes.Return):
        return None
    returned = body[1].value
    if not (isinstance(returned, nodes.Attribute) and isinstance(returned.expr, nodes.Name)
            and returned.expr.name == "self"):
        return None
    name, test = returned.attrname, body[0].test
    tested = (isinstance(test, nodes.Compare) and len(test.ops) == 1 and test.ops[0][0] == "is"
              and isinstance(test.ops[0][1], nodes.Const) and test.ops[0][1].value is None and test.left) or \
        (isinstance(test, nodes.UnaryOp) and test.op == "not" and test.operand)
    if isinstance(tested, nodes.Call) and isinstance(tested.func, nodes.Name) and tested.func.name == "hasattr" \
            and len(tested.args) == 2 and isinstance(tested.args[0], nodes.Name) and tested.args[0].name == "self" \
            and isinstance(tested.args[1], nodes.Const) and tested.args[1].value == name:
        pass
    elif not (isinstance(tested, nodes.Attribute) and tested.attrname == name and isinstance(tested.expr, nodes.Name)
              and tested.expr.name == "self"):
        return None
    assigned = any(isinstance(target.expr, nodes.Name) and target.expr.name == "self" and target.attrname == name
                   for statement in body[0].body for target in statement.nodes_of_class(nodes.AssignAttr))
    return name if assigned else None


def caches_value(function: nodes.FunctionDef | None) -> bool:
    """A ``cached_property``, or a ``@property`` that memoises on the object (``memo_attribute``)."""
    return is_cached_property(function) or memo_attribute(function) is not None


# --- what runs whenever a statement completes -------------------------------------------------------
def must_run(node: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
    """``node`` and the nodes under it that run whenever ``node`` completes normally, in order."""
    yield node
    if isinstance(node, _SCOPES):
        return
    if isinstance(node, nodes.Await):
        offloaded = _offloaded_lambda(node.value)
        if offloaded is not None:  # ``await sync_to_async(lambda: self.frame)()`` ran the lambda to its end
            yield from must_run(offloaded.body)
    if isinstance(node, nodes.If):
        yield from must_run(node.test)
    elif isinstance(node, nodes.While):
        yield from must_run(node.test)
    elif isinstance(node, (nodes.For, nodes.AsyncFor)):
        yield from must_run(node.iter)
    elif isinstance(node, (nodes.With, nodes.AsyncWith)):
        for manager, _alias in node.items:
            yield from must_run(manager)
        for statement in node.body:
            yield from must_run(statement)
    elif isinstance(node, (nodes.Try, nodes.Match)) or isinstance(node, getattr(nodes, "TryStar", ())):
        if isinstance(node, nodes.Match):
            yield from must_run(node.subject)
    elif isinstance(node, nodes.BoolOp):
        yield from must_run(node.values[0])
    elif isinstance(node, nodes.IfExp):
        yield from must_run(node.test)
    elif isinstance(node, _COMPREHENSIONS):
        yield from must_run(node.generators[0].iter)
    elif isinstance(node, (nodes.Assign, nodes.AugAssign, nodes.AnnAssign)):
        if node.value is not None:
            yield from must_run(node.value)
    else:
        for child in node.get_children():
            yield from must_run(child)


def _offloaded_lambda(call: nodes.NodeNG) -> nodes.Lambda | None:
    """The lambda ``sync_to_async(lambda: ...)()`` / ``asyncio.to_thread(lambda: ...)`` runs in a thread."""
    if not isinstance(call, nodes.Call):
        return None
    adapter = call.func if isinstance(call.func, nodes.Call) else call
    if not isinstance(adapter.func, (nodes.Name, nodes.Attribute)) or not adapter.args:
        return None
    name = qualified_name(adapter.func) or ""
    if api.THREAD_OFFLOADERS.get(name) != 0 or adapter is call and not name.endswith("to_thread"):
        return None
    return adapter.args[0] if isinstance(adapter.args[0], nodes.Lambda) else None


def _leaves_early(statement: nodes.NodeNG) -> bool:
    """A compound statement that may ``return`` from the function (so what follows may not run)."""
    if isinstance(statement, nodes.Return):
        return True
    return any(True for _ in statement.nodes_of_class(nodes.Return, skip_klass=_SCOPES))


def _body_must_run(function: nodes.FunctionDef) -> Iterator[nodes.NodeNG]:
    """What a call of ``function`` certainly runs before it returns."""
    for statement in function.body:
        yield from must_run(statement)
        if _leaves_early(statement):
            return


# --- the earlier calls on the same receiver -------------------------------------------------------------
def _before(parent: nodes.NodeNG, child: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
    """The parts of ``parent`` that completed before ``child`` (a direct child) started, on every path."""
    for field in ("body", "orelse", "handlers", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list) and child in block:
            if isinstance(parent, nodes.If):
                yield parent.test
            elif isinstance(parent, nodes.While):
                yield parent.test
            elif isinstance(parent, (nodes.For, nodes.AsyncFor)) and field == "body":
                yield parent.iter
            elif isinstance(parent, (nodes.With, nodes.AsyncWith)):
                yield from (manager for manager, _alias in parent.items)
            elif isinstance(parent, nodes.Try) and field == "orelse":
                yield from parent.body  # the else clause runs only when the body completed
            yield from block[:block.index(child)]
            return
    if isinstance(parent, (nodes.For, nodes.AsyncFor)) and child is parent.target:
        yield parent.iter
    elif isinstance(parent, _COMPREHENSIONS):  # an element is evaluated after every generator's clauses
        generators = parent.generators
        yield from generators[:generators.index(child)] if child in generators else generators
    elif isinstance(parent, nodes.Comprehension):
        if child is not parent.iter:
            yield parent.iter
            if child in parent.ifs:
                yield from parent.ifs[:parent.ifs.index(child)]
    elif isinstance(parent, nodes.BoolOp):
        yield from parent.values[:parent.values.index(child)] if child in parent.values else ()
    elif isinstance(parent, nodes.IfExp):
        if child is not parent.test:
            yield parent.test
    elif isinstance(parent, (nodes.Assign, nodes.AugAssign, nodes.AnnAssign)):
        if child is not parent.value and parent.value is not None:
            yield parent.value
    elif isinstance(parent, nodes.Match) or isinstance(parent, nodes.MatchCase):
        if isinstance(parent, nodes.Match) and child is not parent.subject:
            yield parent.subject
    elif not isinstance(parent, _SCOPES):
        for other in parent.get_children():
            if other is child:
                return
            yield other


def _binds(scope: nodes.NodeNG, name: str) -> int:
    """How many times ``scope`` (a function or lambda) binds ``name``: parameters and assignments.
    The counts of every name are taken in one walk of the scope, kept for the module being checked (a
    long coroutine asked about each of its receivers was walked once per question)."""
    key = (scope, "binds")
    cache = current().arguments
    counts = cache.get(key)
    if counts is None:
        counts = cache[key] = Counter(found.name for found in scope.nodes_of_class(nodes.AssignName,
                                                                                    skip_klass=_SCOPES))
        arguments = getattr(scope, "args", None)
        if isinstance(arguments, nodes.Arguments):  # ``*args``/``**kwargs`` are names, not AssignName nodes
            counts.update(found for found in (arguments.vararg, arguments.kwarg) if found)
    return counts[name]


def _stable_receiver(receiver: nodes.NodeNG) -> str | None:
    """``self``, ``source``, ``self.source``: the text of a receiver that names one object throughout a
    function (its variable bound once there; the path never assigned or deleted in it). None otherwise."""
    parts = []
    current_node = receiver
    while isinstance(current_node, nodes.Attribute):
        parts.append(current_node.attrname)
        current_node = current_node.expr
    if not isinstance(current_node, nodes.Name) or len(parts) > 3:
        return None
    scope = current_node.frame()
    if not isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        return None
    text = receiver.as_string()
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        bound = _binds(scope, current_node.name)
        if bound > 1:
            return None
        if parts and any(target.as_string() == text
                         for target in scope.nodes_of_class((nodes.AssignAttr, nodes.DelAttr), skip_klass=_SCOPES)):
            return None
        if bound == 1:
            return text
        scope = scope.parent.frame() if scope.parent is not None else None
    return None


def receiver_of(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The object a method call or attribute read is on: ``self`` in ``self.load()`` / ``self.frame``."""
    if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute):
        return node.func.expr
    if isinstance(node, nodes.Attribute):
        return node.expr
    return None


def _is_use(node: nodes.NodeNG, text: str) -> bool:
    """A call ``<text>.m(...)`` or a read ``<text>.x`` (not the called attribute of a call); or a call of a
    project function handed ``<text>`` as its only argument that is not a constant (``_get_params(step)``)."""
    if isinstance(node, nodes.Call):
        return isinstance(node.func, nodes.Attribute) and node.func.expr.as_string() == text \
            or (handed := _sole_argument(node)) is not None and handed.as_string() == text
    if isinstance(node, nodes.Attribute) and not isinstance(node, nodes.AssignAttr):
        called = isinstance(node.parent, nodes.Call) and node.parent.func is node
        return not called and node.expr.as_string() == text
    return False


def _sole_argument(call: nodes.Call) -> nodes.NodeNG | None:
    """The one argument of ``call`` that is a name or an attribute, when every other one is a constant."""
    values = [*call.args, *(keyword.value for keyword in call.keywords or ())]
    named = [value for value in values if isinstance(value, (nodes.Name, nodes.Attribute))]
    return named[0] if len(named) == 1 and all(value is named[0] or isinstance(value, nodes.Const)
                                                for value in values) else None


def _uses(function: nodes.NodeNG) -> dict[str, list[nodes.NodeNG]]:
    """The calls and reads in ``function`` (nested functions included), by the text of their receiver."""
    memo = current().parameter_work
    key = ("receiver uses", function)
    if key not in memo:
        found: dict[str, list[nodes.NodeNG]] = {}
        for other in function.nodes_of_class((nodes.Call, nodes.Attribute)):
            receiver = receiver_of(other)
            if isinstance(receiver, (nodes.Name, nodes.Attribute)) and not isinstance(other, nodes.AssignAttr):
                found.setdefault(receiver.as_string(), []).append(other)
            handed = _sole_argument(other) if isinstance(other, nodes.Call) else None
            if handed is not None:
                found.setdefault(handed.as_string(), []).append(other)
        memo[key] = found
    return memo[key]


def loaders_before(node: nodes.NodeNG) -> tuple[nodes.NodeNG, ...]:
    """The calls and reads on ``node``'s receiver that completed on every path to ``node`` (module doc)."""
    receiver = receiver_of(node)
    if not isinstance(receiver, (nodes.Name, nodes.Attribute)) or node.lineno is None:
        return ()
    outermost = node.frame()
    while isinstance(outermost.parent, nodes.NodeNG) and \
            isinstance(outermost.parent.frame(), (nodes.FunctionDef, nodes.Lambda)):
        outermost = outermost.parent.frame()
    if not isinstance(outermost, (nodes.FunctionDef, nodes.Lambda)):
        return ()
    uses = _uses(outermost).get(receiver.as_string(), ())
    if not any(other is not node and other.lineno is not None and other.lineno <= node.lineno for other in uses):
        return ()  # the usual case, answered without walking
    text = _stable_receiver(receiver)
    if text is None:
        return ()
    root = receiver
    while isinstance(root, nodes.Attribute):
        root = root.expr
    found: list[nodes.NodeNG] = []
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, (nodes.Module, nodes.ClassDef)):
        if isinstance(parent, nodes.FunctionDef) and child in parent.body:
            for earlier in parent.body[:parent.body.index(child)]:
                found.extend(candidate for candidate in must_run(earlier) if _is_use(candidate, text))
        elif not isinstance(parent, (nodes.FunctionDef, nodes.Lambda)):
            for earlier in _before(parent, child):
                found.extend(candidate for candidate in must_run(earlier) if _is_use(candidate, text))
        if isinstance(parent, (nodes.FunctionDef, nodes.Lambda)) and _binds(parent, root.name):
            break  # the receiver's variable is this function's own: what ran before its call is not known
        child, parent = parent, parent.parent
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class CallersLoaded:
    """Evidence from outside a method: every project call of ``method`` ran on an object whose cached
    properties ``names`` an earlier call or read in the caller had certainly evaluated
    (``chains.callers_loaded``), so inside ``method`` a read of one on ``self`` returns the cached value."""

    method: nodes.FunctionDef
    names: frozenset[str]

    def frame(self) -> nodes.FunctionDef:
        return self.method


# --- what an earlier call loaded ----------------------------------------------------------------------
def loads(loader: nodes.NodeNG, family: Iterable[nodes.ClassDef], _depth: int = 0) -> frozenset[str]:
    """The cached properties ``loader`` certainly evaluated on an object of any class of ``family``."""
    family = tuple(family)
    if not family or _depth > _DEPTH:
        return frozenset()
    memo = current().parameter_work
    key = ("cached properties loaded", loader, family)
    if key not in memo:
        memo[key] = frozenset()  # a cycle adds nothing
        answer = None
        for cls in family:
            own = _loads_on(loader, cls, _depth)
            answer = own if answer is None else answer & own
            if not answer:
                break
        memo[key] = answer or frozenset()
    return memo[key]


def _loads_on(loader: nodes.NodeNG, cls: nodes.ClassDef, depth: int) -> frozenset[str]:
    if isinstance(loader, CallersLoaded):
        return frozenset(name for name in loader.names if caches_value(find_method(cls, name)))
    if isinstance(loader, nodes.Attribute):
        return frozenset({loader.attrname}) if caches_value(find_method(cls, loader.attrname)) else frozenset()
    if isinstance(loader, nodes.Call) and not isinstance(loader.func, nodes.Attribute):
        return _loads_through_argument(loader, cls, depth)
    if not (isinstance(loader, nodes.Call) and isinstance(loader.func, nodes.Attribute)):
        return frozenset()
    method = find_method(cls, loader.func.attrname)
    if method is None or method.type != "method" or method.is_generator():
        return frozenset()
    if isinstance(method, nodes.AsyncFunctionDef) and not isinstance(loader.parent, nodes.Await):
        return frozenset()  # a coroutine made, not run
    found: set[str] = set()
    for node in _body_must_run(method):
        receiver = receiver_of(node)
        if isinstance(receiver, nodes.Name) and receiver.name == "self" and _is_use(node, "self"):
            found |= loads(node, (cls,), depth + 1)
    return frozenset(found)


def _loads_through_argument(loader: nodes.Call, cls: nodes.ClassDef, depth: int) -> frozenset[str]:
    """``await _get_params(step)``: a project function (a coroutine function awaited, a ``sync_to_async``
    one awaited, or a plain ``def``) handed the object as its sole non-constant argument, whose body reads
    the cached property, or calls a method that does, on that parameter before it may return. The object
    is the same in the worker thread: what it cached there is cached on the loop too."""
    from asynclint.core.django_kinds import called_function, is_adapter_decorated  # noqa: PLC0415

    function = called_function(loader.func)
    if function is None or function.is_generator() or isinstance(function.parent, nodes.ClassDef):
        return frozenset()
    awaited = isinstance(loader.parent, nodes.Await)
    if awaited != (isinstance(function, nodes.AsyncFunctionDef) or is_adapter_decorated(function)):
        return frozenset()
    handed = _sole_argument(loader)
    positional = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    index = loader.args.index(handed) if handed in loader.args else None
    names = {keyword.arg for keyword in loader.keywords or () if keyword.value is handed}
    param = positional[index].name if index is not None and index < len(positional) else \
        next(iter(names)) if len(names) == 1 else None
    if param is None or _binds(function, param) > 1:
        return frozenset()
    found: set[str] = set()
    for node in _body_must_run(function):
        receiver = receiver_of(node)
        if isinstance(receiver, nodes.Name) and receiver.name == param and _is_use(node, param):
            found |= loads(node, (cls,), depth + 1)
    return frozenset(found)


def loaded(read: nodes.Attribute, evidence: Iterable[nodes.NodeNG],
           family: Callable[[], tuple[nodes.ClassDef, ...]]) -> bool:
    """Whether the read ``read`` (``self.frame``) returns a cached value: one of ``evidence`` (earlier
    calls and reads on the same object) certainly evaluated the cached property ``read`` names, for
    every class of ``family()`` the object may be."""
    evidence = tuple(evidence)
    if not evidence:
        return False
    classes = family()
    names = {read.attrname} | {memo_attribute(find_method(cls, read.attrname)) for cls in classes} - {None}
    if any(_invalidated(loader.frame(), names) for loader in (read, *evidence)):
        return False
    return bool(classes) and any(read.attrname in loads(loader, classes) for loader in evidence)


def _invalidated(function: nodes.NodeNG, names: set[str]) -> bool:
    """``function`` may drop the cached value: ``del obj.<name>``, an assignment to the memo attribute
    (``self._frame = None``), or any use of an instance's ``__dict__``."""
    return any(isinstance(found, (nodes.DelAttr, nodes.AssignAttr)) and found.attrname in names or
               isinstance(found, nodes.Attribute) and found.attrname == "__dict__"
               for found in function.nodes_of_class((nodes.DelAttr, nodes.AssignAttr, nodes.Attribute)))
