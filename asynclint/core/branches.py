"""Which code of a called function runs, given the call's arguments; and which work is memoised.

``reached(function, bindings)`` yields every node a call of ``function`` may execute, each with
whether it runs whatever happens (``False``) or only on a branch asynclint cannot decide (``True``):
a chain through such a node is a *possible* finding. ``bindings`` are what the call site decides
about the parameters (``call_bindings``): a constant passed or left at its keyword default, or a
value that is certainly not None (a literal list, dict, f-string, lambda...). A branch whose condition
these decide (``if p is None``, ``if not p``, ``if p == "csv"``, ``if p.startswith("APP_")``,
``and``/``or`` of such) is pruned to the side that runs; a local set from a literal table of constants
by such a key (``flag = self._FLAGS.get(key)``, ``_literal_table``) is known from there on.
What follows an early return taken while an opt-in switch is off (``if not getattr(options, "x",
False): return``, ``opt_in_guard``) is conditional: a library cannot know whether its users turn it on.

Memoised work is not a per-request bug: ``memoised(function, read)`` is True for a function under
``functools.lru_cache``/``cache`` and for a ``cached_property`` read on a long-lived object (an
``AppConfig``, a middleware instance, a module-level instance); ``reached`` skips the body of a
module-level memo (``if _CACHE is None: _CACHE = ...``, ``if key not in _CACHE: _CACHE[key] = ...``)
and of the same memo on ``self`` in a method of a long-lived object (``if self._client is None:
self._client = ...``, ``if not hasattr(self, "_x")``). ``cache_refill(node)`` is True for a node after
the guard of a time-bound cache on ``self`` (``if time.monotonic() - self._at < self._ttl: return
self._cached``, the method storing both later): it refills the cache once per expiry, not per call.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import ge, gt, le, lt

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.imports import qualified_name

Bindings = frozenset  # of (parameter name, ("const", value) | ("not-none",))
NO_BINDINGS: Bindings = frozenset()
#: A binding (never a parameter name) that says the call runs on the event loop: a hybrid middleware's
#: ``__call__`` entered from async code takes its async side (``middleware.async_mode_test``).
ON_LOOP = ("<on the loop>", ("const", True))
_NOT_NONE = ("not-none",)
#: A variable passed explicitly to an optional parameter: not None, and truthy (``_given``).
GIVEN = ("given",)
_NOT_NONE_NODES = (nodes.List, nodes.Dict, nodes.Tuple, nodes.Set, nodes.JoinedStr, nodes.Lambda, nodes.ListComp,
                   nodes.DictComp, nodes.SetComp, nodes.GeneratorExp)
_SCOPES = (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)

_MEMO_DECORATORS = frozenset({"functools.lru_cache", "functools.cache"})
_LONG_LIVED_BASES = frozenset({"django.apps.config.AppConfig", "django.apps.AppConfig"})


# --- call-site bindings --------------------------------------------------------------------------------
def _value(node: nodes.NodeNG | None, caller: dict):
    if isinstance(node, nodes.Name) and node.name in caller:
        return caller[node.name]  # a parameter of the caller that its own call site decided
    if isinstance(node, nodes.Const):
        return ("const", node.value)
    if isinstance(node, _NOT_NONE_NODES):
        return _NOT_NONE
    return None


def values(function: nodes.FunctionDef, bindings: Bindings) -> dict:
    """``bindings`` as a dict, without the parameters ``function`` assigns again anywhere (what a
    call made from ``function`` passes on; ``reached`` forgets a parameter only from the point where
    a reached statement assigns it)."""
    reassigned = _reassigned(function) if bindings else set()
    return {name: value for name, value in bindings if name not in reassigned}


def call_bindings(call: nodes.NodeNG, function: nodes.FunctionDef, caller: dict | None = None) -> Bindings:
    """What ``call`` decides about ``function``'s parameters (empty when it is not a plain call);
    ``caller``: what is decided about the calling function's own parameters (``values``)."""
    caller = caller or {}
    if ON_LOOP[0] in caller:  # what a function on the loop calls in its own thread is on the loop too
        return _plain_call_bindings(call, function, caller) | {ON_LOOP}
    return _plain_call_bindings(call, function, caller)


