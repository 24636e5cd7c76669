"""Fix for E5702 sync-queryset-evaluation-in-async (Django 4.1+; the async forms come from
``django_api.EVALUATIONS``):

- ``for x in qs:`` → ``async for x in qs:`` (safe);
- a list, set or dict comprehension over ``qs`` → an async comprehension (safe); a generator
  expression consumed whole by ``sum``/``min``/``max``/``sorted``/``tuple``/``frozenset``/``str.join``
  → an async list comprehension (safe; ``any``/``all``: unsafe, every element is computed),
  ``list(g for ...)``/``set(...)`` → an async list/set comprehension (safe);
- ``list(qs)`` → ``[x async for x in qs]``, ``set(qs)`` → ``{x async for x in qs}``, and the other
  builtins that iterate right away (``tuple``, ``sorted``, ``sum``, ``enumerate``...) get
  ``[x async for x in qs]`` as their argument (safe: the QuerySet is fetched whole either way);
- ``len(qs)`` → ``await qs.acount()`` (unsafe: a COUNT query, and the QuerySet's cache stays empty);
- ``if qs:`` (also ``not qs``, ``while``, ``assert``, ``x if qs else y``, ``bool(qs)``) →
  ``await qs.aexists()`` (unsafe, likewise); no fix where ``qs or ...`` is used as a value;
- ``qs[0]`` → ``await qs.afirst()``: safe where the QuerySet is explicitly ordered (``order_by(...)``
  or the model's ``Meta.ordering``), unsafe otherwise. (An empty QuerySet gives None, not IndexError.)

Membership, other indexes, slices with a step, unpacking and repr are not fixed.
"""

from __future__ import annotations

from astroid import nodes

from asynclint import django_api as api
from asynclint.core.django_kinds import QUERYSET_LIKE, find_method, kind_of
from asynclint.core.evaluation import CONVERSIONS, Evaluation
from asynclint.core.imports import bindings, qualified_name
from asynclint.fixes import edits
from asynclint.fixes.base import (
    AMBIGUOUS, NO_FIX, SAFE, UNSAFE, Fix, NoFix, await_blocker, deferred_to_adapter_fix, too_old,
)


#: Builtins whose call with a generator expression consumes all of it (so a list does the same).
_CONSUMING = frozenset({"sum", "min", "max", "sorted", "tuple", "frozenset"})
_SHORT_CIRCUITING = frozenset({"any", "all"})
_COMPREHENSIONS = (nodes.ListComp, nodes.SetComp, nodes.DictComp)


def fix(node, ctx, facts):
    found = [evaluation for evaluation in facts.evaluations if evaluation.node is node]
    if not found:
        return NoFix(AMBIGUOUS, "the evaluation is no longer recognised")
    fixes = [_fix_one(evaluation, ctx) for evaluation in found]
    refused = [f for f in fixes if isinstance(f, NoFix)]
    if refused:
        return refused[0]
    if len(fixes) == 1:
        return fixes[0]
    safety = UNSAFE if any(f.safety == UNSAFE for f in fixes) else SAFE
    return Fix(safety, "; ".join(f.description for f in fixes), tuple(e for f in fixes for e in f.edits),
               why_unsafe="; ".join(f.why_unsafe for f in fixes if f.why_unsafe))


def _fix_one(evaluation: Evaluation, ctx) -> Fix | NoFix:
    operation = evaluation.operation
    node = evaluation.node
    old = too_old(api.EVALUATIONS[operation].since, ctx.target, "async QuerySet iteration")
    if old is not None:
        return old
    blocked = deferred_to_adapter_fix(node) or await_blocker(node)
    if blocked is not None:
        return blocked
    handler = _HANDLERS.get(operation)
    if handler is None:
        return NoFix(NO_FIX, f"{evaluation.describe()} has no automatic fix")
    return handler(evaluation, ctx)


def _iteration(evaluation: Evaluation, ctx) -> Fix | NoFix:
    loop = evaluation.node.parent
    if not isinstance(loop, nodes.For) or loop.iter is not evaluation.node:
        return NoFix(AMBIGUOUS, "the loop is not where it was reported")
    return Fix(SAFE, f"for ... in {ctx.short(loop.iter)} → async for ... in {ctx.short(loop.iter)}",
               (edits.for_to_async_for(ctx.span(loop.iter)),))


