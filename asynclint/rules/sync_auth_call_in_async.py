"""E5713 sync-auth-call-in-async.

## What it does
Flags sync authentication on the event loop: reading `request.user` (also as
`getattr(request, "user", None)`; its attributes, its truth value,
comparing it with `==`, passing it to a function; not an identity comparison, `request.user is user`,
directly or through a name only compared that way, bound by `functools.partial` without calling
it, or read only inside a `lambda` a thread adapter runs, `await asyncio.to_thread(lambda:
user.is_authenticated)`: `SimpleLazyObject` loads nothing for `is`, the partial reads it only when
called, and the lambda's body loads it in the worker thread; nor handed to a parameter of a
module-level function, `test_func(request.user)`, that every call of the function outside the tests
gives a thread adapter's callable, `auser_passes_test(sync_to_async(lambda u: u.is_authenticated))`) in an `async def` that has the request; the sync
`authenticate`/`login`/`logout`/`get_user`/`update_session_auth_hash`/`check_password`; the user's
`check_password`, `has_perm(s)`, `has_module_perms`, `get_*_permissions`; `make_password` and the
user's `set_password` (they hash, and have no async form: `await sync_to_async(user.set_password)(...)`); and
`User.objects.create_user`/`create_superuser`/`get_by_natural_key`; and, as a *possible* finding, a
Django REST framework permission's `has_permission()`/`has_object_permission()` called by hand (an
instance of a built-in class, or a value annotated `BasePermission`: it reads `request.user`, which
authenticates a DRF request that is not yet; `AllowAny` is silent). It is silent after the function
binds `request.user` itself (`request.user = await request.auser()`), and for reading Channels'
`self.scope["user"]` (or `scope["user"]` in an ASGI middleware's `__call__(self, scope, receive, send)`),
which Channels' `AuthMiddleware` resolves asynchronously; that user is a user instance all the same,
so its permission checks (`self.scope["user"].has_perm(...)`, also through `self.user` set from it)
are reported. `request.user` is reported once per
function, at its first read; not at all when a sync middleware that the project lists in `MIDDLEWARE`
reads `request.user` on every request before the view (its `__call__` before `get_response`, or
a `MiddlewareMixin`'s `process_request`/`process_view`): it loads the user in its worker thread, so
the view's read queries nothing. Nor in a handler of a Django REST framework or adrf view
(`APIView`, the generic views and viewsets, `@api_view`), or a method it calls with its request, or a
function whose request parameter is annotated with DRF's or adrf's `Request` class (only such a view
builds one, and hands it to the helpers it awaits): the view's dispatch ran `initial()` before the handler, whose `perform_authentication()` read
`request.user`, so the Request hands back that user; unless a project class of the view overrides
`perform_authentication()`/`initial()` without running them (DRF's lazy authentication) or has its own
`dispatch()` that never calls `initial()`. Nor in a coroutine function decorated `@login_required`
(`permission_required`, `user_passes_test`, `staff_member_required`) above `@async_to_sync`: the
decorator wraps the sync `async_to_sync(view)`, so its sync wrapper reads `request.user` in its thread
before the coroutine starts, and the lazy object keeps that user.
Nor in an async django-ninja operation whose auth assigns `request.user`: the operation's own `auth=`,
else its `Router(auth=...)`, else the `auth=` of every `NinjaAPI(...)` of the project (a router mounted
on an API inherits it), when each of its callbacks is a project class whose `authenticate` (or
`__call__`) sets `request.user = ...` on its request (`asynclint.libraries.ninja.user_set_by_auth`):
ninja runs the auth before the operation and calls it only after a callback succeeded, so the read
queries nothing. `auth=None`, an auth that only returns the user (`request.auth`), or a project API
without `auth=` keep Django's lazy user: reported. Nor in an async view decorated with a project
decorator whose wrappers call the view only right after assigning `request.user = <a user they
resolved>` (a name, an attribute or an awaited call, earlier in the same block or an enclosing one): the
view reads that user.

It also flags an async django-ninja operation authenticated by ninja's own sync session auth
(`auth=django_auth`, `SessionAuth()`, the superuser/staff variants; the operation's, else its
`Router`'s or `NinjaAPI`'s) when the project targets django-ninja before 1.5.0, which calls that auth
on the event loop (its `authenticate` reads `request.user`); definite when every targeted release is
older, possible when the range straddles 1.5.0, silent from 1.5.0 or when the version is unknown.

## Why is this bad?
`request.user` is a lazy object: its first read loads the session and queries the user table. On
the event loop that raises `SynchronousOnlyOperation` for a logged-in user with a database session
(and works for anonymous users, so tests often miss it).

## Example
```python
async def profile(request):
    if not request.user.is_authenticated:
        ...
```

## Use instead
```python
async def profile(request):
    user = await request.auser()
    if not user.is_authenticated:
        ...
```

## Fix safety
Unsafe: `await request.auser()` needs a binding before the first use; the fix introduces one.
`aauthenticate`/`alogin`/`alogout` (5.0) are drop-in; permission methods are async from 5.2.

## Django versions
`request.auser()` and the auth functions 5.0+; `ahas_perm()` and friends and `acreate_user()` 5.2+.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, INFERENCE

from asynclint import django_api as api
from asynclint.core import suggest
from asynclint.core.django_kinds import (
    ADAPTED_CALLABLE, has_library_base, is_project_file, is_request_user_getattr, kind_of,
)
from asynclint.core.decorators import split_at_async_to_sync
from asynclint.core.imports import called_name, definition_of, has_decorator, qualified_name
from asynclint.core.event_loop import enclosing_frame, lazy_user_never_evaluated, runs_on_event_loop
from asynclint.core.middleware import user_resolved_before_views
from asynclint.libraries import ninja
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, Facts, SyncCallRule

_SYMBOL = "sync-auth-call-in-async"


def _rebinds_user(frame: nodes.NodeNG, request: nodes.NodeNG, before: int) -> bool:
    """Whether the function assigns ``request.user = ...`` before line ``before``."""
    spelled = request.as_string()
    return any(
        target.attrname == "user" and target.expr.as_string() == spelled and target.lineno < before
        for target in frame.nodes_of_class(nodes.AssignAttr)
    )


def _read_before(frame: nodes.NodeNG, node: nodes.Attribute) -> bool:
    """Whether the same ``request.user`` is read earlier in the function."""
    spelled = node.expr.as_string()
    return any(
        other.attrname == "user" and other.expr.as_string() == spelled
        and (other.lineno, other.col_offset) < (node.lineno, node.col_offset) and not lazy_user_never_evaluated(other)
        for other in frame.nodes_of_class(nodes.Attribute)
    )


def _passed_to_thread(node: nodes.NodeNG) -> bool:
    """``await sync_to_async(f)(request.user)``: the lazy user is evaluated in the thread."""
    parent = node.parent
    if isinstance(parent, nodes.Keyword):
        parent = parent.parent
    if not isinstance(parent, nodes.Call) or node is parent.func:
        return False
    callee = kind_of(parent.func)
    if callee is not None and callee.name == ADAPTED_CALLABLE:
        return True
    return isinstance(parent.func, nodes.Name) and _parameter_always_adapted(parent.func)


def _parameter_always_adapted(name: nodes.Name) -> bool:
    """``test_func(request.user)`` where ``test_func`` is a parameter of a module-level function (a
    decorator factory: ``def auser_passes_test(test_func): ... await test_func(request.user)``) that
    every call in the project gives a thread adapter's callable (``sync_to_async(lambda u: ...)``): the
    lazy user is evaluated in the thread. Calls in test modules pass the tests' own doubles: not
    counted. A default, a non-call use of the function, a call that passes
    something else or none at all: unknown (the finding stays)."""
    try:
        _, bindings = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-except
        return False
    if len(bindings) != 1 or not isinstance(bindings[0], nodes.AssignName) or \
            not isinstance(bindings[0].parent, nodes.Arguments):
        return False
    function = bindings[0].parent.parent
    if not isinstance(function, nodes.FunctionDef) or not isinstance(function.parent, nodes.Module) or \
            not function.root().file:
        return False
    from asynclint.core import context

    known = context.current().own_loop_programs  # the run's memo of project-wide reference searches
    key = ("adapted-parameter", function, name.name)
    if key not in known:
        known[key] = _every_call_adapts(function, name.name)
    return known[key]


def _every_call_adapts(function: nodes.FunctionDef, parameter: str) -> bool:
    import os

    from astroid import MANAGER

    from asynclint.core import deployment
    from asynclint.core.own_loop import defined_elsewhere, files_naming, is_test_module

    positional = [argument.name for argument in function.args.posonlyargs + function.args.args]
    index = positional.index(parameter) if parameter in positional else None
    own = os.path.abspath(function.root().file)
    called = False
    for path in sorted(files_naming(str(deployment.project_root(own)), function.name) | {own}):
        try:
            module = function.root() if path == own else MANAGER.ast_from_file(path)
        except Exception:  # pylint: disable=broad-except
            return False
        if is_test_module(module):
            continue  # a test hands in its own doubles; the application's calls decide
        for node in module.nodes_of_class((nodes.Name, nodes.Attribute)):
            if (node.name if isinstance(node, nodes.Name) else node.attrname) != function.name:
                continue
            if qualified_name(node) is None:
                return False  # a local value, an object's attribute of that name: may be this function
            if defined_elsewhere(node, function):
                continue  # provably another function of the same name (an import of another module's)
            call = node.parent
            if not (isinstance(call, nodes.Call) and call.func is node):
                return False  # kept as a value: called with anything
            given = [keyword.value for keyword in call.keywords or () if keyword.arg == parameter]
            if index is not None and index < len(call.args):
                given.append(call.args[index])
            if len(given) != 1 or isinstance(given[0], nodes.Starred):
                return False
            kind = kind_of(given[0])
            if kind is None or kind.name != ADAPTED_CALLABLE:
                return False
            called = True
    return called


def _authenticated_by_view(request: nodes.NodeNG) -> bool:
    """The request of a DRF/adrf view's handler: a method's request parameter, ``self.request`` or a
    local bound to it, in a class derived from ``APIView`` (or a function decorated with ``api_view``).
    The view's dispatch ran ``initial()`` → ``perform_authentication()`` before the handler, which read
    ``request.user`` (in a thread, under adrf); the Request keeps that user, so reading it queries nothing.
    Not where a project class of the view overrides the authentication steps without calling them."""
    function = request.frame()
    if not isinstance(function, nodes.FunctionDef):
        return False
    if _annotated_view_request(request, function):
        return True
    if has_decorator(function, api.AUTHENTICATING_VIEW_DECORATORS):
        return _names_parameter(request, function, 0)
    cls = function.parent
    if isinstance(cls, nodes.ClassDef) and _authenticated_hook(cls, function):
        return _names_parameter(request, function, 1)
    if not isinstance(cls, nodes.ClassDef) or function.name in api.UNAUTHENTICATED_VIEW_METHODS:
        return False
    if _skips_authentication(cls, set()):
        return False
    if not has_library_base(cls, api.AUTHENTICATING_VIEWS) and not (
            _has_unread_base(cls, set()) and _shows_drf_handler(function)):
        return False
    return _names_parameter(request, function, 1) or _is_self_request(request, function)


def _authenticated_hook(cls: nodes.ClassDef, function: nodes.FunctionDef) -> bool:
    """``function`` is a permission's ``has_permission``/``has_object_permission`` (or a throttle's
    ``allow_request``) in a class derived from DRF's: the view calls it with its Request only after
    ``perform_authentication()`` resolved the user (``api.AUTHENTICATED_HOOKS``)."""
    bases = frozenset(name for name, methods in api.AUTHENTICATED_HOOKS.items() if function.name in methods)
    return bool(bases) and has_library_base(cls, bases)


def _user_set_by_project_decorator(request: nodes.NodeNG) -> bool:
    """The request parameter (the first, never rebound) of an async view decorated with a project
    decorator (``@sse_auth``, ``@sse_auth(superuser_only=True)``: a project function whose first parameter
    is the view) that calls the view only right after assigning ``<its request>.user = <a value>`` (a
    name, an attribute or an awaited call, not a lazy object built there) earlier in the same block or
    an enclosing one: every call of the view in the decorator, sync and async wrappers alike. The view
    then reads the user the wrapper resolved, and queries nothing."""
    function = request.frame()
    if not isinstance(function, nodes.AsyncFunctionDef) or not isinstance(request, nodes.Name) \
            or not function.decorators or not _names_parameter(request, function, 0):
        return False
    if any(found.name == request.name and not isinstance(found.parent, nodes.Arguments)
           for found in function.nodes_of_class(nodes.AssignName)):
        return False  # rebound in the view
    for decorator in function.decorators.nodes:
        found = definition_of(decorator.func if isinstance(decorator, nodes.Call) else decorator)
        if isinstance(found, nodes.FunctionDef) and is_project_file(found.root().file) \
                and _calls_view_after_setting_user(found):
            return True
    return False


def _calls_view_after_setting_user(decorator: nodes.FunctionDef) -> bool:
    """Every call of ``decorator``'s first parameter (the view) passes a name as its first argument whose
    ``.user`` an earlier statement of the same block, or of an enclosing one, assigned; at least one call."""
    params = [*(decorator.args.posonlyargs or []), *(decorator.args.args or [])]
    if not params:
        return False
    view = params[0].name
    calls = [call for call in decorator.nodes_of_class(nodes.Call)
             if isinstance(call.func, nodes.Name) and call.func.name == view
             and call.func.lookup(view)[0] is decorator]
    return bool(calls) and all(_user_assigned_before(call) for call in calls)


def _user_assigned_before(call: nodes.Call) -> bool:
    if not call.args or not isinstance(call.args[0], nodes.Name):
        return False
    name = call.args[0].name
    statement = call.statement()
    while statement is not None and not isinstance(statement, (nodes.FunctionDef, nodes.Module)):
        block = next((body for body in _blocks(statement.parent) if statement in body), None)
        for earlier in (block or [])[:block.index(statement) if block else 0]:
            if _assigns_user(earlier, name):
                return True
        statement = statement.parent if getattr(statement.parent, "is_statement", False) else None
    return False


def _blocks(parent: nodes.NodeNG) -> list[list[nodes.NodeNG]]:
    return [body for field in ("body", "orelse", "handlers", "finalbody")
            if isinstance(body := getattr(parent, field, None), list)]


def _assigns_user(statement: nodes.NodeNG, name: str) -> bool:
    """``<name>.user = <a name, an attribute or an awaited call>``."""
    if not isinstance(statement, nodes.Assign) or not isinstance(statement.value, (nodes.Name, nodes.Attribute,
                                                                                    nodes.Await)):
        return False
    return any(isinstance(target, nodes.AssignAttr) and target.attrname == "user"
               and isinstance(target.expr, nodes.Name) and target.expr.name == name for target in statement.targets)


def _annotated_view_request(request: nodes.NodeNG, function: nodes.FunctionDef) -> bool:
    """``request`` is a parameter (never rebound) annotated with DRF's or adrf's Request class: only a
    view's ``initialize_request()`` builds one, and the view's dispatch authenticated it before any
    handler ran, so a coroutine it is handed to (``await page(request)`` in an ``@api_view``) reads the
    cached user."""
    if not isinstance(request, nodes.Name):
        return False
    arguments = function.args
    annotated = list(zip(arguments.posonlyargs or [], arguments.posonlyargs_annotations or [])) + \
        list(zip(arguments.args or [], arguments.annotations or [])) + \
        list(zip(arguments.kwonlyargs or [], arguments.kwonlyargs_annotations or []))
    for parameter, annotation in annotated:
        if parameter.name == request.name:
            rebound = any(found.name == request.name and not isinstance(found.parent, nodes.Arguments)
                          for found in function.nodes_of_class(nodes.AssignName))
            return annotation is not None and not rebound and \
                qualified_name(annotation) in api.AUTHENTICATED_REQUESTS
    return False


def _resolved_by_decorator(request: nodes.NodeNG) -> bool:
    """The request parameter of a coroutine function decorated ``@login_required`` (or another
    ``api.USER_RESOLVING_VIEW_DECORATORS``) above ``@async_to_sync``: decorators apply bottom-up, so the
    auth decorator wraps the sync ``async_to_sync(view)`` and reads ``request.user`` in its thread before
    the coroutine starts; the lazy object keeps that user, so reading it on the loop queries nothing."""
    function = request.frame()
    if not isinstance(function, nodes.AsyncFunctionDef):
        return False
    _, above = split_at_async_to_sync(function)
    if any(called_name(decorator) in api.USER_RESOLVING_VIEW_DECORATORS for decorator in above):
        return _names_parameter(request, function, 0)
    return False


def _has_unread_base(cls: nodes.ClassDef, seen: set, _depth: int = 0) -> bool:
    """``cls`` (or a project base) derives from a class imported from a package asynclint cannot read
    (not installed, not the project): what its dispatch does is unknown."""
    if _depth > 8 or cls in seen:
        return False
    seen.add(cls)
    for base in cls.bases:
        parent = definition_of(base)
        if parent is None and qualified_name(base) is not None:
            return True
        if isinstance(parent, nodes.ClassDef) and is_project_file(parent.root().file) and \
                _has_unread_base(parent, seen, _depth + 1):
            return True
    return False


def _shows_drf_handler(function: nodes.FunctionDef) -> bool:
    """The handler is a DRF view's: a viewset ``@action``, or it returns a DRF ``Response`` (only a DRF
    view's ``finalize_response()`` renders one)."""
    if has_decorator(function, api.DRF_HANDLER_DECORATORS):
        return True
    return any(isinstance(ret.value, nodes.Call) and called_name(ret.value) in api.DRF_RESPONSES
               for ret in function.nodes_of_class(nodes.Return) if ret.frame() is function)


