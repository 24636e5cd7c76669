"""Django middleware: which functions and classes are middleware factories, and their sync/async mode.

A *factory* is what ``settings.MIDDLEWARE`` names and Django calls with the next layer
(``mw(get_response)``); ``import_string`` only reaches module-level names, so only those count:

- a module-level function whose first parameter is ``get_response`` and that returns a nested
  ``def``/``async def``/``lambda`` (the middleware itself);
- a module-level class whose ``__init__`` (own, inherited from project classes or from
  ``MiddlewareMixin``) takes ``get_response``, and that has a ``__call__``.

Its declared *mode* is what ``load_middleware`` reads: ``sync_capable``/``async_capable`` set by the
``django.utils.decorators`` decorators, by class attributes (own or inherited), by ``MiddlewareMixin``
(both True), or Django's defaults (sync only). Its *code* has a sync path, an async path or both:
what the function returns, or what ``__call__`` does (an ``async def __call__``; a sync one that
returns ``self.__acall__(...)`` routes to an async path; ``return super().__call__(...)`` does what
the parent does). ``branches`` says the code checks ``iscoroutinefunction`` (of ``get_response`` or
of itself) to choose; ``marks`` that a class marks its instances with ``markcoroutinefunction(self)``
(``legacy_marks``: the ``_is_coroutine`` attribute Django 3.1-4.1 set), which ``convert_exception_to_response`` needs to treat
an async instance as async.

Anything this module cannot read (a base class it cannot load, a flag that is not a literal, a
decorator it does not know on a function) makes ``factory()`` answer None: unknown means silent.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from astroid import nodes
from astroid.exceptions import InferenceError, MroError

from asynclint import django_api as api
from asynclint.core.imports import bindings, definition, definition_of, imported_name, is_django_name, qualified_name
from asynclint.libraries.loops import THREAD_BOUND_CALLS

_MAX_DEPTH = 10
_CASTS = frozenset({"typing.cast", "typing_extensions.cast"})
_SCOPES = (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)


@dataclass(frozen=True)
class Flags:
    """``sync_capable``/``async_capable`` as Django reads them, and whether each was set on purpose."""

    sync_capable: bool
    async_capable: bool
    sync_explicit: bool
    async_explicit: bool
    source: str  # "@sync_and_async_middleware", "class attributes", "MiddlewareMixin", "Django's defaults"

    @property
    def mode(self) -> str | None:
        """SYNC_ONLY, ASYNC_ONLY, HYBRID, or None when both are False (Django raises RuntimeError)."""
        return _mode(self.sync_capable, self.async_capable)

    @property
    def chosen_sync_only(self) -> bool:
        """Sync-only on purpose: ``async_capable = False`` set explicitly (or ``@sync_only_middleware``)."""
        return self.mode == api.SYNC_ONLY and self.async_explicit


@dataclass(frozen=True)
class Factory:
    node: nodes.FunctionDef | nodes.ClassDef
    flags: Flags
    mixin: bool  # MiddlewareMixin-based (or based on one of Django's middleware classes)
    sync_path: bool
    async_path: bool
    branches: bool  # checks iscoroutinefunction(...) to pick a path
    marks: bool  # marks the instance as a coroutine function (functions: always, a real async def is one)
    legacy_marks: bool = False  # sets ``self._is_coroutine`` by hand instead (honoured below Python 3.12 only)
    #: ``async def process_request/process_response`` the class defines while MiddlewareMixin calls them.
    async_hooks: tuple[nodes.AsyncFunctionDef, ...] = ()
    #: A class whose own ``__call__`` replaces MiddlewareMixin's (None: not overridden, or not a mixin).
    overrides_mixin_call: bool = False
    #: The class defines some of its middleware behaviour itself (not only inherits it); functions: True.
    owns: bool = True
    #: A MiddlewareMixin subclass that keeps the mixin's ``__call__`` but whose own ``__init__`` never
    #: reaches ``MiddlewareMixin.__init__`` (no ``super().__init__(...)``/``Base.__init__(self, ...)``)
    #: nor sets ``self.async_mode`` itself: that ``__init__``, or None.
    skipped_mixin_init: nodes.FunctionDef | None = None
    #: The project-defined ``process_response`` MiddlewareMixin calls (None: none).
    process_response: nodes.FunctionDef | None = None
    #: A class whose sync ``__call__`` returns ``self.get_response(request)`` unchanged on every path: given
    #: an async ``get_response`` it returns the coroutine, which Django awaits (an async path when marked).
    passes_through: bool = False

    @property
    def is_class(self) -> bool:
        return isinstance(self.node, nodes.ClassDef)


def _mode(sync_capable: bool, async_capable: bool) -> str | None:
    if sync_capable and async_capable:
        return api.HYBRID
    if sync_capable:
        return api.SYNC_ONLY
    if async_capable:
        return api.ASYNC_ONLY
    return None


def factory(node: nodes.NodeNG, owned_only: bool = False) -> Factory | None:
    """The middleware factory ``node`` defines, or None (not one, or not one asynclint can read).

    ``owned_only``: skip (cheaply) classes that define no middleware behaviour of their own.
    """
    if not isinstance(node.parent, nodes.Module):
        return None
    if isinstance(node, nodes.ClassDef):
        if owned_only and not _owns(node):
            return None
        return _class_factory(node)
    if isinstance(node, nodes.FunctionDef) and not isinstance(node, nodes.AsyncFunctionDef):
        return _function_factory(node)
    return None


# --- names ---------------------------------------------------------------------------------------
def _is_call_to(node: nodes.NodeNG, names: frozenset[str]) -> bool:
    return (isinstance(node, nodes.Call) and isinstance(node.func, (nodes.Name, nodes.Attribute))
            and (qualified_name(node.func) in names or _imported_as_one_of(node.func, names)))


def _imported_as_one_of(name: nodes.NodeNG, names: frozenset[str]) -> bool:
    """A name bound by several imports that all are one of ``names``: ``try: from inspect import f /
    except ImportError: from asgiref.sync import f``, the same under ``if sys.version_info >= ...``,
    with a fallback in the ``except`` or ``else`` branch allowed: a ``def f`` shim, or ``f = g`` where
    ``g`` is one of ``names`` too (``iscoroutinefunction = asyncio.iscoroutinefunction``)."""
    if not isinstance(name, nodes.Name):
        return False
    found = bindings(name)
    imports = [b for b in found if isinstance(b, (nodes.Import, nodes.ImportFrom))]
    if not imports or any(imported_name(b, name.name) not in names for b in imports):
        return False
    return all(_is_fallback(b, names) for b in found if b not in imports)


def _is_fallback(binding: nodes.NodeNG, names: frozenset[str]) -> bool:
    """A module-level shim defined in an ``except ImportError`` handler or an ``if``/``else`` branch: a
    ``def``, or an assignment of another of ``names``."""
    if isinstance(binding, nodes.FunctionDef):
        statement = binding
    elif isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.Assign) and \
            isinstance(binding.parent.value, (nodes.Name, nodes.Attribute)) and \
            qualified_name(binding.parent.value) in names:
        statement = binding.parent
    else:
        return False
    parent = statement.parent
    return isinstance(parent, (nodes.ExceptHandler, nodes.If)) and isinstance(parent.scope(), nodes.Module)


def _calls(scope: nodes.NodeNG, names: frozenset[str]) -> list[nodes.Call]:
    return [call for call in scope.nodes_of_class(nodes.Call) if _is_call_to(call, names)]


def _takes_get_response(function: nodes.FunctionDef, skip_self: bool) -> bool:
    """``get_response`` is the first parameter (after ``self``) and any other one has a default."""
    args = function.args
    if args.args is None:  # a function astroid built from C code
        return False
    positional = [*(args.posonlyargs or []), *args.args]
    if skip_self:
        positional = positional[1:]
    if not positional or positional[0].name != api.MIDDLEWARE_PARAMETER:
        return False
    return len(positional) - 1 <= len(args.defaults or [])


def _returns(function: nodes.FunctionDef) -> list[nodes.Return]:
    return [r for r in function.nodes_of_class(nodes.Return, skip_klass=_SCOPES)]


# --- function factories --------------------------------------------------------------------------
def _function_factory(node: nodes.FunctionDef) -> Factory | None:
    if not _takes_get_response(node, skip_self=False):
        return None
    sync_path = async_path = False
    for statement in _returns(node):
        for callable_ in _returned_callables(statement.value, node, 0):
            if isinstance(callable_, nodes.AsyncFunctionDef):
                async_path = True
            elif isinstance(callable_, (nodes.FunctionDef, nodes.Lambda)):
                sync_path = True
    if not (sync_path or async_path):
        return None  # returns no middleware callable of its own: not a factory
    flags = _function_flags(node)
    if flags is None:
        return None
    return Factory(node, flags, mixin=False, sync_path=sync_path, async_path=async_path,
                   branches=bool(_calls(node, api.ISCOROUTINEFUNCTION)), marks=True)


def _returned_callables(value: nodes.NodeNG | None, factory_node: nodes.FunctionDef, depth: int) -> list:
    """The nested defs and lambdas a return value may be (a name bound to one, through assignments)."""
    if value is None or depth > 4:
        return []
    if isinstance(value, nodes.Lambda):
        return [value]
    if not isinstance(value, nodes.Name):
        return []
    found = []
    for binding in bindings(value):
        if isinstance(binding, nodes.FunctionDef) and factory_node.parent_of(binding):
            found.append(binding)
        elif isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.Assign) and \
                factory_node.parent_of(binding):
            found.extend(_returned_callables(binding.parent.value, factory_node, depth + 1))
    return found


def _function_flags(node: nodes.FunctionDef) -> Flags | None:
    values: dict[str, bool] = {}
    source = ""
    for decorator in node.decorators.nodes if node.decorators else ():
        name = qualified_name(decorator) if isinstance(decorator, (nodes.Name, nodes.Attribute)) else None
        if name not in api.MIDDLEWARE_MODE_DECORATORS:
            return None  # a wrapper asynclint does not know may set anything
        values[api.SYNC_CAPABLE], values[api.ASYNC_CAPABLE] = api.MIDDLEWARE_MODE_DECORATORS[name]
        source = f"@{api.short_name(name)}"
    # ``factory.async_capable = True`` at module level, after the def.
    for statement in node.root().body:
        if not isinstance(statement, nodes.Assign) or statement.lineno < node.lineno:
            continue
        for target in statement.targets:
            if isinstance(target, nodes.AssignAttr) and isinstance(target.expr, nodes.Name) and \
                    target.expr.name == node.name and target.attrname in (api.SYNC_CAPABLE, api.ASYNC_CAPABLE):
                value = _bool(statement.value)
                if value is None:
                    return None
                values[target.attrname] = value
                source = source or "attributes"
    return _flags(values, source)


def _flags(values: dict[str, bool], source: str, mixin: bool = False) -> Flags:
    default_sync, default_async = (True, True) if mixin else api.MIDDLEWARE_DEFAULT_FLAGS
    return Flags(
        values.get(api.SYNC_CAPABLE, default_sync),
        values.get(api.ASYNC_CAPABLE, default_async),
        api.SYNC_CAPABLE in values or mixin,
        api.ASYNC_CAPABLE in values or mixin,
        source or ("MiddlewareMixin" if mixin else "Django's defaults"),
    )


def _bool(node: nodes.NodeNG) -> bool | None:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, bool) else None


# --- class factories -----------------------------------------------------------------------------
@dataclass
class _Chain:
    classes: list[nodes.ClassDef]  # the project classes, in (approximately) method resolution order
    mixin: bool = False  # a base is MiddlewareMixin or one of Django's middleware classes
    unknown: bool = False  # a base asynclint cannot read

    def method(self, name: str, after: nodes.ClassDef | None = None) -> nodes.FunctionDef | None:
        """The first project definition of a method (after the class ``after``, for ``super()``)."""
        found = self.definitions(name, after)
        return found[0] if found else None

    def definitions(self, name: str, after: nodes.ClassDef | None = None) -> list[nodes.FunctionDef]:
        """Every definition of a method in the first project class that defines it: one, or one per
        branch of a class-body ``if``/``else`` (``if DJANGO_2_2: def __call__ ... else: def __call__``)."""
        classes = self.classes
        if after is not None and after in classes:
            classes = classes[classes.index(after) + 1:]
        for cls in classes:
            found = [f for f in cls.locals.get(name, ()) if isinstance(f, nodes.FunctionDef) and class_level(f, cls)]
            if found:
                return found
        return []

    def methods(self) -> list[nodes.FunctionDef]:
        return [m for cls in self.classes for m in _class_body_functions(cls.body)]


def _class_body_functions(body: list[nodes.NodeNG]) -> list[nodes.FunctionDef]:
    found = []
    for statement in body:
        if isinstance(statement, nodes.FunctionDef):
            found.append(statement)
        elif isinstance(statement, nodes.If):
            found += _class_body_functions(statement.body) + _class_body_functions(statement.orelse)
    return found


def _defined_on_every_branch(definitions: list[nodes.FunctionDef]) -> bool:
    """Whether every branch of the class-body ``if`` statements around ``definitions`` defines one."""
    for function in definitions:
        child, parent = function, function.parent
        while isinstance(parent, nodes.If):
            other = parent.orelse if child in parent.body else parent.body
            if not any(isinstance(d, nodes.FunctionDef) and d.name == function.name for d in _class_body_functions(other)):
                return False
            child, parent = parent, parent.parent
    return True


def class_level(function: nodes.NodeNG, cls: nodes.ClassDef) -> bool:
    """Whether ``function`` is a method of ``cls``: defined in its body, directly or in the branches of
    class-body ``if`` statements (either branch may be the one that runs)."""
    parent = function.parent
    while isinstance(parent, nodes.If):
        parent = parent.parent
    return parent is cls


def _chain(cls: nodes.ClassDef) -> _Chain:
    chain = _Chain([])
    _walk(cls, chain, 0)
    return chain


def _walk(cls: nodes.ClassDef, chain: _Chain, depth: int) -> None:
    if depth > _MAX_DEPTH or cls in chain.classes:
        return
    chain.classes.append(cls)
    for base in cls.bases:
        qualified = qualified_name(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if qualified == "builtins.object":
            continue
        if qualified is not None and (qualified in api.MIDDLEWARE_MIXINS or api.is_django_middleware(qualified)):
            chain.mixin = True
            continue
        if qualified is not None and is_django_name(qualified):
            chain.unknown = True  # a Django class that is not middleware: what it sets is not in the table
            continue
        parent = definition_of(base)
        if isinstance(parent, nodes.ClassDef):
            _walk(parent, chain, depth + 1)
        else:
            chain.unknown = True


def _class_flags(chain: _Chain) -> Flags | None:
    values: dict[str, bool] = {}
    sources = []
    for cls in chain.classes:
        own: dict[str, bool] = {}
        for decorator in cls.decorators.nodes if cls.decorators else ():
            name = qualified_name(decorator) if isinstance(decorator, (nodes.Name, nodes.Attribute)) else None
            if name in api.MIDDLEWARE_MODE_DECORATORS:
                own[api.SYNC_CAPABLE], own[api.ASYNC_CAPABLE] = api.MIDDLEWARE_MODE_DECORATORS[name]
                sources.append(f"@{api.short_name(name)}")
        for attribute in (api.SYNC_CAPABLE, api.ASYNC_CAPABLE):
            if attribute in own:
                continue  # the decorator runs after the class body and wins
            for found in cls.locals.get(attribute, ()):
                if isinstance(found, nodes.AssignName) and isinstance(found.parent, nodes.Assign) and \
                        found.parent.parent is cls:
                    value = _bool(found.parent.value)
                    if value is None:
                        return None
                    own[attribute] = value
                    sources.append("class attributes")
        for attribute, value in own.items():
            values.setdefault(attribute, value)
    return _flags(values, sources[0] if sources else "", mixin=chain.mixin)


def _class_factory(node: nodes.ClassDef) -> Factory | None:
    chain = _chain(node)
    if chain.unknown:
        return None
    init = chain.method("__init__")
    if init is not None:
        if not _takes_get_response(init, skip_self=True):
            return None
    elif not chain.mixin:
        return None
    call = chain.method("__call__")
    if call is None and not chain.mixin:
        return None
    flags = _class_flags(chain)
    if flags is None:
        return None
    methods = chain.methods()
    branches = chain.mixin or any(_calls(m, api.ISCOROUTINEFUNCTION) for m in methods)
    marks = chain.mixin or any(_marks_self(m) for m in methods)
    legacy_marks = any(_sets_legacy_marker(m) for m in methods)
    if call is None:
        sync_path = async_path = True  # MiddlewareMixin's __call__: routes to __acall__ when async
    else:  # one __call__, or one per branch of a class-body ``if``: the paths of any of them
        sync_path = async_path = False
        candidates = chain.definitions("__call__")
        for candidate in candidates:
            paths = _call_paths(candidate, chain, 0)
            sync_path, async_path = sync_path or paths[0], async_path or paths[1]
        if not _defined_on_every_branch(candidates):  # another branch keeps the inherited __call__
            inherited = chain.method("__call__", after=candidates[0].parent.scope())
            paths = _call_paths(inherited, chain, 0) if inherited is not None else (True, True)
            sync_path, async_path = sync_path or paths[0], async_path or paths[1]
    async_hooks: tuple = ()
    if chain.mixin and call is None and chain.method(api.MIDDLEWARE_ASYNC_CALL) is None:
        async_hooks = tuple(
            m for m in node.body
            if isinstance(m, nodes.AsyncFunctionDef) and m.name in api.MIDDLEWARE_MIXIN_SYNC_HOOKS
        )
    skipped = None
    if chain.mixin and call is None and init is not None and not _reaches_mixin_init(init, chain, 0) and \
            not any(_sets_self(m, api.MIDDLEWARE_MIXIN_MODE_ATTRIBUTE) for m in methods):
        skipped = init
    return Factory(
        node, flags, mixin=chain.mixin, sync_path=sync_path, async_path=async_path, branches=branches,
        marks=marks, legacy_marks=legacy_marks, async_hooks=async_hooks,
        overrides_mixin_call=chain.mixin and call is not None and sync_path and not async_path,
        owns=_owns(node), skipped_mixin_init=skipped,
        process_response=chain.method(api.MIDDLEWARE_MIXIN_SYNC_HOOKS[1]) if chain.mixin else None,
        passes_through=call is not None and _passes_through(call),
    )


def _reaches_mixin_init(init: nodes.FunctionDef, chain: _Chain, depth: int) -> bool:
    """Whether a project ``__init__`` hands over to the next one up to MiddlewareMixin's: any call of an
    ``__init__`` attribute counts (``super().__init__``, ``Base.__init__(self, ...)``, ``super(C, self)``),
    and a ``super().__init__`` that reaches another project ``__init__`` is followed into it. Which one
    ``super()`` reaches is read from the method resolution order: in ``class M(MiddlewareMixin, Base)``
    it is the mixin's, not ``Base``'s."""
    for call in init.nodes_of_class(nodes.Call):
        func = call.func
        if not isinstance(func, nodes.Attribute) or func.attrname != "__init__":
            continue
        receiver = func.expr
        if depth < _MAX_DEPTH and isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Name) and \
                receiver.func.name == "super" and not receiver.args:
            parent = _super_init(init.parent, chain)
            if parent is not None:
                return _reaches_mixin_init(parent, chain, depth + 1)
        return True
    return False


def _djangos(qualified: str) -> bool:
    """MiddlewareMixin or a Django middleware class: where ``super().__init__`` leaves the project."""
    return qualified in api.MIDDLEWARE_MIXINS or api.is_django_middleware(qualified)


def _super_init(owner: nodes.NodeNG, chain: _Chain) -> nodes.FunctionDef | None:
    """The project ``__init__`` that ``super().__init__`` in a method of ``owner`` runs; None when it is
    MiddlewareMixin's (or a Django middleware class's) or no other class defines one. Read from the
    analysed class's MRO; the chain's order (depth first, left to right) when astroid cannot build it."""
    if chain.classes and owner is chain.classes[0] and isinstance(owner, nodes.ClassDef) and owner.bases:
        first = qualified_name(owner.bases[0])  # by import path: known without Django installed
        if first and _djangos(first):
            return None  # the analysed class's first base comes right after it in any MRO
    try:
        mro = chain.classes[0].mro()
    except (MroError, InferenceError):  # duplicate bases, no consistent order, a base astroid cannot infer
        mro = None
    if mro is None or owner not in mro:
        return chain.method("__init__", after=owner)
    for cls in mro[mro.index(owner) + 1:]:
        if _djangos(cls.qname()):
            return None
        found = [f for f in cls.locals.get("__init__", ()) if isinstance(f, nodes.FunctionDef) and class_level(f, cls)]
        if found and cls in chain.classes:
            return found[0]
    return None


def _sets_self(method: nodes.FunctionDef, attribute: str) -> bool:
    return any(target.attrname == attribute and isinstance(target.expr, nodes.Name) and target.expr.name == "self"
               for target in method.nodes_of_class(nodes.AssignAttr))


def _passes_through(call: nodes.FunctionDef) -> bool:
    """A sync ``__call__`` whose every ``return`` hands back ``self.get_response(...)`` itself (social-app-
    django's exception middleware: the work is in ``process_exception``, a hook Django calls)."""
    if isinstance(call, nodes.AsyncFunctionDef):
        return False
    returns = _returns(call)
    return bool(returns) and all(
        isinstance(r.value, nodes.Call) and isinstance(r.value.func, nodes.Attribute) and
        r.value.func.attrname == "get_response" and isinstance(r.value.func.expr, nodes.Name) and
        r.value.func.expr.name == "self" for r in returns)


_OWNED = ("__init__", "__call__", api.MIDDLEWARE_ASYNC_CALL, api.SYNC_CAPABLE, api.ASYNC_CAPABLE,
          *api.MIDDLEWARE_MIXIN_SYNC_HOOKS)


def _owns(cls: nodes.ClassDef) -> bool:
    """The class defines middleware behaviour itself: a method or flag Django uses, or a mode decorator."""
    return any(name in cls.locals for name in _OWNED) or any(
        isinstance(d, (nodes.Name, nodes.Attribute)) and qualified_name(d) in api.MIDDLEWARE_MODE_DECORATORS
        for d in (cls.decorators.nodes if cls.decorators else ())
    )


def _call_paths(call: nodes.FunctionDef, chain: _Chain, depth: int) -> tuple[bool, bool]:
    """(sync path, async path) of a ``__call__``."""
    if isinstance(call, nodes.AsyncFunctionDef):
        return False, True
    sync_path = async_path = False
    returns = [r for r in _returns(call) if r.value is not None] or [None]
    for statement in returns:
        value = statement.value if statement is not None else None
        delegated = _delegation(value, call, chain, depth)
        if delegated is not None:
            sync_path, async_path = sync_path or delegated[0], async_path or delegated[1]
        else:
            sync_path = True
    return sync_path, async_path


def _delegation(value: nodes.NodeNG | None, call: nodes.FunctionDef, chain: _Chain,
                depth: int) -> tuple[bool, bool] | None:
    """The paths of ``return self.__acall__(...)`` / ``return super().__call__(...)``, or None."""
    if depth > _MAX_DEPTH or not isinstance(value, nodes.Call) or not isinstance(value.func, nodes.Attribute):
        return None
    receiver, name = value.func.expr, value.func.attrname
    if _is_call_to(receiver, _CASTS) and len(receiver.args) == 2:
        receiver = receiver.args[1]  # ``cast(Self, self).__acall__(request)``: still self
    if isinstance(receiver, nodes.Name) and receiver.name == "self":
        method = chain.method(name)
        if isinstance(method, nodes.AsyncFunctionDef):
            return False, True
        if method is None and chain.mixin and name == api.MIDDLEWARE_ASYNC_CALL:
            return False, True
        return None
    if isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Name) and \
            receiver.func.name == "super" and name == "__call__":
        parent = chain.method("__call__", after=call.parent)
        if parent is None:
            return (True, True) if chain.mixin else None
        return _call_paths(parent, chain, depth + 1)
    return None