def comprehension_fix(iterable: nodes.NodeNG, ctx) -> Fix | NoFix:
    """A sync comprehension generator over ``iterable`` made async (shared with E5705)."""
    generator = iterable.parent
    if not isinstance(generator, nodes.Comprehension) or generator.iter is not iterable:
        return NoFix(AMBIGUOUS, "the comprehension is not where it was reported")
    owner = generator.parent
    blocked = await_blocker(owner)
    if blocked is not None:
        return blocked
    span = ctx.span(iterable)
    shown = ctx.short(iterable)
    if isinstance(owner, _COMPREHENSIONS):
        return Fix(SAFE, f"for ... in {shown} → async for ... in {shown}", (edits.comprehension_to_async(span),))
    # A generator expression: only where something consumes it whole right away.
    call = owner.parent
    if not isinstance(call, nodes.Call) or not call.args or call.args[0] is not owner:
        return NoFix(AMBIGUOUS, "an async generator expression is an async generator; only a generator "
                                "expression consumed whole by a builtin is fixed")
    func = call.func
    if isinstance(func, nodes.Name) and qualified_name(func) == f"builtins.{func.name}":
        name = func.name
        if name in ("list", "set") and len(call.args) == 1 and not call.keywords:
            return Fix(SAFE, f"{name}(... for ... in {shown}) → an async {name} comprehension",
                       (edits.list_to_async_comprehension(ctx.span(call), (span,)),))
        if name in _CONSUMING or name in _SHORT_CIRCUITING:
            safety = UNSAFE if name in _SHORT_CIRCUITING else SAFE
            return Fix(safety, f"{name}(... for ... in {shown}) → {name}([... async for ... in {shown}])",
                       (edits.comprehension_to_async(span, as_list=True),),
                       why_unsafe=f"{name}() no longer stops at the first decisive element" if safety == UNSAFE else "")
    if isinstance(func, nodes.Attribute) and func.attrname == "join" and isinstance(func.expr, nodes.Const) and \
            isinstance(func.expr.value, str) and len(call.args) == 1:
        return Fix(SAFE, f"join(... for ... in {shown}) → join([... async for ... in {shown}])",
                   (edits.comprehension_to_async(span, as_list=True),))
    return NoFix(AMBIGUOUS, "an async generator expression is an async generator; only a generator "
                            "expression consumed whole by a builtin is fixed")


def _comprehension(evaluation: Evaluation, ctx) -> Fix | NoFix:
    return comprehension_fix(evaluation.node, ctx)


def builtin_fix(call: nodes.Call, iterable: nodes.NodeNG, ctx) -> Fix | NoFix:
    """``list(it)`` → ``[x async for x in it]``; ``sorted(it)`` → ``sorted([x async for x in it])``."""
    func = call.func
    if not isinstance(func, nodes.Name) or func.name not in CONVERSIONS:
        return NoFix(NO_FIX, f"{ctx.short(call)} has no automatic fix")
    if iterable not in call.args:
        return NoFix(AMBIGUOUS, "the iterable is not a positional argument")
    shown = ctx.short(iterable)
    if func.name in ("list", "set") and len(call.args) == 1 and not call.keywords:
        brackets = "[...]" if func.name == "list" else "{...}"
        return Fix(SAFE, f"{func.name}({shown}) → {brackets[0]}x async for x in {shown}{brackets[-1]}",
                   (edits.list_to_async_comprehension(ctx.span(call)),))
    return Fix(SAFE, f"{func.name}({shown}, ...) → {func.name}([x async for x in {shown}], ...)",
               (edits.to_async_list(ctx.span(iterable)),))


def _conversion(evaluation: Evaluation, ctx) -> Fix | NoFix:
    return builtin_fix(evaluation.node, evaluation.queryset, ctx)


def _len(evaluation: Evaluation, ctx) -> Fix | NoFix:
    call = evaluation.node
    if len(call.args) != 1 or call.keywords:
        return NoFix(AMBIGUOUS, "len() takes one argument")
    method = api.EVALUATIONS["len"].async_name
    span = ctx.span(call)
    return Fix(UNSAFE, f"{ctx.short(call)} → await {ctx.short(evaluation.queryset)}.{method}()",
               (edits.call_method(span, method, "argument"), edits.add_await(span)),
               why_unsafe=f"{method}() runs a COUNT query and leaves the QuerySet's cache empty")


