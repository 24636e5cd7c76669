"""Messages built from table rows: what the code does on the loop and what to write instead.

Every suggestion respects the targeted Django version: a replacement that the version does not have
is never suggested; ``sync_to_async`` is, instead.
"""

from __future__ import annotations

import os

from astroid import nodes

from asynclint import django_api as api
from asynclint.core import branches
from asynclint.core.chains import Chain, derives_from, self_dispatch_undecided
from asynclint.core.describe import arguments, describe
from asynclint.core.django_kinds import (
    ApiCall, enclosing_class, find_method, kind_of, project_subclasses, unknown_receiver_hierarchy,
)
from asynclint.core.versions import format_version

SYNC_TO_ASYNC_FUNCTION = "move it into a sync function and call that with 'await sync_to_async(fn)()'"


def replacement(found: ApiCall) -> str:
    """The async form of a sync API call, e.g. ``await Book.objects.aget(...)``."""
    row = found.row
    args = arguments(found.call)
    if row.receiver == api.FUNCTION:
        return f"await {api.short_name(row.async_name)}({args})"
    if row.receiver == api.PAGINATOR:
        return f"await AsyncPaginator(...).{row.async_name}({args})"
    if row.async_returns == api.ASYNC_ITERATOR:
        return f"async for ... in {describe(found.receiver)}.{row.async_name}({args})"
    return f"await {describe(found.receiver)}.{row.async_name}({args})"


def library(row: api.SyncApi, does: str, func: str, receiver: str, args: str = "...", module_file: str | None = None) \
        -> str:
    """A message for a library row: what the call does, and the library's async form (with its release);
    when every targeted release of the library (``versions.library`` for the project of ``module_file``)
    is older than the one that added the async form, ``sync_to_async`` instead."""
    if row.library_since and module_file:
        from asynclint.core import versions

        targeted = versions.library_for(row.library, module_file)
        if targeted is not None and targeted.before(versions.release(row.library_since)) is True:
            return (f"{does}; the targeted {row.library} ({targeted.reason}) has no async form of it "
                    f"(it arrives in {row.library} {row.library_since}), so use "
                    f"'await sync_to_async({func})({args})'")
    if row.replacement:
        use = row.replacement.format(func=func, receiver=receiver)
    else:
        use = f"await {receiver}.{row.async_name}({args})"
    since = f" ({row.library} {row.library_since}+)" if row.library_since else ""
    return f"{does}; use '{use}'{since}" + (f"; {row.note}" if row.note else "")


def sync_call(found: ApiCall, target: api.Version) -> str:
    """``Book.objects.get() queries the database on the event loop; use 'await ...aget(...)' (Django 4.1+)``."""
    row = found.row
    shown = f"{describe(found.call.func)}()"
    does = f"{shown} {_verb(row, found.call)} on the event loop"
    if row.library:
        receiver = describe(found.receiver) if found.receiver is not None else ""
        return library(row, does, describe(found.call.func), receiver, arguments(found.call), found.call.root().file)
    if row.since is not None and target < row.since:
        arrives = f"{api.short_name(row.async_name)}() arrives" if row.async_name else "it arrives"
        return (
            f"{does}; Django {format_version(target)} has no async form of it "
            f"({arrives} in {format_version(row.since)}), so use "
            f"'await sync_to_async({describe(found.call.func)})({arguments(found.call)})'"
        )
    if row.replacement:
        since = f" (Django {format_version(row.since)}+)" if row.since else ""
        return f"{does}; use '{row.replacement}'{since}" + (f"; {row.note}" if row.note else "")
    if row.async_name is None or row.since is None:
        return f"{does}, and it has no async form; {SYNC_TO_ASYNC_FUNCTION}"
    where = ""
    if row.receiver == api.FUNCTION:
        where = f", from {row.async_name.rpartition('.')[0]}"
    return f"{does}; use '{replacement(found)}' (Django {format_version(row.since)}+{where})"


def _verb(row: api.SyncApi, node: nodes.NodeNG) -> str:
    """What the row's call does; for the session, what the engine a branch fixes does."""
    if row.effect == api.SESSION_IO:
        engine = branches.setting_on_branch(node, api.SESSION_ENGINE_SETTING)
        if engine in api.SESSION_ENGINE_LOADS:
            return api.SESSION_ENGINE_LOADS[engine]
    return api.EFFECT_VERBS[row.effect]


