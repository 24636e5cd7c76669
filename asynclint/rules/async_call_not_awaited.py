"""E5704 async-call-not-awaited.

## What it does
Flags a call on the event loop to a coroutine-returning Django or asgiref API (`aget`, `asave`,
`acount`, the cache's and auth's `a*` functions, `request.auser()`, `sync_to_async(f)(...)`,
`asyncio.to_thread(...)`, `asyncio.sleep(...)`, `asyncio.wait_for(...)`, `asyncio.wait(...)`) or to the project's own `async def` (a function, a method through an
instance, a static or class method through its class, `super().get()` of an async parent, a coroutine method
that a Channels async consumer inherits and calls through `self` or `super()`: `self.close()`, `self.accept()`,
`super().send()`, when every library base is such a consumer and no project class on the way defines it, a coroutine
function kept in a variable or a class attribute (`staticmethod(f)`), a `functools.partial` of one, a
callback inside `if iscoroutinefunction(callback):`), or to an async library client's method (grpc.aio's
`ServicerContext.write()`/`abort()`/`read()`/`send_initial_metadata()`, `redis.asyncio` commands,
`httpx.AsyncClient` and `aiohttp.ClientSession` requests, a Channels layer's `group_send()`/`send()`/
`group_add()`..., also as a consumer's `self.channel_layer`, discord.py/py-cord's `ctx.send()`, `ctx.respond()`,
`guild.fetch_member()`, `message.add_reaction()`...: docs/libraries.md; the object known from its constructor, factory or a parameter's
annotation such as `context: grpc.aio.ServicerContext`, or the handler signature a library calls: the
context of a `@commands.slash_command()`, the message of an `on_message` listener) whose coroutine is never awaited: a bare statement, a value used
directly (`Book.objects.aget(pk=1).title`, `if check(pk):`, unpacked: `book, created = Book.objects.aget_or_create(...)`,
iterated by a `for` or a comprehension: `[t for t in titles_in_thread(a)]`; the coroutine's own API, `coro.close()`, is no misuse), a coroutine returned from an
`async def` (also as the last operand of `or`/`and`: `return await a() or b.acreate()`), or one
assigned to a name that is then used as a value or never used, or one handed to the project's own
callable that never awaits it: an `async def` or plain `def` that only uses that parameter as a value
(formats, compares, reads an attribute of it, passes it to another such callable), a class whose
`__init__` does so or stores it on `self` where the class only reads it as a value, a dataclass or
pydantic field annotated with a value type (`Info(token=self.get_token())` where `token: str`), the
data a Channels consumer sends (`await self.send(text_data=coro)`, `send_json(coro)`) or `json.dumps`
serialises (`json.dumps({"message": coro})`), a lookup or field value handed to the ORM (`await Binding.objects.aget(message=coro)`). Django's a-prefixed QuerySet
methods on `X.objects` of a class from a `models` module asynclint cannot load are reported in Django code,
and as *possible* (no fix) in a module that imports nothing from Django (a bot's handlers).
An `async def` registered as a django-ninja exception handler (`@api.exception_handler(Exc)`,
`api.add_exception_handler(Exc, handler)` on a module-level `NinjaAPI`) is reported at the registration:
ninja calls its handlers without await, so the response is a coroutine that never runs.
Handed to `asyncio.gather`/`create_task`/`wait_for`..., `async_to_sync`, a callable that awaits,
schedules, returns or passes it on, or one asynclint cannot read, it stays silent; except that an ORM
coroutine (`aget`, `afirst`...) handed only to methods of an object nothing identifies (astroid infers
nothing for it: no list, dict or queue; `player = User.objects.aget(id=pk); await bracket.drop(player)`),
whose method name no project module defines and which stores nothing (`append`, `put`...), is reported as
*possible*, without a fix: the method may await it. A coroutine kept in a name that is awaited or handed
on somewhere is still reported, without a fix, when another line reads the name as if it were the result
(`user_id = sync_to_async(f)(); if user_id in ADMINS: ...; await bot.ban(user_id=user_id)`: a comparison
other than `is`/`is not`, arithmetic, a subscript, an attribute other than the coroutine's own, a sync
`for`): awaiting a coroutine does not rebind the name, so that read never sees the result. A hand-off
to a call of the project's own `async def` whose coroutine is itself dropped (`code = self.lookup(c); if
code: self.join(code)`) awaits nothing either: that callee's body never starts. Such a hand-off does not
make the name trusted; when it is the name's only use, only the dropped call is reported (awaiting it may
be all that is missing). A coroutine
stored (in a name or an attribute) by a statement of a `try` whose handlers catch only a lookup's
exceptions (`except Room.DoesNotExist`, `ObjectDoesNotExist`, `MultipleObjectsReturned`) is reported
when nothing awaits the target (the function; for a `self` attribute, the class): the handler shows the
author expects the lookup to run there, and a coroutine that is not awaited runs nothing.

Also in sync code: Django's async API called in a plain `def` whose coroutine is dropped or read as
if it were the result (`book = Book.objects.aget(pk=pk); book.title`: a half-done move to the async
ORM; returned, or handed to `async_to_sync`/`asyncio.run`/a callable, it stays silent), a plain `def` that returns such a coroutine from inside `try`/`except` (its
exceptions escape at the caller's `await`, past the handlers), one that tests such a coroutine as a
condition (`return self.first.has_permission(x) and self.second.has_permission(x)`: the first is
always true and never runs), one that stores such a coroutine (or one of the project's `async def`
called through `self`) in a name and then writes an attribute of it (`response = self.handle_exception(exc);
response.renderer_context = ...`: the write raises AttributeError, a coroutine has no `__dict__`; the
helper is then not taken to return a coroutine, so its callers are not reported), and a sync helper that
calls a parameter to which a caller in its module passes a `sync_to_async(f)` wrapper; and a library's coroutine method (a Channels
layer's `group_send()`, `group_add()`...: `prefilter.library_async_method_names`) called as a
statement in a plain `def` (nothing is sent; sync code reaches a layer through `async_to_sync(...)`, which
the message names; no automatic fix, since `async_to_sync` raises where a caller runs the function on a loop).
And a `@sync_to_async` function or the project's own `async def` called by a plain `def` (directly,
through `self`/`cls`, or through an imported module: `data.msg()`, also from a module with no async code
of its own) that drops the coroutine or reads it as if it were the result (iterates it, reads an attribute
of it, hands it to Django's `HttpResponse`..., through a name all of whose uses do so): it never runs, and
the read raises or shows the coroutine's repr (returned, or handed to `async_to_sync`/`asyncio.run`/a
callable, it stays silent; no automatic fix, `await` needs an `async def`).

Also an asgiref or Channels adapter built and dropped, in sync or async code: `async_to_sync(f)`,
`sync_to_async(f)` or `database_sync_to_async(f)` as a statement of its own makes the wrapper and
throws it away, so `f` never runs (the call parentheses are missing). And a project decorator whose
wrapper is a plain `def` that returns the wrapped function's result from inside `try`/`except` or a
`with` block, applied to an `async def` (reported on the decorator): the call only makes the coroutine,
which runs when the caller awaits it, after the handlers and the block have ended (the errors escape,
the context is gone), and the decorated function is no longer a coroutine function for
`iscoroutinefunction()` (Django's view and middleware detection treat it as sync). A decorator that
tells coroutine functions apart (`iscoroutinefunction`, `markcoroutinefunction`, `is_async_callable`...)
or whose wrapper only returns the coroutine (no `try`, no `with`) stays silent.

## Why is this bad?
Calling an `async def` only creates a coroutine; nothing runs until it is awaited. The query or
write silently never happens (Python warns "coroutine ... was never awaited" at garbage collection),
and the coroutine object is truthy and has none of the result's attributes.

## Example
```python
async def publish(request, pk):
    book = await Book.objects.aget(pk=pk)
    book.asave()
```

## Use instead
```python
async def publish(request, pk):
    book = await Book.objects.aget(pk=pk)
    await book.asave()
```

## Fix safety
Adding `await` is safe: it is the only way the call can have its effect. No fix is offered where the
`await` would land outside an `async def`, nor for a dropped adapter (the wrapped function's arguments
are not known) or a decorator's sync wrapper (it needs an async wrapper).

## Django versions
All versions that have the API.
"""

