"""Which modules can produce a finding: a cheap text (and, for a few, ``ast``) scan before pylint.

Most modules of a Django project have no async code, no adapters and no middleware, so no rule can
fire there. ``asynclint check`` hands pylint only the modules that pass this scan; astroid still
loads any other module lazily when the analysis follows an import into it.

Each rule needs one of a few *facts* about a module before it can fire there (``NEEDS``):

- ``ASYNC``: the module has an ``async def``, drives a loop of its own (``asyncio.run``,
  ``run_until_complete``), or may define sync code a library runs on the loop (a
  GraphQL resolver, a two-step Channels middleware: ``core.event_loop``) (every rule that needs code on
  the event loop);
- ``ADAPTERS``: it names a thread/loop adapter (``sync_to_async``, ``to_thread``, ``async_to_sync``...);
- ``ASYNC_ITERATION``: it names an async iterator source: an async method of the table that returns
  an async iterator (``aiterator``), an async generator function of the checked files, or, through
  any number of steps, a function or variable of the checked files whose body names one of those;
- ``ASYNC_VIEW``: it defines a class whose bases name a class of the checked files that has an async
  HTTP handler (directly or through any number of project base classes);
- ``MIDDLEWARE``: it names ``get_response``, ``MIDDLEWARE`` or anything ``...Middleware...``, or it
  defines a class whose bases name a class defined in such a module (through any number of steps);
- ``STREAMING``: it names a streaming response class (``StreamingHttpResponse``, ``FileResponse``): a
  sync view's streamed body is buffered under ASGI;
- ``PROJECT_COROUTINES``: it names a module-level coroutine function of the checked files (an ``async
  def``, or a ``def`` under ``@sync_to_async``/``@database_sync_to_async``): sync code can call one and
  drop the coroutine or read it as a value (``data.msg()`` in a plain view);
- ``ANY``: every module (the default for a rule that declares nothing: correct, just not fast).

A rule declares its facts with a class attribute ``prefilter = (ASYNC, ...)`` (``ANY`` when it
declares nothing). The scan over-approximates (a name in a
comment makes a module a candidate); it never drops a module that can produce a finding, except in
one case: an async generator or async view base class defined outside the checked files (in an
installed package) is not seen, so a sync module that iterates or subclasses only such a thing is
skipped. ``tests/test_cli_equivalence.py`` compares the result with a plain pylint run.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from asynclint import django_api as api
from asynclint.core.event_loop import may_have_library_loop_code

ASYNC = "async"
ADAPTERS = "adapters"
ASYNC_ITERATION = "async-iteration"
ASYNC_VIEW = "async-view"
MIDDLEWARE = "middleware"
STREAMING = "streaming"
COROUTINE_CALLS = "coroutine-calls"
PROJECT_COROUTINES = "project-coroutines"
ANY = "any"
FACTS = (ASYNC, ADAPTERS, ASYNC_ITERATION, ASYNC_VIEW, MIDDLEWARE, STREAMING, COROUTINE_CALLS, PROJECT_COROUTINES,
         ANY)

def needs(rule) -> tuple[str, ...]:
    """The facts one of which a module must have for ``rule`` to fire there."""
    declared = getattr(rule, "prefilter", (ANY,))
    unknown = set(declared) - set(FACTS)
    if unknown:
        raise ValueError(f"{rule.symbol}: unknown prefilter facts {sorted(unknown)}")
    return tuple(declared)


def _last(names: Iterable[str]) -> set[str]:
    return {name.rpartition(".")[2] for name in names}


@functools.cache
def _adapter_names() -> dict[str, set[str]]:
    """Last name component -> the first components it must come with (``run`` needs ``asyncio``).

    Qualified names come from a module's own imports, so the module spells the first component;
    bare names (``run_in_executor``, matched as a method name) need nothing more.
    """
    found: dict[str, set[str]] = {}
    for table in ("THREAD_OFFLOADERS", "SYNC_TO_ASYNC", "ASYNC_TO_SYNC", "LOOP_RUNNERS", "LOOP_RUNNER_METHODS"):
        for name in getattr(api, table, ()):
            first, _, last = name.rpartition(".")
            found.setdefault(last or name, set()).add(first.split(".")[0])
    return found


def _async_iterator_methods() -> set[str]:
    return {row.async_name for row in api.SYNC_APIS
            if getattr(row, "async_returns", None) == api.ASYNC_ITERATOR and row.async_name}


def _mentions(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` as a whole word (a fast substring test first)."""
    return name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _mentions_any(text: str, names: Iterable[str]) -> bool:
    return any(_mentions(text, name) for name in names)