def never_called_acall(function: nodes.NodeNG) -> bool:
    """Whether ``function`` is an ``async def __acall__`` of a middleware class that nothing ever calls:
    Django calls a middleware instance's ``__call__`` (never ``__acall__``; only ``MiddlewareMixin``'s
    ``__call__`` routes to it), so in a class that is not a ``MiddlewareMixin``, whose ``__call__`` is a
    sync ``def``, and whose module names ``__acall__`` nowhere but in its definition (no
    ``self.__acall__(...)``, no ``getattr(self, "__acall__")``) while no other project file that names
    the class names ``__acall__``, the coroutine is dead code: nothing in it runs on the loop."""
    if not isinstance(function, nodes.AsyncFunctionDef) or function.name != api.MIDDLEWARE_ASYNC_CALL:
        return False
    cls = function.parent
    if not isinstance(cls, nodes.ClassDef):
        return False
    known = getattr(function, "_asynclint_never_called", None)
    if known is None:
        known = function._asynclint_never_called = _never_called_acall(cls)  # pylint: disable=protected-access
    return known


def _never_called_acall(cls: nodes.ClassDef) -> bool:
    found = factory(cls)
    if found is None or found.mixin:
        return False
    call = _chain(cls).method("__call__")
    if call is None or isinstance(call, nodes.AsyncFunctionDef) or call.parent is not cls:
        return False
    module = cls.root()
    from asynclint.core import django_kinds

    for use in django_kinds.identifiers(module).get(api.MIDDLEWARE_ASYNC_CALL, ()):
        if not isinstance(use, nodes.Attribute) or not _own_acall_of_another_class(use, cls):
            return False
    if any(isinstance(const.value, str) and const.value == api.MIDDLEWARE_ASYNC_CALL
           for const in module.nodes_of_class(nodes.Const)):
        return False  # ``getattr(self, "__acall__")``

    for path in django_kinds._files_mentioning(cls):  # noqa: SLF001 (the project's text index)
        if module.file and os.path.abspath(path) == os.path.abspath(module.file):
            continue
        if _named_in_code(path, api.MIDDLEWARE_ASYNC_CALL):
            return False
    return True