from __future__ import annotations

import re

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import INFERENCE

from asynclint import django_api as api
from asynclint.core import django_kinds
from asynclint.core.callables import certainly_not_callable
from asynclint.core.describe import describe
from asynclint.core.django_kinds import (
    ADAPTED_CALLABLE, DATACLASS_DECORATORS, MODELS_CONVENTION_NOTE, MODELS_CONVENTION_UNFIXABLE, argument_kinds,
    assuming_models_convention, called_function, dataclass_fields, enclosing_class, find_method, has_library_base,
    is_plain_coroutine_function, is_project_file, kind_of, project_bases, qualified_call_name,
    unloaded_models_manager_chain,
)
from asynclint.core.decorators import split_at_async_to_sync
from asynclint.core.event_loop import enclosing_frame, runs_on_event_loop
from asynclint.core.imports import bindings, definition_of, has_decorator, is_django_name
from asynclint.core.own_loop import library_bases
from asynclint.libraries import ninja, pydantic_models
from asynclint.libraries.clients import CONSUMER_SENT_VALUES, CONSUMERS, INHERITED_COROUTINE_METHODS
from asynclint.prefilter import (ADAPTERS, ASYNC, COROUTINE_CALLS, PROJECT_COROUTINES, django_async_method_names,
                                 library_async_method_names)
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts

_SYMBOL = "async-call-not-awaited"

#: Builtins that use their argument's value right away (a coroutine there is a bug).
_VALUE_BUILTINS = frozenset({"print", "len", "str", "repr", "bool", "int", "float", "list", "tuple", "dict",
                             "set", "sorted", "sum", "min", "max", "any", "all", "isinstance", "format"})

#: What a coroutine object itself has: reading these is the coroutine's API, not a misread result.
_COROUTINE_ATTRIBUTES = frozenset({"close", "send", "throw", "cr_await", "cr_code", "cr_frame", "cr_running",
                                   "cr_origin", "cr_suspended", "__await__", "__name__", "__qualname__"})

NOT_AWAITED = "never awaited"
USED_AS_VALUE = "used as a value"
#: Kept in a name that one line reads as if it were the result, although another awaits or passes it on.
READ_AS_RESULT = "read as if it were the result"
RETURNED = "returned without being awaited"
#: Handed to a coroutine call that is itself never awaited: the callee never runs, so neither does this one;
#: the dropped call's own finding is the one to fix (awaiting it may be all that is missing).
HANDED_TO_DROPPED = "handed only to a coroutine call that is itself never awaited"


def _consumes_coroutine(call: nodes.Call) -> bool:
    """``asyncio.gather(coro)``, ``tg.create_task(coro)``...: the callee awaits it later."""
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in api.COROUTINE_CONSUMER_METHODS:
        return True
    return qualified_call_name(call) in api.COROUTINE_CONSUMERS


def _misuse(node: nodes.NodeNG) -> str | None:
    """How the coroutine produced by ``node`` is misused, or None when it may be awaited somewhere."""
    parent = node.parent
    if isinstance(parent, nodes.Await):
        return None
    if isinstance(parent, nodes.Expr):
        return NOT_AWAITED
    if isinstance(parent, nodes.Return):
        return RETURNED
    if isinstance(parent, nodes.Attribute) and parent.attrname in _COROUTINE_ATTRIBUTES:
        return None  # ``coro.close()``, ``coro.cr_frame``: the coroutine's own API, not the result's
    if isinstance(parent, (nodes.Attribute, nodes.Subscript, nodes.FormattedValue, nodes.Compare,
                           nodes.BinOp)) or (isinstance(parent, nodes.UnaryOp) and parent.op == "not"):
        return USED_AS_VALUE
    if _iterated(node):
        return USED_AS_VALUE  # ``for x in coro`` / ``[x for x in coro]``: TypeError, not iterable
    if isinstance(parent, (nodes.If, nodes.While, nodes.IfExp, nodes.Assert)) and node is parent.test:
        return USED_AS_VALUE
    if isinstance(parent, nodes.BoolOp):
        # Tested for truth unless last; the last operand is the value the whole expression gives
        # (``return await a() or b.acreate()`` returns the coroutine).
        return USED_AS_VALUE if node is not parent.values[-1] else _misuse(parent)
    if isinstance(parent, (nodes.List, nodes.Tuple, nodes.Set, nodes.Starred)) or (
        isinstance(parent, nodes.Dict) and any(node is value for _key, value in parent.items)
    ):
        return _misuse(parent)  # a container of coroutines goes where the container goes
    if isinstance(parent, nodes.Call) and (node in parent.args or node in parent.keywords or []):
        if _consumes_coroutine(parent):
            return None
        if isinstance(parent.func, nodes.Name) and parent.func.name in _VALUE_BUILTINS:
            return USED_AS_VALUE
        if isinstance(parent.func, nodes.Attribute) and isinstance(parent.func.expr, nodes.Const) \
                and isinstance(parent.func.expr.value, (str, bytes)):
            return USED_AS_VALUE  # ``"**{}**".format(coro)``: a str method formats its arguments
        callee = qualified_call_name(parent)
        if callee is not None and (is_django_name(callee) or callee in api.DRF_RESPONSES
                                   or callee in api.VALUE_SERIALISERS):
            # Django's callables (JsonResponse, render...) never await their data, nor does DRF's
            # Response (its renderer serialises it), nor ``json.dumps``
            return USED_AS_VALUE
        if _orm_call(parent):
            return USED_AS_VALUE  # a filter value or field value: the ORM never awaits it
        if _sent_by_consumer(parent, node):
            return USED_AS_VALUE
        if _coroutine_call_dropped(parent):
            return HANDED_TO_DROPPED
        return _misuse_in_project_callee(parent, node)  # else handed to an unknown callable, which may await it
    if isinstance(parent, nodes.Keyword):
        return _misuse(parent)
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and node is parent.value:
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        if len(targets) == 1 and _lookup_guarded(parent, targets[0]):
            return USED_AS_VALUE  # ``try: self.room = bridge(Room.objects.get)(...) except Room.DoesNotExist``
        if len(targets) == 1 and isinstance(targets[0], nodes.AssignName):
            return _misuse_of_name(targets[0])
        if any(isinstance(target, (nodes.Tuple, nodes.List)) for target in targets) \
                and not isinstance(node, (nodes.Tuple, nodes.List, nodes.Set)):
            return USED_AS_VALUE  # ``book, created = coro``: unpacking a coroutine raises TypeError
    return None


