"""What evaluates a lazy QuerySet: iteration, ``len``, truth value, ``in``, indexing, unpacking, repr.

``evaluations_at(node)`` answers for one node, wherever it is; whether that code runs on the event
loop is the caller's question (a rule checks it; the call-chain analysis asks about helpers).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.describe import describe
from asynclint.core.django_kinds import ADAPTED_CALLABLE, MAYBE_QUERYSET, kind_of
from asynclint.core.imports import qualified_name

#: Builtins whose call on a QuerySet runs its query: ``iter()`` and ``reversed()`` (through ``len``) too.
CONVERSIONS = api.ITERATING_BUILTINS | {"iter", "reversed"}
#: Builtins that iterate (or size, or test) their argument right away, by the operation they are.
_BUILTINS = {
    **dict.fromkeys(CONVERSIONS, "conversion"),
    "len": "len",
    "bool": "truth",
    **dict.fromkeys(("repr", "str", "print", "ascii", "format"), "repr"),
}
#: Builtins that evaluate every positional argument, not only the first.
_ALL_ARGUMENTS = frozenset({"zip", "map", "filter", "print"})


@dataclass(frozen=True)
class Evaluation:
    """A QuerySet evaluated at ``node``: ``operation`` is a key of ``django_api.EVALUATIONS``."""

    node: nodes.NodeNG  # where to report
    queryset: nodes.NodeNG
    operation: str
    shown: dict = field(default_factory=dict)  # extra values for the row's templates

    @property
    def possible(self) -> bool:
        """The value may be a plain collection instead (``Union[List[Book], QuerySet[Book]]``)."""
        found = kind_of(self.queryset)
        return found is not None and found.name == MAYBE_QUERYSET

    def describe(self) -> str:
        row = api.EVALUATIONS[self.operation]
        return row.shows.format(qs=describe(self.queryset), **self.shown)


def is_queryset(node: nodes.NodeNG | None) -> bool:
    """A QuerySet, or a value that may be one (``MAYBE_QUERYSET``: its evaluations are ``possible``)."""
    found = kind_of(node) if node is not None else None
    return found is not None and found.name in (api.QUERYSET, MAYBE_QUERYSET)


def evaluations_at(node: nodes.NodeNG) -> Iterator[Evaluation]:
    """The QuerySet evaluations that ``node`` itself performs (not its children's)."""
    handler = _HANDLERS.get(type(node))
    if handler is not None:
        for evaluation in handler(node):
            if is_queryset(evaluation.queryset):
                yield evaluation


def _for(node: nodes.For) -> Iterator[Evaluation]:
    if not isinstance(node, nodes.AsyncFor):
        yield Evaluation(node.iter, node.iter, "iteration")


def _comprehension(node: nodes.Comprehension) -> Iterator[Evaluation]:
    if not node.is_async:
        yield Evaluation(node.iter, node.iter, "comprehension")


def _call(node: nodes.Call) -> Iterator[Evaluation]:
    func = node.func
    if isinstance(func, nodes.Attribute) and func.attrname in ("join", "format") and isinstance(
        func.expr, nodes.Const
    ) and isinstance(func.expr.value, str):
        for argument in node.args:
            yield Evaluation(argument, argument, "repr", {"call": f"str.{func.attrname}()"})
            if func.attrname == "format":
                yield from _held_reprs(argument, argument, "str.format()")
        return
    if isinstance(func, (nodes.Name, nodes.Attribute)) and node.args and _stringifies_leftovers(node):
        yield from _held_reprs(node, node.args[0], f"{describe(func)}(..., default={_default(node)})",
                               itself=True)
        return
    if not isinstance(func, nodes.Name) or func.name not in _BUILTINS:
        return
    if qualified_name(func) != f"builtins.{func.name}":
        return  # shadowed by a local name
    operation = _BUILTINS[func.name]
    shown = func.name if operation == "conversion" else f"{func.name}()"
    for argument in node.args if func.name in _ALL_ARGUMENTS else node.args[:1]:
        if not isinstance(argument, nodes.Starred):
            yield Evaluation(node, argument, operation, {"call": shown})
            if operation == "repr":
                yield from _held_reprs(node, argument, shown)


#: ``json.dumps(value, default=str)``: the encoder hands what it cannot encode (a QuerySet) to ``default``.
_JSON_ENCODERS = frozenset({"json.dumps", "json.dump"})
_STRINGIFYING_DEFAULTS = frozenset({"builtins.str", "builtins.repr"})


def _stringifies_leftovers(call: nodes.Call) -> bool:
    if qualified_name(call.func) not in _JSON_ENCODERS:
        return False
    default = next((keyword.value for keyword in call.keywords or [] if keyword.arg == "default"), None)
    return isinstance(default, nodes.Name) and qualified_name(default) in _STRINGIFYING_DEFAULTS


def _default(call: nodes.Call) -> str:
    return next(keyword.value.as_string() for keyword in call.keywords if keyword.arg == "default")


def _held_reprs(node: nodes.NodeNG, value: nodes.NodeNG, shown: str, itself: bool = False,
                _depth: int = 0) -> Iterator[Evaluation]:
    """The QuerySets that the ``repr()`` of a container evaluates (``str({"items": qs})``: a dict's,
    list's, tuple's or set's repr is its elements' reprs, a QuerySet's repr queries): the values of
    a literal container, or of the one literal a local variable is bound to, nested ones too.
    ``itself``: the value itself as well (``json.dumps(qs, default=str)``)."""
    if itself:
        yield Evaluation(node, value, "repr", {"call": shown})
    if _depth > 3:
        return
    literal = _literal_container(value)
    if literal is None:
        return
    held = [item for pair in literal.items for item in pair] if isinstance(literal, nodes.Dict) else literal.elts
    for element in held:
        if not isinstance(element, (nodes.Starred, nodes.DictUnpack)):
            yield Evaluation(node, element, "held-repr", {"call": shown})
            yield from _held_reprs(node, element, shown, _depth=_depth + 1)


_CONTAINERS = (nodes.Dict, nodes.List, nodes.Tuple, nodes.Set)


def _literal_container(value: nodes.NodeNG) -> nodes.NodeNG | None:
    """``{...}``/``[...]``/``(...)``, or the one such literal a local name is bound to (assigned once,
    in the same function, and never subscripted for a write or mutated by a method there)."""
    if isinstance(value, _CONTAINERS):
        return value
    if not isinstance(value, nodes.Name):
        return None
    scope, assigned = value.lookup(value.name)
    if len(assigned) != 1 or not isinstance(assigned[0], nodes.AssignName) \
            or not isinstance(assigned[0].parent, nodes.Assign) or scope is not value.scope():
        return None
    literal = assigned[0].parent.value
    return literal if isinstance(literal, _CONTAINERS) else None


def _truth_tested(test: nodes.NodeNG) -> Iterator[Evaluation]:
    if isinstance(test, nodes.BoolOp):
        test = test.values[-1]  # the other operands are tested by the BoolOp itself
    yield Evaluation(test, test, "truth")


def _test(node) -> Iterator[Evaluation]:
    yield from _truth_tested(node.test)


def _unaryop(node: nodes.UnaryOp) -> Iterator[Evaluation]:
    if node.op == "not":
        yield from _truth_tested(node.operand)


def _boolop(node: nodes.BoolOp) -> Iterator[Evaluation]:
    # ``a or b``: every operand but the last is truth-tested; the last is returned as it is.
    for operand in node.values[:-1]:
        yield Evaluation(operand, operand, "truth")


def _compare(node: nodes.Compare) -> Iterator[Evaluation]:
    for operator, operand in node.ops:
        if operator in ("in", "not in"):
            yield Evaluation(node, operand, "membership")


def _subscript(node: nodes.Subscript) -> Iterator[Evaluation]:
    index = node.slice
    if isinstance(index, nodes.Slice):
        if index.step is not None:
            yield Evaluation(node, node.value, "step-slice")
    elif isinstance(index, nodes.Const) and index.value == 0:
        yield Evaluation(node, node.value, "first")
    else:
        yield Evaluation(node, node.value, "index", {"index": index.as_string()})


def _is_load_context(node: nodes.NodeNG) -> bool:
    return not isinstance(node.parent, (nodes.Assign, nodes.AugAssign, nodes.Delete)) or node is getattr(
        node.parent, "value", None
    )


def _starred(node: nodes.Starred) -> Iterator[Evaluation]:
    if not isinstance(node.parent, (nodes.Tuple, nodes.List)) or _is_load_context(node.parent):
        yield Evaluation(node, node.value, "unpacking")


def _assign(node: nodes.Assign) -> Iterator[Evaluation]:
    if any(isinstance(target, (nodes.Tuple, nodes.List)) for target in node.targets):
        yield Evaluation(node.value, node.value, "unpacking")


def _formattedvalue(node: nodes.FormattedValue) -> Iterator[Evaluation]:
    yield Evaluation(node.value, node.value, "repr", {"call": "an f-string"})
    yield from _held_reprs(node.value, node.value, "an f-string")


def _binop(node: nodes.BinOp) -> Iterator[Evaluation]:
    if node.op == "%" and isinstance(node.left, nodes.Const) and isinstance(node.left.value, str):
        for value in node.right.elts if isinstance(node.right, nodes.Tuple) else [node.right]:
            yield Evaluation(value, value, "repr", {"call": "'%' formatting"})
            yield from _held_reprs(value, value, "'%' formatting")


_HANDLERS = {
    nodes.For: _for,
    nodes.Comprehension: _comprehension,
    nodes.Call: _call,
    nodes.If: _test,
    nodes.While: _test,
    nodes.IfExp: _test,
    nodes.Assert: _test,
    nodes.UnaryOp: _unaryop,
    nodes.BoolOp: _boolop,
    nodes.Compare: _compare,
    nodes.Subscript: _subscript,
    nodes.Starred: _starred,
    nodes.Assign: _assign,
    nodes.FormattedValue: _formattedvalue,
    nodes.BinOp: _binop,
}


def reported_evaluations(node: nodes.NodeNG) -> list[Evaluation]:
    """The evaluations the rule reports at ``node`` (found by the node that performs them)."""
    found: dict[tuple[str, int], Evaluation] = {}
    candidate = node
    for _ in range(3):
        if candidate is None:
            break
        for evaluation in evaluations_at(candidate):
            if evaluation.node is node:
                found.setdefault((evaluation.operation, id(evaluation.queryset)), evaluation)
        candidate = candidate.parent
    return list(found.values())


def reads_filled_cache(evaluation: Evaluation) -> bool:
    """Whether an evaluation of a QuerySet held in a variable is preceded, in the same statement and
    on every path to it, by one of the same variable that fills its result cache
    (``if a not in qs and b not in qs:``): the second reads the rows the first fetched, no query."""
    queryset = evaluation.queryset
    if not isinstance(queryset, nodes.Name):
        return False
    statement = queryset.statement()
    if _iterated_async_before(queryset, statement):
        return True
    for node in _statement_expressions(statement):
        for earlier in evaluations_at(node):
            if earlier.queryset is queryset or not isinstance(earlier.queryset, nodes.Name) \
                    or earlier.queryset.name != queryset.name or earlier.queryset.scope() is not queryset.scope():
                continue
            if api.EVALUATIONS[earlier.operation].fills_cache and _runs_before(earlier.queryset, queryset):
                return True
    return False


_SCOPES = (nodes.Lambda, nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp)


def _iterated_async_before(queryset: nodes.Name, statement: nodes.NodeNG) -> bool:
    """An earlier statement of the same block (or of a block around it) is ``async for x in qs:`` over the
    same variable, with no assignment to it in between: ``QuerySet.__aiter__`` runs ``_fetch_all`` in a
    thread before yielding the first row, so the result cache is full afterwards (``len(qs)`` after the
    loop reads it, no query). Not an async comprehension's (``[x async for x in qs]``): it iterates the
    same way, but only a statement of its own is read here. Likewise a statement that has a thread
    evaluate the variable in place (``await sync_to_async(len)(qs)``, ``_filled_in_thread``)."""
    scope = queryset.scope()
    child, block = statement, statement.parent
    while block is not None and child is not scope:
        for field in block._astroid_fields:  # pylint: disable=protected-access
            body = getattr(block, field, None)
            if not isinstance(body, list) or child not in body:
                continue
            earlier = body[:body.index(child)]
            for position, candidate in enumerate(earlier):
                if (isinstance(candidate, nodes.AsyncFor) and isinstance(candidate.iter, nodes.Name)
                        and candidate.iter.name == queryset.name or _filled_in_thread(candidate, queryset.name)) \
                        and not any(_assigns(later, queryset.name) for later in earlier[position + 1:]):
                    return True
        child, block = block, block.parent
    return False


#: Builtins that fill a QuerySet's result cache when they evaluate it (``QuerySet.__len__``, ``__bool__``
#: and ``__iter__`` run ``_fetch_all()``; Django 3.1 to 6.1).
_CACHE_FILLING_BUILTINS = frozenset({"builtins.len", "builtins.bool", "builtins.list", "builtins.tuple",
                                     "builtins.set", "builtins.sorted"})


def _filled_in_thread(statement: nodes.NodeNG, name: str) -> bool:
    """``await sync_to_async(len)(qs)`` (an expression statement, or an assignment's value) over the
    variable itself: the adapter's thread evaluates the QuerySet object the variable holds, whose result
    cache is then full.
    ``sync_to_async(qs.count)()`` runs a COUNT and fills nothing; ``len(qs.filter(...))`` fills a clone's."""
    value = statement.value if isinstance(statement, (nodes.Expr, nodes.Assign, nodes.AnnAssign)) else None
    if not isinstance(value, nodes.Await):
        return False
    call = value.value
    if not (isinstance(call, nodes.Call) and isinstance(call.func, nodes.Call) and len(call.args) == 1
            and not call.keywords and isinstance(call.args[0], nodes.Name) and call.args[0].name == name):
        return False
    adapter = call.func
    if not adapter.args or not isinstance(adapter.args[0], nodes.Name) \
            or qualified_name(adapter.args[0]) not in _CACHE_FILLING_BUILTINS:
        return False
    adapted = kind_of(adapter)
    return adapted is not None and adapted.name == ADAPTED_CALLABLE


def _assigns(statement: nodes.NodeNG, name: str) -> bool:
    return any(target.name == name for target in statement.nodes_of_class(nodes.AssignName))


def _statement_expressions(statement: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
    """The nodes of ``statement`` itself: not those of the statements in its body, nor of nested
    functions, lambdas and classes."""
    stack = [statement]
    while stack:
        node = stack.pop()
        yield node
        for child in node.get_children():
            if not child.is_statement and not isinstance(child, _SCOPES):
                stack.append(child)


def _runs_before(earlier: nodes.NodeNG, later: nodes.NodeNG) -> bool:
    """Whether ``earlier`` runs, and before ``later``, whenever ``later`` runs (both in one statement,
    outside comprehensions): in an operand evaluated first in their common operation (an
    ``if``-expression's test before its arms), and not on an optional operand below it (an
    ``if``-expression's arms, a boolean operation's later operands)."""
    later_path = {}
    child, node = later, later.parent
    while node is not None:
        later_path[id(node)] = child
        child, node = node, node.parent
    child, node = earlier, earlier.parent
    while node is not None and id(node) not in later_path:
        if isinstance(node, nodes.IfExp) and child is not node.test \
                or isinstance(node, nodes.BoolOp) and child is not node.values[0]:
            return False  # may not run at all
        child, node = node, node.parent
    if node is None:
        return False
    other = later_path[id(node)]
    if isinstance(node, nodes.IfExp):
        return child is node.test  # ``qs[0] if a in qs else qs[1]``
    operands = list(node.get_children())
    return child in operands and other in operands and operands.index(child) < operands.index(other)