def _names_parameter(request: nodes.NodeNG, function: nodes.FunctionDef, index: int) -> bool:
    """``request`` is the function's positional parameter ``index`` (never rebound), or a local bound
    once to ``self.request``."""
    if not isinstance(request, nodes.Name):
        return False
    bindings = [found for found in function.nodes_of_class(nodes.AssignName)
                if found.name == request.name and not isinstance(found.parent, nodes.Arguments)]
    positional = _positional(function)
    parameter = positional[index] if len(positional) > index else None
    if parameter is not None and parameter.name == request.name:
        return not bindings
    if len(bindings) != 1 or not isinstance(bindings[0].parent, nodes.Assign):
        return False
    return bindings[0].parent.value is not None and _is_self_request(bindings[0].parent.value, function)


def _positional(function: nodes.FunctionDef) -> list[nodes.AssignName]:
    return [*(function.args.posonlyargs or []), *(function.args.args or [])]


def _is_self_request(node: nodes.NodeNG, function: nodes.FunctionDef) -> bool:
    positional = _positional(function)
    return isinstance(node, nodes.Attribute) and node.attrname == "request" and \
        isinstance(node.expr, nodes.Name) and bool(positional) and node.expr.name == positional[0].name


_AUTHENTICATION_STEPS = frozenset({"initial", "perform_authentication"})
_DISPATCH = frozenset({"dispatch", "async_dispatch"})