#: Exceptions a lookup raises when it runs (Django's ``Model.DoesNotExist``...): an ``except`` naming one reads
#: the call in its ``try`` as one that ran.
_LOOKUP_EXCEPTIONS = frozenset({"DoesNotExist", "ObjectDoesNotExist", "MultipleObjectsReturned"})


def _lookup_guarded(assign: nodes.Assign | nodes.AnnAssign, target: nodes.NodeNG) -> bool:
    """The assignment of a coroutine is a statement of a ``try`` body whose handlers catch only a lookup's
    exceptions (``except Room.DoesNotExist``), and nothing awaits what it stored (the function, or for a
    ``self`` attribute the class): the author expects the lookup to run, and fail, right here -- a
    coroutine that is not awaited raises nothing, so the handler can never run and the target holds a
    coroutine, not the object."""
    statement = assign.parent
    if not isinstance(statement, nodes.Try) or assign not in statement.body or not statement.handlers:
        return False
    caught = []
    for handler in statement.handlers:
        types = handler.type.elts if isinstance(handler.type, nodes.Tuple) else [handler.type]
        caught.extend(types)
    if not caught or not all(_exception_name(kind) in _LOOKUP_EXCEPTIONS for kind in caught):
        return False
    stored = target.as_string()
    scope = enclosing_frame(assign)
    if isinstance(target, nodes.AssignAttr) and isinstance(scope.parent, nodes.ClassDef):
        scope = scope.parent  # ``self.room``: awaited in another method of the class would be a later await
    return not any(awaited.value.as_string() == stored for awaited in scope.nodes_of_class(nodes.Await))


def _exception_name(kind: nodes.NodeNG | None) -> str | None:
    if isinstance(kind, nodes.Attribute):
        return kind.attrname
    if isinstance(kind, nodes.Name):
        return kind.name
    return None


#: Methods that store their argument in a container (a list, a set, a deque, a queue) for later: a coroutine
#: kept there is usually gathered or awaited by whoever empties it.
_STORING_METHODS = frozenset({"append", "appendleft", "add", "insert", "extend", "put", "put_nowait", "setdefault",
                              "update"})


def _coroutine_call_dropped(call: nodes.Call) -> bool:
    """``self.join_group(code)`` where ``join_group`` is the project's ``async def`` and the call's own
    coroutine is never awaited (a statement, or kept in a name nothing awaits or passes on): the callee's
    body never starts, so nothing in it can await or schedule what it was handed."""
    function = _project_function_called(call)
    if function is None or not isinstance(function, nodes.AsyncFunctionDef) or function.is_generator():
        return False
    return _misuse(call) == NOT_AWAITED


def _orm_row(found) -> bool:
    """A coroutine of Django's ORM: an a-method of a manager, a QuerySet, a related manager or a model instance."""
    row = getattr(found, "api", None)
    return row is not None and row.receiver in _ORM_RECEIVERS


def _unidentified_receivers(node: nodes.Call) -> list[nodes.Call]:
    """The calls that receive the coroutine ``node`` makes, when each of its uses (inline, or through the one
    name it is assigned to) is an argument of a method of an object astroid infers nothing for, and the
    method is no coroutine consumer or container insertion; else []."""
    parent = node.parent
    if isinstance(parent, nodes.Assign) and node is parent.value and len(parent.targets) == 1 \
            and isinstance(parent.targets[0], nodes.AssignName):
        target = parent.targets[0]
        uses = [name for name in enclosing_frame(target).nodes_of_class(nodes.Name)
                if name.name == target.name and bindings(name) == [target]]
    else:
        uses = [node]
    receivers = [_unidentified_receiver(use) for use in uses]
    return receivers if receivers and all(call is not None for call in receivers) else []


def _unidentified_receiver(use: nodes.NodeNG) -> nodes.Call | None:
    call = use.parent.parent if isinstance(use.parent, nodes.Keyword) else use.parent
    if not isinstance(call, nodes.Call) or use is call.func or not isinstance(call.func, nodes.Attribute):
        return None
    func = call.func
    if func.attrname in _STORING_METHODS or _consumes_coroutine(call) or func.attrname.startswith("_") \
            or (isinstance(func.expr, nodes.Name) and func.expr.name in ("self", "cls")):
        return None
    if qualified_call_name(call) is not None or not django_kinds.unidentified(func.expr):
        return None
    return None if _project_defines(call, func.attrname) else call


def _project_defines(node: nodes.NodeNG, name: str) -> bool:
    """Whether a module of ``node``'s project (or ``node``'s own) defines a function or method ``name``: the
    unidentified object may be of that class, and its method may await what it is given."""
    pattern = re.compile(rb"\bdef\s+" + re.escape(name.encode()) + rb"\s*\(")
    for path in dict.fromkeys([node.root().file or "", *django_kinds.project_files(node.root().file)]):
        if not path or not django_kinds.names_word(path, name):  # (the cache records the file as read)
            continue
        try:
            with open(path, "rb") as handle:
                if pattern.search(handle.read()):
                    return True
        except OSError:
            return True  # unreadable: unknown
    return False


def _iterated(node: nodes.NodeNG) -> bool:
    """``node`` is what a sync ``for`` loop or a sync comprehension iterates (``async for`` is another
    rule's business: an async iterator there is right)."""
    parent = node.parent
    if isinstance(parent, nodes.For) and not isinstance(parent, nodes.AsyncFor):
        return node is parent.iter
    return isinstance(parent, nodes.Comprehension) and not parent.is_async and node is parent.iter


def _dropped_or_read_in_sync_code(node: nodes.Call) -> str | None:
    """How sync code misuses the coroutine ``node`` makes, when it certainly never reaches an await:
    dropped as a statement, or read as if it were the result (an attribute, iterated, compared...),
    also through a name all of whose uses read it so. Returned or passed on, the caller may await it."""
    parent = node.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and node is parent.value:
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        if len(targets) != 1 or not isinstance(targets[0], nodes.AssignName):
            return None
        return _misuse_of_name(targets[0], returned_is_passed_on=True)
    misuse = _misuse(node)
    return misuse if misuse in (NOT_AWAITED, USED_AS_VALUE) else None


def _maybe_own_coroutine_function(node: nodes.Call) -> bool:
    """``helper(...)``, ``self.helper(...)``, ``module.helper(...)`` (a name bound by an import): a call
    worth asking the kind of in sync code, whose coroutine (if it makes one) is dropped or assigned to a
    name or read right away."""
    parent = node.parent
    if not (isinstance(parent, (nodes.Expr, nodes.Assign, nodes.AnnAssign, nodes.Attribute, nodes.Subscript,
                                nodes.FormattedValue, nodes.Compare, nodes.BinOp)) or _iterated(node)):
        return False
    func = node.func
    return isinstance(func, nodes.Name) or (isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name)
                                            and (func.expr.name in ("self", "cls") or _imported_name(func.expr)))