def _plain_call_bindings(call: nodes.NodeNG, function: nodes.FunctionDef, caller: dict) -> Bindings:
    if not isinstance(call, nodes.Call) or function.args.args is None or \
            function.name in ("__post_init__", "__attrs_post_init__"):
        return NO_BINDINGS  # a dataclass's __post_init__ gets none of the constructor's arguments
    args = function.args
    positional = [*(args.posonlyargs or []), *args.args]
    bound_method = isinstance(call.func, nodes.Attribute) or function.name == "__init__"
    if bound_method and function.type in ("method", "classmethod") and positional:
        positional = positional[1:]
    found: dict[str, object] = {}
    unknown: set[str] = set()
    if any(isinstance(a, nodes.Starred) for a in call.args):
        return NO_BINDINGS  # *args: which parameter gets what is unknown
    forwarded = any(k.arg is None for k in call.keywords or [])  # ``**kwargs``: maybe any keyword
    optional = _none_defaults(function)
    for parameter, argument in zip(positional, call.args):
        value = _value(argument, caller) or _given(argument, parameter.name in optional)
        (found.__setitem__(parameter.name, value) if value else unknown.add(parameter.name))
    for keyword in call.keywords or []:
        value = _value(keyword.value, caller) or _given(keyword.value, keyword.arg in optional)
        (found.__setitem__(keyword.arg, value) if value else unknown.add(keyword.arg))
    passed = {p.name for p in positional[:len(call.args)]} | {k.arg for k in call.keywords or []}
    defaults = args.defaults or []
    for parameter, default in zip(positional[len(positional) - len(defaults):], defaults):
        if parameter.name not in passed:
            value = _value(default, {})
            if value:
                found[parameter.name] = value
    for parameter, default in zip(args.kwonlyargs or [], args.kw_defaults or []):
        if parameter.name not in passed and default is not None:
            value = _value(default, {})
            if value:
                found[parameter.name] = value
    if forwarded:  # a parameter left out may come through **kwargs: only an "off" default is assumed
        found = {name: value for name, value in found.items() if name in passed or _off(value)}
    return frozenset((name, value) for name, value in found.items() if name not in unknown)


def _none_defaults(function: nodes.FunctionDef) -> set[str]:
    """The parameters of ``function`` whose default is None: optional, None meaning "not given"."""
    args = function.args
    positional = [*(args.posonlyargs or []), *(args.args or [])]
    pairs = [*zip(positional[len(positional) - len(args.defaults or []):], args.defaults or []),
             *zip(args.kwonlyargs or [], args.kw_defaults or [])]
    return {parameter.name for parameter, default in pairs
            if isinstance(default, nodes.Const) and default.value is None}


def _given(argument: nodes.NodeNG, optional: bool):
    """``GIVEN`` for a variable or attribute passed explicitly to an optional parameter (default
    None): the caller has the value, so ``if p:``/``if p is None`` in the callee take the given side
    (its fallback is for callers that leave it out). Not a parameter of the caller that is optional
    itself, nor a local variable ever set to None there: those may forward an absent value."""
    if not optional or not isinstance(argument, (nodes.Name, nodes.Attribute)):
        return None
    if isinstance(argument, nodes.Name):
        frame = argument.frame()
        if isinstance(frame, nodes.FunctionDef) and argument.name in _none_defaults(frame):
            return None
        if any(isinstance(assigned.parent, nodes.Assign) and isinstance(assigned.parent.value, nodes.Const)
               and assigned.parent.value.value is None
               for assigned in frame.nodes_of_class(nodes.AssignName) if assigned.name == argument.name):
            return None
    return GIVEN


def _off(value) -> bool:
    """A keyword default that switches optional work off (None, False): work a caller enables only by
    configuring it through ``**kwargs`` is assumed off, so it stays silent (unknown means silent)."""
    return value[0] == "const" and value[1] in (None, False)


# --- deciding a condition ------------------------------------------------------------------------------
def _reassigned(function: nodes.FunctionDef) -> set[str]:
    return {n.name for n in function.nodes_of_class(nodes.AssignName) if not isinstance(n.parent, nodes.Arguments)}


_ORDERINGS = {"<": lt, "<=": le, ">": gt, ">=": ge}


