"""Related managers whose ``.all()`` is served from the prefetch cache.

``issue = await Issue.objects.prefetch_related("assignees").filter(...).afirst()`` loads the issue's
assignees with the issue; ``issue.assignees.all()`` then returns a QuerySet whose result cache is
already filled, so its iteration, ``len()`` and truth value run no query, on the loop or anywhere.
Only ``.all()`` (with nothing after it) is served from the cache: ``.filter()`` or any other
refinement builds a new query. ``Prefetch("assignees", to_attr="x")`` fills ``x``, not the manager.

This module answers "is this QuerySet expression such an ``.all()``" for the instance names of one
function: every assignment of the name must load it through a query that prefetches the relation
(a chain ending in ``afirst()``/``aget()``/... or the target of a ``for``/``async for`` over such a chain,
or over a local name every assignment of which is such a chain: ``qs = ...prefetch_related("tags")``,
then ``qs = qs.filter(...)``, or ``qs = await sync_to_async(lambda: <chain>)()``, a QuerySet built in a
thread and handed back unevaluated; ``prefetch_related(None)`` after it clears the lookups). A plain
``for`` over a QuerySet on the loop raises at the loop, its own finding; the ``.all()`` inside is not a
second one.
Anything else (a parameter, an instance from elsewhere, a helper's result) is unknown: not served.

``helper_prefetches`` answers the same question for an instance loaded from a QuerySet that a project
function builds (``await aget_object_or_404(get_members_queryset(user, add_details=True), pk=pk)``):
the function's ``prefetch_related("<relation>")`` (a name or a ``Prefetch`` without ``to_attr``) on
the code the call's arguments select (``core.branches``: ``if add_details:`` with ``True`` passed runs,
with the keyword left at its ``False`` default it does not), certain when it runs on every such path,
uncertain when only a branch asynclint cannot decide applies it.
"""

from __future__ import annotations

from astroid import nodes

from asynclint.core import branches
from asynclint.core.django_kinds import QUERYSET_LIKE, called_function, find_method, kind_of
from asynclint.core.event_loop import enclosing_frame

#: QuerySet methods that return one instance (the loaded instance keeps the prefetched objects).
_SINGLE = frozenset({"afirst", "alast", "aget", "aearliest", "alatest", "first", "last", "get", "earliest",
                     "latest"})
_PREFETCH = "prefetch_related"
_PREFETCH_CLASSES = frozenset({"Prefetch"})


def served_from_prefetch(queryset: nodes.NodeNG) -> bool:
    """``queryset`` is ``instance.<relation>.all()`` (directly, or a local name assigned only that)
    on an instance loaded with ``prefetch_related("<relation>")``."""
    values = _assigned_values(queryset) if isinstance(queryset, nodes.Name) else [queryset]
    return bool(values) and all(_prefetched_all(value) for value in values)


def _assigned_values(name: nodes.Name) -> list[nodes.NodeNG] | None:
    """The values assigned to a local name in its function (None when one is not a plain assignment)."""
    frame = enclosing_frame(name)
    if not isinstance(frame, nodes.FunctionDef):
        return None
    values = []
    for target in frame.nodes_of_class(nodes.AssignName):
        if target.name != name.name or enclosing_frame(target) is not frame:
            continue
        parent = target.parent
        if isinstance(parent, nodes.Assign) and target in parent.targets:
            values.append(parent.value)
        elif isinstance(parent, nodes.AnnAssign) and parent.value is not None:
            values.append(parent.value)
        elif isinstance(parent, (nodes.AsyncFor, nodes.For, nodes.Comprehension)) and parent.target is target:
            # the loop itself (``async for``, ``[... async for x in qs]``, a plain ``for``): its iterable loads
            # it. A plain ``for`` over a QuerySet on the loop raises at the loop (its own finding); wherever it
            # runs, each instance it yields carries the relations the QuerySet prefetched.
            values.append(parent)
        else:
            return None  # a parameter, a for target, a with target, an unpacking...
    if name.name in frame.argnames():
        return None
    return values


def _prefetched_all(value: nodes.NodeNG) -> bool:
    if not (isinstance(value, nodes.Call) and not value.args and not value.keywords and
            isinstance(value.func, nodes.Attribute) and value.func.attrname == "all" and
            isinstance(value.func.expr, nodes.Attribute)):
        return False
    relation = value.func.expr.attrname
    instance = value.func.expr.expr
    if not isinstance(instance, nodes.Name):
        return False
    loads = _assigned_values(instance)
    return bool(loads) and all(_loads_with_prefetch(load, relation) or helper_prefetches(load, relation)
                               or _kind_prefetches(load, relation) for load in loads) \
        and not _cache_cleared(instance, relation)


def _kind_prefetches(load: nodes.NodeNG, relation: str) -> bool:
    """A load whose known kind says which relations its query loaded, ``relation`` among them (``await
    book.following_with_tags()``, a model's ``@sync_to_async`` method returning ``...prefetch_related("tags")
    .first()``)."""
    found = kind_of(load)
    return found is not None and found.related is not None and relation in found.related