def _imported_name(name: nodes.Name) -> bool:
    """``data`` in ``data.msg()`` after ``from app import data`` / ``import data``: bound only by imports."""
    found = bindings(name)
    return bool(found) and all(isinstance(binding, (nodes.Import, nodes.ImportFrom)) for binding in found)


#: Receivers whose methods are the ORM's: their arguments are lookups and field values.
_ORM_RECEIVERS = frozenset({api.MANAGER, api.QUERYSET, api.RELATED_MANAGER, api.INSTANCE, api.MODEL_CLASS})


def _orm_call(call: nodes.Call) -> bool:
    """``Binding.objects.aget(message=coro)``, ``qs.filter(owner=coro)``: a method of a manager, a
    QuerySet, a model instance or class, which uses its arguments as values."""
    return isinstance(call.func, nodes.Attribute) and getattr(kind_of(call.func.expr), "name", None) in _ORM_RECEIVERS


def _misuse_in_project_callee(call: nodes.Call, argument: nodes.NodeNG, _depth: int = 0) -> str | None:
    """The coroutine ``argument`` handed to the project's own callable, which never awaits it: an
    ``async def`` or a plain ``def`` that only uses the parameter as a value (an attribute, a comparison,
    a format, a value builtin, another such project callable), a class whose ``__init__`` does so or
    stores it on ``self`` where the class only reads it as a value, or a dataclass/pydantic field
    annotated with a value type (``token: str``). None when the callee may await, schedule, return or
    pass it on (or is unknown)."""
    if _depth > 3:
        return None
    cls = _project_class_called(call)
    if cls is not None:
        init = find_method(cls, "__init__")
        if _declares_fields(cls) or init is None or not is_project_file(init.root().file):
            return _stored_in_value_field(cls, call, argument)
        function, bound = init, True
    else:
        function = _project_function_called(call)
        bound = function is not None and function.type in ("method", "classmethod") and isinstance(
            call.func, nodes.Attribute)
    if function is None:
        return None
    param = _parameter_for(function, call, argument, bound)
    if param is None:
        return None
    uses = [name for name in function.nodes_of_class(nodes.Name) if name.name == param.name
            and bindings(name) == [param]]
    if not uses:
        return NOT_AWAITED
    owner = function.parent if cls is not None else None
    return USED_AS_VALUE if all(_used_as_value_only(use, owner, _depth) for use in uses) else None


def _sent_by_consumer(call: nodes.Call, argument: nodes.NodeNG) -> bool:
    """``await self.send(text_data=coro)`` in a Channels consumer: the data is serialised, never awaited."""
    func = call.func
    if not (isinstance(func, nodes.Attribute) and func.attrname in CONSUMER_SENT_VALUES
            and isinstance(func.expr, nodes.Name) and func.expr.name == "self"):
        return False
    sent = CONSUMER_SENT_VALUES[func.attrname]
    if not (argument.arg in sent if isinstance(argument, nodes.Keyword) else call.args[:1] == [argument]):
        return False
    owner = enclosing_class(call)
    return owner is not None and has_library_base(owner, CONSUMERS)


def _project_class_called(call: nodes.Call) -> nodes.ClassDef | None:
    """The project class ``call`` constructs (``ControllerInfo(...)``), if known."""
    if not isinstance(call.func, (nodes.Name, nodes.Attribute)):
        return None
    found = definition_of(call.func)
    return found if isinstance(found, nodes.ClassDef) and is_project_file(found.root().file) else None


def _project_function_called(call: nodes.Call) -> nodes.FunctionDef | None:
    """The project's ``async def`` or plain ``def`` (undecorated, not a generator) that ``call`` runs.
    The function called, not the one whose coroutine the call gives back (``passed_through(coro)``)."""
    function = called_function(call.func)
    if function is None:
        found = kind_of(call)
        function = found.function if found is not None and found.name == api.COROUTINE else None
        return function if is_plain_coroutine_function(function) else None
    if is_plain_coroutine_function(function):
        return function
    if (not isinstance(function, nodes.FunctionDef) or isinstance(function, nodes.AsyncFunctionDef)
            or function.decorators is not None or function.is_generator()
            or not is_project_file(function.root().file)):
        return None
    return function


def _parameter_for(function: nodes.FunctionDef, call: nodes.Call, argument: nodes.NodeNG,
                   bound: bool) -> nodes.AssignName | None:
    """The parameter of ``function`` that receives ``argument`` (a positional value or a keyword)."""
    positional_only = len(function.args.posonlyargs or [])
    params = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    if isinstance(argument, nodes.Keyword):
        named = [*params[max(positional_only, int(bound)):], *(function.args.kwonlyargs or [])]
        return next((param for param in named if param.name == argument.arg), None)
    if bound:
        params = params[1:]
    index = next((i for i, value in enumerate(call.args) if value is argument), None)
    if index is None or index >= len(params) or any(isinstance(a, nodes.Starred) for a in call.args[:index + 1]):
        return None
    return params[index]


def _stored_in_value_field(cls: nodes.ClassDef, call: nodes.Call, argument: nodes.NodeNG) -> str | None:
    """``ControllerInfo(token=coro)`` where the dataclass or pydantic model ``ControllerInfo`` declares
    ``token: str``: the coroutine is stored where a plain value belongs."""
    if not _declares_fields(cls):
        return None
    if isinstance(argument, nodes.Keyword):
        name = argument.arg
    elif has_decorator(cls, DATACLASS_DECORATORS) and not any(isinstance(a, nodes.Starred) for a in call.args):
        order = dataclass_fields(cls)
        index = next((i for i, value in enumerate(call.args) if value is argument), len(order))
        name = order[index] if index < len(order) else None
    else:
        return None
    annotation = next((statement.annotation for statement in cls.body if isinstance(statement, nodes.AnnAssign)
                       and isinstance(statement.target, nodes.AssignName) and statement.target.name == name), None)
    if annotation is None or not _value_annotation(annotation):
        return None
    return f"stored in {cls.name}.{name}, annotated '{annotation.as_string()}'"


def _declares_fields(cls: nodes.ClassDef) -> bool:
    """A dataclass (or attrs class) or a pydantic model: its ``__init__`` stores annotated fields."""
    return has_decorator(cls, DATACLASS_DECORATORS) or has_library_base(cls, pydantic_models.MODEL_BASES)


#: Types of plain values (and the typing forms around them): a coroutine stored under an annotation
#: that names only these is a bug, not an await put off until later.
_VALUE_TYPES = frozenset({
    "str", "int", "float", "bool", "bytes", "bytearray", "dict", "list", "tuple", "set", "frozenset", "None",
    "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Literal", "Sequence", "Mapping",
    "datetime", "date", "time", "timedelta", "Decimal", "UUID", "Path", "typing", "decimal", "uuid",
})
_ANNOTATION_WORD = re.compile(r"[A-Za-z_][\w.]*")