def _skips_authentication(cls: nodes.ClassDef, seen: set, _depth: int = 0) -> bool:
    """A project class of the view (or a project base) overrides ``initial``/``perform_authentication``
    without calling the parent's, or ``dispatch`` without calling ``initial`` or the parent's dispatch."""
    if _depth > 8 or cls in seen or not is_project_file(cls.root().file):
        return False
    seen.add(cls)
    for name in _AUTHENTICATION_STEPS | _DISPATCH:
        for method in cls.locals.get(name, ()):
            if not isinstance(method, nodes.FunctionDef):
                continue
            called = {found.attrname for found in method.nodes_of_class(nodes.Attribute)}
            needed = {*_AUTHENTICATION_STEPS, "user"} if name in _AUTHENTICATION_STEPS else {*_DISPATCH, "initial"}
            if not called & needed:
                return True
    return any(isinstance(parent, nodes.ClassDef) and _skips_authentication(parent, seen, _depth + 1)
               for parent in (definition_of(base) for base in cls.bases))


class SyncAuthCallInAsync(SyncCallRule):
    msgid = "E5713"
    symbol = _SYMBOL
    prefilter = (ASYNC,)
    fix_safety = "safe or unsafe"
    fix_title = "Await the async auth function; bind 'user = await request.auser()' once"
    django_versions = DjangoVersions("`request.auser()` and the auth functions 5.0+", since=(5, 0))
    summary = (
        "request.user or a sync auth API is used on the event loop, which loads the session and user "
        "synchronously; use await request.auser(), aauthenticate(), alogin()..."
    )
    effects = (api.AUTH, api.PASSWORD_HASHING)

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)
        if is_request_user_getattr(node) and runs_on_event_loop(node) and not _passed_to_thread(node) and \
                not _rebinds_user(enclosing_frame(node), node.args[0], node.lineno) and \
                not lazy_user_never_evaluated(node) and not user_resolved_before_views(node.root()) and \
                not _authenticated_by_view(node.args[0]) and not _resolved_by_decorator(node.args[0]) and \
                not ninja.user_set_by_auth(node.args[0]):
            self.report(node, suggest.operation(node.as_string(), api.lookup(api.REQUEST, "user"), self.target))

    @only_required_for_messages(_SYMBOL)
    def visit_asyncfunctiondef(self, node: nodes.AsyncFunctionDef) -> None:
        found = ninja.library_auth_on_loop(node)
        if found is not None:
            where, why, definite = found
            self.report(where, why, HIGH if definite else INFERENCE)

    @only_required_for_messages(_SYMBOL)
    def visit_attribute(self, node: nodes.Attribute) -> None:
        if node.attrname != "user":
            return
        receiver = kind_of(node.expr)
        if receiver is None or receiver.name != api.REQUEST or not runs_on_event_loop(node):
            return
        frame = enclosing_frame(node)
        if _passed_to_thread(node) or _rebinds_user(frame, node.expr, node.lineno) or lazy_user_never_evaluated(node):
            return  # evaluated in a thread, rebound to the loaded user, or only compared by identity
        if _read_before(frame, node):
            return  # one finding per function: one 'user = await request.auser()' fixes every read
        if user_resolved_before_views(node.root()):
            return  # a sync middleware of the project loads the user in its thread before every view
        if _authenticated_by_view(node.expr):
            return  # a DRF/adrf view authenticated the request before calling this handler
        if _resolved_by_decorator(node.expr):
            return  # @login_required over @async_to_sync loaded the user in its thread first
        if ninja.user_set_by_auth(node.expr):
            return  # the django-ninja operation's auth assigned request.user before it ran
        if _user_set_by_project_decorator(node.expr):
            return  # the project decorator's wrapper assigned request.user before it called the view
        row = api.lookup(api.REQUEST, "user")
        self.report(node, suggest.operation(node.as_string(), row, self.target), facts=Facts(row=row))