def _own_acall_of_another_class(use: nodes.Attribute, cls: nodes.ClassDef) -> bool:
    """``self.__acall__`` inside another class that defines its own ``__acall__``: not ``cls``'s."""
    if not isinstance(use.expr, nodes.Name) or use.expr.name != "self":
        return False
    scope = use.scope()
    owner = scope.parent if isinstance(scope, nodes.FunctionDef) else None
    return isinstance(owner, nodes.ClassDef) and owner is not cls and any(
        isinstance(found, nodes.AsyncFunctionDef) and found.parent is owner
        for found in owner.locals.get(api.MIDDLEWARE_ASYNC_CALL, ()))


def _marks_self(method: nodes.FunctionDef) -> bool:
    return any(call.args and isinstance(call.args[0], nodes.Name) and call.args[0].name == "self"
               for call in _calls(method, api.MARKCOROUTINEFUNCTION))


def _sets_legacy_marker(method: nodes.FunctionDef) -> bool:
    return _sets_self(method, api.LEGACY_COROUTINE_MARKER)


# --- is it Django's? ----------------------------------------------------------------------------------
_PROTOCOLS = frozenset({"typing.Protocol", "typing_extensions.Protocol"})


def django_evidence(found: Factory) -> str | None:
    """Why ``found`` is Django middleware rather than a class or factory of another framework's
    ``get_response`` pipeline (django-bolt, a gRPC interceptor chain...), or None: unknown means silent.

    Evidence: a ``MiddlewareMixin`` base; Django's ``sync_capable``/``async_capable`` flags or mode
    decorators; Django's sync contract (a sync middleware that calls ``get_response(request)`` without
    awaiting it: the shape Django's defaults describe); Django's request/response API used in its code
    (``django.http``, ``django.conf.settings``...); or a ``MIDDLEWARE`` setting of the project (or a
    test's ``override_settings``, a docs page) naming it. A ``Protocol``, or a ``__call__`` whose request
    is annotated with another framework's class, counts only when such a setting names it."""
    if found.mixin:
        return "MiddlewareMixin"
    if found.flags.source != "Django's defaults":
        return found.flags.source
    functions = _code(found)
    if not _foreign(found, functions):
        if found.sync_path and _calls_get_response_sync(found, functions):
            return "Django's get_response contract"
        uses = _django_use(functions)
        if uses:
            return f"uses {uses}"
    return _listed(found.node)


def code(found: Factory) -> list[nodes.FunctionDef]:
    """The functions of the middleware: the factory, or every method of the class and its project bases."""
    return _code(found)


def _code(found: Factory) -> list[nodes.FunctionDef]:
    if not found.is_class:
        return [found.node]
    return _chain(found.node).methods()


def _foreign(found: Factory, functions: list[nodes.FunctionDef]) -> bool:
    """A ``Protocol`` (never loaded by anyone), or a ``__call__`` typed with another framework's request."""
    if found.is_class:
        for cls in _chain(found.node).classes:
            if any(qualified_name(b) in _PROTOCOLS for b in cls.bases if isinstance(b, (nodes.Name, nodes.Attribute))):
                return True
    for function in functions:
        if function.name != "__call__" or not function.args.args or len(function.args.args) < 2:
            continue
        annotations = function.args.annotations or []
        annotation = annotations[1] if len(annotations) > 1 else None
        if isinstance(annotation, (nodes.Name, nodes.Attribute)) and _foreign_type(annotation):
            return True
    return False


_GENERIC_MODULES = frozenset({"typing", "typing_extensions", "builtins", "collections", "abc", "types"})


def _foreign_type(annotation: nodes.Name | nodes.Attribute) -> bool:
    """A request annotation naming another framework's class: not Django's, not a typing construct, and
    not a project subclass of a Django class (``class ShopRequest(HttpRequest)``)."""
    qualified = qualified_name(annotation)
    if qualified is None or "." not in qualified or is_django_name(qualified):
        return False
    if qualified.split(".", 1)[0] in _GENERIC_MODULES:
        return False
    cls = definition_of(annotation)
    if isinstance(cls, nodes.ClassDef):
        try:
            ancestors = list(cls.ancestors())
        except Exception:  # pylint: disable=broad-except  # an ancestor astroid cannot infer
            return False
        if any(is_django_name(a.qname()) for a in ancestors):
            return False
    return True