def _value_annotation(annotation: nodes.NodeNG) -> bool:
    """Whether every type an annotation names is a plain value type (``str``, ``Optional[int]``)."""
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
        words = _ANNOTATION_WORD.findall(annotation.value)
        return bool(words) and all(word.split(".")[-1] in _VALUE_TYPES for word in words)
    if isinstance(annotation, nodes.Const):
        return annotation.value is None
    if isinstance(annotation, nodes.Name):
        return annotation.name in _VALUE_TYPES
    if isinstance(annotation, nodes.Attribute):
        return annotation.attrname in _VALUE_TYPES
    if isinstance(annotation, nodes.Subscript):
        return _value_annotation(annotation.value) and _value_annotation(annotation.slice)
    if isinstance(annotation, nodes.Tuple):
        return all(_value_annotation(element) for element in annotation.elts)
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        return _value_annotation(annotation.left) and _value_annotation(annotation.right)
    return False


def _used_as_value_only(use: nodes.Name | nodes.Attribute, owner: nodes.ClassDef | None = None,
                        _depth: int = 0) -> bool:
    """A use that reads the value and cannot await it: an attribute, a comparison, a format, a truth
    test, a value builtin's argument, a project callable that only does the same; in a constructor
    (``owner`` its class), ``self.<attribute> = <use>`` where the class only reads the attribute so."""
    parent = use.parent
    if isinstance(parent, (nodes.Attribute, nodes.Compare, nodes.FormattedValue, nodes.Subscript, nodes.BinOp)):
        return True
    if isinstance(parent, (nodes.If, nodes.While, nodes.IfExp)) and use is parent.test:
        return True
    if isinstance(parent, nodes.Keyword):
        parent, use = parent.parent, parent
    if isinstance(parent, nodes.Call) and use is not parent.func:
        if isinstance(parent.func, nodes.Name) and parent.func.name in _VALUE_BUILTINS:
            return True
        return _misuse_in_project_callee(parent, use, _depth + 1) is not None
    if owner is not None and isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and use is parent.value:
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        return len(targets) == 1 and _self_attribute_read_as_value(owner, targets[0], _depth)
    return False


def _self_attribute_read_as_value(owner: nodes.ClassDef, target: nodes.NodeNG, _depth: int) -> bool:
    """``self.text = text`` in ``__init__`` where the class reads ``self.text`` somewhere, and only as a
    value (a format, an attribute...): never awaited, returned or passed on."""
    if not (isinstance(target, nodes.AssignAttr) and isinstance(target.expr, nodes.Name) and target.expr.name == "self"):
        return False
    reads = [node for node in owner.nodes_of_class(nodes.Attribute) if node.attrname == target.attrname
             and isinstance(node.expr, nodes.Name) and node.expr.name == "self"]
    return bool(reads) and all(_used_as_value_only(read, None, _depth) for read in reads)


def _misuse_of_name(target: nodes.AssignName, returned_is_passed_on: bool = False) -> str | None:
    """A coroutine stored in a name: misused if the name is never awaited or passed on (in sync code,
    ``returned_is_passed_on``: returning it hands it to the caller, which may await it)."""
    frame = enclosing_frame(target)
    uses = [
        name for name in frame.nodes_of_class(nodes.Name)
        if name.name == target.name and target in bindings(name)
    ]
    if not uses:
        return NOT_AWAITED
    verdicts = [_misuse(use) for use in uses]
    if all(verdict == HANDED_TO_DROPPED for verdict in verdicts):
        return HANDED_TO_DROPPED
    if any(verdict is None or (returned_is_passed_on and verdict == RETURNED) for verdict in verdicts):
        # Awaited, or passed on somewhere: trust it -- unless a use reads it as the result, which the
        # name never holds (awaiting a coroutine does not rebind it): ``user_id in ADMINS`` is False for
        # any coroutine, whatever the callable it is later handed to does with it.
        if not returned_is_passed_on and any(_reads_as_result(use) for use in uses):
            return READ_AS_RESULT
        return None
    return USED_AS_VALUE


#: Comparisons that a coroutine answers as any object does: by identity.
_IDENTITY_OPERATORS = frozenset({"is", "is not"})


def _reads_as_result(use: nodes.Name) -> bool:
    """A read that only makes sense of a coroutine's result, never of the coroutine: an arithmetic operand,
    an equality, order or membership comparison (a fresh coroutine equals only itself and is in no
    container yet), a subscript, an attribute other than the coroutine's own API, a sync ``for``. A truth
    test (always true), an identity comparison, a format or a hand-off are no such read."""
    parent = use.parent
    if isinstance(parent, nodes.BinOp) or (isinstance(parent, nodes.Subscript) and use is parent.value):
        return True
    if isinstance(parent, nodes.Attribute) and use is parent.expr:
        return parent.attrname not in _COROUTINE_ATTRIBUTES
    if isinstance(parent, nodes.Compare):
        operators = [operator for operator, operand in parent.ops if operand is use] if use is not parent.left \
            else [parent.ops[0][0]]
        return bool(operators) and all(operator not in _IDENTITY_OPERATORS for operator in operators)
    return _iterated(use)