def loads_of(instance: nodes.Name) -> tuple[nodes.NodeNG, ...]:
    """The values every assignment of the local name ``instance`` gives it in its function, when each is
    a load from a QuerySet chain that prefetches something and the function writes through none of the
    name's related managers (``_cache_cleared``); else none."""
    loads = _assigned_values(instance)
    if not loads or not all(_prefetches(_prefetch_chain(load)) for load in loads) or may_clear(instance):
        return ()
    return tuple(loads)


def may_clear(instance: nodes.Name) -> bool:
    """The function of ``instance`` (a name) may empty its prefetch cache: it calls
    ``<instance>.refresh_from_db()`` or a method other than ``all()`` of one of its related managers."""
    frame = enclosing_frame(instance)
    for call in frame.nodes_of_class(nodes.Call):
        func = call.func
        if not isinstance(func, nodes.Attribute):
            continue
        if func.attrname == "refresh_from_db" and isinstance(func.expr, nodes.Name) and func.expr.name == instance.name:
            return True
        if func.attrname != "all" and isinstance(func.expr, nodes.Attribute) and \
                isinstance(func.expr.expr, nodes.Name) and func.expr.expr.name == instance.name:
            return True
    return False


def _prefetches(chain: nodes.NodeNG | None) -> bool:
    return _chain_prefetches(chain, None, frozenset())


def _chain_prefetches(chain: nodes.NodeNG | None, relation: str | None, seen: frozenset[str]) -> bool:
    """The QuerySet chain calls ``prefetch_related("<relation>")`` (any relation for None), after no
    ``prefetch_related(None)`` that would clear it. A local name the chain starts from counts when every
    assignment of it does (``qs = Model.objects.prefetch_related("tags")``, then ``qs = qs.filter(...)``,
    ``async for x in qs``); a reassignment from the name itself defers to its other assignments."""
    chain = _thread_built(chain)
    while isinstance(chain, nodes.Call) and isinstance(chain.func, nodes.Attribute):
        if chain.func.attrname == _PREFETCH:
            if any(isinstance(arg, nodes.Const) and arg.value is None for arg in chain.args):
                return False  # prefetch_related(None) clears the lookups applied before it
            if relation is None or any(_names_relation(arg, relation) for arg in chain.args):
                return True
        chain = chain.func.expr
    if not isinstance(chain, nodes.Name):
        return False
    if chain.name in seen:
        return True  # ``qs = qs.filter(...)``: the name's other assignments decide
    values = _assigned_values(chain)
    return bool(values) and all(_chain_prefetches(value, relation, seen | {chain.name}) for value in values)


def self_served(queryset: nodes.NodeNG, loads: tuple[nodes.NodeNG, ...]) -> bool:
    """``queryset`` is ``self.<relation>.all()`` in a method followed on an instance whose every load
    (``loads_of``) prefetched ``<relation>``, and the method writes through no related manager of ``self``."""
    if not loads or not (isinstance(queryset, nodes.Call) and not queryset.args and not queryset.keywords and
                         isinstance(queryset.func, nodes.Attribute) and queryset.func.attrname == "all" and
                         isinstance(queryset.func.expr, nodes.Attribute) and
                         isinstance(queryset.func.expr.expr, nodes.Name) and queryset.func.expr.expr.name == "self"):
        return False
    relation = queryset.func.expr.attrname
    return all(_loads_with_prefetch(load, relation) for load in loads) and not may_clear(queryset.func.expr.expr)


def _cache_cleared(instance: nodes.Name, relation: str) -> bool:
    """The function calls another method of ``instance.<relation>`` (``add()``, ``aset()``, ``clear()``...:
    a write empties the prefetch cache, so a later ``.all()`` queries again)."""
    frame = enclosing_frame(instance)
    for call in frame.nodes_of_class(nodes.Call):
        func = call.func
        if isinstance(func, nodes.Attribute) and func.attrname != "all" and isinstance(func.expr, nodes.Attribute) \
                and func.expr.attrname == relation and isinstance(func.expr.expr, nodes.Name) and \
                func.expr.expr.name == instance.name:
            return True
    return False


#: Thread adapters that run a bound QuerySet method handed to them (``await database_sync_to_async(qs.get)(pk=1)``).
_ADAPTERS = frozenset({"sync_to_async", "database_sync_to_async"})


def _thread_built(value: nodes.NodeNG | None) -> nodes.NodeNG | None:
    """The QuerySet chain a lambda builds in a thread (``await sync_to_async(lambda: <chain>)()``: the
    QuerySet comes back unevaluated, with the lookups its chain applied), else ``value``."""
    call = value.value if isinstance(value, nodes.Await) else None
    if isinstance(call, nodes.Call) and not call.args and isinstance(call.func, nodes.Call) and \
            call.func.args and isinstance(call.func.args[0], nodes.Lambda) and not call.func.args[0].args.args and \
            getattr(call.func.func, "name", getattr(call.func.func, "attrname", None)) in _ADAPTERS:
        return call.func.args[0].body
    return value