def _get_response_attributes(functions: list[nodes.FunctionDef]) -> set[str]:
    """``self.<attr> = get_response`` in an ``__init__``."""
    found = {api.MIDDLEWARE_PARAMETER}
    for function in functions:
        if function.name != "__init__":
            continue
        for target in function.nodes_of_class(nodes.AssignAttr):
            value = getattr(target.parent, "value", None)
            if isinstance(value, nodes.Name) and value.name == api.MIDDLEWARE_PARAMETER and \
                    isinstance(target.expr, nodes.Name) and target.expr.name == "self":
                found.add(target.attrname)
    return found


def _calls_get_response_sync(found: Factory, functions: list[nodes.FunctionDef]) -> bool:
    """A sync function of the middleware calls ``get_response(...)``/``self.get_response(...)`` and uses the
    result as a response (not awaited)."""
    attributes = _get_response_attributes(functions)
    for function in functions:
        for call in function.nodes_of_class(nodes.Call):
            func = call.func
            named = (isinstance(func, nodes.Name) and func.name == api.MIDDLEWARE_PARAMETER) or (
                isinstance(func, nodes.Attribute) and func.attrname in attributes and _is_self(func.expr))
            if not named or isinstance(call.parent, nodes.Await):
                continue
            scope = call.scope()
            if isinstance(scope, (nodes.FunctionDef, nodes.Lambda)) and not isinstance(scope, nodes.AsyncFunctionDef):
                return True
    return False


def _django_use(functions: list[nodes.FunctionDef]) -> str | None:
    """The first ``django.*`` name the middleware's code refers to (``Http404``, ``settings``...)."""
    seen: set[str] = set()
    for function in functions:
        for name in function.nodes_of_class(nodes.Name):
            if name.name in seen:
                continue
            seen.add(name.name)
            qualified = qualified_name(name)
            if qualified is not None and is_django_name(qualified):
                return qualified
    return None


_LISTING_SUFFIXES = (".py", ".md", ".rst", ".txt")
_LISTING_SKIP = frozenset({"node_modules", "site-packages", "dist-packages", "__pycache__", "build", "dist",
                           "static", "media", "locale", "venv"})
_DOTTED = re.compile(r"""["']([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+)["']""")


def _listed(node: nodes.FunctionDef | nodes.ClassDef) -> str | None:
    """A ``MIDDLEWARE`` setting (or ``override_settings``/``modify_settings``, or a docs page) of the
    project names ``node`` by its dotted path."""
    from asynclint.core import deployment

    if not node.root().file:
        return None
    root = deployment.project_root(node.root().file)
    listings = _listings(root)
    own = f"{node.root().name}.{node.name}"
    for path, where in listings.get(node.name, ()):
        if path == own or definition(path, node) is node:
            return f"{where} names it in MIDDLEWARE"
    return None


#: ``_listings``' key for the Python files that mention ``MIDDLEWARE`` at all (each as ``("", file)``).
_SETTINGS_FILES = ""


def _listings(root: Path) -> dict[str, list[tuple[str, str]]]:
    """Class or function name -> (dotted path, file) for every dotted string in the project's files that
    mention ``MIDDLEWARE``, and ``_SETTINGS_FILES`` -> the Python files among them; read once per run."""
    from asynclint.core import context

    known = context.current().middleware_listings
    if root not in known:
        found: dict[str, list[tuple[str, str]]] = {}
        for directory, subdirs, files in os.walk(root):
            depth = len(Path(directory).relative_to(root).parts)
            subdirs[:] = [] if depth >= 8 else sorted(
                d for d in subdirs if d not in _LISTING_SKIP and not d.startswith("."))
            for name in files:
                if not name.endswith(_LISTING_SUFFIXES):
                    continue
                path = Path(directory) / name
                try:
                    if path.stat().st_size > 500_000:
                        continue
                    text = path.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                if api.MIDDLEWARE_SETTING not in text:
                    continue
                where = path.relative_to(root).as_posix()
                if name.endswith(".py"):
                    found.setdefault(_SETTINGS_FILES, []).append(("", where))
                    text = _without_comments(text)  # ``#'app.mw.Old',``: a switched-off entry
                for dotted in dict.fromkeys(_DOTTED.findall(text)):
                    found.setdefault(dotted.rpartition(".")[2], []).append((dotted, where))
        known[root] = found
    return known[root]


def never_installed(node: nodes.ClassDef | nodes.FunctionDef) -> str | None:
    """Why the project never runs the middleware class or function factory ``node``, or None (it may run).

    No ``MIDDLEWARE`` setting names it, the project's settings are read in full (``_settings_read``: a
    settings module of the same top-level package assigns the list, or the settings list another
    middleware of the class's own module, ``_lists_from_its_module``; and every statement of the
    project that sets or changes ``MIDDLEWARE`` does so with string literals only), and no code but its
    own definition names the class (a subclass, ``decorator_from_middleware(Cls)``, a wrapper would
    run it). A library's middleware, listed by its users' settings, keeps its findings: its package
    holds no settings module of its own (test settings do not count)."""
    from asynclint.core import deployment, django_kinds

    if not node.root().file:
        return None
    if _listed(node) is not None:
        return _installed_for_development_only(node)
    root = deployment.project_root(node.root().file)
    try:
        package = Path(node.root().file).resolve().relative_to(root.resolve()).parts[0]
    except (ValueError, IndexError):
        return None
    settings = _settings_read(root)
    if not settings or not (any(where.split("/")[0] == package for where in settings) or
                            _lists_from_its_module(root, node)):
        return None
    if _distributed(root, package):
        return None  # a reusable app: its own settings are a dev project, its users' settings may list it
    if _named_by_code(node):
        return None
    return f"no MIDDLEWARE setting names it ({', '.join(settings[:2])} read in full) and no other code uses it"


#: Words of a settings file's path (its name and its folder's, split at ``.``, ``_`` and ``-``) that make it
#: settings for development or tests: ``settings/templates/settings.dev.py``, ``settings_unittests.py``,
#: ``config/settings/test.py``. Not ``local``: a ``local_settings.py`` is often what a deployment loads.
_DEVELOPMENT_WORDS = frozenset({"dev", "devel", "develop", "development", "debug", "test", "tests", "testing",
                                "unittest", "unittests"})


def _development_settings(where: str) -> bool:
    """``where`` (a file relative to the project root) is a Python settings file for development or tests."""
    from asynclint.core.deployment import is_test_path

    if not where.endswith(".py"):
        return False  # a docs page that lists the class: its readers may install it anywhere
    # the file's name and its folder's (``settings/dev/__init__.py``), not the package's: a project's
    # top-level ``debug_tools`` package holds production code
    words = {word.lower() for part in where[:-3].split("/")[-2:] for word in re.split(r"[._-]", part)}
    return is_test_path(where) or bool(words & _DEVELOPMENT_WORDS)


def _installed_for_development_only(node: nodes.ClassDef) -> str | None:
    """Why the deployment never runs the middleware class ``node`` although a ``MIDDLEWARE`` listing names
    it, or None: every listing that names it is in a settings file for development or tests
    (``_development_settings``: thenewboston's debugging ``LoggingMiddleware``, added only by
    ``settings/templates/settings.dev.py`` and ``settings.unittests.py``), the project's settings are
    read in full (``_settings_read``: nothing computed could add it in the deployment) and include a
    deployed settings module of the class's own top-level package that is not a distribution's (a
    reusable app's test settings list its middleware for its users, who install it anywhere; a
    repository whose server command runs the package's ASGI or WSGI module deploys it as an application,
    ``deployment.serves_package``), and no code
    but those listings and its own definition names it (a subclass, a wrapper would run it). Its
    thread switch costs only on a developer's machine or in the tests.

    Also development-only: a listing in a Python file where every string naming the class lies under a
    DEBUG test (``_installed_only_under_debug``). When all such files are non-test modules of the class's
    own top-level package (its settings' ``if DEBUG: MIDDLEWARE += [...]``, or a library's builder of its
    users' MIDDLEWARE, django-cfg's ``if self.config.debug: middleware.append(...)``), the package's own
    code decides where it runs, so the deployed-settings and distribution conditions above are not asked;
    a docs page that lists it (users install it themselves) still keeps the finding."""
    from asynclint.core import deployment, django_kinds

    root = deployment.project_root(node.root().file)
    try:
        mine = Path(node.root().file).resolve().relative_to(root.resolve())
    except ValueError:
        return None
    own = f"{node.root().name}.{node.name}"
    # its own module's docstring telling how to install it (``MIDDLEWARE += ('app.mw.LoggingMiddleware',)``)
    # installs nothing; a settings module that defines a middleware and lists it does
    named = {}
    for path, where in _listings(root).get(node.name, ()):
        if (path == own or definition(path, node) is node) and \
                (where != mine.as_posix() or _sets_middleware(node.root())):
            named.setdefault(where, set()).add(path)
    listings = sorted(named)
    gated = [where for where in listings if not _development_settings(where) and
             _installed_only_under_debug(root / where, named[where])]
    if not listings or not all(_development_settings(where) or where in gated for where in listings):
        return None
    package = mine.parts[0]
    # the package's own code installs it only under DEBUG (its settings, or a library's builder of its users'
    # MIDDLEWARE): wherever that code runs, the class runs only on a development server
    own_code = bool(gated) and all(where.split("/")[0] == package and not deployment.is_test_path(where)
                                   for where in gated)
    settings = _settings_read(root)
    if not own_code and (not settings or not any(where.split("/")[0] == package for where in settings) or
                         (_distributed(root, package) and not deployment.serves_package(root, package))):
        return None  # no deployed settings of its own (a library's test settings): its users' MIDDLEWARE decides
    if django_kinds.identifiers(node.root()).get(node.name):
        return None
    listed_files = {os.path.abspath(root / where) for where in listings}
    for path in django_kinds._files_mentioning(node):  # noqa: SLF001 (the project's text index)
        path = os.path.abspath(path)
        if path != os.path.abspath(node.root().file) and path not in listed_files and \
                _named_in_code(path, node.name, node.root().name):
            return None
    if gated:
        return f"only DEBUG installs it ({', '.join(gated[:2])} list it under a DEBUG test)"
    return f"only settings for development or tests list it in MIDDLEWARE ({', '.join(listings[:2])})"