def decide(test: nodes.NodeNG, bindings: dict) -> bool | None:
    """The truth value of ``test`` under ``bindings`` (parameter -> value), or None."""
    if isinstance(test, nodes.Const):
        return bool(test.value)
    if ON_LOOP[0] in bindings:
        from asynclint.core import event_loop, middleware

        if middleware.async_mode_test(test):
            return True
        if event_loop.loop_running_test(test) is not None:  # get_event_loop().is_running(): known on the loop
            return event_loop.loop_running_test(test)
    if isinstance(test, nodes.Name) and test.name in bindings:
        value = bindings[test.name]
        return bool(value[1]) if value[0] == "const" else True if value == GIVEN else None
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        inner = decide(test.operand, bindings)
        return None if inner is None else not inner
    if isinstance(test, nodes.BoolOp):
        values = [decide(v, bindings) for v in test.values]
        if test.op == "and":
            return False if False in values else True if all(v is True for v in values) else None
        return True if True in values else False if all(v is False for v in values) else None
    if isinstance(test, nodes.Call):
        return _string_test(test, bindings)
    if isinstance(test, nodes.Compare) and len(test.ops) == 1 and isinstance(test.left, nodes.Name) and \
            test.left.name in bindings:
        operator, right = test.ops[0]
        value = bindings[test.left.name]
        if operator in ("is", "is not") and isinstance(right, nodes.Const) and right.value is None:
            is_none = value[1] is None if value[0] == "const" else False
            return is_none if operator == "is" else not is_none
        if operator in ("==", "!=") and isinstance(right, nodes.Const) and value[0] == "const":
            return (value[1] == right.value) == (operator == "==")
        if operator in _ORDERINGS and isinstance(right, nodes.Const) and value[0] == "const" \
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (value[1], right.value)):
            return _ORDERINGS[operator](value[1], right.value)
    return None


_STRING_TESTS = frozenset({"startswith", "endswith"})


def _string_test(test: nodes.Call, bindings: dict) -> bool | None:
    """``p.startswith("x")`` / ``p.endswith(("x", "y"))`` with ``p`` bound to a string constant."""
    func = test.func
    if not (isinstance(func, nodes.Attribute) and func.attrname in _STRING_TESTS and isinstance(func.expr, nodes.Name)
            and func.expr.name in bindings and len(test.args) == 1 and not test.keywords):
        return None
    value, argument = bindings[func.expr.name], test.args[0]
    if value[0] != "const" or not isinstance(value[1], str):
        return None
    parts = argument.elts if isinstance(argument, nodes.Tuple) else [argument]
    if not all(isinstance(part, nodes.Const) and isinstance(part.value, str) for part in parts):
        return None
    return getattr(value[1], func.attrname)(tuple(part.value for part in parts))


def _looked_up(value: nodes.NodeNG, bindings: dict):
    """``("const", v)`` for ``TABLE.get(p)`` / ``TABLE.get(p, default)`` where ``p`` is bound to a constant
    and ``TABLE`` is a literal dict of constants (``_literal_table``); else None."""
    if not (isinstance(value, nodes.Call) and isinstance(value.func, nodes.Attribute) and value.func.attrname == "get"
            and 1 <= len(value.args) <= 2 and not value.keywords and isinstance(value.args[0], nodes.Name)):
        return None
    key = bindings.get(value.args[0].name)
    default = value.args[1] if len(value.args) == 2 else None
    if key is None or key[0] != "const" or (default is not None and not isinstance(default, nodes.Const)):
        return None
    table = _literal_table(value.func.expr)
    if table is None:
        return None
    return ("const", table.get(key[1], default.value if default is not None else None))