class AsyncCallNotAwaited(AsyncLintRule):
    msgid = "E5704"
    symbol = _SYMBOL
    prefilter = (ASYNC, ADAPTERS, COROUTINE_CALLS, PROJECT_COROUTINES)
    fix_safety = "safe"
    fix_title = "Add the missing await"
    django_versions = DjangoVersions("All versions that have the API")
    summary = (
        "An async Django, asgiref or project coroutine function is called without await: it returns a "
        "coroutine, so the query, write or call never runs. Await it."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if isinstance(node.parent, nodes.Expr) and _adapter_built(node):
            if not (isinstance(node.args[0], nodes.Call) and certainly_not_callable(node.args[0])):
                self._report_dropped_adapter(node)  # else the wrapped call ran here: called-not-passed says so
            return
        if not runs_on_event_loop(node) or not isinstance(enclosing_frame(node), nodes.AsyncFunctionDef):
            self._check_sync_code(node)  # sync code (a GraphQL library awaits what its sync resolvers return)
            return
        found = kind_of(node)
        guessed = unloaded_models_manager_chain(node) if found is None else None
        if guessed is not None:
            self._check_by_models_convention(node, guessed)
            return
        inherited = _inherited_library_coroutine(node)  # ``self.close()`` of a Channels async consumer
        if found is None and _truth_tested(node) and not inherited:
            self._check_partly_coroutine(node)
            return
        if not inherited and (found is None or found.name != api.COROUTINE):
            return
        if not inherited and found.origin not in ("django", "adapter", "checked", "library") and not (
            found.origin == "project" and is_plain_coroutine_function(found.function)
        ):
            return
        misuse = _misuse(node)
        if misuse == HANDED_TO_DROPPED:
            return  # only handed to a dropped coroutine call: that call's finding says what to await
        if misuse is None:
            if found is not None and found.origin == "django" and _orm_row(found):
                self._check_handed_to_unidentified(node)
            return
        shown = f"{describe(node.func)}()"
        if misuse == READ_AS_RESULT:
            self.report(node, f"{shown} returns a coroutine that is kept in a name and {misuse} (compared, "
                              f"computed with or read), so that read sees the coroutine, never the result; "
                              f"write '{_awaited(node)}' and use the result",
                        facts=Facts(unfixable="the name is also awaited or handed on elsewhere: await the call "
                                              "once and use its result there too"))
            return
        self.report(node, f"{shown} returns a coroutine that is {misuse}, so it never runs; "
                          f"write '{_awaited(node)}'")

    def _check_by_models_convention(self, node: nodes.Call, model: str) -> None:
        """``Rota.objects.aget(pk=pk)`` unawaited in a module that imports nothing from Django, ``Rota``
        from a ``models`` module that cannot be loaded: Django's coroutine if ``Rota`` is a Django model
        (by the convention; a possible finding, without a fix)."""
        with assuming_models_convention():
            found = kind_of(node)
            misuse = _misuse(node) if found is not None and found.name == api.COROUTINE \
                and found.origin == "django" else None
        if misuse in (None, HANDED_TO_DROPPED):
            return
        self.report(node, f"{describe(node.func)}() returns a coroutine that is {misuse}, so it never runs; "
                          f"write '{_awaited(node)}' ({MODELS_CONVENTION_NOTE.format(model)})",
                    INFERENCE, facts=Facts(unfixable=MODELS_CONVENTION_UNFIXABLE.format(model)))

    def _check_handed_to_unidentified(self, node: nodes.Call) -> None:
        """``player = User.objects.aget(id=pk); await bracket.drop(player)``, ``bracket`` an object nothing
        identifies (astroid infers nothing for it: not a list, a dict or a queue that stores coroutines for a
        later ``gather``): an ORM coroutine handed only to methods of such objects is most likely a missing
        ``await``, but the method may await it: *possible*."""
        receivers = _unidentified_receivers(node)
        if not receivers:
            return
        shown = ", ".join(dict.fromkeys(f"{describe(call.func)}()" for call in receivers))
        self.report(node, f"{describe(node.func)}() returns a coroutine that is only handed to {shown}, a method of "
                          f"an object asynclint cannot identify: unless that method awaits it, the query never runs "
                          f"and the method gets a coroutine instead of the result; write '{_awaited(node)}'",
                    INFERENCE, facts=Facts(unfixable=f"{shown} may await the coroutine itself: read it first"))

    def _report_dropped_adapter(self, node: nodes.Call) -> None:
        """``async_to_sync(self.aclose)`` as a statement: the adapter is made and thrown away."""
        wrapped = describe(node.args[0])
        adapter = describe(node.func)
        called = f"await {adapter}({wrapped})(...)" if qualified_call_name(node) in api.SYNC_TO_ASYNC \
            else f"{adapter}({wrapped})(...)"
        self.report(node, f"{adapter}({wrapped}) only builds the adapter and drops it: {wrapped} never runs; "
                          f"call it: '{called}'",
                    facts=Facts(unfixable="the arguments of the call are not known: add them with the parentheses"))

    @only_required_for_messages(_SYMBOL)
    def visit_asyncfunctiondef(self, node: nodes.AsyncFunctionDef) -> None:
        registered = ninja.exception_handler_registration(node)
        if registered is not None:
            where, api_name, _ = registered
            self.report(where, f"{describe(where.func)}() registers '{node.name}', an async def, as an exception "
                               f"handler of the django-ninja API {api_name.name}, which calls its handlers without "
                               f"await (NinjaAPI.on_exception, read in 1.1.0 and 1.8.0): the response is a coroutine "
                               f"that never runs, and Django raises ValueError; make '{node.name}' a plain def (do "
                               f"async work in the operation before raising)",
                        facts=Facts(unfixable="the handler's body must become sync: rewrite it"))
        below, _ = split_at_async_to_sync(node)
        # From the innermost decorator up: each one wraps what the ones below it return, which is still
        # a callable giving the coroutine only through decorators of this shape; any other decorator
        # (``@make_sync`` running the coroutine on a loop of its own) may give a sync function.
        for decorator in reversed(below):
            found = sync_wrapper_with_handlers(decorator)
            if found is None:
                break
            wrapper, guarded, guard = found
            name = describe(decorator.func if isinstance(decorator, nodes.Call) else decorator)
            self.report(decorator, f"@{name} wraps '{node.name}' in the plain def {wrapper.name}() (line "
                                   f"{wrapper.fromlineno}), which calls it inside a {guard} (line {guarded.fromlineno}): "
                                   f"that call only makes the coroutine, which runs when the caller awaits it, "
                                   f"after the {guard} has ended, so {_guard_effect(guard)}; and '{node.name}' is no "
                                   f"longer a coroutine function for iscoroutinefunction() (Django then treats it "
                                   f"as sync). Give the decorator an 'async def' wrapper for coroutine functions "
                                   f"that awaits inside the {guard}",
                        facts=Facts(unfixable="the decorator needs an async wrapper (an iscoroutinefunction branch)"))

    def _check_partly_coroutine(self, node: nodes.Call) -> None:
        """``if not is_moderator(scope):`` in a coroutine, where the project's plain ``def`` returns
        ``True`` on one path and ``database_sync_to_async(check)(...)`` on another: on that path the
        test sees a coroutine, always true, and the check never runs."""
        function = _project_function_called(node)
        if function is None or isinstance(function, nodes.AsyncFunctionDef) or function.decorators is not None:
            return
        returned = _coroutine_return(function)
        if returned is None:
            return
        self._report_needs_async_def(
            node, function.name,
            f"on one of its paths (line {returned.fromlineno}: 'return {describe(returned.value)}'), and here its "
            f"value is tested for truth: on that path the test always passes and the coroutine never runs",
            f"{describe(node.func)}() gives a coroutine on some paths only: awaiting it would fail on the others; "
            f"make it an 'async def' first")

    def _report_needs_async_def(self, node: nodes.Call, function: str, situation: str, unfixable: str) -> None:
        """A coroutine that only an ``async def`` can await: what goes wrong ``situation``, and no fix."""
        self.report(node, f"{describe(node.func)}() returns a coroutine {situation}; make {function} an "
                          f"'async def' that awaits it, and write 'await {describe(node)}'",
                    facts=Facts(unfixable=unfixable))

    def _check_sync_code(self, node: nodes.Call) -> None:
        """In a sync ``def``: a coroutine returned from inside ``try``, and a ``sync_to_async(f)``
        wrapper that a caller passed in and this function calls (its coroutine is dropped)."""
        frame = enclosing_frame(node)
        if not isinstance(frame, nodes.FunctionDef) or isinstance(frame, nodes.AsyncFunctionDef):
            return
        returned = isinstance(node.parent, nodes.Return) and _guarding_handlers(node, frame)
        django_async = _named_like_django_async(node)
        written = _attribute_written_after(node, frame)
        dropped = isinstance(node.parent, nodes.Expr) and _named_like_library_async(node)
        own = not django_async and _maybe_own_coroutine_function(node)
        if not returned and not _truth_tested(node) and not django_async and written is None \
                and not dropped and not own and _parameter_called(node, frame) is None:
            return  # nothing below can report it: its kind is not needed (most calls of sync code)
        if dropped:
            found = kind_of(node)
            if found is not None and found.name == api.COROUTINE and found.origin == "library":
                shown = describe(node.func)
                self.report(node, f"{shown}() in the sync function {frame.name}() returns a coroutine that is "
                                  f"{NOT_AWAITED}, so it never runs; write 'async_to_sync({shown})(...)' here, or "
                                  f"make {frame.name} an 'async def' and write 'await {describe(node)}'",
                            facts=Facts(unfixable=f"{frame.name}() is a sync function: 'async_to_sync' raises "
                                                  f"where a caller runs it on an event loop, so the right form "
                                                  f"depends on its callers"))
            return
        if written is not None:
            found = kind_of(node)
            if found is not None and found.name == api.COROUTINE and _is_awaitable_origin(found):
                self._report_needs_async_def(
                    node, frame.name,
                    f"that the sync function {frame.name}() stores and then writes an attribute of (line "
                    f"{written.fromlineno}: '{written.as_string()}'): a coroutine has no such attribute, so that "
                    f"line raises AttributeError and the call never runs",
                    f"{frame.name}() is a sync function: make it an 'async def' (and await it where it is called) "
                    f"first")
            return
        found = kind_of(node)
        if found is not None and found.name == api.COROUTINE and found.origin == "django" and django_async \
                and not returned and not _truth_tested(node):
            misuse = _misuse(node)
            if misuse in (NOT_AWAITED, USED_AS_VALUE):
                self.report(node, f"{describe(node.func)}() in the sync function {frame.name}() returns a coroutine "
                                  f"that is {misuse}, so it never runs; call its sync form here, or make "
                                  f"{frame.name} an 'async def' and write 'await {describe(node)}'")
            return
        if found is not None and found.name == api.COROUTINE and own and not returned and not _truth_tested(node) \
                and (found.origin == "adapter" or (found.origin == "project" and is_plain_coroutine_function(found.function))):
            misuse = _dropped_or_read_in_sync_code(node)
            if misuse is not None:
                self._report_needs_async_def(
                    node, frame.name,
                    f"that is {misuse} in the sync function {frame.name}(), so it never runs (call the sync "
                    f"function it wraps here instead)" if found.origin == "adapter" else
                    f"that is {misuse} in the sync function {frame.name}(), so it never runs",
                    f"{frame.name}() is a sync function: 'await' needs an 'async def'")
                return
        if found is not None and found.name == api.COROUTINE and _is_awaitable_origin(found):
            if returned:
                self.report(node, f"{describe(node.func)}() returns a coroutine from inside try/except in the "
                                  f"sync function {frame.name}(): nothing in it runs until the caller awaits "
                                  f"it, so the exceptions it raises escape the handlers; make {frame.name} "
                                  f"an 'async def' and write 'return await {describe(node)}'")
            elif _truth_tested(node):
                self.report(node, f"{describe(node.func)}() returns a coroutine that the sync function "
                                  f"{frame.name}() tests as a condition: a coroutine is always true and never "
                                  f"runs; make {frame.name} an 'async def' and write 'await {describe(node)}'")
            return
        caller = _adapter_passed_in(node, frame)
        if caller is not None and _misuse(node) not in (None, HANDED_TO_DROPPED):
            self.report(node, f"{describe(node.func)} is a sync_to_async(...) wrapper when {frame.name}() is called "
                              f"from line {caller.lineno}: calling it here makes a coroutine that is never "
                              f"awaited, so the wrapped function never runs; await it in an async caller")


_INHERITED_COROUTINE_NAMES = frozenset().union(*INHERITED_COROUTINE_METHODS.values())


def _inherited_library_coroutine(node: nodes.Call) -> bool:
    """``self.close(code=4401)`` / ``super().send(...)`` in a method of a project class whose library bases
    are all Channels async consumers (``INHERITED_COROUTINE_METHODS``) that define the method as an
    ``async def``, and that no project class on the way (the class itself, unless through ``super()``, and
    its project bases) defines: the call makes the library's coroutine. Another library base (a mixin that
    may override it) or an unresolved one is unknown."""
    func = node.func
    if not isinstance(func, nodes.Attribute) or func.attrname not in _INHERITED_COROUTINE_NAMES:
        return False
    cls = enclosing_class(node)
    method = enclosing_frame(node)
    if cls is None or not isinstance(method, nodes.FunctionDef) or method.parent is not cls \
            or method.type == "staticmethod" or not method.args.args:
        return False
    receiver = func.expr
    through_super = isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Name) \
        and receiver.func.name == "super" and not receiver.args
    through_self = isinstance(receiver, nodes.Name) and receiver.name == method.args.args[0].name \
        and len(bindings(receiver)) == 1
    if not (through_super or through_self):
        return False
    project, bases = [cls, *project_bases(cls)], set(library_bases(cls))
    if any(func.attrname in owner.locals for owner in (project[1:] if through_super else project)):
        return False
    return bool(bases) and all(func.attrname in INHERITED_COROUTINE_METHODS.get(base, ()) for base in bases)