def evaluation(operation: str, target: api.Version, **shown: str) -> str:
    """``iteration over Book.objects.filter(...) evaluates the QuerySet on the event loop; use ...``."""
    row = api.EVALUATIONS[operation]
    does = f"{row.shows.format(**shown)} evaluates the QuerySet on the event loop"
    if target < row.since:
        return (
            f"{does}; Django {format_version(target)} has no async QuerySet API, so evaluate it with "
            f"'await sync_to_async(list)({shown['qs']})'"
        )
    return f"{does}; use '{row.replacement.format(**shown)}' (Django {format_version(row.since)}+)"


def operation(shown: str, row: api.SyncApi, target: api.Version) -> str:
    """A message for a table row reached by syntax, not a call (``request.user``, ``session[key]``)."""
    does = f"{shown} {api.EFFECT_VERBS[row.effect]} on the event loop"
    if row.since is not None and target < row.since:
        return (
            f"{does}; Django {format_version(target)} has no async form of it (it arrives in "
            f"{format_version(row.since)}), so {SYNC_TO_ASYNC_FUNCTION}"
        )
    if row.replacement:
        since = f" (Django {format_version(row.since)}+)" if row.since else ""
        return f"{does}; use '{row.replacement}'{since}"
    return f"{does}, and it has no async form; {SYNC_TO_ASYNC_FUNCTION}"


def explain(chain: Chain) -> str:
    """``runs a database query on the event loop (shop/services.py:12: iteration over ...,
    via Store.a() (views.py:3) → b() (services.py:9))``; a chain through a subclass's override says so."""
    rest = chain.steps[1:]
    via = f", via {' → '.join(_step(step) for step in rest)}" if rest else ""
    possible = _possibly(chain) if chain.possible else ""
    return (f"{api.WORK_NOUNS[chain.operation.effect]} on the event loop{possible} "
            f"({chain.where()}: {chain.operation.shown}{via})")


def _possibly(chain: Chain) -> str:
    """When a possible chain runs: through a subclass's override, or on a branch asynclint cannot decide."""
    if chain.configured:
        return f" when {chain.configured}, as the project's settings do"
    overriding = _overriding_class(chain)
    if overriding:
        return f" when {overriding}"
    if chain.operation.possible:
        return f" (possibly: {chain.operation.possible})"
    return " on a branch that may not run"


def _overriding_class(chain: Chain) -> str | None:
    """The subclass whose override a possible chain goes through (None: no override step)."""
    for step in chain.steps:
        owner = step.function.parent
        if isinstance(owner, nodes.ClassDef) and enclosing_class(step.call) is not owner:
            func = step.call.func if isinstance(step.call, nodes.Call) else step.call
            if isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name):
                if func.expr.name == "self":
                    if not derives_from(owner, enclosing_class(step.call)):
                        continue  # a method the class inherits from ``owner``: not an override
                    return f"self is a {owner.name} ({owner.name}.{step.function.name}() overrides it)"
                declared = kind_of(func.expr)  # a receiver declared as a base class: the object decides
                root = unknown_receiver_hierarchy(func) if declared is None else None
                if root is not None:  # a receiver of a class the code does not say
                    return (f"{func.expr.name} is a {owner.name} (the class of {func.expr.name} is not known here; "
                            f"the project's {step.function.name}() methods are {root.name}'s and its subclasses')")
                if declared is not None and not declared.exact and declared.custom is not owner:
                    return f"{func.expr.name} is a {owner.name} (its {owner.name}.{step.function.name}() runs)"
    for step in chain.steps:  # ``self.m()`` running the class's own m(), which some subclasses override
        if self_dispatch_undecided(step.call, step.function):
            others = [subclass.name for subclass in project_subclasses(enclosing_class(step.call))
                      if find_method(subclass, step.function.name) is not step.function]
            named = ", ".join(others[:2]) + (" and others" if len(others) > 2 else "")
            return f"self's class keeps {_shown(step.function)}() ({named} override{'s' if len(others) == 1 else ''} it)"
    return None


def _shown(function: nodes.FunctionDef) -> str:
    owner = function.parent
    return f"{owner.name}.{function.name}" if isinstance(owner, nodes.ClassDef) else function.name


def _step(step) -> str:
    return f"{_shown(step.function)}() ({os.path.basename(step.call.root().file or '?')}:{step.call.lineno})"