def _literal_table(expr: nodes.NodeNG) -> dict | None:
    """The dict a module-level ``NAME = {...}`` or a class-level ``NAME = {...}`` (read as ``self.NAME`` /
    ``cls.NAME`` in a method of that class) holds, when it is a literal of constants that nothing changes:
    no other statement of the module assigns or mutates the name, and no other project file names it (a
    subclass elsewhere could override the attribute)."""
    from asynclint.core import deployment, own_loop

    if isinstance(expr, nodes.Name):
        scope, name = expr.root(), expr.name
    elif isinstance(expr, nodes.Attribute) and isinstance(expr.expr, nodes.Name) and expr.expr.name in ("self", "cls"):
        scope, name = expr.frame().parent, expr.attrname
        scope = scope.frame() if scope is not None else None
    else:
        return None
    if not isinstance(scope, (nodes.Module, nodes.ClassDef)):
        return None
    assigned = [n for n in scope.locals.get(name, ()) if isinstance(n, nodes.AssignName)]
    if len(assigned) != 1 or not isinstance(assigned[0].parent, (nodes.Assign, nodes.AnnAssign)):
        return None
    literal = assigned[0].parent.value
    if not isinstance(literal, nodes.Dict) or not all(
            isinstance(k, nodes.Const) and isinstance(v, nodes.Const) for k, v in literal.items):
        return None
    module = scope.root()
    for node in module.nodes_of_class((nodes.AssignAttr, nodes.Attribute, nodes.Subscript, nodes.Global)):
        if isinstance(node, nodes.AssignAttr) and node.attrname == name:
            return None  # self.NAME = ... somewhere
        if isinstance(node, nodes.Global) and name in node.names:
            return None
        if isinstance(node, nodes.Attribute) and node.attrname in _MUTATORS and \
                getattr(node.expr, "name", getattr(node.expr, "attrname", None)) == name:
            return None  # NAME.update(...)
        if isinstance(node, nodes.Subscript) and node.ctx is not None and node.ctx.name != "Load" and \
                getattr(node.value, "name", getattr(node.value, "attrname", None)) == name:
            return None  # NAME[k] = ...
    if not module.file:
        return None
    import os

    from asynclint.core.django_kinds import _python_files_under

    root = str(deployment.project_root(module.file))
    if len(_python_files_under(root, own_loop._MAX_FILES)) >= own_loop._MAX_FILES:  # noqa: SLF001
        return None  # an index cut short may miss the file that overrides or changes it
    if {os.path.abspath(f) for f in own_loop.files_naming(root, name)} - {os.path.abspath(module.file)}:
        return None
    return {k.value: v.value for k, v in literal.items}


_MUTATORS = frozenset({"update", "pop", "popitem", "setdefault", "clear", "__setitem__", "__delitem__"})


def setting_on_branch(node: nodes.NodeNG, setting: str) -> str | None:
    """The string value of ``django.conf.settings.<setting>`` on the branch ``node`` runs on: inside
    ``if settings.SESSION_ENGINE == "<value>":`` (or the ``else`` of a ``!=``), in the same function."""
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, _SCOPES):
        if isinstance(parent, (nodes.If, nodes.IfExp)) and child is not parent.test:
            compared = _setting_compared(parent.test, setting)
            if compared is not None:
                operator, value = compared
                in_body = child in parent.body if isinstance(parent, nodes.If) else child is parent.body
                if (operator == "==") == in_body:
                    return value
        child, parent = parent, parent.parent
    return None


def _setting_compared(test: nodes.NodeNG, setting: str) -> tuple[str, str] | None:
    """``settings.X == "value"`` (either side; ``!=`` too): the operator and the value."""
    if not isinstance(test, nodes.Compare) or len(test.ops) != 1 or test.ops[0][0] not in ("==", "!="):
        return None
    operator, right = test.ops[0]
    for read, literal in ((test.left, right), (right, test.left)):
        if isinstance(read, nodes.Attribute) and read.attrname == setting \
                and qualified_name(read.expr) == "django.conf.settings" \
                and isinstance(literal, nodes.Const) and isinstance(literal.value, str):
            return operator, literal.value
    return None


# --- memoisation ---------------------------------------------------------------------------------------
def _decorator_names(function: nodes.FunctionDef) -> set[str]:
    names = set()
    for decorator in function.decorators.nodes if function.decorators else ():
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        if isinstance(target, (nodes.Name, nodes.Attribute)):
            names.add(qualified_name(target) or "")
    return names