def _adapter_built(node: nodes.Call) -> bool:
    """``async_to_sync(f)``, ``sync_to_async(f, thread_sensitive=...)``, ``database_sync_to_async(f)``:
    a call of an asgiref or Channels adapter that wraps a callable (what it returns is the wrapper)."""
    return bool(node.args) and qualified_call_name(node) in api.SYNC_TO_ASYNC | api.ASYNC_TO_SYNC


def _guard_effect(guard: str) -> str:
    return "its handlers never see the errors the coroutine raises" if guard == "try/except" \
        else "the coroutine's body runs outside the block"


#: Names whose use in a decorator means it tells coroutine functions apart (and gives them their own wrapper).
_COROUTINE_CHECKS = frozenset({"iscoroutinefunction", "is_async_callable", "markcoroutinefunction",
                               "iscoroutine", "isawaitable", "_is_coroutine", "sync_and_async_middleware"})


def sync_wrapper_with_handlers(decorator: nodes.NodeNG) -> tuple[nodes.FunctionDef, nodes.Call, str] | None:
    """For a project decorator (``@guard`` or a factory's ``@guard(...)``) whose wrapper is a plain ``def``
    that returns the wrapped function's result from inside ``try``/``except`` or ``with``: (the wrapper,
    the call of the wrapped function, ``"try/except"`` or ``"with block"``). None when the decorator is
    not the project's, tells coroutine functions apart (``iscoroutinefunction``...), has no such wrapper,
    or is not read."""
    target = decorator.func if isinstance(decorator, nodes.Call) else decorator
    if not isinstance(target, (nodes.Name, nodes.Attribute)):
        return None
    outer = definition_of(target)
    if not isinstance(outer, nodes.FunctionDef) or isinstance(outer, nodes.AsyncFunctionDef) \
            or not is_project_file(outer.root().file) or outer.decorators is not None:
        return None
    if any(name in _COROUTINE_CHECKS for name in _names_in(outer)):
        return None
    function = _returned_nested_def(outer) if isinstance(decorator, nodes.Call) else outer
    if function is None or isinstance(function, nodes.AsyncFunctionDef):
        return None
    params = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    if not params:
        return None
    wrapped = params[0].name
    wrapper = _returned_nested_def(function)
    if wrapper is None or isinstance(wrapper, nodes.AsyncFunctionDef) or wrapper.is_generator():
        return None
    if wrapped in wrapper.locals:
        return None  # the wrapper rebinds the name
    for call in wrapper.nodes_of_class(nodes.Call, skip_klass=(nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
        if isinstance(call.func, nodes.Name) and call.func.name == wrapped and _result_returned(call, wrapper):
            guard = _enclosing_guard(call, wrapper)
            if guard is not None:
                return wrapper, call, guard
    return None


def _names_in(function: nodes.FunctionDef) -> set[str]:
    return {node.name for node in function.nodes_of_class(nodes.Name)} | {
        node.attrname for node in function.nodes_of_class(nodes.Attribute)}


def _returned_nested_def(function: nodes.FunctionDef) -> nodes.FunctionDef | None:
    """The function ``function`` defines in its own body and returns by name (``return wrapper``), when
    every return of a name returns that one."""
    nested = {statement.name: statement for statement in function.body if isinstance(statement, nodes.FunctionDef)}
    returned = [statement.value for statement in function.nodes_of_class(nodes.Return, skip_klass=(
                    nodes.FunctionDef, nodes.Lambda, nodes.ClassDef))
                if isinstance(statement.value, nodes.Name) and statement.value.name in nested]
    names = {value.name for value in returned}
    return nested[names.pop()] if len(names) == 1 else None


def _result_returned(call: nodes.Call, wrapper: nodes.FunctionDef) -> bool:
    """``return wrapped(...)``, or ``result = wrapped(...)`` with ``return result`` in the wrapper."""
    parent = call.parent
    if isinstance(parent, nodes.Return):
        return True
    if not (isinstance(parent, nodes.Assign) and parent.value is call and len(parent.targets) == 1
            and isinstance(parent.targets[0], nodes.AssignName)):
        return False
    target = parent.targets[0]
    return any(isinstance(statement.value, nodes.Name) and statement.value.name == target.name
               and target in bindings(statement.value)
               for statement in wrapper.nodes_of_class(nodes.Return, skip_klass=(nodes.FunctionDef, nodes.Lambda,
                                                                                 nodes.ClassDef)))


def _enclosing_guard(node: nodes.NodeNG, frame: nodes.NodeNG) -> str | None:
    """``"try/except"`` when ``node`` is in the body of a ``try`` with handlers in ``frame``, ``"with block"``
    when it is in a ``with`` statement's body there; None otherwise."""
    child, parent = node, node.parent
    while parent is not None and parent is not frame:
        if isinstance(parent, nodes.Try) and child in parent.body and parent.handlers:
            return "try/except"
        if isinstance(parent, nodes.With) and child in parent.body:
            return "with block"
        child, parent = parent, parent.parent
    return None


def _awaited(node: nodes.Call) -> str:
    """How to write ``node`` awaited: ``(await make(...)).run(...)`` where its result is read (an
    ``await`` in front of the whole chain would await ``.run(...)``'s result instead)."""
    parent = node.parent
    if isinstance(parent, (nodes.Attribute, nodes.Subscript)) and node is (
            parent.expr if isinstance(parent, nodes.Attribute) else parent.value):
        outer = parent.parent if isinstance(parent.parent, nodes.Call) and parent.parent.func is parent else parent
        if isinstance(parent, nodes.Attribute):
            rest = f".{parent.attrname}" + ("(...)" if outer is not parent else "")
        else:
            rest = "[...]"
        return f"(await {describe(node)}){rest}"
    return f"await {describe(node)}"


def _coroutine_return(function: nodes.FunctionDef) -> nodes.Return | None:
    """The first ``return`` of the sync ``function`` that gives a coroutine (Django's, an adapter's or
    a project coroutine function's), when another of its returns gives something else (so that the
    function as a whole has no agreed kind)."""
    returns = [statement for statement in function.nodes_of_class(nodes.Return, skip_klass=(
                   nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)) if statement.value is not None]
    for statement in returns:
        found = kind_of(statement.value) if isinstance(statement.value, nodes.Call) else None
        if found is not None and found.name == api.COROUTINE and _is_awaitable_origin(found):
            return statement
    return None


def _named_like_django_async(node: nodes.Call) -> bool:
    """``X.objects.aget(...)``, ``obj.asave()``: a method named like Django's async API (``a`` + its
    sync name), worth asking the kind of in sync code."""
    func = node.func
    return isinstance(func, nodes.Attribute) and func.attrname in django_async_method_names()


def _named_like_library_async(node: nodes.Call) -> bool:
    """``layer.group_send(...)``: a method named like one of the library coroutine methods of the table
    (``clients.ASYNC_METHODS``, named ones only), worth asking the kind of in sync code."""
    func = node.func
    return isinstance(func, nodes.Attribute) and func.attrname in library_async_method_names()


def _attribute_written_after(node: nodes.Call, frame: nodes.FunctionDef) -> nodes.AssignAttr | None:
    """``response = self.handle_exception(exc)`` followed in ``frame`` by ``response.x = ...``: the first
    write of an attribute of the name the call's result is bound to (the same binding)."""
    parent = node.parent
    if not (isinstance(parent, nodes.Assign) and parent.value is node and len(parent.targets) == 1
            and isinstance(parent.targets[0], nodes.AssignName)):
        return None
    target = parent.targets[0]
    for written in frame.nodes_of_class(nodes.AssignAttr, skip_klass=(nodes.FunctionDef, nodes.Lambda,
                                                                       nodes.ClassDef)):
        if isinstance(written.expr, nodes.Name) and written.expr.name == target.name \
                and written.fromlineno > node.fromlineno and target in bindings(written.expr):
            return written
    return None


def _is_awaitable_origin(found) -> bool:
    return found.origin in ("django", "adapter", "checked", "library") or (
        found.origin == "project" and is_plain_coroutine_function(found.function))


def _truth_tested(node: nodes.NodeNG) -> bool:
    """``if check(x):``, ``check(x) and ...``, ``not check(x)``: the value is only tested for truth."""
    parent = node.parent
    if isinstance(parent, (nodes.If, nodes.While, nodes.IfExp, nodes.Assert)) and node is parent.test:
        return True
    if isinstance(parent, nodes.UnaryOp) and parent.op == "not":
        return True
    return isinstance(parent, nodes.BoolOp) and node is not parent.values[-1]


def _guarding_handlers(node: nodes.NodeNG, frame: nodes.NodeNG) -> bool:
    """Whether ``node`` is in the body of a ``try`` with ``except`` handlers, inside ``frame``."""
    child, parent = node, node.parent
    while parent is not None and parent is not frame:
        if isinstance(parent, nodes.Try) and child in parent.body and parent.handlers:
            return True
        child, parent = parent, parent.parent
    return False


def _parameter_called(node: nodes.Call, frame: nodes.FunctionDef) -> nodes.Name | None:
    """The name ``node`` calls when it is a parameter of ``frame``."""
    func = node.func
    if not isinstance(func, nodes.Name):
        return None
    binding = bindings(func)
    if len(binding) != 1 or not isinstance(binding[0], nodes.AssignName) or binding[0].parent is not frame.args:
        return None
    return func


def _adapter_passed_in(node: nodes.Call, frame: nodes.FunctionDef) -> nodes.Call | None:
    """The call of ``frame`` that passes a ``sync_to_async(...)`` wrapper as the parameter ``node`` calls."""
    func = _parameter_called(node, frame)
    if func is None:
        return None
    for call, kind in argument_kinds(frame).get(func.name, ()):
        if kind is not None and kind.name == ADAPTED_CALLABLE:
            return call
    return None