def _truth_context(node: nodes.NodeNG) -> bool:
    """Whether only the truth value of ``node`` is used (an ``if``/``while``/``assert`` test, ``not``)."""
    child, parent = node, node.parent
    while isinstance(parent, nodes.BoolOp):
        child, parent = parent, parent.parent
    if isinstance(parent, nodes.UnaryOp) and parent.op == "not":
        return True
    if isinstance(parent, (nodes.If, nodes.While, nodes.IfExp, nodes.Assert)) and parent.test is child:
        return True
    return False


def _truth(evaluation: Evaluation, ctx) -> Fix | NoFix:
    method = api.EVALUATIONS["truth"].async_name
    node = evaluation.node
    why = f"{method}() runs another query and leaves the QuerySet's cache empty"
    if isinstance(node, nodes.Call) and evaluation.queryset is not node:  # bool(qs)
        if len(node.args) != 1 or node.keywords:
            return NoFix(AMBIGUOUS, "bool() takes one argument")
        span = ctx.span(node)
        return Fix(UNSAFE, f"{ctx.short(node)} → await {ctx.short(evaluation.queryset)}.{method}()",
                   (edits.call_method(span, method, "argument"), edits.add_await(span)), why_unsafe=why)
    if not _truth_context(node):
        return NoFix(AMBIGUOUS, f"the value of the expression around {ctx.short(node)} is the QuerySet "
                                f"itself, not only its truth value")
    span = ctx.span(node)
    return Fix(UNSAFE, f"{ctx.short(node)} → await {ctx.short(node)}.{method}()",
               (edits.call_method(span, method), edits.add_await(span)), why_unsafe=why)


def _model_ordering(model: nodes.ClassDef | None) -> bool:
    if model is None:
        return False
    for statement in model.body:
        if isinstance(statement, nodes.ClassDef) and statement.name == "Meta":
            for assignment in statement.body:
                if isinstance(assignment, nodes.Assign) and any(
                        isinstance(t, nodes.AssignName) and t.name == "ordering" for t in assignment.targets):
                    value = assignment.value
                    return isinstance(value, (nodes.List, nodes.Tuple)) and bool(value.elts)
    return False


def explicitly_ordered(expression: nodes.NodeNG, _depth: int = 0) -> bool:
    """Whether the QuerySet ``expression`` builds has an explicit ordering: the latest ``order_by(...)``
    in its chain has fields, or (none in the chain) its model declares ``Meta.ordering``."""
    if _depth > 20:
        return False
    if isinstance(expression, nodes.Call) and isinstance(expression.func, nodes.Attribute):
        name = expression.func.attrname
        if name == "order_by":
            return bool(expression.args)
        if name in api.LAZY_QUERYSET_METHODS:
            return explicitly_ordered(expression.func.expr, _depth + 1)
        return False
    if isinstance(expression, nodes.Subscript):
        return explicitly_ordered(expression.value, _depth + 1)
    if isinstance(expression, nodes.Name):
        found = bindings(expression)
        if len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign):
            return explicitly_ordered(found[0].parent.value, _depth + 1)
    kind = kind_of(expression)
    if kind is None or kind.name not in QUERYSET_LIKE:
        return False
    if kind.custom is not None and find_method(kind.custom, "get_queryset") is not None:
        return False  # a custom get_queryset() may order (or not) as it likes
    return _model_ordering(kind.model)


def _first(evaluation: Evaluation, ctx) -> Fix | NoFix:
    node = evaluation.node
    if not isinstance(node, nodes.Subscript):
        return NoFix(AMBIGUOUS, "the reported node is not a subscript")
    if isinstance(node.parent, (nodes.Assign, nodes.AugAssign, nodes.Delete)) and node is not getattr(
            node.parent, "value", None):
        return NoFix(AMBIGUOUS, "the subscript is assigned or deleted, not read")
    method = api.EVALUATIONS["first"].async_name
    span = ctx.span(node)
    ordered = explicitly_ordered(evaluation.queryset)
    return Fix(SAFE if ordered else UNSAFE,
               f"{ctx.short(node)} → await {ctx.short(evaluation.queryset)}.{method}()",
               (edits.call_method(span, method, "subscripted"), edits.add_await(span)),
               why_unsafe="" if ordered else f"the QuerySet has no explicit ordering: {method}() orders by the "
                                             f"primary key, [0] takes the database's first row")


_HANDLERS = {
    "iteration": _iteration,
    "comprehension": _comprehension,
    "conversion": _conversion,
    "len": _len,
    "truth": _truth,
    "first": _first,
}