def _long_lived(cls: nodes.ClassDef) -> bool:
    """Instances live as long as the process: an AppConfig, a middleware class, or a class the module
    instantiates at module level."""
    from asynclint.core import middleware

    if any(qualified_name(base) in _LONG_LIVED_BASES for base in cls.bases
           if isinstance(base, (nodes.Name, nodes.Attribute))):
        return True
    for statement in cls.root().body:
        value = getattr(statement, "value", None)
        if isinstance(statement, (nodes.Assign, nodes.AnnAssign)) and isinstance(value, nodes.Call) and \
                isinstance(value.func, nodes.Name) and value.func.name == cls.name:
            return True
    return isinstance(cls.parent, nodes.Module) and middleware.factory(cls) is not None


def memoised(function: nodes.FunctionDef, read: nodes.NodeNG | None = None) -> bool:
    """``function``'s work happens once per process (or per argument), not per request."""
    names = _decorator_names(function)
    if names & _MEMO_DECORATORS:
        return True
    if names & api.CACHED_PROPERTY_DECORATORS and isinstance(function.parent, nodes.ClassDef):
        return _long_lived(function.parent)
    return False


def _module_globals(function: nodes.FunctionDef) -> set[str]:
    declared = {name for g in function.nodes_of_class(nodes.Global) for name in g.names}
    return declared | {name for name in function.root().locals}


def _self_memo(node: nodes.If, long_lived) -> bool:
    """``if self._x is None: self._x = ...`` (or ``if not self._x``, ``if not hasattr(self, "_x")``) in a
    method of a long-lived object: the work runs on the first call of the process, not per request."""
    tested = {a.attrname for a in node.test.nodes_of_class(nodes.Attribute)
              if isinstance(a.expr, nodes.Name) and a.expr.name == "self"}
    tested |= {c.args[1].value for c in node.test.nodes_of_class(nodes.Call)
               if isinstance(c.func, nodes.Name) and c.func.name == "hasattr" and len(c.args) == 2
               and isinstance(c.args[0], nodes.Name) and c.args[0].name == "self"
               and isinstance(c.args[1], nodes.Const)}
    if not tested:
        return False
    assigned = any(isinstance(target.expr, nodes.Name) and target.expr.name == "self" and target.attrname in tested
                   for statement in node.body for target in statement.nodes_of_class(nodes.AssignAttr))
    return assigned and long_lived()


def _is_memo(node: nodes.If, globals_: set[str], declared: set[str], long_lived=lambda: False) -> bool:
    """``if _X is None: _X = ...`` / ``if not _X`` / ``if key not in _X: _X[key] = ...`` on a module global,
    or the same on ``self`` in a method of a long-lived object (``_self_memo``)."""
    if _self_memo(node, long_lived):
        return True
    tested = {n.name for n in node.test.nodes_of_class(nodes.Name)} & globals_
    if not tested:
        return False
    for statement in node.body:
        for target in statement.nodes_of_class((nodes.AssignName, nodes.Subscript, nodes.AssignAttr)):
            if isinstance(target, nodes.AssignName) and target.name in tested & declared:
                return True
            if isinstance(target, nodes.Subscript) and isinstance(target.value, nodes.Name) and \
                    target.value.name in tested and isinstance(target.parent, (nodes.Assign, nodes.AugAssign)) and \
                    target in getattr(target.parent, "targets", [target]):
                return True
    return False


def _self_attributes(node: nodes.NodeNG) -> set[str]:
    return {a.attrname for a in node.nodes_of_class(nodes.Attribute)
            if isinstance(a.expr, nodes.Name) and a.expr.name == "self"}


def time_bound_cache(node: nodes.If) -> bool:
    """``if <clock> - self._at < self._ttl: return self._cached`` in a method that later stores both
    ``self._at`` and ``self._cached``: a cache with an expiry. The work after the guard runs once per
    expiry, not per call; an object that caches with a timestamp is built to outlive its calls."""
    function = node.scope()
    if not isinstance(function, nodes.FunctionDef) or node.orelse or len(node.body) != 1:
        return False
    returned = node.body[0]
    if not (isinstance(returned, nodes.Return) and isinstance(returned.value, nodes.Attribute)
            and isinstance(returned.value.expr, nodes.Name) and returned.value.expr.name == "self"):
        return False
    if not any(qualified_name(call.func) in api.CLOCK_FUNCTIONS for call in node.test.nodes_of_class(nodes.Call)):
        return False
    stored = {target.attrname for target in function.nodes_of_class(nodes.AssignAttr)
              if isinstance(target.expr, nodes.Name) and target.expr.name == "self"
              and target.lineno > node.lineno}
    return returned.value.attrname in stored and bool(_self_attributes(node.test) & stored)


