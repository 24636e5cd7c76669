"""E5721 middleware-async-mode-mismatch.

## What it does
Flags middleware whose declared mode (`sync_capable`/`async_capable`, from the
`django.utils.decorators` decorators, class attributes or `MiddlewareMixin`) does not match its code:

- an `async def` middleware (returned by a function factory, or a class's `async def __call__`) that
  is sync-only (no `async_capable`);
- `@async_only_middleware` (or `sync_capable = False`) with a sync middleware;
- `@sync_and_async_middleware` (or both flags True) without an async path, without a sync path, or
  without a branch on `iscoroutinefunction(get_response)` (a marked class whose sync `__call__` returns
  `self.get_response(request)` unchanged has an async path: Django awaits the coroutine it hands back);
- an async-capable class with an async path (`async def __call__`, or `__call__` returning
  `self.__acall__(...)`) that never calls `markcoroutinefunction(self)`;
- a `MiddlewareMixin` subclass that overrides `__call__` with a sync method that does not return
  `super().__call__(...)` (only ASGI breaks it: definite under ASGI, *possible* when the server is
  unknown, silent when the project serves HTTP through WSGI only);
- `async def process_request` / `async def process_response` on a `MiddlewareMixin` subclass (reported
  on the hook);
- `sync_capable` and `async_capable` both False;
- a `MiddlewareMixin` subclass that keeps the mixin's `__call__` but whose own `__init__` never calls
  `super().__init__(get_response)` (nor any base's `__init__`) and never sets `self.async_mode`: from
  Django 5.1 on every request fails (definite); before 5.1 only one with a `process_response` breaks,
  and only under ASGI (definite under ASGI, *possible* when the server is unknown).

Reported on the `def`/`class` line (hooks: on the hook's `def`). Only Django middleware is checked:
a `MiddlewareMixin` subclass, a factory with Django's flags or mode decorators, one that calls
`get_response(request)` synchronously (Django's contract), one whose code uses Django's API
(`django.http`, `django.conf.settings`...), or one the project's `MIDDLEWARE` setting (or a test's
`override_settings`, a docs page) names. A `Protocol`, a `__call__` typed with another framework's
request class, and other frameworks' async pipelines with the same `get_response` shape are left alone.

## Why is this bad?
Django builds the chain from the flags, not from the code, and every layer is wrapped in
`convert_exception_to_response`, which asks `iscoroutinefunction(instance)`:

- a sync-only factory returning an `async def`: under ASGI building the chain raises
  `TypeError: sync_to_async can only be applied to sync functions.` (at `get_asgi_application()`);
  under WSGI each request fails with `AttributeError: 'coroutine' object has no attribute ...`. A
  sync-only class with `async def __call__` fails with that `AttributeError` on every request, in both;
- sync code given an async `get_response` gets a coroutine instead of a response
  (`'coroutine' object does not support item assignment`, then
  `TypeError: object HttpResponse can't be used in 'await' expression`); async code called
  synchronously returns a coroutine as the response;
- an unmarked async instance is wrapped as sync: exceptions it raises (`Http404`,
  `PermissionDenied`...) escape instead of becoming 404/403 responses;
- `MiddlewareMixin` marks the instance async under ASGI, so a sync `__call__` override gets a coroutine
  from `get_response`; its `__acall__` runs `process_request`/`process_response` through
  `sync_to_async`, which rejects an `async def`, and its sync `__call__` returns their coroutine;
- `MiddlewareMixin.__init__` sets `self.async_mode` and marks the instance; from Django 5.1 its
  `__call__` reads `self.async_mode` on every request, so a subclass `__init__` that skips the mixin's
  fails with `AttributeError: '...' object has no attribute 'async_mode'` under WSGI and ASGI. Before
  5.1 the unmarked instance is wrapped as sync under ASGI, and `process_response` receives the
  coroutine of the async layer below (`TypeError: object HttpResponseServerError can't be used in
  'await' expression`); a `process_request`-only class still works there;
- both flags False: `RuntimeError: Middleware ... must have at least one of
  sync_capable/async_capable set to True.`

## Example
```python
class BlockInternal:
    async_capable = True
    sync_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    async def __call__(self, request):
        if request.path.startswith("/internal/"):
            raise Http404  # escapes: no 404 page
        return await self.get_response(request)
```

## Use instead
```python
class BlockInternal:
    async_capable = True
    sync_capable = False

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    async def __call__(self, request):
        ...
```

## Fix safety
No automatic fix: which mode the middleware should have is the author's decision.

## Django versions
3.1 to 6.1 (the mode logic is unchanged); silent when the targeted Django is older (no middleware
modes). `markcoroutinefunction` is in `asgiref.sync` from asgiref 3.6
(Django 4.2+) and in `inspect` from Python 3.12. Setting `self._is_coroutine` by hand (what Django
3.1-4.1 did) is accepted below Django 6.0: only `asyncio.iscoroutinefunction` reads it, and Django
6.0+ runs on Python 3.12+, where Django and asgiref use `inspect.iscoroutinefunction`. From Django 4.2
the marker works on Python 3.10/3.11 only: *possible*, also when the targeted version is only the
lowest release the project's django requirement admits (no Django installed) and it admits 4.2 or later.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import INFERENCE

from asynclint import django_api as api
from asynclint.core import middleware
from asynclint.prefilter import MIDDLEWARE
from asynclint.rules.base import AsyncLintRule, DjangoVersions, target_admits_from

_SYMBOL = "middleware-async-mode-mismatch"
_MARK = ("call markcoroutinefunction(self) in __init__ when iscoroutinefunction(get_response) (from asgiref.sync; "
         "inspect on Python 3.12+)")
_ESCAPE = ("Django's convert_exception_to_response then wraps the instance as sync, so exceptions raised in it "
           "(Http404, PermissionDenied...) escape instead of becoming responses")
_COROUTINE_AS_RESPONSE = "the coroutine becomes the response (AttributeError: 'coroutine' object has no attribute ...)"
_COROUTINE_FROM_GET_RESPONSE = ("get_response(request) returns a coroutine where the code expects a response "
                                "('coroutine' object ... errors, then TypeError: object HttpResponse can't be used "
                                "in 'await' expression)")


class MiddlewareAsyncModeMismatch(AsyncLintRule):
    msgid = "E5721"
    symbol = _SYMBOL
    prefilter = (MIDDLEWARE,)
    django_versions = DjangoVersions("3.1 to 6.1 (the mode logic is unchanged)", since=(3, 1), silent_before=True)
    summary = (
        "A middleware's declared sync/async mode does not match its code; Django builds the chain from "
        "the flags and the middleware breaks (TypeError, coroutine responses, escaped exceptions)."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        found = middleware.factory(node, owned_only=True)
        if found is not None:
            self._check(found)

    visit_classdef = visit_functiondef

    def _check(self, found: middleware.Factory) -> None:
        for hook in found.async_hooks:
            self.report(hook, f"async def {hook.name} on MiddlewareMixin subclass {found.node.name}: under ASGI "
                              f"MiddlewareMixin runs it through sync_to_async (TypeError: sync_to_async can only be "
                              f"applied to sync functions), under WSGI it calls it without awaiting and "
                              f"{_COROUTINE_AS_RESPONSE}; make it a sync def (Django runs it in a worker thread "
                              f"under ASGI), or write the middleware as an async class")
        if not found.owns:
            return
        if found.skipped_mixin_init is not None and middleware.django_evidence(found):
            self._check_skipped_init(found)
        honoured = found.legacy_marks and self.target < api.LEGACY_COROUTINE_MARKER_IGNORED_FROM
        problem = _problem(found, found.marks or honoured)
        if problem and middleware.django_evidence(found):
            if found.overrides_mixin_call and found.flags.mode not in (api.SYNC_ONLY, api.ASYNC_ONLY):
                # Only ASGI marks a MiddlewareMixin instance async: under WSGI the sync override gets a
                # sync get_response and works (the runtime proof's wsgi outcome is a 200).
                self.report_under_asgi(found.node, f"{found.node.name} {problem}")
            else:
                self.report(found.node, f"{found.node.name} {problem}")
        elif honoured and not found.marks and target_admits_from(self.linter,
                                                                 api.LEGACY_COROUTINE_MARKER_PYTHON_DEPENDENT_FROM):
            # Python 3.10/3.11 honour the marker, 3.12+ do not; the project's Python is unknown: possible.
            # Also when the target is only the lowest release a requirement admits that admits 4.2+ too.
            problem = _problem(found, False)
            if problem and middleware.django_evidence(found):
                self.report(found.node, f"{found.node.name} marks itself only with the legacy "
                                        f"{api.LEGACY_COROUTINE_MARKER} attribute, which Django 4.2+ reads through "
                                        f"asgiref's iscoroutinefunction: on Python 3.12+ that is inspect's, which "
                                        f"ignores it, so there it {problem}", INFERENCE)

    def _check_skipped_init(self, found: middleware.Factory) -> None:
        name, fix = found.node.name, "call super().__init__(get_response) in its __init__"
        if self.target >= api.MIDDLEWARE_MIXIN_MODE_READ_FROM:
            self.report(found.node, f"{name} overrides MiddlewareMixin.__init__ without calling it, so "
                                    f"self.{api.MIDDLEWARE_MIXIN_MODE_ATTRIBUTE} is never set and the inherited "
                                    f"MiddlewareMixin.__call__ (Django 5.1+) fails on every request, under WSGI and "
                                    f"ASGI (AttributeError: ... object has no attribute "
                                    f"'{api.MIDDLEWARE_MIXIN_MODE_ATTRIBUTE}'); {fix}")
        elif found.process_response is not None:
            self.report_under_asgi(found.node, f"{name} overrides MiddlewareMixin.__init__ without calling it, so "
                                               f"under ASGI the instance is never marked async: Django wraps it as "
                                               f"sync and its process_response receives the coroutine of the "
                                               f"layer below instead of a response (then TypeError: object "
                                               f"HttpResponse can't be used in 'await' expression); {fix}")


def _problem(found: middleware.Factory, marked: bool) -> str:
    flags, kind = found.flags, "class" if found.is_class else "function"
    declared = f"({flags.source})"
    if flags.mode is None:
        return ("sets sync_capable and async_capable both False: Django raises RuntimeError ('Middleware ... must "
                "have at least one of sync_capable/async_capable set to True') when it builds the middleware "
                "chain; set async_capable = True (or drop both)")
    if flags.mode == api.SYNC_ONLY:
        if found.async_path and not found.sync_path:
            if kind == "function":
                return (f"returns an 'async def' middleware but is sync-only {declared}: Django treats it as sync, "
                        f"so building the chain under ASGI raises TypeError (sync_to_async can only be applied "
                        f"to sync functions) and under WSGI {_COROUTINE_AS_RESPONSE}; decorate it with "
                        f"@async_only_middleware")
            return (f"has an 'async def __call__' but is sync-only {declared}: Django calls it synchronously and "
                    f"{_COROUTINE_AS_RESPONSE} on every request, under ASGI and WSGI; set async_capable = True "
                    f"and sync_capable = False, and {_MARK}")
        return ""
    if flags.mode == api.ASYNC_ONLY:
        if found.sync_path and not found.async_path:
            return (f"is async-only {declared} but its middleware is sync: Django passes it an async "
                    f"get_response, so {_COROUTINE_FROM_GET_RESPONSE}; make it an 'async def' that awaits "
                    f"get_response(request)")
        if found.is_class and found.async_path and not marked:
            return f"is async-only {declared} with an async __call__ but never marks itself: {_ESCAPE}; {_MARK}"
        return ""
    # Hybrid.
    if found.overrides_mixin_call:
        return ("overrides MiddlewareMixin.__call__ with a sync method: under ASGI MiddlewareMixin marks the "
                f"instance async, so {_COROUTINE_FROM_GET_RESPONSE}; move the logic into process_request/"
                "process_response, return super().__call__(request), or set async_capable = False")
    if not found.async_path and not (found.passes_through and marked):
        return (f"is declared sync-and-async {declared} but has no async path: under ASGI Django passes it an "
                f"async get_response, so {_COROUTINE_FROM_GET_RESPONSE}; branch on iscoroutinefunction("
                f"get_response) and use an 'async def' middleware for it (or drop the hybrid declaration)")
    if not found.sync_path:
        return (f"is declared sync-and-async {declared} but only has an async path: under WSGI (or below a "
                f"sync-only middleware) Django calls it synchronously and {_COROUTINE_AS_RESPONSE}; declare it "
                f"async-only (@async_only_middleware / sync_capable = False) or add a sync path")
    if not found.branches:
        return (f"is declared sync-and-async {declared} but never checks iscoroutinefunction(get_response): it "
                f"cannot know which path Django expects; branch on it")
    if found.is_class and not marked:
        return f"is sync-and-async {declared} with an async path but never marks itself: {_ESCAPE}; {_MARK}"
    return ""