_NON_WORD = {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")}
_ASYNC_DEF = re.compile(r"\basync\s+def\b")
_MIDDLEWARE_WORDS = ("get_response", "MIDDLEWARE")


def _has_async_def(text: str) -> bool:
    return "async" in text and _ASYNC_DEF.search(text) is not None


def _drives_a_loop(text: str) -> bool:
    """``asyncio.run(obj.method())``, ``loop.run_until_complete(...)``: sync code (a Celery task, a
    command) that runs a coroutine on a loop it starts; what that coroutine does with the values the
    sync code hands it is decided at the call."""
    return (_mentions(text, "run") and _mentions(text, "asyncio")) or _mentions_any(text, api.LOOP_RUNNER_METHODS)


def _runs_async(text: str) -> bool:
    """The ``ASYNC`` fact of one module's text."""
    return _has_async_def(text) or _drives_a_loop(text) or may_have_library_loop_code(text)


def _names_adapter(text: str) -> bool:
    """The ``ADAPTERS`` fact of one module's text."""
    return any(_mentions(text, last) and any(not first or _mentions(text, first) for first in firsts)
               for last, firsts in _adapter_names().items())


#: The facts a module's own text decides (the others need the whole set of checked files). A rule that
#: needs only these skips the other modules in every route, the pylint plugin's too (``rules.base``).
def _names_streaming_response(text: str) -> bool:
    """The ``STREAMING`` fact of one module's text."""
    return _mentions_any(text, _last(api.STREAMING_RESPONSE_CLASSES))


@functools.lru_cache(maxsize=None)
def django_async_method_names() -> frozenset[str]:
    """The async method names of the table's Django rows (``aget``, ``asave``, ``acount``...)."""
    return frozenset(row.async_name for row in api.SYNC_APIS
                     if row.async_name and not row.library and "." not in row.async_name)


@functools.lru_cache(maxsize=None)
def library_async_method_names() -> frozenset[str]:
    """The coroutine methods of the table's async library clients (``clients.ASYNC_METHODS``) whose name
    tells them apart in any code: a name of several words (``group_send``, ``group_discard``,
    ``new_channel`` of a Channels layer) that no sync row of the table also has. One-word names (``get``,
    ``send``, ``close`` of async HTTP clients and layers) are on every other line of sync code; asking the
    kind of each would cost every sync module a full analysis."""
    from asynclint.libraries.clients import ASYNC_METHODS  # noqa: PLC0415

    sync_names = {row.name.rsplit(".", 1)[-1] for row in api.SYNC_APIS}
    return frozenset(name for names in ASYNC_METHODS.values() for name in names
                     if name != api.WILDCARD and "_" in name.strip("_") and name not in sync_names)


@functools.lru_cache(maxsize=None)
def _coroutine_call() -> re.Pattern:
    names = sorted(django_async_method_names() | library_async_method_names())
    return re.compile(r"\.(?:" + "|".join(map(re.escape, names)) + r")\s*\(")


def _calls_coroutine_method(text: str) -> bool:
    """The ``COROUTINE_CALLS`` fact: the text calls a method named like Django's async API or a library
    client's coroutine method (sync code can drop such a coroutine: ``layer.group_send(...)`` in a plain
    ``def``)."""
    return _coroutine_call().search(text) is not None


LOCAL_FACTS = {ASYNC: _runs_async, ADAPTERS: _names_adapter, STREAMING: _names_streaming_response,
               COROUTINE_CALLS: _calls_coroutine_method}
#: Set (to anything but "" or "0") in a pylint run's environment, every rule visits every module: the
#: tests compare that with ``asynclint check`` to prove that the prefilter drops no finding.
EVERY_MODULE = "ASYNCLINT_EVERY_MODULE"


def every_module() -> bool:
    import os  # noqa: PLC0415

    return os.environ.get(EVERY_MODULE, "") not in ("", "0")


def local_facts(text: str) -> set[str]:
    """The ``LOCAL_FACTS`` that ``text`` has."""
    return {fact for fact, test in LOCAL_FACTS.items() if test(text)}


def _names_middleware(text: str) -> bool:
    return "Middleware" in text or _mentions_any(text, _MIDDLEWARE_WORDS)


@dataclass(frozen=True)
class Query:
    """A set of names the scan asks modules about, with a stable key for the per-text memo."""

    names: frozenset[str]
    key: str

    @classmethod
    def of(cls, names: Iterable[str]) -> Query:
        names = frozenset(names)
        key = hashlib.blake2b("\0".join(sorted(names)).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        return cls(names, key)


@dataclass
class Module:
    """A module's text, and ``memo``: what the scan learnt about this text, by question (whether it
    mentions a set of names, the classes it defines...). Each answer depends on the text alone (and
    asynclint's own tables), so ``asynclint.cache`` keeps a memo per content hash: a re-run asks an
    unchanged file nothing it was asked before."""

    path: str
    text: str
    memo: dict = field(default_factory=dict)
    tree: ast.Module | None = None
    parsed: bool = False
    used: set[str] = field(default_factory=set)  # the memo's keys this scan read or wrote
    computed: bool = False  # whether this scan added an answer to the memo

    _classes: list[tuple[str, set[str]]] | None = None
    _words: set[str] | None = None

    def remember(self, key: str, compute):
        """``compute()``'s answer for this text (JSON values: bool, None, lists of strings), memoised."""
        self.used.add(key)
        if key in self.memo:
            return self.memo[key]
        found = self.memo[key] = compute()
        self.computed = True
        return found

    def mentions_any(self, query: Query) -> bool:
        """Whether the text has one of the query's names as a whole word."""
        return self.remember("m" + query.key, lambda: self._mentions_any(query.names))

    def _mentions_any(self, names: frozenset[str]) -> bool:
        if len(names) <= 4 and self._words is None:
            return _mentions_any(self.text, names)
        if self._words is None:
            self._words = set(self.text.translate(_NON_WORD).split())
        return not self._words.isdisjoint(names)

    def classes(self) -> list[tuple[str, set[str]]]:
        """``(name, words of its bases)`` of every ``class`` statement, read from the text."""
        if self._classes is None:
            self._classes = list(_class_headers(self.text)) if "class" in self.text else []
        return self._classes

    def ast(self) -> ast.Module | None:
        if not self.parsed:
            self.parsed = True
            try:
                self.tree = ast.parse(self.text)
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                self.tree = None  # pylint reports it: the module stays a candidate
        return self.tree

    def parses(self) -> bool:
        """Whether Python can parse the text (a module that cannot is analysed for its setup error)."""
        return self.remember("parses", lambda: _parses(self.text))

    def stored(self) -> dict:
        """The memo's answers this scan used (what the cache keeps for the text)."""
        return {key: self.memo[key] for key in self.used if key in self.memo}


_CLASS = re.compile(r"^[ \t]*class[ \t]+(\w+)[ \t]*([(:])", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z_]\w*")


def _class_headers(text: str):
    for match in _CLASS.finditer(text):
        bases = ""
        if match.group(2) == "(":
            depth, position = 1, match.end()
            while depth and position < len(text):
                depth += {"(": 1, ")": -1}.get(text[position], 0)
                position += 1
            bases = text[match.end():position - 1]
        yield match.group(1), set(_WORD.findall(bases))


def _identifiers(node: ast.AST) -> set[str]:
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
        elif isinstance(child, ast.alias):
            found.add(child.name.rpartition(".")[2])
            if child.asname:
                found.add(child.asname)
    return found


def _is_generator(function: ast.AST) -> bool:
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return False


def _assigned_names(node: ast.AST) -> set[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}


def _reachable(tree: ast.Module):
    """The statements another module can reach by name: module-level ones and class bodies' (nested)."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.ClassDef):
            stack.extend(node.body)
        elif isinstance(node, (ast.If, ast.Try, ast.With)):  # ``if TYPE_CHECKING:``, ``try: import``
            stack.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt))


def _public(name: str) -> bool:
    """Dunder methods are called implicitly (``obj()``, ``iter(obj)``), never by name."""
    return not (name.startswith("__") and name.endswith("__"))


def _own_nodes(function: ast.AST):
    """The nodes of a function's body, without nested functions, lambdas and classes."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))


def _returns_names(function: ast.FunctionDef, names: set[str]) -> bool:
    """Whether a ``return`` of the function names ``names`` (directly or through a local variable)."""
    own = list(_own_nodes(function))
    local = set()
    for node in own:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and \
                _identifiers(node.value) & names:
            local |= _assigned_names(node)
    return any(isinstance(node, ast.Return) and node.value is not None and _identifiers(node.value) & (names | local)
               for node in own)


def _iterator_sources(tree: ast.Module, names: set[str]) -> set[str]:
    """Functions that return, and variables that hold, something that names an async iterator source."""
    grown = set()
    for node in _reachable(tree):
        if isinstance(node, ast.FunctionDef) and _public(node.name) and node.name not in names:
            if _returns_names(node, names):
                grown.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            if _identifiers(node.value) & names:
                grown |= {name for name in _assigned_names(node) if _public(name)}
    return grown


def _async_generators(tree: ast.Module) -> set[str]:
    return {node.name for node in _reachable(tree)
            if isinstance(node, ast.AsyncFunctionDef) and _public(node.name) and _is_generator(node)}


def _classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in _reachable(tree) if isinstance(node, ast.ClassDef)]


def _closure(modules: list[Module], seeds: set[str], grow: str) -> set[str]:
    """``seeds`` and every name that ``grow`` (a key of ``_GROW``) adds, until nothing new is added."""
    names, new = set(seeds), set(seeds)
    while new:
        added: set[str] = set()
        query, everything = Query.of(new), Query.of(names)
        for module in modules:
            if module.mentions_any(query):
                added |= _grow(module, grow, everything)
        new = added - names
        names |= new
    return names


def _grow_iterator_sources(module: Module, names: frozenset[str]) -> set[str]:
    tree = module.ast()
    return _iterator_sources(tree, set(names)) if tree is not None else set()


def _grow_subclasses(module: Module, names: frozenset[str]) -> set[str]:
    return {name for name, bases in module.classes() if bases & names}


_GROW = {"i": _grow_iterator_sources, "s": _grow_subclasses}


def _grow(module: Module, grow: str, query: Query) -> set[str]:
    return set(module.remember(grow + query.key, lambda: sorted(_GROW[grow](module, query.names))))


def _parses(text: str) -> bool:
    try:
        compile(text, "<module>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return True


@dataclass
class Scan:
    """The facts of every module, computed once for a set of files, and the modules that cannot
    produce a finding but cannot be parsed either (``unparsable``: they must not be hidden)."""

    modules: list[Module]
    facts: dict[str, set[str]] = field(default_factory=dict)
    unparsable: list[str] = field(default_factory=list)

    def rules_for(self, path: str, rules) -> tuple:
        """The rules that can fire in the module at ``path``."""
        facts = self.facts[path] | {ANY}
        return tuple(rule for rule in rules if facts.intersection(needs(rule)))

    def candidates(self, rules) -> list[str]:
        wanted = {fact for rule in rules for fact in needs(rule)}
        if ANY in wanted:
            return [module.path for module in self.modules]
        return [module.path for module in self.modules if self.facts[module.path] & wanted]


def scan(sources: Iterable[tuple[str, str] | Module], rules) -> Scan:
    """Facts for each ``(path, text)`` (or ``Module``, with its memo); only the facts that ``rules``
    need are computed."""
    modules = [source if isinstance(source, Module) else Module(*source) for source in sources]
    result = _facts(modules, rules)
    chosen = set(result.candidates(rules)) if rules else set()
    result.unparsable = [module.path for module in modules if module.path not in chosen and not module.parses()]
    return result


def _facts(modules: list[Module], rules) -> Scan:
    wanted = {fact for rule in rules for fact in needs(rule)}
    result = Scan(modules, {module.path: set() for module in modules})
    if ANY in wanted:
        return result
    # Sync GraphQL resolvers and two-step Channels middleware run on the loop too (core.event_loop).
    async_modules = [m for m in modules if m.remember("async", lambda m=m: _runs_async(m.text))]
    for module in async_modules:
        result.facts[module.path].add(ASYNC)
    if ADAPTERS in wanted:
        for module in modules:
            if module.remember("adapters", lambda m=module: _names_adapter(m.text)):
                result.facts[module.path].add(ADAPTERS)
    if STREAMING in wanted:
        for module in modules:
            if module.remember("streaming", lambda m=module: _names_streaming_response(m.text)):
                result.facts[module.path].add(STREAMING)
    if COROUTINE_CALLS in wanted:
        for module in modules:
            if module.remember("coroutine-calls", lambda m=module: _calls_coroutine_method(m.text)):
                result.facts[module.path].add(COROUTINE_CALLS)
    if PROJECT_COROUTINES in wanted:
        stems: dict[str, set[str]] = {}  # coroutine function name -> the stems of the modules defining one
        for module in modules:
            if module in async_modules or module.remember("adapters", lambda m=module: _names_adapter(m.text)):
                for name in module.remember("coroutine-functions", lambda m=module: _coroutine_functions(m)):
                    stems.setdefault(name, set()).add(_stem(module.path))
        if stems:
            names = Query.of(stems)
            for module in modules:
                if module.mentions_any(names) and _imports_a_coroutine_function(module, stems):
                    result.facts[module.path].add(PROJECT_COROUTINES)
    if MIDDLEWARE in wanted:
        seeds = set()
        for module in modules:
            found = module.remember("middleware", lambda m=module: _middleware_seeds(m))
            if found is not None:
                result.facts[module.path].add(MIDDLEWARE)
                seeds.update(found)
        _add_subclass_fact(result, modules, seeds, MIDDLEWARE)
    if ASYNC_ITERATION in wanted:
        seeds = _async_iterator_methods()
        for module in async_modules:
            seeds.update(module.remember("async-generators", lambda m=module: _generators(m)))
        names = Query.of(_closure(modules, seeds, "i"))
        for module in modules:
            if module.mentions_any(names):
                result.facts[module.path].add(ASYNC_ITERATION)
    if ASYNC_VIEW in wanted:
        seeds = set()
        for module in async_modules:
            seeds.update(module.remember("async-views", lambda m=module: _async_view_classes(m)))
        _add_subclass_fact(result, modules, seeds, ASYNC_VIEW)
    return result


def _middleware_seeds(module: Module) -> list[str] | None:
    """None when the module names no middleware; else the classes that may take ``get_response`` or
    derive from a ...Middleware... class."""
    if not _names_middleware(module.text):
        return None
    takes = _mentions(module.text, "get_response")
    return sorted({name for name, bases in module.classes() if takes or any("Middleware" in base for base in bases)})


#: Decorators that make a module-level ``def`` a coroutine function (``@sync_to_async``).
_COROUTINE_DECORATORS = frozenset(_last(api.SYNC_TO_ASYNC))


def _coroutine_functions(module: Module) -> list[str]:
    """The module-level coroutine functions a module defines: ``async def`` ones and ``def`` ones under
    ``@sync_to_async``/``@database_sync_to_async`` (dunder names left out)."""
    tree = module.ast() if "def" in module.text else None
    if tree is None:
        return []
    found = set()
    for node in tree.body:
        if isinstance(node, ast.AsyncFunctionDef) or isinstance(node, ast.FunctionDef) and any(
                _decorator_name(decorator) in _COROUTINE_DECORATORS for decorator in node.decorator_list):
            if not node.name.startswith("__"):
                found.add(node.name)
    return sorted(found)


def _stem(path: str) -> str:
    """The name a module is imported by: ``data`` for ``app/data.py`` and ``app/data/__init__.py``."""
    parts = path.replace("\\", "/").rsplit("/", 2)
    name = parts[-1].rsplit(".", 1)[0]
    return parts[-2] if name == "__init__" and len(parts) > 1 else name


def _imports_a_coroutine_function(module: Module, stems: dict[str, set[str]]) -> bool:
    """Whether ``module`` imports one of the coroutine functions ``stems`` names, or a module that defines
    one whose name it mentions (``from app import data`` ... ``data.msg()``): a module that only shares a
    word with one (``main``, ``fetch``) imports neither."""
    imported = set(module.remember("imported-names", lambda: _imported_names(module)))
    return any((name in imported or defined & imported) and _mentions(module.text, name)
               for name, defined in stems.items())


def _imported_names(module: Module) -> list[str]:
    """The names a module's imports bind or come from: the alias, the imported name's last component and
    the source module's last component (``from app.data import msg as m``: ``m``, ``msg``, ``data``)."""
    tree = module.ast() if "import" in module.text else None
    found: set[str] = set()
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.rpartition(".")[2])
            for alias in node.names:
                found.add(alias.name.rpartition(".")[2])
                if alias.asname:
                    found.add(alias.asname)
    return sorted(found)


def _decorator_name(decorator: ast.expr) -> str | None:
    """``sync_to_async`` for ``@sync_to_async``, ``@asgiref.sync.sync_to_async(thread_sensitive=...)``."""
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Attribute):
        return decorator.attr
    return decorator.id if isinstance(decorator, ast.Name) else None


def _generators(module: Module) -> list[str]:
    tree = module.ast() if "yield" in module.text else None
    return sorted(_async_generators(tree)) if tree is not None else []


@functools.cache
def _handler_def() -> re.Pattern:
    return re.compile(rf"\basync\s+def\s+(?:{'|'.join(map(re.escape, sorted(api.HTTP_HANDLERS)))})\b")


def _async_view_classes(module: Module) -> list[str]:
    """The classes with an async HTTP handler (``get``, ``post``...)."""
    handlers = set(api.HTTP_HANDLERS)
    tree = module.ast() if _handler_def().search(module.text) else None
    if tree is None:
        return []
    return sorted({node.name for node in _classes(tree) if any(
        isinstance(item, ast.AsyncFunctionDef) and item.name in handlers for item in node.body)})


def _add_subclass_fact(result: Scan, modules: list[Module], seeds: set[str], fact: str) -> None:
    """``fact`` for the modules that define a class whose bases name ``seeds`` or their subclasses."""
    names = Query.of(_closure(modules, seeds, "s"))
    for module in modules:
        if fact not in result.facts[module.path] and module.mentions_any(names) and \
                _grow(module, "s", names):
            result.facts[module.path].add(fact)