def cache_refill(node: nodes.NodeNG) -> bool:
    """``node`` runs after a ``time_bound_cache`` guard among its function's top-level statements."""
    function = node.scope()
    if not isinstance(function, nodes.FunctionDef):
        return False
    statement = node
    while statement.parent is not function:
        statement = statement.parent
        if statement is None:
            return False
    for earlier in function.body:
        if earlier is statement:
            return False
        if isinstance(earlier, nodes.If) and time_bound_cache(earlier):
            return True
    return False


def _no_loop_handler(handler: nodes.ExceptHandler) -> bool:
    from asynclint.core import event_loop

    return event_loop.no_loop_handler(handler)


# --- what runs ------------------------------------------------------------------------------------------
def reached(function: nodes.FunctionDef, bindings: Bindings = NO_BINDINGS) -> Iterator[tuple[nodes.NodeNG, bool]]:
    """``(node, conditional)`` for every node a call of ``function`` may execute (nested defs, lambdas
    and classes are yielded but not entered), in source order."""
    walker = _Walker(dict(bindings), _module_globals(function),
                     {name for g in function.nodes_of_class(nodes.Global) for name in g.names})
    walker.owner = function.parent if isinstance(function.parent, nodes.ClassDef) else None
    walker.statements(function.body, False)
    yield from walker.found


class _Walker:
    def __init__(self, values: dict, globals_: set[str], declared: set[str]) -> None:
        self.values, self.globals, self.declared = values, globals_, declared
        self.found: list[tuple[nodes.NodeNG, bool]] = []
        self.owner: nodes.ClassDef | None = None  # the class of a method: memo on ``self`` if long-lived
        self._long_lived: bool | None = None

    def long_lived(self) -> bool:
        if self._long_lived is None:
            self._long_lived = self.owner is not None and _long_lived(self.owner)
        return self._long_lived

    def node(self, node: nodes.NodeNG, conditional: bool) -> bool:
        """Walk ``node``; True when it certainly returns or raises."""
        self.found.append((node, conditional))
        if isinstance(node, _SCOPES):
            return False
        if isinstance(node, (nodes.AssignName, nodes.DelName)):
            self.values.pop(node.name, None)  # from here on the parameter holds another value
            return False
        if isinstance(node, nodes.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], nodes.AssignName):
            looked_up = _looked_up(node.value, self.values)  # name = TABLE.get(key): known for a constant key
            for child in node.get_children():
                self.node(child, conditional)
            if looked_up is not None:
                self.values[node.targets[0].name] = looked_up
            return False
        if isinstance(node, (nodes.For, nodes.While)):  # a later iteration sees the body's assignments
            for assigned in node.nodes_of_class((nodes.AssignName, nodes.DelName), skip_klass=_SCOPES):
                self.values.pop(assigned.name, None)
        if isinstance(node, (nodes.If, nodes.IfExp)):
            self.node(node.test, conditional)
            decided = decide(node.test, self.values)
            body, orelse = node.body, node.orelse
            body = body if isinstance(body, list) else [body]
            orelse = orelse if isinstance(orelse, list) else [orelse]
            if isinstance(node, nodes.If) and _is_memo(node, self.globals, self.declared, self.long_lived):
                body, decided = [], None
            if decided is True:
                return self.statements(body, conditional)
            if decided is False:
                return self.statements(orelse, conditional)
            self.statements(body, True)
            self.statements(orelse, True)
            return False
        if isinstance(node, nodes.While):
            self.node(node.test, conditional)
            if decide(node.test, self.values) is not False:
                self.statements(node.body, True)
            self.statements(node.orelse, True)
            return False
        if isinstance(node, nodes.Try):
            ended = self.statements(node.body, conditional)
            for handler in node.handlers:
                if ON_LOOP[0] in self.values and _no_loop_handler(handler):
                    continue  # ``except RuntimeError`` of ``get_running_loop()``: never on the loop
                self.statements([handler], True)
            self.statements(node.orelse, True)
            return self.statements(node.finalbody, conditional) or (ended and not node.handlers)
        if isinstance(node, nodes.BoolOp):
            self.node(node.values[0], conditional)
            for value in node.values[1:]:
                self.node(value, True)
            return False
        if isinstance(node, nodes.Match):
            self.node(node.subject, conditional)
            for case in node.cases:
                self.statements([case], True)
            return False
        for child in node.get_children():
            self.node(child, conditional)
        return isinstance(node, (nodes.Return, nodes.Raise))

    def statements(self, statements, conditional: bool) -> bool:
        """Walk a statement list up to a statement that certainly leaves it; True if one does. What
        follows an early return taken while an opt-in switch is off (``opt_in_guard``) runs only where
        the project turns the feature on: it is conditional."""
        for statement in statements:
            guard = not conditional and opt_in_guard(statement) and decide(statement.test, self.values) is None
            if self.node(statement, conditional):
                return True
            conditional = conditional or guard
        return False


