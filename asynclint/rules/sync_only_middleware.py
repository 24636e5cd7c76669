"""W5720 sync-only-middleware.

## What it does
Flags a middleware factory that can only run synchronously: a module-level function that takes
`get_response` and returns a sync `def` (or `lambda`), or a module-level class whose `__init__` takes
`get_response` and whose `__call__` is sync, with neither `@sync_and_async_middleware` /
`@async_only_middleware` nor `async_capable = True`. Reported on the `def`/`class` line. It must be
Django middleware: its sync middleware calls `get_response(request)`, its code uses Django's API, or the
project's `MIDDLEWARE` names it; a `__call__` typed with another framework's request class is not.

Middleware declared sync-only on purpose (`@sync_only_middleware`, or `async_capable = False` set
explicitly, with or without `sync_capable = True`, a `MiddlewareMixin` subclass included) is reported
only when nothing in its code needs a thread: no sync work reached from any of its functions (a query,
blocking I/O, a sync cache call, reading `request.user` or `request.session`...), no thread state and no connection management (below),
sync code only. That finding is always *possible* (the declaration is the author's; asynclint only sees
that the code does not need it) and is not reported when the project serves HTTP with WSGI only; the
maintainers of django-keycloak-auth fixed exactly this (a token-checking middleware declared sync-only)
as an ASGI performance bug. It stays silent for `MiddlewareMixin` subclasses without such a declaration
(they are hybrid), for middleware whose job is the state of its worker thread (it sets,
reads or clears a `threading.local()` of its module, or an attribute such as `_thread_locals` or
`thread_context`, or a `threading.local()` it creates: it only works in the thread the sync view runs
in, or keeps state under the thread's id, `_requests[threading.get_ident()] = request`), for
middleware that manages the database connection of its thread (`close_old_connections()`,
`reset_queries()`, `connection.close()`, `connections[alias].close()`, or closing each connection of a
loop over `connections.all()`, around each request: Django's
connections are per thread, and under ASGI the adapted middleware shares the worker thread with the
sync view's ORM work, while an async one would close the loop thread's connections, which the request
never uses; likewise `connection.execute_wrapper(...)` around `get_response`, which sees only the
queries of its thread's connection), and for a factory whose code
already has an async path (one that
returns an `async def` when `iscoroutinefunction(get_response)`; if it lacks the flag,
`sync-only-middleware-in-settings` reports it where it is installed). A middleware class or function
factory that the project never installs is silent too (OpenHEXA's `query_count_debug_middleware`, a
debugging factory that no settings module lists): no `MIDDLEWARE` setting names it, the project's settings (a
settings module of the class's own top-level package, or settings elsewhere in the project that list
another middleware of the class's own module, or of a package that re-exports the class, such as a
`middlewares/__init__.py` star-importing its modules) are read in full (every statement that sets or
changes `MIDDLEWARE` uses string literals; one read from the environment or built from other names
keeps the finding), and no other code names the class (a comment, such as a commented-out
`MIDDLEWARE` entry, does not count, nor a dotted path to another module's class of the same name, such as
Django's `django.contrib.auth.middleware.AuthenticationMiddleware`). Not when the repository builds a distribution
that ships the package (a reusable app: `setup.py`, a `[project]` name equal to the package with a
`[build-system]`): the projects installing it list its middleware in their own settings.
Silent as well: a class that only settings for development or tests install (every `MIDDLEWARE`
listing that names it is in a settings file whose name or folder says `dev`, `development`, `debug`, `test` or
`unittests`, such as `settings/templates/settings.dev.py` or `settings_test.py`; the deployed settings,
read in full, are the class's own package's and do not list it; no other code names it): a debugging
middleware that logs each request costs its thread switch on a developer's machine, not where users are
served. A docstring that shows how to install the class does not list it. Likewise a class that the
package's own code installs only when DEBUG is true: every string naming it in the project's Python files
lies under an `if` whose test is `DEBUG`, `settings.DEBUG` or a `.debug` flag (alone or in an `and`), or
in the true branch of `... if DEBUG else ...` (settings' `if DEBUG: MIDDLEWARE += [...]`, a library
builder's `if self.config.debug: middleware.append(...)`), those files are in the class's own top-level
package, no docs page lists it and no other code names it. Its users get it from there on a development
server only. An `else` branch or `if not DEBUG:` installs it where users are served: reported.
A class that no `MIDDLEWARE` listing names (settings, `override_settings`, docs) and no other code
uses, in a project whose settings asynclint cannot read in full (entries computed at run time, a plugin
hook handed `globals()` such as `djp.settings(globals())`) or in a reusable app, is reported as
*possible*: whether anything installs it is unknown.
Silent too when making it hybrid would save no switch: every literal `MIDDLEWARE` list that installs
it also holds an entry that must stay sync (thread-bound as above, or declared sync-only while its code
needs a thread). Django adapts once per stretch of sync-only middleware, so with that entry left the
request switches to the worker thread and back as often whatever this one's mode (prowler's
`APILoggingMiddleware` behind its `CloseDBConnectionsMiddleware`; karrio's `RequestIDMiddleware` in a
list that ends with its thread-keyed `SessionContext`).
A sync-only class is silent as well when its module defines its async twin: a class of the same name
with `Async` added (`IPinfoMiddleware` and `IPinfoAsyncMiddleware`, `AsyncAuditMiddleware`...) that is
async-only or hybrid. The module ships the sync class for WSGI and the twin for ASGI; where a project
installs the sync one under ASGI, `sync-only-middleware-in-settings` reports its `MIDDLEWARE` entry.

Only projects that serve HTTP through Django's ASGI handler pay this cost: the finding is definite
when asynclint detects an ASGI server, *possible* when it cannot tell, and not reported when the
project serves HTTP with WSGI only (`server` option, or its server commands and `asgi.py`, or the module
it imports its Channels router from; see the
README's Configuration section and `asynclint check -v`).

## Why is this bad?
Django reads a middleware's mode from `sync_capable`/`async_capable`, and the defaults say sync only.
Under ASGI (and with an async view below it) Django wraps the layer below in `async_to_sync` and the
middleware itself in `sync_to_async`: every request switches to a worker thread and back, and holds
that thread for the whole request. With `DEBUG = True`, Django logs
`Asynchronous handler adapted for middleware <path>.` on the `django.request` logger.

## Example
```python
def timing_middleware(get_response):
    def middleware(request):
        started = time.monotonic()
        response = get_response(request)
        response["Server-Timing"] = f"app;dur={time.monotonic() - started:.3f}"
        return response
    return middleware
```

## Use instead
```python
@sync_and_async_middleware
def timing_middleware(get_response):
    if iscoroutinefunction(get_response):
        async def middleware(request):
            started = time.monotonic()
            response = await get_response(request)
            response["Server-Timing"] = f"app;dur={time.monotonic() - started:.3f}"
            return response
    else:
        def middleware(request):
            ...  # the sync version
    return middleware
```
A class sets `sync_capable = async_capable = True`, calls `markcoroutinefunction(self)` in
`__init__` when `iscoroutinefunction(get_response)`, and routes `__call__` to an `async def __acall__`
(or subclasses `MiddlewareMixin` and keeps its logic in `process_request`/`process_response`).

## Fix safety
No automatic fix: the async path has to be written (and must not call sync APIs on the event loop).

## Django versions
Middleware modes exist from 3.1; the rule is silent when the targeted Django is older (a project
whose requirement admits only 2.x or 3.0). `markcoroutinefunction` comes from `asgiref.sync` (asgiref 3.6+,
Django 4.2+) or `inspect` (Python 3.12+); Django 3.1-4.1 set `self._is_coroutine` by hand.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from pylint.interfaces import INFERENCE

from asynclint import django_api as api
from asynclint.core import deployment, middleware
from asynclint.prefilter import MIDDLEWARE
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "sync-only-middleware"
_COST = ("under ASGI every request pays a switch to a worker thread and back (with DEBUG on, Django logs "
         "'Asynchronous handler adapted for middleware ...')")


def saves_nothing(node: nodes.FunctionDef | nodes.ClassDef) -> bool:
    """Every ``MIDDLEWARE`` list that installs ``node`` keeps an entry that must stay sync, so making
    ``node`` hybrid saves no switch (``middleware.saves_no_switch``)."""
    lists = middleware.lists_naming(node)
    return bool(lists) and all(middleware.saves_no_switch(entries, middleware.must_stay_sync) for entries in lists)


def is_sync_only(found: middleware.Factory) -> bool:
    """Sync-only by default (not on purpose), not MiddlewareMixin-based, and sync code only."""
    return (found.flags.mode == api.SYNC_ONLY and not found.flags.chosen_sync_only and not found.mixin
            and found.sync_path and not found.async_path and middleware.django_evidence(found) is not None
            and not middleware.thread_bound(found))


class SyncOnlyMiddleware(AsyncLintRule):
    msgid = "W5720"
    symbol = _SYMBOL
    prefilter = (MIDDLEWARE,)
    django_versions = DjangoVersions("Middleware modes exist from 3.1", since=(3, 1), silent_before=True)
    summary = (
        "A middleware can only run synchronously (no async_capable); under ASGI every request switches "
        "to a worker thread and back. Make it hybrid."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        found = middleware.factory(node, owned_only=True)
        if found is None or not found.owns or middleware.never_installed(node) is not None:
            return  # a factory the project never installs costs nothing, as for a class
        if middleware.declared_sync_only_needlessly(found):
            self._report_declared(node, found)
        elif is_sync_only(found) and not saves_nothing(node):
            self.report_under_asgi(node, f"{node.name} is sync-only middleware ({found.flags.source}): {_COST}; make it "
                              f"hybrid: decorate it with @sync_and_async_middleware and return an 'async def' "
                              f"middleware when iscoroutinefunction(get_response) (or mark it "
                              f"@sync_only_middleware if it must stay sync)")

    @only_required_for_messages(_SYMBOL)
    def visit_classdef(self, node: nodes.ClassDef) -> None:
        found = middleware.factory(node, owned_only=True)
        if found is not None and found.owns and middleware.never_installed(node) is None and \
                middleware.declared_sync_only_needlessly(found):
            self._report_declared(node, found)
        elif found is not None and found.owns and is_sync_only(found) and middleware.never_installed(node) is None \
                and middleware.async_twin(node) is None and not saves_nothing(node):
            unnamed = middleware.named_nowhere(node)
            where = f" ({unnamed}: it costs only where a MIDDLEWARE asynclint cannot see installs it)" if unnamed else ""
            self.report_under_asgi(node, f"{node.name} is sync-only middleware ({found.flags.source}){where}: {_COST}; "
                              f"make it hybrid: set sync_capable = async_capable = True, call "
                              f"markcoroutinefunction(self) in __init__ when iscoroutinefunction(get_response), and "
                              f"route __call__ to an 'async def __acall__' (or set async_capable = False if it must "
                              f"stay sync)", possible=unnamed is not None)

    def _report_declared(self, node: nodes.FunctionDef | nodes.ClassDef, found: middleware.Factory) -> None:
        """Always *possible*: the declaration is the author's choice, asynclint only sees that nothing in
        the code needs a thread; not reported when the project serves HTTP with WSGI only."""
        server = deployment.server_for(getattr(self.linter.config, "server", "auto"), node.root().file, False)
        if server.server == deployment.WSGI:
            return
        self.report(node, f"{node.name} declares itself sync-only ({found.flags.source}) although nothing in it needs "
                          f"a thread (no query, no blocking call, no thread state): {_COST}; make it hybrid "
                          f"(a MiddlewareMixin subclass with process_request/process_response, or "
                          f"sync_capable = async_capable = True with an async path)", INFERENCE)
