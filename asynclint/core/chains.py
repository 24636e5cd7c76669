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
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE, Confidence

from asynclint import django_api as api
from asynclint.core import branches
from asynclint.core.context import current
from asynclint.core.describe import describe
from asynclint.core.django_kinds import (
    ADAPTED_CALLABLE, INSTANCE_LIKE, django_call, find_method, is_adapter_decorated, kind_of,
    qualified_call_name,
)
from asynclint.core.evaluation import evaluations_at
from asynclint.core.imports import definition_of, qualified_name

DEFAULT_DEPTH = 5

#: Effects of table rows that must not run on the loop (the test client's are only wrong in tests).
_LOOP_EFFECTS = frozenset(api.WORK_NOUNS) - {api.EVALUATION, api.REQUEST_USER, api.LOOP_RUNNER}


@dataclass(frozen=True)
class Operation:
    node: nodes.NodeNG
    effect: str
    shown: str  # ``Book.objects.filter(...).count()``, ``iteration over qs``


@dataclass(frozen=True)
class Step:
    call: nodes.NodeNG  # the call (or property read) inside the previous function
    function: nodes.FunctionDef


@dataclass(frozen=True)
class Chain:
    """``steps`` lead from a callee down to the function that performs ``operation``."""

    steps: tuple[Step, ...]
    operation: Operation
    #: Reached only on a branch asynclint cannot decide from the call's arguments: a possible finding.
    possible: bool = False

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
            yield Operation(node, found.row.effect, f"{describe(node)}")
        if is_loop_runner(node):
            yield Operation(node, api.LOOP_RUNNER, describe(node))
    for evaluation in evaluations_at(node):
        yield Operation(evaluation.node, api.EVALUATION, evaluation.describe())
    if isinstance(node, nodes.With):
        for manager, _alias in node.items:
            target = manager.func if isinstance(manager, nodes.Call) else manager
            if isinstance(target, (nodes.Name, nodes.Attribute)) and qualified_name(target) == api.TRANSACTION_ATOMIC:
                yield Operation(node, api.TRANSACTION, f"with {describe(manager)}")
    if isinstance(node, nodes.Attribute) and node.attrname == "user":
        receiver = kind_of(node.expr)
        if receiver is not None and receiver.name == api.REQUEST:
            yield Operation(node, api.REQUEST_USER, describe(node))


def is_loop_runner(call: nodes.Call) -> bool:
    """``async_to_sync(f)(...)``, ``asyncio.run(...)``, ``loop.run_until_complete(...)``."""
    func = call.func
    if isinstance(func, nodes.Attribute) and func.attrname in api.LOOP_RUNNER_METHODS:
        return True
    if isinstance(func, nodes.Call) and qualified_call_name(func) in api.ASYNC_TO_SYNC:
        return True
    return qualified_call_name(call) == "asyncio.run"


# --- what a call runs --------------------------------------------------------------------------------
_STDLIB = os.path.realpath(sysconfig.get_paths()["stdlib"])


@lru_cache(maxsize=4096)
def _is_project_file(path: str | None) -> bool:
    if not path:
        return False
    real = os.path.realpath(path)
    parts = real.split(os.sep)
    return "site-packages" not in parts and "dist-packages" not in parts and not real.startswith(_STDLIB)


def _runnable(found: nodes.NodeNG | None) -> nodes.FunctionDef | None:
    """The sync project function whose body a call of ``found`` runs right away."""
    if isinstance(found, nodes.ClassDef):
        found = find_method(found, "__init__")
    if not isinstance(found, nodes.FunctionDef) or isinstance(found, nodes.AsyncFunctionDef):
        return None
    if found.is_generator() or is_adapter_decorated(found) or not _is_project_file(found.root().file):
        return None
    return found


def _enclosing_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    scope = node.scope()
    while scope is not None and not isinstance(scope, nodes.ClassDef):
        if isinstance(scope, nodes.Module):
            return None
        scope = scope.parent.scope() if scope.parent is not None else None
    return scope


