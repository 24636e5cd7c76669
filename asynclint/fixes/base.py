"""What a fixer returns (a ``Fix`` or a ``NoFix``), what it is given (a ``Context``), and the checks
every fixer shares: where an ``await`` may land, and how to spell a name the fix needs (adding the
import when the module has none)."""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from asynclint import django_api as api
from asynclint.finding import Fix, NoFix  # noqa: F401 - what a fixer returns, re-exported
from asynclint.core.chains import adapted_callable
from asynclint.core.describe import describe
from asynclint.core.imports import bindings, imported_name
from asynclint.core.versions import format_version
from asynclint.fixes import edits
from asynclint.fixes.edits import Edit, Span

SAFE = api.SAFE
UNSAFE = api.UNSAFE

# Why no fix is offered (``NoFix.kind``).
NO_FIX = "no automatic fix"
VERSION = "no replacement in the targeted Django version"
AMBIGUOUS = "ambiguous"
OUTSIDE_ASYNC = "outside an async def"


@dataclass
class Context:
    """The module a finding is in, its source, and the targeted Django version."""

    module: nodes.Module
    source: str
    target: api.Version
    lines: list[str] | None = None  # ``edits.source_lines(source)``, when the caller has them

    def __post_init__(self) -> None:
        if self.lines is None:
            self.lines = edits.source_lines(self.source)

    def span(self, node: nodes.NodeNG) -> Span:
        return Span.of(node, self.lines)

    def text(self, node: nodes.NodeNG) -> str:
        """The node's source text, exactly as written."""
        span = self.span(node)
        if span.line == span.end_line:
            return self.lines[span.line - 1][span.column:span.end_column]
        parts = [self.lines[span.line - 1][span.column:]]
        parts += self.lines[span.line:span.end_line - 1]
        parts.append(self.lines[span.end_line - 1][:span.end_column])
        return "\n".join(parts)

    def short(self, node: nodes.NodeNG) -> str:
        """How messages show the node: ``Book.objects.get(...)`` (core ``describe``)."""
        return describe(node)


def too_old(row_since: api.Version | None, target: api.Version, what: str) -> NoFix | None:
    if row_since is not None and target < row_since:
        return NoFix(VERSION, f"{what} arrives in Django {format_version(row_since)}; "
                              f"the targeted version is {format_version(target)}")
    return None


# --- where an await may go ---------------------------------------------------------------------------
def _within(node: nodes.NodeNG, ancestor: nodes.NodeNG) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def await_blocker(node: nodes.NodeNG) -> NoFix | None:
    """None when an ``await`` (or ``async for``) at ``node`` runs in an ``async def``'s body.

    Comprehensions run inline (an ``await`` makes them async comprehensions, evaluated right away);
    a generator expression would become an async generator, a lambda or nested ``def`` is sync.
    """
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, nodes.Lambda) and child is not parent.args:
            return NoFix(OUTSIDE_ASYNC, "it runs in a lambda, where await is not allowed")
        if isinstance(parent, nodes.FunctionDef):
            if child is parent.args or child is parent.decorators or child is parent.returns:
                child, parent = parent, parent.parent
                continue
            if isinstance(parent, nodes.AsyncFunctionDef):
                return None
            return NoFix(OUTSIDE_ASYNC, f"it runs in the sync function {parent.name}(), where await is not allowed")
        if isinstance(parent, nodes.ClassDef):
            if child in parent.bases or child is parent.decorators or child in parent.keywords:
                child, parent = parent, parent.parent
                continue
            return NoFix(OUTSIDE_ASYNC, "it runs in a class body")
        if isinstance(parent, nodes.GeneratorExp) and not _within(node, parent.generators[0].iter):
            return NoFix(AMBIGUOUS, "it is inside a generator expression, which await would turn into an "
                                    "async generator")
        if isinstance(parent, nodes.Module):
            return NoFix(OUTSIDE_ASYNC, "it runs at module level")
        child, parent = parent, parent.parent
    return NoFix(OUTSIDE_ASYNC, "it is not inside an async def")


def called_inside_adapter(node: nodes.NodeNG) -> bool:
    """``sync_to_async(<node>)`` with ``node`` a call: sync-to-async-called-not-passed's fix applies."""
    parent = node.parent
    if isinstance(parent, nodes.Keyword):
        parent = parent.parent
    return isinstance(node, nodes.Call) and isinstance(parent, nodes.Call) and adapted_callable(parent) is node


def deferred_to_adapter_fix(node: nodes.NodeNG) -> NoFix | None:
    if called_inside_adapter(node):
        return NoFix(AMBIGUOUS, "the call is passed to a thread adapter; the sync-to-async-called-not-passed "
                                "fix passes the function instead")
    return None