def _debug_test(test) -> bool:
    """An ``if`` test true only when DEBUG is: ``DEBUG``, ``settings.DEBUG``, ``self.config.debug``, or a
    conjunction with one of them (``DEBUG and env("PROFILE")``); not ``not DEBUG``, not ``DEBUG or x``."""
    import ast

    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_debug_test(value) for value in test.values)
    return (isinstance(test, ast.Name) and test.id == "DEBUG") or \
        (isinstance(test, ast.Attribute) and test.attr in ("DEBUG", "debug"))


def _installed_only_under_debug(path: Path, dotted: set[str]) -> bool:
    """Every string of the Python file ``path`` that is one of the middleware's dotted paths lies in the
    body of an ``if`` (or the true branch of a conditional expression) whose test is a DEBUG test
    (``_debug_test``): ``if DEBUG: MIDDLEWARE += [...]`` in settings, a builder's
    ``if self.config.debug: middleware.append(...)``. A thread switch per request on a development server
    is no cost anyone fixes. An ``else`` branch, any other occurrence (a docstring too), or a file that
    does not parse: False."""
    import ast

    if path.suffix != ".py":
        return False
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return False
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    found = False
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and node.value in dotted):
            continue
        found, child, parent = True, node, parents.get(node)
        while parent is not None:
            if isinstance(parent, ast.If) and child in parent.body and _debug_test(parent.test) or \
                    isinstance(parent, ast.IfExp) and child is parent.body and _debug_test(parent.test):
                break
            child, parent = parent, parents.get(parent)
        else:
            return False
    return found


def _sets_middleware(module: nodes.Module) -> bool:
    """Code of ``module`` names ``MIDDLEWARE`` (a settings module that defines a middleware too); a
    docstring that tells how to install the module's class (``MIDDLEWARE += ('app.mw.LoggingMiddleware',)``)
    does not."""
    return any(name.name == api.MIDDLEWARE_SETTING for name in module.nodes_of_class((nodes.Name, nodes.AssignName))) or \
        any(attribute.attrname == api.MIDDLEWARE_SETTING
            for attribute in module.nodes_of_class((nodes.Attribute, nodes.AssignAttr)))


def _lists_from_its_module(root: Path, node: nodes.ClassDef) -> bool:
    """The project's settings (read in full) list another middleware of ``node``'s own module in
    ``MIDDLEWARE`` (zurichat's ``config/settings`` list ``channel_plugin.utils.middleware.CorsMiddleware``
    beside which ``AuthenticationMiddleware`` is only a comment): the settings choose among that module's
    middleware, so the module is the project's own, not a library's whose users' settings decide, even when
    the settings live in another top-level package than the module. A module the settings list through
    counts too when it re-exports ``node`` (Classcom's ``core/middlewares/__init__.py`` star-imports its
    modules and the settings list ``core.middlewares.ExceptionMiddleware``: ``CacheMiddleware`` beside it
    never runs)."""
    own = node.root().name.split(".")
    for path in _settings_entries(root):
        owner, _, last = path.rpartition(".")
        theirs = owner.split(".")
        shorter = min(len(theirs), len(own))
        if last != node.name and shorter and theirs[-shorter:] == own[-shorter:] and \
                isinstance(definition(path, node), (nodes.ClassDef, nodes.FunctionDef)) and \
                definition(path, node).root() is node.root():
            return True
        if last != node.name and owner != node.root().name and definition(f"{owner}.{node.name}", node) is node:
            return True  # the listed entry's module re-exports this class too (a package __init__'s star import)
    return False


def named_nowhere(node: nodes.ClassDef) -> str | None:
    """Why the middleware class ``node`` may never run although ``never_installed`` cannot say it does
    not: the project has settings that mention ``MIDDLEWARE`` (outside test folders), no ``MIDDLEWARE``
    listing (settings, ``override_settings``, docs) names the class and no code but its definition does,
    while the settings are not read in full (a list extended with computed
    entries, a plugin hook handed ``globals()`` such as ``djp.settings(globals())``) or the package is a
    reusable app. Whether it costs anything depends on a ``MIDDLEWARE`` asynclint cannot see: *possible*."""
    from asynclint.core import deployment
    from asynclint.core.deployment import is_test_path

    if not node.root().file or _listed(node) is not None:
        return None
    settings = sorted((where for _, where in _listings(deployment.project_root(node.root().file)).get(_SETTINGS_FILES, ())
                       if not is_test_path(where)), key=lambda where: ("settings" not in where, where))
    if not settings or _named_by_code(node):
        return None  # no settings of its own: its users' MIDDLEWARE decides, as for any library middleware
    return f"no MIDDLEWARE setting of the project ({', '.join(settings[:2])}) names it and no other code uses it"


def _named_by_code(node: nodes.ClassDef) -> bool:
    """Code other than the class's own definition names it (a subclass, ``decorator_from_middleware``, a
    wrapper, a dotted path in a string)."""
    from asynclint.core import django_kinds

    return bool(len(django_kinds.identifiers(node.root()).get(node.name, ()))) or \
        any(os.path.abspath(path) != os.path.abspath(node.root().file) and
            _named_in_code(path, node.name, node.root().name)
            for path in django_kinds._files_mentioning(node))  # noqa: SLF001 (the project's text index)


def async_twin(node: nodes.ClassDef) -> str | None:
    """The async-capable middleware class of the same family that ``node``'s module defines beside it, by
    name: the class's name with ``Async`` added (``IPinfoMiddleware`` / ``IPinfoAsyncMiddleware``,
    ``AuditMiddleware`` / ``AsyncAuditMiddleware`` / ``AuditMiddlewareAsync``), whose flags make it async-only or
    hybrid; else None. The module ships the sync class for WSGI and the twin for ASGI (ipinfo/django's
    four pairs): the sync one staying sync is its design, and where a project installs it under ASGI,
    ``sync-only-middleware-in-settings`` reports the entry."""
    module = node.root()
    for statement in module.body:
        if not isinstance(statement, nodes.ClassDef) or statement is node or "Async" not in statement.name or \
                statement.name.replace("Async", "", 1) != node.name:
            continue
        twin = factory(statement)
        if twin is not None and twin.flags.async_capable:
            return statement.name
    return None


def _without_comments(text: str) -> str:
    """Python source without its comments (the text itself when it does not tokenize)."""
    import io
    import tokenize

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (SyntaxError, tokenize.TokenError, ValueError):
        return text
    return " ".join(token.string for token in tokens if token.type != tokenize.COMMENT)


def _named_in_code(path: str, name: str, module: str | None = None) -> bool:
    """``name`` occurs in ``path`` outside comments (a name, or inside a string: a dotted path). A
    commented-out ``MIDDLEWARE`` entry (apiv2's ``#'...admin_timezone.TimezoneMiddleware'``) runs nothing.
    With ``module`` (the dotted name of the class's module), a string that is a whole dotted path to a
    ``name`` of another module does not count: ``"django.contrib.auth.middleware.AuthenticationMiddleware"``
    names Django's class, not a project class of the same name (the two module paths are compared by
    their trailing components, as the project may be imported from another folder).
    A file that cannot be tokenized counts as naming it."""
    import io
    import tokenize

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            tokens = list(tokenize.generate_tokens(io.StringIO(handle.read()).readline))
    except (OSError, SyntaxError, tokenize.TokenError, ValueError):
        return True
    strings = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    return any((token.type == tokenize.NAME and token.string == name) or
               (token.type in strings and name in token.string and not _path_to_another(token.string, name, module))
               for token in tokens)


_WHOLE_DOTTED = re.compile(r"""^[rRbBuU]?(["'])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\1$""")


def _path_to_another(string: str, name: str, module: str | None) -> bool:
    """The string literal ``string`` is exactly a dotted path ``a.b.name`` whose module ``a.b`` is not
    ``module`` (neither is a trailing run of the other's components)."""
    found = _WHOLE_DOTTED.match(string)
    if module is None or found is None:
        return False
    owner, _, last = found.group(2).rpartition(".")
    if last != name:
        return False
    theirs, ours = owner.split("."), module.split(".")
    shorter = min(len(theirs), len(ours))
    return theirs[-shorter:] != ours[-shorter:]


def _distributed(root: Path, package: str) -> bool:
    """The repository builds a distribution that ships ``package`` (froide: ``[project] name = "froide"``
    with a ``[build-system]``; a ``setup.py``): other projects install it and list its middleware in their
    own settings (FragDenStaat runs froide's under uvicorn), so its own settings module, a development
    project, does not tell whether the class runs."""
    import re

    from asynclint.config import tomllib

    if (root / "setup.py").is_file():
        return True
    normal = lambda name: re.sub(r"[-_.]+", "_", str(name)).lower()  # noqa: E731
    try:
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError):
        data = {}
    names = {data.get("project", {}).get("name"), data.get("tool", {}).get("poetry", {}).get("name")}
    if "build-system" in data and normal(package) in {normal(name) for name in names if name}:
        return True
    try:
        text = (root / "setup.cfg").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    found = re.search(r"^\s*name\s*=\s*(\S+)", text, re.MULTILINE)
    return found is not None and normal(found.group(1)) == normal(package)


