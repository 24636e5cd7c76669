"""E5702 sync-queryset-evaluation-in-async.

## What it does
Flags code on the event loop that evaluates a lazy QuerySet implicitly: `for` loops and
comprehensions over it, `list()`/`tuple()`/`set()`/`sorted()`/`len()`/`bool()`/`any()`/`sum()`...,
`if qs:`/`not qs`/`qs or ...`, `x in qs`, an integer index `qs[0]`, a slice with a step, unpacking
(`*qs`, `a, b = qs`), and `repr()`/`str()`/`print()`/f-strings of it. One finding per QuerySet and
statement: after an evaluation that fills the QuerySet's result cache (iteration, `len`, truth value,
`in`...) and surely runs first, a second one of the same variable (`if a not in qs and b not in qs:`)
reads the cached rows without a query (`qs[0]`, `repr()` query a sliced clone and fill nothing). So does
one after an earlier statement `async for x in qs:` over the same variable, not rebound since
(`QuerySet.__aiter__` fetches every row in a thread before yielding the first), or an earlier statement
that has a thread evaluate the variable itself (`await sync_to_async(len)(qs)`; `bool`, `list`...). Also a lazy QuerySet returned by a GraphQL resolver that
runs under async execution (an async strawberry or ariadne resolver, or a sync one the project serves
asynchronously): graphql-core before 3.3 iterates it on the loop to complete the list field (a *possible*
finding: 3.3 and later iterate a QuerySet with `async for`). And the value an async
django-ninja operation returns for its `response=` schema, which ninja validates on the loop: a lazy
QuerySet, or a model instance (also each instance of a returned list comprehension,
`[doc async for doc in qs]`) whose related manager a schema field reads (without `prefetch_related`): a
field annotated on the schema, or a many-to-many or reverse relation a `ModelSchema` names in
`Meta.fields` (`Config.model_fields` before ninja 1.0; `"__all__"` and `exclude` are not read).
A value annotated as a QuerySet or a plain collection (`Union[List[Book], QuerySet[Book]]`,
`list | QuerySet`) may be either: its evaluations are *possible* findings (confidence INFERENCE), with
no automatic fix. A lazy QuerySet handed to a project coroutine (a function or method, in any module)
that evaluates it so, directly or through the coroutines it hands it on to, is reported at the call
(possible when only a branch the call does not decide evaluates it); not when the evaluation is the
fallback of a probe for the async API (`if hasattr(queryset, "acount"): ... else: len(queryset)`), which a
QuerySet never takes.

Silent in a test module (`test_*.py`, `*_tests.py`, `tests.py`) of a project whose test run sets
`DJANGO_ALLOW_ASYNC_UNSAFE` (a `conftest.py`, a test settings module, pytest-env's `env` in
`pytest.ini`/`setup.cfg`/`pyproject.toml`, or tox's `setenv`; a comment or tox's `passenv` sets
nothing): Django then runs the query instead of raising, and the test chose it.

Silent on a loop that runs one chain of awaits in a project that sets `DJANGO_ALLOW_ASYNC_UNSAFE`
for production (`asynclint.core.own_loop.single_chain_loop_reason`; the criterion is the one
sync-orm-call-in-async describes): nothing else waits on that loop, and with the variable set Django runs the query.

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

import os

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from asynclint.core import branches, suggest
from asynclint.core.chains import coroutine_work
from asynclint.core.describe import describe
from asynclint.core.evaluation import evaluations_at, reads_filled_cache, reported_evaluations
from asynclint import django_api as api
from asynclint.core.django_kinds import INSTANCE_LIKE, kind_of
from asynclint.core.django_kinds import _instance_attribute as related_kind  # noqa: PLC2701 (a model's attribute)
from asynclint.core.event_loop import enclosing_frame, runs_on_event_loop
from asynclint.libraries import graphql, ninja
from asynclint.prefilter import ASYNC
from asynclint.core.prefetch import helper_prefetches, served_from_prefetch
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts

_SYMBOL = "sync-queryset-evaluation-in-async"


class SyncQuerysetEvaluationInAsync(AsyncLintRule):
    msgid = "E5702"
    symbol = _SYMBOL
    prefilter = (ASYNC,)
    fix_safety = "safe or unsafe"
    fix_title = "Iterate with async for, or await acount()/aexists()/afirst()"
    raises_on_loop = True
    django_versions = DjangoVersions("Fires for every version")
    summary = (
        "A lazy QuerySet is evaluated on the event loop (iteration, len, truth value, indexing...), "
        "where Django raises SynchronousOnlyOperation. Use async for, acount(), aexists(), afirst()."
    )

    def _check(self, node: nodes.NodeNG) -> None:
        if not runs_on_event_loop(node):
            return  # cheap, and it spares the kind analysis of every sync node
        work = coroutine_work(node) if isinstance(node, nodes.Call) else None
        if work is not None and work.operation.effect == api.EVALUATION and \
                not branches.async_api_probed_absent(work.operation.node):  # else of hasattr(qs, "acount")
            where = f"{os.path.basename(work.operation.node.root().file or '?')}:{work.operation.node.lineno}"
            self.report(node, f"{work.coroutine.name}() evaluates the lazy QuerySet passed to it here on the event "
                              f"loop ({where}: {work.operation.shown}), where Django raises "
                              f"SynchronousOnlyOperation; iterate it there with 'async for', or pass a list built "
                              f"with '[x async for x in qs]'", INFERENCE if work.possible else HIGH)
        for found in evaluations_at(node):
            if served_from_prefetch(found.queryset):
                continue  # instance.tags.all() on an instance loaded with prefetch_related("tags")
            if reads_filled_cache(found):
                continue  # ``a not in qs and b not in qs``: the first fetched the rows, the second reads them
            if runs_on_event_loop(found.node):
                message = suggest.evaluation(found.operation, self.target, qs=describe(found.queryset),
                                             **found.shown)
                if found.possible:  # maybe a plain list: possible, and no rewrite (``async for`` breaks a list)
                    self.report(found.node, f"{describe(found.queryset)} may be a QuerySet (its annotation "
                                            f"allows one): {message}", INFERENCE)
                    continue
                self.report(found.node, message, facts=Facts(evaluations=reported_evaluations(found.node)))

    visit_for = visit_comprehension = visit_call = visit_if = visit_while = visit_ifexp = visit_assert = \
        visit_unaryop = visit_boolop = visit_compare = visit_subscript = visit_starred = visit_assign = \
        visit_formattedvalue = visit_binop = only_required_for_messages(_SYMBOL)(_check)

    @only_required_for_messages(_SYMBOL)
    def visit_return(self, node: nodes.Return) -> None:
        """A value a library evaluates on the loop after the function returns it: a lazy QuerySet
        returned by a GraphQL resolver that graphql-core completes there, or by an async django-ninja
        operation whose ``response=`` schema validates it there (also the related managers it reads)."""
        frame = enclosing_frame(node)
        if node.value is None or not isinstance(frame, nodes.FunctionDef):
            return
        library = graphql.iterating_library(frame)
        schema = ninja.response_schema(frame) if library is None else None
        if library is None and schema is None:
            return
        returned = node.value
        if schema is not None and isinstance(returned, (nodes.ListComp, nodes.SetComp)):
            returned = returned.elt  # ``[doc async for doc in qs]``: each element is validated alike
        found = kind_of(returned)
        if found is None:
            return
        shown = describe(returned)
        if found.name == api.QUERYSET and returned is node.value:
            if library is not None:
                # graphql-core 3.3 completes a list from a value's __aiter__ first (a QuerySet has one
                # from Django 4.1), so only projects on graphql-core 3.2 fail: a possible finding, unless
                # the library pins graphql-core below 3.3 (graphene).
                pinned = library in graphql.BEFORE_GRAPHQL_CORE_3_3
                self.report(node.value, f"the lazy QuerySet {shown} {'is' if pinned else 'may be'} iterated on the "
                                        f"event loop: graphql-core before 3.3 completes the {library} resolver "
                                        f"{frame.name}() with it there, where Django raises SynchronousOnlyOperation "
                                        f"(3.3+ iterates it with 'async for'); return a list built with "
                                        f"'[x async for x in qs]', or use a strawberry_django field",
                            HIGH if pinned else INFERENCE)
                return
            self.report(node.value, f"the lazy QuerySet {shown} is iterated on the event loop (django-ninja "
                                    f"validates it against the response schema of {frame.name}()), where Django "
                                    f"raises SynchronousOnlyOperation; return a list built with "
                                    f"'[x async for x in qs]'")
        elif schema is not None and found.name in INSTANCE_LIKE and not _prefetches(frame):
            cls, fields = ninja.schema_fields(schema)
            for name in sorted(fields):
                related = related_kind(found, name)
                if related is not None and related.name == api.RELATED_MANAGER:
                    served = helper_prefetches(returned, name)
                    if served:
                        continue  # loaded from a project function's QuerySet that prefetches it
                    subject = shown if returned is node.value else f"each {shown} of the returned list"
                    self.report(node.value, f"django-ninja validates {subject} against {cls.name} on the event loop, "
                                            f"and its field '{name}' reads the related manager {shown}.{name} "
                                            f"(a query), where Django raises SynchronousOnlyOperation; fetch it "
                                            f"with prefetch_related('{name}') before returning it",
                                HIGH if served is False else INFERENCE)
                    return


def _prefetches(function: nodes.FunctionDef) -> bool:
    """Whether the function prefetches anything (then which relation it loads is its business)."""
    return any(isinstance(call.func, nodes.Attribute) and call.func.attrname in ("prefetch_related", "aprefetch_related_objects")
               or isinstance(call.func, nodes.Name) and call.func.name in ("prefetch_related_objects",
                                                                              "aprefetch_related_objects")
               for call in function.nodes_of_class(nodes.Call))