def _prefetch_chain(load: nodes.NodeNG) -> nodes.NodeNG | None:
    """The QuerySet chain a load of one instance reads from: ``await <chain>.afirst()``, ``<chain>.get()``,
    ``await sync_to_async(<chain>.get)(...)``/``database_sync_to_async``, ``async for x in <chain>``."""
    if isinstance(load, (nodes.AsyncFor, nodes.For, nodes.Comprehension)):
        return load.iter
    if isinstance(load, nodes.Await):
        load = load.value
    if isinstance(load, nodes.Call) and isinstance(load.func, nodes.Call) and load.func.args and \
            getattr(load.func.func, "name", getattr(load.func.func, "attrname", None)) in _ADAPTERS:
        load = load.func.args[0]  # the bound method the adapter runs in its thread
        if isinstance(load, nodes.Attribute) and load.attrname in _SINGLE:
            return load.expr
        return None
    if not (isinstance(load, nodes.Call) and isinstance(load.func, nodes.Attribute) and
            load.func.attrname in _SINGLE):
        return None
    return load.func.expr


def _loads_with_prefetch(load: nodes.NodeNG, relation: str) -> bool:
    """A load of one instance (``_prefetch_chain``) whose chain calls ``prefetch_related("<relation>", ...)``."""
    return _chain_prefetches(_prefetch_chain(load), relation, frozenset())


def _names_relation(argument: nodes.NodeNG, relation: str) -> bool:
    """``"tags"``/``"tags__owner"``, or ``Prefetch("tags", queryset=...)`` without ``to_attr``."""
    if isinstance(argument, nodes.Const) and isinstance(argument.value, str):
        return argument.value.split("__")[0] == relation
    if isinstance(argument, nodes.Call) and getattr(argument.func, "name", getattr(argument.func, "attrname", None)) \
            in _PREFETCH_CLASSES and argument.args:
        first = argument.args[0]
        return isinstance(first, nodes.Const) and first.value == relation and not any(
            keyword.arg == "to_attr" for keyword in argument.keywords or [])
    return False


def helper_prefetches(value: nodes.NodeNG, relation: str) -> bool | None:
    """Whether the instance ``value`` evaluates to (a returned expression, or a local name assigned
    one) was loaded from a QuerySet that a project function called there prefetches ``relation`` on:
    True when the code the call selects always does, None when only an undecided branch does, False
    when no such function is called."""
    loads = [value]
    for name in value.nodes_of_class(nodes.Name):
        assigned = _assigned_values(name)
        loads.extend(assigned or ())
    frame = enclosing_frame(value)
    found: bool | None = False
    for load in loads:
        for call in load.nodes_of_class(nodes.Call):
            target = called_function(call.func)
            if target is None or target is frame:
                continue
            here = _prefetched_by(target, call, relation, {frame, target}, 0)
            if here is True:
                return True
            if here is None:
                found = None
    return found


def _called(func: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The project function a call runs: ``called_function``'s, or a custom method of a manager or
    QuerySet (``Booking.objects.related()`` on ``objects = BookingQuerySet.as_manager()``)."""
    found = called_function(func)
    if found is None and isinstance(func, nodes.Attribute):
        receiver = kind_of(func.expr)
        if receiver is not None and receiver.name in QUERYSET_LIKE and isinstance(receiver.custom, nodes.ClassDef):
            found = find_method(receiver.custom, func.attrname)
    return found if isinstance(found, nodes.FunctionDef) else None


#: How many project functions deep a returned instance's QuerySet is followed (the operation's service,
#: its loader, the model's custom QuerySet method).
_DEPTH = 3


def _prefetched_by(target: nodes.FunctionDef, call: nodes.Call, relation: str, seen: set, depth: int) -> bool | None:
    """Whether a call of ``target`` prefetches ``relation``: a ``prefetch_related`` in the code the call
    selects, or (down to ``_DEPTH``) in a project function that ``target`` calls in a ``return``
    statement (``return await get_booking(pk)``, ``return Booking.objects.related().aget(...)`` whose
    QuerySet method ``related()`` prefetches): the returned instance comes from there."""
    found: bool | None = False
    for node, conditional in branches.reached(target, branches.call_bindings(call, target)):
        if not isinstance(node, nodes.Call):
            continue
        if isinstance(node.func, nodes.Attribute) and node.func.attrname == _PREFETCH and \
                any(_names_relation(arg, relation) for arg in node.args):
            if not conditional:
                return True
            found = None
            continue
        if depth + 1 >= _DEPTH or not isinstance(node.statement(), nodes.Return):
            continue
        inner = _called(node.func)
        if inner is None or inner in seen:
            continue
        deeper = _prefetched_by(inner, node, relation, seen | {inner}, depth + 1)
        if deeper is True and not conditional:
            return True
        if deeper is not False:
            found = None
    return found