def _settings_read(root: Path) -> list[str] | None:
    """The project's settings modules (outside test folders) that assign ``MIDDLEWARE`` (at module
    level or in a django-configurations class body), when every statement of the project's Python
    files that sets or changes it (``=``, ``+=``, ``.append()``/``.insert()``/``.extend()``/
    ``.remove()``, item assignment, an ``override_settings(MIDDLEWARE=...)`` keyword) uses string
    literals only; None when one does not (a list read from the environment or built from names:
    what runs is unknown)."""
    import ast

    from asynclint.core import context
    from asynclint.core.deployment import is_test_path

    known = context.current().middleware_listings
    key = (root, "read")
    if key in known:
        return known[key]
    settings: list[str] = []
    entries: list[str] = []
    for _, where in _listings(root).get(_SETTINGS_FILES, ()):
        try:
            tree = ast.parse((root / where).read_text(encoding="utf-8", errors="replace"))
        except (OSError, SyntaxError, ValueError):
            known[key] = None
            return None
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            values, assigns = [], False
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                targets = [t.value if isinstance(t, ast.Subscript) else t for t in targets]
                if any(_names_middleware(t) for t in targets):
                    values, assigns = [node.value], isinstance(node, (ast.Assign, ast.AnnAssign))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    _names_middleware(node.func.value):
                values = node.args
            elif isinstance(node, ast.keyword) and node.arg == api.MIDDLEWARE_SETTING:
                values = [node.value]
            # a read that flows into something else (MIDDLEWARE = base.MIDDLEWARE + ...); not one that
            # changes it in place (MIDDLEWARE.append(...)) or tests it (membership, or a slice compared:
            # thenewboston's `assert MIDDLEWARE[:1] == [...]` before its `MIDDLEWARE.insert(1, ...)`)
            elif isinstance(node, ast.Name) and node.id == api.MIDDLEWARE_SETTING and \
                    not isinstance(node.ctx, ast.Store) and not isinstance(parents.get(node), (ast.Attribute, ast.Compare)) and \
                    not (isinstance(parents.get(node), ast.Subscript) and isinstance(parents.get(parents[node]), ast.Compare)):
                values = [node]
            if not all(_literal_strings(value) for value in values):
                known[key] = None
                return None
            if assigns and not is_test_path(where) and where not in settings:
                settings.append(where)
            if not is_test_path(where):
                entries.extend(item.value for value in values for item in ast.walk(value)
                               if isinstance(item, ast.Constant) and isinstance(item.value, str))
    known[key] = settings
    known[(root, "entries")] = entries
    return settings


def _settings_entries(root: Path) -> list[str]:
    """The dotted paths that the project's settings (read in full, test folders aside) put in
    ``MIDDLEWARE``; empty when they are not read in full."""
    from asynclint.core import context

    if not _settings_read(root):
        return []
    return context.current().middleware_listings.get((root, "entries"), [])


def _literal_strings(value) -> bool:
    """A string, or a list/tuple (or a sum of them) of strings only."""
    import ast

    if isinstance(value, ast.Constant):
        return isinstance(value.value, (str, int))  # .insert(0, "path")
    if isinstance(value, (ast.List, ast.Tuple)):
        return all(_literal_strings(item) for item in value.elts)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _literal_strings(value.left) and _literal_strings(value.right)
    return False


# --- settings ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One ``MIDDLEWARE`` entry and what asynclint knows of its mode."""

    node: nodes.NodeNG
    path: str | None  # None: not a string literal
    mode: str | None  # SYNC_ONLY, ASYNC_ONLY, HYBRID; None: unknown
    source: str = ""  # "django", "table", "project"
    chosen: bool = False  # sync-only on purpose (``@sync_only_middleware`` / ``async_capable = False``)
    known: api.KnownMiddleware | None = None
    factory: Factory | None = None


def middleware_lists(module: nodes.Module) -> list[nodes.List | nodes.Tuple]:
    """The literal lists a settings module assigns to ``MIDDLEWARE`` at module level, or in the body of
    a django-configurations class (``class Base(Configuration): MIDDLEWARE = [...]``, and its
    subclasses in the module)."""
    found = _assigned_lists(module.body)
    configurations: set[str] = set()
    for statement in module.body:
        if isinstance(statement, nodes.ClassDef) and any(
                (base.name if isinstance(base, nodes.Name) else getattr(base, "attrname", None))
                in ({"Configuration"} | configurations) for base in statement.bases):
            configurations.add(statement.name)
            found.extend(_assigned_lists(statement.body))
    return found


def _assigned_lists(body: list[nodes.NodeNG]) -> list[nodes.List | nodes.Tuple]:
    """The literal lists that the statements ``body`` assign to ``MIDDLEWARE``."""
    found = []
    for statement in body:
        if isinstance(statement, nodes.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, nodes.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        if any(isinstance(t, nodes.AssignName) and t.name == api.MIDDLEWARE_SETTING for t in targets) and \
                isinstance(value, (nodes.List, nodes.Tuple)):
            found.append(value)
    return found


def entry(node: nodes.NodeNG, context: nodes.NodeNG) -> Entry:
    if not isinstance(node, nodes.Const) or not isinstance(node.value, str) or "." not in node.value:
        return Entry(node, None, None)
    path = node.value
    if path.startswith(api.DJANGO_MIDDLEWARE_PREFIX):
        return Entry(node, path, api.HYBRID, "django")
    known = api.KNOWN_MIDDLEWARE.get(path)
    if known is not None:
        return Entry(node, path, known.mode, "table", known=known)
    found = definition(path, context)
    if isinstance(found, (nodes.ClassDef, nodes.FunctionDef)):
        analysed = factory(found)
        if analysed is not None:
            return Entry(node, path, analysed.flags.mode, "project", chosen=analysed.flags.chosen_sync_only,
                         factory=analysed)
    return Entry(node, path, None)


def switches(modes: list[str | None], server_async: bool = True) -> int:
    """How many times a request crosses between async and sync in a chain, as ``load_middleware``
    builds it: from the innermost handler (async under ASGI) out, each middleware runs sync if the
    layer below is sync and it can, else in its async mode if it has one; every change of mode, and a
    top that differs from the server, is one adapter (``sync_to_async``/``async_to_sync``).
    Unknown modes count as hybrid, which never adds a switch: the result is then a lower bound."""
    handler_async = server_async
    count = 0
    for mode in reversed(modes):
        can_sync = mode != api.ASYNC_ONLY
        can_async = mode != api.SYNC_ONLY
        middleware_async = False if (not handler_async and can_sync) else can_async
        count += middleware_async != handler_async
        handler_async = middleware_async
    return count + (handler_async != server_async)


# --- which side of a hybrid ``__call__`` runs ----------------------------------------------------------
#: ``self.<name>`` flags that hybrid middleware set to say "get_response is a coroutine function".
_ASYNC_MODE_FLAGS = frozenset({api.LEGACY_COROUTINE_MARKER, "async_mode", "_async_mode", "is_async", "_is_async"})


def _is_self(node: nodes.NodeNG) -> bool:
    if _is_call_to(node, _CASTS) and len(node.args) == 2:
        node = node.args[1]  # ``cast(Self, self)``
    return isinstance(node, nodes.Name) and node.name == "self"


def _checks_coroutine(node: nodes.NodeNG) -> bool:
    """``iscoroutinefunction(self)`` / ``(self.get_response)`` / ``(get_response)``, under any of its spellings
    (a fallback ``iscoroutinefunction = asyncio.iscoroutinefunction`` included)."""
    if not isinstance(node, nodes.Call) or len(node.args) != 1:
        return False
    func = node.func
    named = (func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)) == "iscoroutinefunction"
    if not (named or _is_call_to(node, api.ISCOROUTINEFUNCTION)):
        return False
    argument = node.args[0]
    if isinstance(argument, nodes.Attribute):
        return _is_self(argument.expr) and argument.attrname == "get_response"
    return _is_self(argument) or (isinstance(argument, nodes.Name) and argument.name == "get_response")


def async_mode_test(test: nodes.NodeNG) -> bool:
    """``test`` is true exactly when a hybrid middleware runs in async mode: ``iscoroutinefunction(self)``,
    ``asyncio.iscoroutinefunction(self.get_response)``, or a ``self.<flag>`` the class sets from such a
    check (``self._is_coroutine = iscoroutinefunction(get_response)``) or names so (``self.async_mode``)."""
    if _checks_coroutine(test):
        return True
    if not (isinstance(test, nodes.Attribute) and isinstance(test.expr, nodes.Name) and test.expr.name == "self"):
        return False
    if test.attrname in _ASYNC_MODE_FLAGS:
        return True
    cls = test.frame().parent
    if not isinstance(cls, nodes.ClassDef):
        return False
    return any(target.attrname == test.attrname and isinstance(target.expr, nodes.Name) and target.expr.name == "self"
               and isinstance(target.parent, nodes.Assign) and _checks_coroutine(target.parent.value)
               for target in cls.nodes_of_class(nodes.AssignAttr))


# --- the user, resolved before the views ---------------------------------------------------------
#: The MiddlewareMixin hooks that Django runs before the view, in a worker thread under ASGI too
#: (``MiddlewareMixin.__acall__`` runs ``process_request`` with ``sync_to_async``; the handler adapts a
#: sync ``process_view``).
_BEFORE_VIEW_HOOKS = ("process_request", "process_view")


def user_resolved_before_views(module: nodes.Module) -> str | None:
    """A project middleware, listed in a ``MIDDLEWARE`` setting of the project of ``module``, whose
    sync code reads ``request.user`` on every request before the view runs (in a worker thread under
    ASGI): the lazy user is loaded there, so a view's later ``request.user`` queries nothing. Its dotted
    path, or None. Once per project per run."""
    from asynclint.core import context, deployment

    if not module.file:
        return None
    root = deployment.project_root(module.file)
    cache = context.current().deployments
    key = ("user-resolved-before-views", root)
    if key not in cache:
        cache[key] = next((path for path in _listed_middleware(root) if _resolves_user(path, module)), None)
    return cache[key]


