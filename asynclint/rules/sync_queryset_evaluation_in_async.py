"""E5702 sync-queryset-evaluation-in-async.

## What it does
Flags code on the event loop that evaluates a lazy QuerySet implicitly: `for` loops and
comprehensions over it, `list()`/`tuple()`/`set()`/`sorted()`/`len()`/`bool()`/`any()`/`sum()`...,
`if qs:`/`not qs`/`qs or ...`, `x in qs`, an integer index `qs[0]`, a slice with a step, unpacking
(`*qs`, `a, b = qs`), and `repr()`/`str()`/`print()`/f-strings of it.

## Why is this bad?
Building a QuerySet (`filter`, `exclude`, `order_by`, `qs[:10]`...) runs no query, but each of these
operations runs it (`QuerySet.__iter__`, `__len__`, `__bool__`, `__getitem__`, `__repr__`). On the
event loop that raises `SynchronousOnlyOperation`.

## Example
```python
async def titles(request):
    return [book.title for book in Book.objects.filter(published=True)]
```

## Use instead
```python
async def titles(request):
    return [book.title async for book in Book.objects.filter(published=True)]
```

## Fix safety
`for` to `async for` and comprehensions to async comprehensions are safe (Django 4.1+). `len(qs)` to
`await qs.acount()` and `if qs:` to `if await qs.aexists():` run a different query and do not fill
the QuerySet's cache, so they are unsafe when the QuerySet is used again afterwards. `qs[0]` to
`await qs.afirst()` is safe only where the QuerySet has an explicit ordering.

## Django versions
Fires for every version; `async for` and the `a*` methods exist from Django 4.1.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import suggest
from asynclint.core.describe import describe
from asynclint.core.django_kinds import kind_of
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.core.imports import qualified_name
from asynclint.rules.base import AsyncLintRule

_SYMBOL = "sync-queryset-evaluation-in-async"

#: Builtins that iterate (or size, or test) their argument right away, by the operation they are.
_BUILTINS = {
    **dict.fromkeys(("list", "tuple", "set", "frozenset", "sorted", "dict", "any", "all", "sum", "min",
                     "max", "enumerate", "iter", "zip", "map", "filter", "reversed"), "conversion"),
    "len": "len",
    "bool": "truth",
    **dict.fromkeys(("repr", "str", "print", "ascii", "format"), "repr"),
}
#: Builtins that evaluate every positional argument, not only the first.
_ALL_ARGUMENTS = frozenset({"zip", "map", "filter", "print"})


def _is_queryset(node: nodes.NodeNG | None) -> bool:
    found = kind_of(node) if node is not None else None
    return found is not None and found.name == api.QUERYSET


def _is_load_context(node: nodes.NodeNG) -> bool:
    return not isinstance(node.parent, (nodes.Assign, nodes.AugAssign, nodes.Delete)) or node is getattr(
        node.parent, "value", None
    )


class SyncQuerysetEvaluationInAsync(AsyncLintRule):
    msgid = "E5702"
    symbol = _SYMBOL
    summary = (
        "A lazy QuerySet is evaluated on the event loop (iteration, len, truth value, indexing...), "
        "where Django raises SynchronousOnlyOperation. Use async for, acount(), aexists(), afirst()."
    )

    def _evaluated(self, queryset: nodes.NodeNG, operation: str, at: nodes.NodeNG | None = None, **shown):
        if _is_queryset(queryset) and runs_on_event_loop(queryset):
            self.report(at or queryset, suggest.evaluation(operation, self.target, qs=describe(queryset), **shown))

    @only_required_for_messages(_SYMBOL)
    def visit_for(self, node: nodes.For) -> None:
        if not isinstance(node, nodes.AsyncFor):
            self._evaluated(node.iter, "iteration")

    @only_required_for_messages(_SYMBOL)
    def visit_comprehension(self, node: nodes.Comprehension) -> None:
        if not node.is_async:
            self._evaluated(node.iter, "comprehension")

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        func = node.func
        if isinstance(func, nodes.Attribute) and func.attrname in ("join", "format") and isinstance(
            func.expr, nodes.Const
        ) and isinstance(func.expr.value, str):
            for argument in node.args:
                self._evaluated(argument, "repr", call=f"str.{func.attrname}()")
            return
        if not isinstance(func, nodes.Name) or func.name not in _BUILTINS:
            return
        if qualified_name(func) != f"builtins.{func.name}":
            return  # shadowed by a local name
        operation = _BUILTINS[func.name]
        arguments = node.args if func.name in _ALL_ARGUMENTS else node.args[:1]
        shown = func.name if operation == "conversion" else f"{func.name}()"
        for argument in arguments:
            if not isinstance(argument, nodes.Starred):
                self._evaluated(argument, operation, at=node, call=shown)

    @only_required_for_messages(_SYMBOL)
    def visit_if(self, node: nodes.If) -> None:
        self._truth_tested(node.test)

    @only_required_for_messages(_SYMBOL)
    def visit_while(self, node: nodes.While) -> None:
        self._truth_tested(node.test)

    @only_required_for_messages(_SYMBOL)
    def visit_ifexp(self, node: nodes.IfExp) -> None:
        self._truth_tested(node.test)

    @only_required_for_messages(_SYMBOL)
    def visit_assert(self, node: nodes.Assert) -> None:
        self._truth_tested(node.test)

    @only_required_for_messages(_SYMBOL)
    def visit_unaryop(self, node: nodes.UnaryOp) -> None:
        if node.op == "not":
            self._truth_tested(node.operand)

    @only_required_for_messages(_SYMBOL)
    def visit_boolop(self, node: nodes.BoolOp) -> None:
        # ``a or b``: every operand but the last is truth-tested; the last is returned as it is.
        for operand in node.values[:-1]:
            self._evaluated(operand, "truth")

    def _truth_tested(self, test: nodes.NodeNG) -> None:
        if isinstance(test, nodes.BoolOp):
            test = test.values[-1]  # the others are visited by visit_boolop
        self._evaluated(test, "truth")

    @only_required_for_messages(_SYMBOL)
    def visit_compare(self, node: nodes.Compare) -> None:
        for operator, operand in node.ops:
            if operator in ("in", "not in"):
                self._evaluated(operand, "membership", at=node)

    @only_required_for_messages(_SYMBOL)
    def visit_subscript(self, node: nodes.Subscript) -> None:
        if not _is_queryset(node.value) or not runs_on_event_loop(node):
            return
        index = node.slice
        if isinstance(index, nodes.Slice):
            if index.step is not None:
                self._evaluated(node.value, "step-slice", at=node)
            return
        if isinstance(index, nodes.Const) and index.value == 0:
            self._evaluated(node.value, "first", at=node)
        else:
            self._evaluated(node.value, "index", at=node, index=index.as_string())

    @only_required_for_messages(_SYMBOL)
    def visit_starred(self, node: nodes.Starred) -> None:
        if not isinstance(node.parent, (nodes.Tuple, nodes.List)) or _is_load_context(node.parent):
            self._evaluated(node.value, "unpacking", at=node)

    @only_required_for_messages(_SYMBOL)
    def visit_assign(self, node: nodes.Assign) -> None:
        if any(isinstance(target, (nodes.Tuple, nodes.List)) for target in node.targets):
            self._evaluated(node.value, "unpacking")

    @only_required_for_messages(_SYMBOL)
    def visit_formattedvalue(self, node: nodes.FormattedValue) -> None:
        self._evaluated(node.value, "repr", call="an f-string")

    @only_required_for_messages(_SYMBOL)
    def visit_binop(self, node: nodes.BinOp) -> None:
        if node.op == "%" and isinstance(node.left, nodes.Const) and isinstance(node.left.value, str):
            values = node.right.elts if isinstance(node.right, nodes.Tuple) else [node.right]
            for value in values:
                self._evaluated(value, "repr", call="'%' formatting")