# --- an early return while an opt-in switch is off --------------------------------------------------------
def opt_in_guard(statement: nodes.NodeNG) -> bool:
    """``if not SWITCH: return ...`` (no ``else``), where SWITCH is an optional feature that is off unless
    configured: ``getattr(obj, "name", False)``, ``config.get("NAME", False)`` (a literal name, a literal
    ``False`` default), ``bool(...)`` of one, or ``self.attr`` that the class's ``__init__`` assigns from
    one. A library cannot know whether its users turn the feature on, so what follows the guard may not run
    (a guard on a value the request or the caller decides, ``if not request: return``, is not one)."""
    if not (isinstance(statement, nodes.If) and not statement.orelse and statement.body
            and isinstance(statement.body[-1], nodes.Return)):
        return False
    test = statement.test
    if not (isinstance(test, nodes.UnaryOp) and test.op == "not"):
        return False
    return _switch(test.operand) or _switch_attribute(test.operand)


def _switch(node: nodes.NodeNG) -> bool:
    """``getattr(x, "name", False)``, ``x.get("name", False)`` or ``bool(...)`` of one."""
    if not isinstance(node, nodes.Call):
        return False
    func = node.func
    if isinstance(func, nodes.Name) and func.name == "bool" and len(node.args) == 1:
        return _switch(node.args[0])
    if isinstance(func, nodes.Name) and func.name == "getattr":
        name_at, default_at = 1, 2
    elif isinstance(func, nodes.Attribute) and func.attrname == "get":
        name_at, default_at = 0, 1
    else:
        return False
    if len(node.args) != default_at + 1 or node.keywords:
        return False
    name, default = node.args[name_at], node.args[default_at]
    return (isinstance(name, nodes.Const) and isinstance(name.value, str)
            and isinstance(default, nodes.Const) and default.value is False)


def _switch_attribute(node: nodes.NodeNG) -> bool:
    """``self.attr`` that the enclosing class's ``__init__`` assigns (only) from a switch."""
    if not (isinstance(node, nodes.Attribute) and isinstance(node.expr, nodes.Name) and node.expr.name == "self"):
        return False
    cls = node.frame().parent if isinstance(node.frame(), nodes.FunctionDef) else None
    init = cls.locals.get("__init__", [None])[0] if isinstance(cls, nodes.ClassDef) else None
    if not isinstance(init, nodes.FunctionDef):
        return False
    values = [assign.value for assign in init.nodes_of_class(nodes.Assign)
              if any(isinstance(t, nodes.AssignAttr) and t.attrname == node.attrname
                     and isinstance(t.expr, nodes.Name) and t.expr.name == "self" for t in assign.targets)]
    return bool(values) and all(_switch(value) for value in values)