def _listed_middleware(root: Path) -> list[str]:
    """The project middleware paths (not Django's) that the project's Python files put in ``MIDDLEWARE``
    (``MIDDLEWARE = [...]``, ``+=``, ``.append(...)``, ``.insert(i, ...)``)."""
    import ast

    from asynclint.core import deployment

    found: dict[str, None] = {}
    for _name, entries in _listings(root).items():
        for dotted, where in entries:
            if where.endswith(".py") and not dotted.startswith("django.") and dotted not in api.KNOWN_MIDDLEWARE:
                found.setdefault(where, None)
    found = {where: None for where in found if deployment.project_root(root / where) == root}  # not a nested project
    paths: dict[str, None] = {}
    for where in found:
        try:
            tree = ast.parse((root / where).read_text(encoding="utf-8", errors="replace"))
        except (OSError, SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            values = []
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(_names_middleware(t) for t in targets) and node.value is not None:
                    values = [node.value]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("append", "insert") and _names_middleware(node.func.value):
                values = node.args[-1:]
            for value in values:
                for item in ast.walk(value):
                    if isinstance(item, ast.Constant) and isinstance(item.value, str) and "." in item.value \
                            and not item.value.startswith("django.") and item.value not in api.KNOWN_MIDDLEWARE:
                        paths.setdefault(item.value, None)
    return list(paths)


def _names_middleware(node) -> bool:
    import ast

    return (isinstance(node, ast.Name) and node.id == api.MIDDLEWARE_SETTING) or \
        (isinstance(node, ast.Attribute) and node.attr == api.MIDDLEWARE_SETTING)


def _resolves_user(path: str, context_node: nodes.NodeNG) -> bool:
    try:
        found = definition(path, context_node)
    except Exception:  # pylint: disable=broad-except  # an unloadable module: nothing known
        return False
    if not isinstance(found, (nodes.ClassDef, nodes.FunctionDef)):
        return False
    analysed = factory(found)
    if analysed is None:
        return False
    if not analysed.is_class:
        inner = [item for item in found.body if isinstance(item, nodes.FunctionDef)
                 and not isinstance(item, nodes.AsyncFunctionDef)]
        return analysed.flags.mode == api.SYNC_ONLY and any(_reads_user_first(f, stop_at_get_response=True)
                                                            for f in inner)
    methods = {method.name: method for method in reversed(_chain(found).methods())}
    if analysed.mixin and not analysed.overrides_mixin_call:
        return any(isinstance(methods.get(name), nodes.FunctionDef) and not isinstance(
            methods[name], nodes.AsyncFunctionDef) and _reads_user_first(methods[name], stop_at_get_response=False)
            for name in _BEFORE_VIEW_HOOKS)
    call = methods.get("__call__")
    return analysed.flags.mode == api.SYNC_ONLY and isinstance(call, nodes.FunctionDef) and \
        not isinstance(call, nodes.AsyncFunctionDef) and _reads_user_first(call, stop_at_get_response=True)


def _reads_user_first(function: nodes.FunctionDef, stop_at_get_response: bool) -> bool:
    """Whether ``function`` reads ``request.user`` (its request parameter) in a statement that every
    call runs, before anything can return and (``stop_at_get_response``) before it calls the view."""
    params = [arg.name for arg in function.args.args]
    params = params[1:] if params and params[0] == "self" else params
    if not params:
        return False
    request = params[0]
    for statement in function.body:
        unconditional = [statement.test] if isinstance(statement, nodes.If) else \
            [] if isinstance(statement, (nodes.For, nodes.While, nodes.Try, nodes.With, nodes.FunctionDef,
                                         nodes.ClassDef)) else [statement]
        for part in unconditional:
            if _reads_user(part, request):
                return True
        if stop_at_get_response and any(_calls_get_response(call) for call in statement.nodes_of_class(nodes.Call)):
            return False
        if isinstance(statement, (nodes.Return, nodes.Raise)) or \
                next(statement.nodes_of_class((nodes.Return, nodes.Raise)), None) is not None:
            return False  # an early exit: what follows does not run on every request
    return False


def _reads_user(node: nodes.NodeNG, request: str) -> bool:
    """``request.user`` (or ``getattr(request, "user", ...)``) evaluated whenever ``node`` is (not in
    a lambda, comprehension, conditional expression or the right side of ``and``/``or``)."""
    if isinstance(node, (nodes.Lambda, nodes.ComprehensionScope, nodes.IfExp)):
        return False
    if isinstance(node, nodes.BoolOp):
        return _reads_user(node.values[0], request)
    if isinstance(node, nodes.Attribute) and node.attrname == "user" and isinstance(node.expr, nodes.Name) \
            and node.expr.name == request:
        return True
    if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name) and node.func.name == "getattr" and \
            len(node.args) >= 2 and isinstance(node.args[0], nodes.Name) and node.args[0].name == request and \
            isinstance(node.args[1], nodes.Const) and node.args[1].value == "user":
        return True
    return any(_reads_user(child, request) for child in node.get_children())


def _calls_get_response(call: nodes.Call) -> bool:
    func = call.func
    return (isinstance(func, nodes.Name) and func.name == "get_response") or \
        (isinstance(func, nodes.Attribute) and func.attrname == "get_response")


# --- sync on purpose: state of the worker thread --------------------------------------------------
_THREAD_LOCAL_FACTORIES = frozenset({"threading.local", "_threading_local.local"})
_THREAD_STATE = re.compile(r"thread_?(?:local|context|data)s?$|^_?thread_?locals?$", re.IGNORECASE)
#: Django's database connections are per thread: a middleware that closes or resets them around each
#: request manages the connection of the thread the request's ORM work runs in (the worker thread, under
#: ASGI too, where the sync view and this middleware share it). An async one would run on the loop's
#: thread, whose connections the request never uses: sync is the point.
_THREAD_CONNECTIONS = frozenset({"django.db.connections", "django.db.connection"})
_THREAD_CONNECTION_CALLS = frozenset({"django.db.close_old_connections", "django.db.reset_queries"})
_CLOSING = frozenset({"close", "close_all", "close_if_unusable_or_obsolete"})
#: ``connection.execute_wrapper(wrapper)`` installs ``wrapper`` on the calling thread's connection (Django's
#: ``BaseDatabaseWrapper.execute_wrapper`` appends to that connection's ``execute_wrappers``): a middleware
#: that wraps ``get_response`` in it sees the queries of the thread the sync view runs in, and an async
#: one would see none.
_THREAD_CONNECTION_METHODS = _CLOSING | {"execute_wrapper"}
#: The calling thread's identity. State stored under it (``_requests[threading.get_ident()] = request``,
#: read back with ``_requests.get(threading.get_ident())`` by the views' code) is a hand-made
#: thread-local: under ASGI only the worker thread the adapted sync middleware shares with the sync view
#: finds it again. Used elsewhere (a thread name in a log line) it binds nothing.
_THREAD_IDENTITY = frozenset({"threading.get_ident", "threading.get_native_id", "_thread.get_ident",
                              "threading.current_thread", "threading.currentThread"})
_KEYED_ACCESS = frozenset({"get", "pop", "setdefault", "__setitem__", "__getitem__", "__delitem__"})


def _keys_by_thread(call: nodes.Call) -> bool:
    """``call`` is ``threading.get_ident()`` (or the current thread) used as the key of a subscript
    (``_map[threading.get_ident()] = request``) or of a mapping's ``get``/``pop``/``setdefault``."""
    if not isinstance(call.func, (nodes.Name, nodes.Attribute)) or qualified_name(call.func) not in _THREAD_IDENTITY:
        return False
    parent = call.parent
    if isinstance(parent, nodes.Subscript) and parent.slice is call:
        return True
    return isinstance(parent, nodes.Call) and parent.args[:1] == [call] and \
        isinstance(parent.func, nodes.Attribute) and parent.func.attrname in _KEYED_ACCESS


def thread_bound(found: Factory) -> bool:
    """The middleware keeps or clears state of the thread it runs in (a ``threading.local()`` of its
    module, an attribute such as ``_thread_locals``/``thread_context``, or a library call bound to the
    thread, ``asynclint.libraries.loops.THREAD_BOUND_CALLS``), itself or through a project function it
    calls (one or two calls deep) that writes a module-level ``threading.local()`` of its own module
    (``set_current_tenant(tenant)``): it only works sync, in the worker thread the sync view runs in
    (under ASGI that is the thread it is adapted into), so being sync-only is its design, not a slip."""
    local_names = _thread_local_names(found.node.root())
    for function in _code(found):
        for node in function.nodes_of_class((nodes.Name, nodes.Attribute, nodes.AssignAttr)):
            name = node.name if isinstance(node, nodes.Name) else node.attrname
            if name in local_names or _THREAD_STATE.search(name):
                return True
        for call in function.nodes_of_class(nodes.Call):
            if isinstance(call.func, (nodes.Name, nodes.Attribute)) and qualified_name(call.func) in \
                    _THREAD_LOCAL_FACTORIES:
                return True  # self._local = threading.local() in __init__
            if _closes_thread_connection(call) or _keys_by_thread(call):
                return True
            if isinstance(call.func, (nodes.Name, nodes.Attribute)) and qualified_name(call.func) in THREAD_BOUND_CALLS:
                return True  # with pghistory.context(...): a library's state of this thread
    return any(_writes_thread_local(callee, 1) for function in _code(found) for callee in _called_functions(function))


#: How many calls deep ``thread_bound`` follows project functions for a write to a thread-local.
_THREAD_STATE_DEPTH = 2


def _called_functions(function: nodes.FunctionDef) -> list[nodes.FunctionDef]:
    """The project's sync module-level functions ``function`` calls by name (same or imported module)."""
    found = []
    for call in function.nodes_of_class(nodes.Call):
        if not isinstance(call.func, (nodes.Name, nodes.Attribute)):
            continue
        callee = definition_of(call.func)
        if isinstance(callee, nodes.FunctionDef) and not isinstance(callee, nodes.AsyncFunctionDef) and \
                isinstance(callee.parent, nodes.Module) and callee is not function and callee not in found:
            found.append(callee)
    return found


def _writes_thread_local(function: nodes.FunctionDef, depth: int) -> bool:
    """``function`` sets, deletes or clears an attribute of a module-level ``threading.local()`` of its own
    module (``_context.tenant = t``, ``setattr(_context, "tenant", t)``), or calls a project function that
    does (up to ``_THREAD_STATE_DEPTH`` calls deep)."""
    local_names = _thread_local_names(function.root())
    if local_names:
        for node in function.nodes_of_class((nodes.AssignAttr, nodes.DelAttr)):
            if isinstance(node.expr, nodes.Name) and node.expr.name in local_names and not _switched_off(node, function):
                return True
        for call in function.nodes_of_class(nodes.Call):
            if isinstance(call.func, nodes.Name) and call.func.name in ("setattr", "delattr") and call.args and \
                    isinstance(call.args[0], nodes.Name) and call.args[0].name in local_names and \
                    not _switched_off(call, function):
                return True
    return depth < _THREAD_STATE_DEPTH and any(
        _writes_thread_local(callee, depth + 1) for callee in _called_functions(function))