# --- names a fix needs ---------------------------------------------------------------------------------
def _module_bindings(module: nodes.Module, local: str) -> list[nodes.NodeNG]:
    return list(module.locals.get(local, ()))


def _visible(at: nodes.NodeNG, local: str, binding: nodes.NodeNG) -> bool:
    """Whether ``local`` at ``at`` refers to exactly ``binding`` (a module-level import)."""
    try:
        _scope, found = at.scope().lookup(local)
    except Exception:  # noqa: BLE001 - astroid lookups can fail on odd code; then it is not visible
        return False
    return list(found) == [binding]


def _free(at: nodes.NodeNG, module: nodes.Module, local: str) -> bool:
    """Nothing binds ``local`` at module level, nor in any scope that encloses ``at``."""
    if local in module.locals:
        return False
    scope = at.scope()
    while scope is not None and not isinstance(scope, nodes.Module):
        if local in scope.locals:
            return False
        scope = scope.parent.scope() if scope.parent is not None else None
    return True


@dataclass(frozen=True)
class Spelling:
    """How to write a qualified name at some place, and the import edits that makes it valid."""

    code: str
    edits: tuple[Edit, ...] = ()


def spell(qualified: str, at: nodes.NodeNG, module: nodes.Module, style: str = "name",
          replaces: str | None = None) -> Spelling | NoFix:
    """How to write ``qualified`` (``pkg.mod.name``) at ``at``: an existing ``from pkg.mod import name
    [as alias]``; else (``style`` "name") a new ``from pkg.mod import name`` (after ``replaces`` in an
    existing import of the module); else an existing import of the module (``mod.name``); else
    (``style`` "module") a new ``import pkg.mod``, spelled ``pkg.mod.name``."""
    modname, _, name = qualified.rpartition(".")
    for local, found in module.locals.items():
        for binding in found:
            if isinstance(binding, nodes.ImportFrom) and imported_name(binding, local) == qualified and \
                    _visible(at, local, binding):
                return Spelling(local)
    through_module = None
    for local, found in module.locals.items():
        for binding in found:
            if isinstance(binding, nodes.Import) and _visible(at, local, binding):
                for dotted, alias in binding.names:
                    if alias == local and dotted == modname:
                        through_module = through_module or Spelling(f"{local}.{name}")
                    if alias is None and dotted == modname and local == modname.split(".", 1)[0]:
                        through_module = through_module or Spelling(f"{modname}.{name}")
    if style == "name" and _free(at, module, name):
        return Spelling(name, (edits.ensure_import(modname, name, replaces),))
    if through_module is not None:
        return through_module
    if style == "module":
        top = modname.split(".", 1)[0]
        if not _free(at, module, top):
            return NoFix(AMBIGUOUS, f"the name {top!r} is already bound to something else")
        return Spelling(f"{modname}.{name}", (edits.ensure_import(modname),))
    return NoFix(AMBIGUOUS, f"the name {name!r} is already bound to something else here")


def import_binding(node: nodes.Name) -> tuple[str, str, str] | None:
    """(module, imported name, local name) of the ``from module import name [as local]`` that binds a
    Name at module level; None for any other binding."""
    found = bindings(node)
    if len(found) != 1 or not isinstance(found[0], nodes.ImportFrom) or found[0].parent is not found[0].root():
        return None
    binding = found[0]
    if binding.level:
        return None
    for name, alias in binding.names:
        if (alias or name) == node.name:
            return binding.modname, name, node.name
    return None


def module_import_binding(node: nodes.Name) -> str | None:
    """The module of the ``import module`` (no alias, top level) that binds a Name."""
    found = bindings(node)
    if len(found) != 1 or not isinstance(found[0], nodes.Import) or found[0].parent is not found[0].root():
        return None
    for dotted, alias in found[0].names:
        if alias is None and dotted == node.name:
            return dotted
    return None


def sync_to_async_spelling(at: nodes.NodeNG, module: nodes.Module) -> Spelling | NoFix:
    """``sync_to_async`` as the module already spells it (asgiref's, or Channels'
    ``database_sync_to_async``), else asgiref's, imported."""
    functions = sorted(q for q in api.SYNC_TO_ASYNC if api.short_name(q).islower())
    for qualified in functions:
        for local, found in module.locals.items():
            for binding in found:
                if isinstance(binding, nodes.ImportFrom) and imported_name(binding, local) == qualified and \
                        _visible(at, local, binding):
                    return Spelling(local)
    return spell(functions[0], at, module)