# --- a branch taken only where the async form does not exist ------------------------------------------------
def async_form_absent(call: nodes.Call, async_name: str | None) -> bool:
    """``call`` (``signal.send(...)``) runs only on the branch where its receiver was probed for the async
    form and lacks it: the ``else`` of ``if callable(getattr(signal, "asend", None)):`` (or of
    ``hasattr(signal, "asend")`` / ``getattr(signal, "asend", None)``), or the body of ``if not ...``. That
    branch is the fallback for a library version without the async API (Django before 5.0 for
    ``Signal.asend``), where the replacement the finding would ask for does not exist."""
    if not async_name or not isinstance(call.func, nodes.Attribute):
        return False
    receiver = call.func.expr.as_string()
    frame = call.frame()
    child, parent = call, call.parent
    while parent is not None and parent is not frame:
        if isinstance(parent, nodes.If) and child is not parent.test:
            negated, test = False, parent.test
            while isinstance(test, nodes.UnaryOp) and test.op == "not":
                negated, test = not negated, test.operand
            if _probes(test, receiver, async_name):
                in_else = child in parent.orelse
                if in_else != negated:
                    return True
        child, parent = parent, parent.parent
    return False


def _probes(test: nodes.NodeNG, receiver: str, name: str) -> bool:
    """``hasattr(R, name)``, ``getattr(R, name, None)`` or ``callable(getattr(R, name, None))``."""
    return _probed(test) == (receiver, name)


def async_api_probed_absent(call: nodes.NodeNG) -> bool:
    """``call`` runs only where an object it is given (an argument, or the receiver of the method) was
    probed for one of Django's async APIs and lacks it: the ``else`` (or conditional-expression ``else``)
    of ``hasattr(request, "auser")`` / ``getattr(qs, "acount", None)`` / ``callable(getattr(...))``, or the
    body of ``if not ...``, also through ``elif`` chains. ``await request.auser() if hasattr(request,
    "auser") else _get_user(request)`` and ``if hasattr(qs, "acount"): total = await qs.acount() ... else:
    total = len(qs)``: the sync branch is the fallback for a Django without the async API (or an object
    that is no request/QuerySet), never taken where the finding's replacement exists. The probed name
    must be one of the table's async names (``auser``, ``acount``, ``aget``...), so a probe of a project
    attribute decides nothing."""
    if not isinstance(call, nodes.Call):
        return False
    operands = {argument.as_string() for argument in call.args if isinstance(argument, (nodes.Name, nodes.Attribute))}
    if isinstance(call.func, nodes.Attribute):
        operands.add(call.func.expr.as_string())
    if not operands:
        return False
    frame = call.frame()
    child, parent = call, call.parent
    while parent is not None and parent is not frame:
        if isinstance(parent, (nodes.If, nodes.IfExp)) and child is not parent.test:
            negated, test = False, parent.test
            while isinstance(test, nodes.UnaryOp) and test.op == "not":
                negated, test = not negated, test.operand
            probed = _probed(test)
            if probed is not None and probed[0] in operands and probed[1] in _async_api_names():
                in_else = child in parent.orelse if isinstance(parent, nodes.If) else child is parent.orelse
                if in_else != negated:
                    return True
        child, parent = parent, parent.parent
    return False


def _probed(test: nodes.NodeNG) -> tuple[str, str] | None:
    """(target, name) of ``hasattr(T, name)``, ``getattr(T, name, None)`` or ``callable(getattr(T, name, None))``."""
    if isinstance(test, nodes.Call) and isinstance(test.func, nodes.Name) and test.func.name == "callable" and \
            len(test.args) == 1:
        test = test.args[0]
    if not (isinstance(test, nodes.Call) and isinstance(test.func, nodes.Name) and
            test.func.name in ("hasattr", "getattr") and len(test.args) >= 2):
        return None
    target, attribute = test.args[0], test.args[1]
    if not isinstance(attribute, nodes.Const) or not isinstance(attribute.value, str):
        return None
    return target.as_string(), attribute.value


_ASYNC_API_NAMES: frozenset[str] | None = None


def _async_api_names() -> frozenset[str]:
    """The last component of every async name in the table (``auser``, ``acount``, ``aget``...)."""
    global _ASYNC_API_NAMES  # pylint: disable=global-statement
    if _ASYNC_API_NAMES is None:
        from asynclint import django_api as api

        names = {row.async_name.rpartition(".")[2] for row in api.SYNC_APIS if row.async_name}
        for methods in api.ASYNC_METHODS.values():
            names.update(methods)
        _ASYNC_API_NAMES = frozenset(name for name in names if name.startswith("a"))
    return _ASYNC_API_NAMES