def _switched_off(node: nodes.NodeNG, function: nodes.FunctionDef) -> bool:
    """``node`` runs only under ``if FLAG:`` where ``FLAG`` is a module-level name set to ``False``
    (``use_threadlocal = False``): by default the state is not kept per thread."""
    child, parent = node, node.parent
    while parent is not None and parent is not function:
        if isinstance(parent, nodes.If) and child in parent.body and isinstance(parent.test, nodes.Name):
            module = function.root()
            values = [a.parent.value for a in module.locals.get(parent.test.name, ())
                      if isinstance(a, nodes.AssignName) and isinstance(a.parent, nodes.Assign) and a.parent.parent is module]
            if values and all(isinstance(v, nodes.Const) and not v.value for v in values):
                return True
        child, parent = parent, parent.parent
    return False


def _thread_local_names(module: nodes.Module) -> set[str]:
    """The module-level names bound to a ``threading.local()`` (a factory imported under several
    conditional bindings counts when one of them is ``threading.local``)."""
    found = getattr(module, "_asynclint_thread_locals", None)
    if found is not None:
        return found
    found = set()
    for statement in module.body:
        value = getattr(statement, "value", None)
        if isinstance(statement, (nodes.Assign, nodes.AnnAssign)) and isinstance(value, nodes.Call) and \
                _thread_local_factory(value.func):
            targets = statement.targets if isinstance(statement, nodes.Assign) else [statement.target]
            found |= {t.name for t in targets if isinstance(t, nodes.AssignName)}
    module._asynclint_thread_locals = found  # pylint: disable=protected-access
    return found


def _thread_local_factory(func: nodes.NodeNG) -> bool:
    if not isinstance(func, (nodes.Name, nodes.Attribute)):
        return False
    if qualified_name(func) in _THREAD_LOCAL_FACTORIES:
        return True
    if isinstance(func, nodes.Name):  # ``if ASGIREF: from asgiref.local import Local as local / else: from threading import local``
        return any(isinstance(binding, (nodes.Import, nodes.ImportFrom)) and
                   imported_name(binding, func.name) in _THREAD_LOCAL_FACTORIES for binding in bindings(func))
    return False


def _closes_thread_connection(call: nodes.Call) -> bool:
    """``close_old_connections()``, ``reset_queries()``, ``connection.close()``, ``connections.close_all()``,
    ``connections[alias].close()`` or ``conn.close()`` with ``conn = connections[alias]`` or ``for conn in
    connections.all()``, and the same
    receivers' ``execute_wrapper(...)`` (a wrapper on the thread's connection)."""
    func = call.func
    if isinstance(func, nodes.Name):
        return qualified_name(func) in _THREAD_CONNECTION_CALLS
    if not isinstance(func, nodes.Attribute) or func.attrname not in _THREAD_CONNECTION_METHODS:
        return False
    receiver = func.expr
    if isinstance(receiver, nodes.Name):
        names = [a for a in call.frame().nodes_of_class(nodes.AssignName) if a.name == receiver.name]
        assigned = [a.parent.value for a in names if isinstance(a.parent, nodes.Assign)]
        loops = [a.parent.iter for a in names if isinstance(a.parent, nodes.For) and a.parent.target is a]
        if len(loops) == 1 and len(names) == 1:
            # ``for conn in connections.all(): conn.close_if_unusable_or_obsolete()``: each connection of
            # the calling thread (``connections.all()`` lists that thread's)
            loop = loops[0]
            return func.attrname in _CLOSING and isinstance(loop, nodes.Call) and \
                isinstance(loop.func, nodes.Attribute) and loop.func.attrname == "all" and \
                isinstance(loop.func.expr, (nodes.Name, nodes.Attribute)) and \
                qualified_name(loop.func.expr) in _THREAD_CONNECTIONS
        receiver = assigned[0] if len(assigned) == 1 else receiver
    if isinstance(receiver, nodes.Subscript):
        receiver = receiver.value
    return isinstance(receiver, (nodes.Name, nodes.Attribute)) and qualified_name(receiver) in _THREAD_CONNECTIONS


# --- a sync-only entry whose fix saves no switch ----------------------------------------------------
def listed_definition(path: str, context: nodes.NodeNG) -> nodes.NodeNG | None:
    """What the ``MIDDLEWARE`` entry ``path`` names: through the project's imports, else the one project
    file at that module path (``karrio/server/core/middleware.py`` for
    ``karrio.server.core.middleware.SessionContext``: a namespace package spread over several source
    folders, which astroid's import from the settings module does not find)."""
    found = definition(path, context)
    if found is not None or not context.root().file:
        return found
    from astroid import MANAGER

    from asynclint.core import deployment
    from asynclint.core.django_kinds import _python_files_under  # noqa: PLC2701 (the run's project index)

    module, _, name = path.rpartition(".")
    root = deployment.project_root(context.root().file)
    wanted = (module.replace(".", "/") + ".py", module.replace(".", "/") + "/__init__.py")
    files = [where for where in _python_files_under(str(root))
             if any(where.replace(os.sep, "/").endswith("/" + w) for w in wanted)]
    if len(files) != 1:
        return None
    try:
        tree = MANAGER.ast_from_file(files[0])
    except Exception:  # noqa: BLE001 - unreadable or unparsable: nothing known
        return None
    candidates = [n for n in tree.locals.get(name, ()) if isinstance(n, (nodes.ClassDef, nodes.FunctionDef))]
    return candidates[-1] if len(candidates) == 1 else None


def resolved_entry(node: nodes.NodeNG, context: nodes.NodeNG) -> Entry:
    """``entry``, with an unknown project entry looked up by its file (``listed_definition``)."""
    found = entry(node, context)
    if found.mode is not None or found.path is None or found.path.startswith(api.DJANGO_MIDDLEWARE_PREFIX):
        return found
    target = listed_definition(found.path, context)
    analysed = factory(target) if isinstance(target, (nodes.ClassDef, nodes.FunctionDef)) else None
    if analysed is None:
        return found
    return Entry(node, found.path, analysed.flags.mode, "project", chosen=analysed.flags.chosen_sync_only,
                 factory=analysed)


def saves_no_switch(entries: list[Entry], must_stay_sync) -> str | None:
    """Why making the list's sync-only entries async-capable would save no switch, or None: an entry that
    must stay sync (``must_stay_sync(entry)``: bound to its worker thread, or declared sync-only while its
    code needs a thread) is left, and Django adapts once per stretch of sync-only middleware, so the
    request crosses to the worker thread and back as often with every other entry hybrid. prowler's
    ``CloseDBConnectionsMiddleware`` (it closes the thread's connections) first in the list leaves
    ``APILoggingMiddleware`` nothing to save; karrio's ``SessionContext`` (the request stored under
    ``threading.get_ident()``) does the same for ``RequestIDMiddleware`` and WhiteNoise."""
    kept = [e for e in entries if e.mode == api.SYNC_ONLY and must_stay_sync(e)]
    if not kept:
        return None
    modes = [e.mode for e in entries]
    fixed = [api.HYBRID if e.mode == api.SYNC_ONLY and e not in kept else e.mode for e in entries]
    if switches(fixed) != switches(modes):
        return None
    return f"{kept[0].path.rpartition('.')[2]} must stay sync"


def lists_naming(node: nodes.ClassDef) -> list[list[Entry]]:
    """The literal ``MIDDLEWARE`` lists of the project's settings (outside test folders) that name the
    class ``node``, each as its resolved entries (``resolved_entry``)."""
    from astroid import MANAGER

    from asynclint.core import deployment
    from asynclint.core.deployment import is_test_path

    if not node.root().file:
        return []
    root = deployment.project_root(node.root().file)
    wheres = sorted({where for _, where in _listings(root).get(node.name, ())
                     if where.endswith(".py") and not is_test_path(where)})
    found = []
    for where in wheres:
        try:
            module = MANAGER.ast_from_file(str(root / where))
        except Exception:  # noqa: BLE001 - unreadable or unparsable: nothing known
            continue
        for listed in middleware_lists(module):
            entries = [resolved_entry(element, module) for element in listed.elts]
            if any(e.factory is not None and e.factory.node.name == node.name and
                   e.factory.node.root().file and os.path.samefile(e.factory.node.root().file, node.root().file)
                   for e in entries):
                found.append(entries)
    return found


def declared_sync_only_needlessly(found: Factory) -> bool:
    """Sync-only on purpose (``async_capable = False``, ``@sync_only_middleware``) although nothing in its
    code needs a thread: sync code only, no sync work reached (query, blocking I/O...), no thread state."""
    return (found.flags.chosen_sync_only and found.sync_path and not found.async_path
            and django_evidence(found) is not None and not thread_bound(found)
            and not _needs_thread(found))


#: What a middleware reads from its request that loads synchronously (the user, the session).
_LAZY_REQUEST_STATE = frozenset({"user", "session"})


def _needs_thread(found: Factory) -> bool:
    """Some function of the middleware (nested ones included) reaches sync work, or reads the request's
    lazy user or session (``request.user.is_staff``), which load synchronously."""
    from asynclint.core.chains import sync_work  # chains imports this module (lazily) too

    for outer in code(found):
        for function in outer.nodes_of_class(nodes.FunctionDef):  # itself first, then the nested ones
            if sync_work(function):
                return True
            parameters = {a.name for a in function.args.arguments} - {"self", "cls"}
            if any(isinstance(node.expr, nodes.Name) and node.expr.name in parameters
                   and node.attrname in _LAZY_REQUEST_STATE for node in function.nodes_of_class(nodes.Attribute)):
                return True
    return False


def must_stay_sync(listed: Entry) -> bool:
    """A ``MIDDLEWARE`` entry that must stay sync: project middleware bound to its worker thread, or
    declared sync-only while its code needs a thread."""
    found = listed.factory
    return found is not None and (thread_bound(found) or
                                  (listed.chosen and not declared_sync_only_needlessly(found)))