def _method_owner(receiver: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class whose methods ``receiver.m()`` runs: ``self``/``cls``, or a model instance."""
    if isinstance(receiver, nodes.Name) and receiver.name in ("self", "cls"):
        return _enclosing_class(receiver)
    found = kind_of(receiver)
    if found is not None and found.name in INSTANCE_LIKE:
        return found.model
    return None


def _class_method(receiver: nodes.NodeNG, name: str) -> nodes.FunctionDef | None:
    """``Machine.current()``: a classmethod or staticmethod of a project model, called on the class."""
    found = kind_of(receiver)
    if found is None or found.name != api.MODEL_CLASS or not isinstance(found.model, nodes.ClassDef):
        return None
    method = find_method(found.model, name)
    return method if method is not None and method.type in ("classmethod", "staticmethod") else None


def callee(node: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The project sync function a call (or property read) runs directly, or None."""
    if isinstance(node, nodes.Call):
        func = node.func
        if isinstance(func, nodes.Attribute):
            owner = _method_owner(func.expr)
            if owner is not None:
                method = find_method(owner, func.attrname)
                if method is not None:
                    return _runnable(method)
                return None
            method = _class_method(func.expr, func.attrname)
            if method is not None:
                return _runnable(method)
        if isinstance(func, (nodes.Name, nodes.Attribute)):
            return _runnable(definition_of(func))
        return None
    if isinstance(node, nodes.Attribute):
        owner = _method_owner(node.expr)
        if owner is not None:
            prop = find_method(owner, node.attrname)
            called = isinstance(node.parent, nodes.Call) and node.parent.func is node
            if prop is not None and _is_property(prop) and not called:  # print(self.total) reads it
                return _runnable(prop)
    return None


def _is_property(function: nodes.FunctionDef) -> bool:
    return any(
        isinstance(d, nodes.Name) and d.name in ("property", "cached_property")
        or isinstance(d, nodes.Attribute) and d.attrname == "cached_property"
        for d in (function.decorators.nodes if function.decorators else ())
    )


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
              bindings: branches.Bindings = branches.NO_BINDINGS) -> Chain | None:
    """The first sync operation ``function`` performs, directly or through project calls, when called
    with arguments that decide ``bindings`` (``branches.call_bindings``); a definite one if any."""
    context = current()  # the run's caches: ``work`` ((function, bindings) -> chain) and ``computing``
    key = (function, bindings)
    if key in context.work:
        chain = context.work[key]
        return chain if chain is None or len(chain.steps) < max_depth else None
    if key in context.computing:
        return None  # a cycle: this path adds nothing new
    context.computing.add(key)
    try:
        chain = _compute(function, bindings)
    finally:
        context.computing.discard(key)
    context.work[key] = chain
    return chain if chain is None or len(chain.steps) < max_depth else None


def _better(chain: Chain, best: Chain | None) -> bool:
    return best is None or (chain.possible, len(chain.steps)) < (best.possible, len(best.steps))


def _compute(function: nodes.FunctionDef, bindings: branches.Bindings) -> Chain | None:
    reached = list(branches.reached(function, bindings))
    decided = branches.values(function, bindings)
    best: Chain | None = None
    for node, conditional in reached:
        for operation in operations_at(node):
            if not conditional:
                return Chain((), operation)
            best = best or Chain((), operation, possible=True)
    for node, conditional in reached:
        if not isinstance(node, (nodes.Call, nodes.Attribute)):
            continue
        target = callee(node)
        if target is None or branches.memoised(target, node):
            continue
        passed = branches.call_bindings(node, target, decided)
        if target is function and passed == bindings:
            continue  # plain recursion adds nothing
        deeper = sync_work(target, DEFAULT_DEPTH * 4, passed)
        if deeper is not None:
            chain = Chain((Step(node, target), *deeper.steps), deeper.operation, conditional or deeper.possible)
            if _better(chain, best):
                best = chain
    return best


def chain_from(call: nodes.NodeNG, max_depth: int = DEFAULT_DEPTH) -> Chain | None:
    """The sync work a call site (in async code) runs through a project callee, as a full chain;
    none when the callee's work is memoised (``branches.memoised``)."""
    target = callee(call)
    if target is None or branches.memoised(target, call):
        return None
    deeper = sync_work(target, max_depth, branches.call_bindings(call, target))
    if deeper is None or len(deeper.steps) + 1 > max_depth:
        return None
    return Chain((Step(call, target), *deeper.steps), deeper.operation, deeper.possible)


def adapted_callable(call: nodes.Call) -> nodes.NodeNG | None:
    """The callable handed to sync_to_async/database_sync_to_async/to_thread/run_in_executor."""
    func = call.func
    if isinstance(func, nodes.Attribute) and func.attrname == "run_in_executor":
        index = api.THREAD_OFFLOADERS["run_in_executor"]
    else:
        index = api.THREAD_OFFLOADERS.get(qualified_call_name(call) or "")
    if index is None:
        return None
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords or [] if k.arg in ("func", "function")), None)


def is_adapter_call(node: nodes.NodeNG) -> bool:
    found = kind_of(node)
    return found is not None and found.name == ADAPTED_CALLABLE


def _display_path(path: str | None) -> str:
    if not path:
        return "<unknown>"
    relative = os.path.relpath(path, os.getcwd())  # not cached: a server may chdir
    return relative if not relative.startswith("..") else path
