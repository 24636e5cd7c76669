"""Coroutines that run on an event loop of their own, one that serves no requests.

Blocking I/O on the loop costs something only when other work waits on that loop: requests of an
ASGI server, messages of a consumer, jobs of a worker. Two kinds of coroutines run where nothing
else does, and a maintainer would not move a file read off their loop:

- **async tests**: every coroutine of a test module (``tests.py``, ``test_*.py``, ``*_tests.py``,
  ``conftest.py``): the test runner gives each test a loop of its own; unless the module drives an
  application on that loop (a Channels communicator, a live server) or starts tasks there;
- **batch scripts**: a coroutine reached only from a script's own ``asyncio.run(...)`` /
  ``loop.run_until_complete(...)`` (a module with an ``if __name__ == "__main__":`` block), through
  awaits (or ``asyncio.gather``) in coroutines reached the same way. Every reference to the coroutine
  in the script's program (the script and the project modules only it imports) must be such a call;
  a coroutine passed as a value (a handler registered with a bot, a server's callback), a module
  imported by any other project module, or a project too large to index is unknown: the finding stays.
  Except a module-level coroutine that the module's own ``if __name__ == "__main__":`` block runs with
  ``asyncio.run(...)`` (a library module's demo): when every reference to it, in its module and in
  every project file whose text holds its name, is such a call in that block, importing the module
  never runs it, whoever imports the module.

- **worker loops**: a coroutine reached only from a loop that a sync task starts or that a library
  runs in a worker (``_reached_from_worker_loop``). The roots: a coroutine passed to ``asyncio.run``
  / ``loop.run_until_complete`` by sync code (a task, a sync function: the fresh loop runs that
  coroutine and what it schedules, nothing else), or to ``async_to_sync`` in a task queue's task or a
  management command (asgiref runs it on a new loop; from a sync view under ASGI it would run on the
  server's loop, so only those), directly or through a project runner helper whose parameter is
  used only that way (``_runner_use``: ``run_async(fetch, *args)`` -> ``async_to_sync(p)(*args)``); and the methods that a library runs on a loop of its own in a worker
  (``asynclint.libraries.loops``: the ``run()`` of a pulpcore ``Stage`` subclass). Every reference to
  the coroutine in the project must be such a root or a call awaited, iterated (``async for``),
  scheduled (``create_task``, ``gather``...) or collected into a list by a coroutine reached the same
  way (or by an async test); a coroutine method the project never calls, on a class deriving from a
  library's (a hook the library calls), counts when every construction of the class is in such a
  coroutine. A coroutine passed as a value (an aiohttp/ASGI handler, a callback) is served: unknown.

Only blocking work is tolerated there (``rules.base``), and on worker loops only work on this machine
(CPU, the local file system: ``SyncApi.local_disk``): a worker loop runs its coroutines side by side
(a pipeline's stages, gathered downloads, ``wait_for`` timeouts), and a request to a peer or a sleep
stalls them all for as long as the peer takes, where a small file read does not. Never the sync ORM:
it raises ``SynchronousOnlyOperation`` whenever a loop runs in the thread, tests and scripts included.
"""

from __future__ import annotations

import os
import re

from astroid import nodes

from asynclint import django_api as api
from asynclint.core import context
from asynclint.core.deployment import is_test_file_name
from asynclint.core.event_loop import enclosing_frame
from asynclint.core.imports import qualified_name

_LOOP_RUNNERS = frozenset({"asyncio.run", "asyncio.runners.run"})
_RUN_METHODS = frozenset({"run_until_complete"})
_AWAITING = frozenset({"asyncio.gather", "asyncio.tasks.gather", "asyncio.wait_for", "asyncio.tasks.wait_for",
                       "asyncio.shield", "asyncio.tasks.shield"})
#: The project index's own limit (``django_kinds._python_files_under``): an index that long may be cut
#: short, and a missing file may import the script's modules, so the program is unknown.
_MAX_FILES = 3000
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+([\w., \t()]+)|import[ \t]+([\w., \t]+))",
                     re.MULTILINE)


def is_test_module(module: nodes.Module) -> bool:
    """A module the test runner collects (by its file's name)."""
    return is_test_file_name(module.name.rpartition(".")[2])


def own_loop_reason(node: nodes.NodeNG, local_work: bool = True) -> str | None:
    """Why the coroutine running ``node`` runs on a loop that serves nothing else, or None.

    A worker's loop counts only for ``local_work`` (CPU, the local file system): the coroutines it runs
    side by side (a pipeline's stages, gathered downloads, a ``wait_for`` timeout) wait while a request
    to a peer or a sleep holds the thread."""
    frame = enclosing_frame(node)
    if not isinstance(frame, nodes.AsyncFunctionDef):
        return None
    if is_test_module(node.root()):
        if not _runs_an_application(node.root()):
            return "an async test"
        return "an async test, before it starts anything on its loop" if _before_first_suspension(node, frame) \
            else None
    program = _script_program(node.root())
    if program is not None and _reached_only_from_own_loop(frame, program, set()):
        return "a script's own event loop"
    if program is None and _run_only_by_main_block(frame):
        return "a script's own event loop"
    return worker_loop_reason(frame) if local_work else None


#: ``DJANGO_ALLOW_ASYNC_UNSAFE`` set (to any value: Django tests the variable's presence) by a module-level
#: statement (one test's ``monkeypatch.setenv`` inside a function sets it for that test only).
_ASYNC_UNSAFE_SET = re.compile(r"""^\S[^\n]*(environ\s*\[\s*["']DJANGO_ALLOW_ASYNC_UNSAFE["']\s*\]\s*=(?!=)|"""
                               r"""(setdefault|putenv)\(\s*["']DJANGO_ALLOW_ASYNC_UNSAFE["']\s*,)""", re.MULTILINE)
#: Test configuration files (pytest-env's ``env =``, tox's ``setenv``) that may set it for the test run.
_TEST_CONFIG_FILES = ("pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml")


def async_unsafe_allowed_in_tests(node: nodes.NodeNG) -> str | None:
    """Where the project sets ``DJANGO_ALLOW_ASYNC_UNSAFE`` for its test run, when ``node`` is in a test
    module; else None. With the variable set Django raises no ``SynchronousOnlyOperation``: a test's sync
    query on its loop runs (the test chose it; nothing else waits on that loop but the test). Set by a
    ``conftest.py``, a test module, a test settings module (``test`` in its name), or a test
    configuration file at the project's top (``env = DJANGO_ALLOW_ASYNC_UNSAFE=1``)."""
    from asynclint.core.django_kinds import _project_root  # noqa: PLC2701 (the index)

    module = node.root()
    if not module.file or not is_test_module(module):
        return None
    # Once per project and run (a cross-module memo of the run context: the persistent cache attributes
    # the files it read to every module that uses the answer).
    root = _project_root(os.path.dirname(os.path.abspath(module.file)))
    known = context.current().async_unsafe
    if root not in known:
        known[root] = _async_unsafe_set_by(root) or _async_unsafe_set_above(root)
    return known[root]


#: Files that make a folder pytest's rootdir (its search for them stops there).
_ROOTDIR_MARKERS = (".git", *_TEST_CONFIG_FILES)


def _async_unsafe_set_above(root: str) -> str | None:
    """A ``conftest.py`` or test configuration file in a folder above ``root`` that sets the variable.
    pytest imports every ``conftest.py`` from its rootdir down to a test's folder before the test
    runs, so a test folder without ``__init__.py`` (its own import root: ``tests/ws/``) gets the
    ``tests/conftest.py`` above it. Up to the first folder that is a rootdir (``.git``, ``pytest.ini``,
    ``pyproject.toml``...), at most six levels."""
    word = "DJANGO_ALLOW_ASYNC_UNSAFE"
    folder = root
    for _level in range(6):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
        conftest = os.path.join(folder, "conftest.py")
        if os.path.isfile(conftest) and _sets_async_unsafe(conftest):
            return f"{os.path.relpath(conftest, root)} sets {word} for the tests"
        names = set(os.listdir(folder)) if os.path.isdir(folder) else set()
        for name in _TEST_CONFIG_FILES:
            path = os.path.join(folder, name)
            if name in names and _config_sets(path, word):
                return f"{os.path.relpath(path, root)} sets {word} for the tests"
        if names.intersection(_ROOTDIR_MARKERS):
            return None
    return None


def _names_word(path: str, word: str) -> bool:
    """The file names ``word`` (the project index's cheap text test)."""
    from asynclint.core import django_kinds  # noqa: PLC0415

    return django_kinds.names_word(path, word)


def _config_sets(path: str, word: str) -> bool:
    """The test configuration file at ``path`` sets the environment variable ``word`` to a non-empty
    value for the test run: pytest-env's ``env`` of pytest's section (``[pytest]``, ``[tool:pytest]``,
    ``[tool.pytest.ini_options]``, ``[tool.pytest_env]``) or tox's ``setenv``/``set_env``. A comment,
    another key (tox's ``passenv`` only lets a developer's own variable through) or a file that cannot
    be read or parsed (a folder named ``pytest.ini``) sets nothing: unknown must not silence."""
    if not os.path.isfile(path) or not _names_word(path, word):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return False
    assignments = _toml_assignments(text) if path.endswith(".toml") else _ini_assignments(text)
    return any(_assigns(entry, word) for entry in assignments)


#: The ini sections and keys that set variables for a test run (pytest-env; tox's environments).
_INI_KEYS = {"pytest": "env", "tool:pytest": "env", "testenv": "setenv"}


def _ini_assignments(text: str) -> list[str]:
    import configparser  # noqa: PLC0415 (only for projects whose config names the variable)

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    entries = []
    for section in parser.sections():
        key = _INI_KEYS.get(section.split(":", 1)[0] if section.startswith("testenv") else section)
        if key and parser.has_option(section, key):
            entries.extend(parser.get(section, key).splitlines())
    return entries


def _toml_assignments(text: str) -> list[str]:
    from asynclint.config import tomllib  # noqa: PLC0415 (tomli before Python 3.11)

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return []
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    entries: list[str] = []
    env = ((tool.get("pytest") or {}).get("ini_options") or {}).get("env")
    entries.extend([env] if isinstance(env, str) else [e for e in env or () if isinstance(e, str)])
    tables = [tool.get("pytest_env"), ((tool.get("tox") or {}).get("env_run_base") or {}).get("set_env")]
    for table in tables:
        if isinstance(table, dict):
            for name, value in table.items():
                value = value.get("value") if isinstance(value, dict) else value
                entries.append(f"{name}={'' if value is None else value}")
    return entries


def _assigns(entry: str, word: str) -> bool:
    """``entry`` (``D:R:NAME=value``, pytest-env's flags first) gives ``word`` a non-empty value: Django
    tests ``os.environ.get(...)``'s truth, so ``=0`` allows too and ``=`` does not."""
    name, equals, value = entry.split("#", 1)[0].strip().partition("=")
    while name[:2] in {"D:", "R:"}:
        name = name[2:]
    return bool(equals) and name.strip() == word and bool(value.strip())


def _sets_async_unsafe(path: str) -> bool:
    """The Python file at ``path`` sets the variable in a module-level statement."""
    if not _names_word(path, "DJANGO_ALLOW_ASYNC_UNSAFE"):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return _ASYNC_UNSAFE_SET.search(handle.read()) is not None
    except OSError:
        return False


def _async_unsafe_set_by(root: str) -> str | None:
    """Where the project at ``root`` sets ``DJANGO_ALLOW_ASYNC_UNSAFE`` for its tests, or None."""
    from asynclint.core.django_kinds import _python_files_under  # noqa: PLC2701 (the index)

    word = "DJANGO_ALLOW_ASYNC_UNSAFE"
    for name in _TEST_CONFIG_FILES:
        path = os.path.join(root, name)
        if _config_sets(path, word):
            return f"{name} sets {word} for the tests"
    for path in _python_files_under(root):
        base = os.path.basename(path)
        if (base == "conftest.py" or "test" in base) and _sets_async_unsafe(path):
            return f"{os.path.relpath(path, root)} sets {word} for the tests"
    return None


#: What makes a test's loop serve something else while the test runs: an application driven in-process
#: (a Channels communicator runs the consumer as a task on the test's loop; a live server), or tasks the
#: test starts. A blocking wait there (``time.sleep`` while a communicator's consumer should progress)
#: stalls the application under test.
_CONCURRENT_NAMES = ("Communicator", "LiveServer")
_CONCURRENT_CALLS = frozenset({"create_task", "ensure_future", "TaskGroup", "gather", "start_server", "serve"})


def _runs_an_application(module: nodes.Module) -> bool:
    found = getattr(module, "_asynclint_concurrent", None)
    if found is None:
        found = False
        for name in module.nodes_of_class((nodes.Name, nodes.Attribute)):
            text = name.name if isinstance(name, nodes.Name) else name.attrname
            if any(part in text for part in _CONCURRENT_NAMES) or text in _CONCURRENT_CALLS:
                found = True
                break
        module._asynclint_concurrent = found  # pylint: disable=protected-access
    return found


def _before_first_suspension(node: nodes.NodeNG, frame: nodes.AsyncFunctionDef) -> bool:
    """``node`` runs in the test's own body before its first ``await``/``async for``/``async with``:
    until then the loop runs nothing the test started (a server, a client, a communicator), so
    nothing waits on it (an async test's set-up: listing its sample files before starting a server)."""
    if not (frame.name.startswith("test") and isinstance(frame.parent, (nodes.Module, nodes.ClassDef))):
        return False  # a coroutine nested in the test runs once the test has started things
    statement = node
    while statement.parent is not frame:
        statement = statement.parent
        if statement is None or isinstance(statement, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
            return False
    suspending = (nodes.Await, nodes.AsyncFor, nodes.AsyncWith)
    for earlier in frame.body:
        if isinstance(earlier, suspending) or any(True for _ in earlier.nodes_of_class(
                suspending, skip_klass=(nodes.FunctionDef, nodes.ClassDef, nodes.Lambda))):
            return False
        if earlier is statement:
            return True
    return False


# --- the program a script runs --------------------------------------------------------------------------
def _is_script(module: nodes.Module) -> bool:
    """The module has an ``if __name__ == "__main__":`` block."""
    return bool(_main_blocks(module))


def _main_blocks(module: nodes.Module) -> list[nodes.If]:
    """The module's ``if __name__ == "__main__":`` statements."""
    return [statement for statement in module.body
            if isinstance(statement, nodes.If) and isinstance(statement.test, nodes.Compare) and
            isinstance(statement.test.left, nodes.Name) and statement.test.left.name == "__name__" and
            any(isinstance(value, nodes.Const) and value.value == "__main__" for _op, value in statement.test.ops)]


def _run_only_by_main_block(function: nodes.AsyncFunctionDef) -> bool:
    """A module-level coroutine of a module that other project modules import (so the module is no
    script program of its own: ``_script_program`` is None), run only by the module's own
    ``if __name__ == "__main__":`` block: every reference to it, in its module and in every other project
    file whose text holds its name, is the argument of ``asyncio.run(...)`` /
    ``loop.run_until_complete(...)`` inside that block (a library module's demo, ``asyncio.run(example())``).
    Importing the module runs none of it; a reference anywhere else, or a project too large to index,
    keeps the finding."""
    module = function.root()
    blocks = _main_blocks(module)
    if not blocks or function.parent is not module:
        return False
    found = _project_words(function)
    if found is None:
        return False
    words, own = found
    references = list(_references(function, frozenset({own} | words.get(function.name))))
    return bool(references) and all(
        reference is not None and reference.root() is module and _loop_runner_argument(reference) and
        any(block.parent_of(reference) for block in blocks)
        for reference in references)


def _loop_runner_argument(reference: nodes.NodeNG) -> bool:
    """``asyncio.run(reference(...))`` or ``loop.run_until_complete(reference(...))``."""
    call = reference.parent
    if not (isinstance(call, nodes.Call) and call.func is reference):
        return False
    holder = call.parent
    if not (isinstance(holder, nodes.Call) and call in holder.args):
        return False
    func = holder.func
    if isinstance(func, nodes.Attribute) and func.attrname in _RUN_METHODS:
        return True
    return isinstance(func, (nodes.Name, nodes.Attribute)) and qualified_name(func) in _LOOP_RUNNERS


def _module_names(path: str) -> set[str]:
    """The dotted names a file may be imported by: every suffix of its path without ``.py``."""
    parts = os.path.normpath(path)[:-3].split(os.sep)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return {".".join(parts[i:]) for i in range(1, len(parts))} | {parts[-1]}


def _imported_names(path: str, text: str) -> set[str]:
    """The dotted module names a file imports (relative imports resolved against its folder, as
    absolute path-suffix names; ``from a import b`` counts as ``a`` and ``a.b``)."""
    found: set[str] = set()
    folder = os.path.dirname(os.path.normpath(path)).split(os.sep)
    for match in _IMPORT.finditer(text):
        dots, module, names, plain = match.groups()
        if plain is not None:
            found.update(name.split(" as ")[0].strip() for name in plain.split(","))
            continue
        if dots:
            base = folder[:len(folder) - (len(dots) - 1)] if len(dots) > 1 else folder
            module = ".".join([*base[1:], module] if module else base[1:])
        found.add(module)
        for name in names.replace("(", "").replace(")", "").split(","):
            name = name.split(" as ")[0].strip()
            if name:
                found.add(f"{module}.{name}")
    return found


def _script_program(module: nodes.Module) -> frozenset[str] | None:
    """The files of the program ``module`` belongs to when every project module importing it (and, in
    turn, each of those) is a script or only imported by scripts; None otherwise or when unknown."""
    from asynclint.core import deployment

    if not module.file:
        return None
    return script_program(str(deployment.project_root(module.file)), os.path.abspath(module.file), module)


def script_program(root: str, path: str, module: nodes.Module | None = None) -> frozenset[str] | None:
    """``_script_program`` of the file at ``path`` (its tree ``module`` if at hand) in the project at
    ``root``: read from the project's text, so the persistent cache asks it again to check an entry."""
    from asynclint.core.django_kinds import _python_files_under

    cache = context.current().own_loop_programs
    key = (root, path)
    if key in cache:
        return cache[key]
    files = _python_files_under(root, _MAX_FILES)
    if len(files) >= _MAX_FILES:
        cache[key] = None
        return None
    importers, mentioned, _words = _import_graph(root, files)
    program: set[str] = set()
    pending = [path]
    result: frozenset[str] | None = None
    while pending:
        current = pending.pop()
        if current in program:
            continue
        program.add(current)
        if any(name in mentioned for name in _module_names(current) if "." in name):
            break  # named in a string ("app.tasks.job" in settings): loaded by name, callers unknown
        users = importers.get(current, set())
        if not users and not _file_is_script(current, module if current == path else None):
            break  # imported by nobody and not a script: the application may load it by name
        pending.extend(users)
    else:
        result = frozenset(program)
    cache[key] = result
    return result


def _file_is_script(path: str, module: nodes.Module | None) -> bool:
    """``_is_script`` of the file at ``path``: its tree when at hand, else its text parsed with ``ast``
    (cheap, and the answer is part of ``script_program``'s, which the persistent cache keeps)."""
    if module is not None:
        return _is_script(module)
    import ast

    from asynclint.driver import InputError, read_text

    try:
        tree = ast.parse(read_text(path))
    except (InputError, SyntaxError, ValueError, RecursionError, MemoryError):  # unparsable: unknown
        return False
    return any(isinstance(statement, ast.If) and isinstance(statement.test, ast.Compare)
               and isinstance(statement.test.left, ast.Name) and statement.test.left.id == "__name__"
               and any(isinstance(value, ast.Constant) and value.value == "__main__"
                       for value in statement.test.comparators)
               for statement in tree.body)


_WORD = re.compile(r"[A-Za-z_]\w*")
_DOTTED_STRING = re.compile(r"""["']([A-Za-z_]\w*(?:\.\w+)+)(?::\w+)?["']""")


def _import_graph(root: str, files) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]]]:
    """File -> the project files that import it (by a name that is a suffix of its path); the
    dotted names written in strings anywhere in the project, with every prefix (``"a.b.c"`` gives
    ``a.b`` and ``a.b.c``): what Django settings, Celery or a URLconf may import by name; and each
    identifier -> the files whose text contains it (where a coroutine's references may be)."""
    cache = context.current().own_loop_programs
    if root in cache:
        return cache[root]
    mentioned: set[str] = set()
    words: dict[str, set[str]] = {}
    by_name: dict[str, set[str]] = {}
    for path in files:
        for name in _module_names(os.path.abspath(path)):
            by_name.setdefault(name, set()).add(os.path.abspath(path))
    graph: dict[str, set[str]] = {}
    from asynclint.driver import InputError, read_text

    for path in files:
        try:
            text = read_text(path)
        except InputError:
            continue  # unreadable: imports nothing this can see
        for word in set(_WORD.findall(text)):
            words.setdefault(word, set()).add(os.path.abspath(path))
        for dotted in _DOTTED_STRING.findall(text):
            parts = dotted.split(".")
            mentioned.update(".".join(parts[:i]) for i in range(2, len(parts) + 1))
        for name in _imported_names(os.path.abspath(path), text):
            for target in by_name.get(name, ()):
                if target != os.path.abspath(path):
                    graph.setdefault(target, set()).add(os.path.abspath(path))
    cache[root] = graph, mentioned, words
    return graph, mentioned, words


# --- the references to a coroutine ----------------------------------------------------------------------
def _reached_only_from_own_loop(function: nodes.AsyncFunctionDef, program: frozenset[str], seen: set) -> bool:
    if function in seen:
        return True  # a cycle: the other references decide
    seen.add(function)
    references = list(_references(function, program))
    if references is None or not references:
        return False  # never referenced: the application (or a framework) may call it by name
    for reference in references:
        if reference is None or not _own_loop_use(reference, program, seen):
            return False
    return True


def _references(function: nodes.FunctionDef, program: frozenset[str]):
    """Every use of ``function``'s name where it can be reached from: the enclosing function's body for a
    nested coroutine, else every module of the program (a method by any attribute of its name)."""
    from astroid import MANAGER

    scope = function.parent.frame() if function.parent is not None else None
    if isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        yield from (n for n in scope.nodes_of_class(nodes.Name) if n.name == function.name)
        return
    method = isinstance(scope, nodes.ClassDef)
    own = function.root()
    for path in sorted(program):
        try:
            module = own if path == os.path.abspath(own.file or "") else MANAGER.ast_from_file(path)
        except Exception:  # pylint: disable=broad-except
            yield None
            return
        for node in module.nodes_of_class((nodes.Name, nodes.Attribute)):
            if isinstance(node, nodes.Attribute) and node.attrname == function.name:
                if not _names_something_else(node, function, scope if method else None):
                    yield node
            elif isinstance(node, nodes.Name) and node.name == function.name and not method and \
                    not _defines_another(node, function):
                yield node


def _defines_another(name: nodes.Name, function: nodes.FunctionDef) -> bool:
    """``name`` provably names another function or class: every binding its scope finds for it is a
    ``def``/``class`` statement other than ``function`` (``manage.py``'s own ``def main()`` and its
    ``main()`` call, for a coroutine ``main`` elsewhere). An import, an assignment or no binding found
    may be ``function``."""
    try:
        _, bindings = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-except
        return False
    return bool(bindings) and all(isinstance(binding, (nodes.FunctionDef, nodes.ClassDef)) and binding is not function
                                  for binding in bindings)


def _names_something_else(node: nodes.Attribute, function: nodes.FunctionDef, cls: nodes.ClassDef | None) -> bool:
    """``asyncio.run`` for a method ``run``, ``Other(...).run`` of an unrelated class: provably not
    ``function``. Anything uncertain may be it."""
    qualified = qualified_name(node)
    if qualified is not None and qualified.rpartition(".")[0].rpartition(".")[2] not in (
            function.root().name.rpartition(".")[2], getattr(cls, "name", None)):
        return True
    if cls is None:
        return False
    from astroid.helpers import safe_infer

    try:
        value = safe_infer(node.expr)
    except Exception:  # pylint: disable=broad-except
        return False
    owner = getattr(value, "_proxied", None)  # an Instance's class
    if not isinstance(owner, nodes.ClassDef) or owner is cls:
        return False
    try:
        related = cls in owner.ancestors() or owner in cls.ancestors()
    except Exception:  # pylint: disable=broad-except
        return False
    return not related


def _own_loop_use(reference: nodes.NodeNG, program: frozenset[str], seen: set) -> bool:
    """The reference is called and the coroutine it makes is run by a fresh loop, or awaited by a
    coroutine that itself runs only there."""
    call = reference.parent
    if not (isinstance(call, nodes.Call) and call.func is reference):
        return False
    item, holder = call, call.parent
    while isinstance(holder, (nodes.GeneratorExp, nodes.ListComp, nodes.List, nodes.Tuple, nodes.Starred)) and (
            item is getattr(holder, "elt", None) or item is getattr(holder, "value", None) or
            item in getattr(holder, "elts", ())):
        item, holder = holder, holder.parent  # asyncio.gather(*(load(p) for p in paths))
    if isinstance(holder, nodes.Call) and item in holder.args:
        func = holder.func
        if isinstance(func, nodes.Attribute) and func.attrname in _RUN_METHODS:
            return True
        name = qualified_name(func) if isinstance(func, (nodes.Name, nodes.Attribute)) else None
        if name in _LOOP_RUNNERS:
            return True
        if name not in _AWAITING or not isinstance(holder.parent, nodes.Await):
            return False
    elif item is not call or not isinstance(holder, nodes.Await):
        return False
    caller = enclosing_frame(call)
    return isinstance(caller, nodes.AsyncFunctionDef) and _reached_only_from_own_loop(caller, program, seen)


# --- loops that a sync task starts or a library runs in a worker ----------------------------------------
_SCHEDULERS = frozenset({"create_task", "ensure_future", "gather", "wait", "wait_for", "shield", "as_completed"})
#: The roots: why the loop serves nothing else. ``asyncio.run()`` also shuts down the loop's default
#: executor when the coroutine returns (its pool threads end with it).
ASYNCIO_RUN = "a loop of its own that sync code starts with asyncio.run()"
_RUN_UNTIL_COMPLETE = "a loop that sync code runs with run_until_complete()"
#: ``async_to_sync()`` called where no loop runs (a task's thread) runs the coroutine with ``asyncio.run`` in a
#: new thread (asgiref's ``AsyncToSync.__call__``), so the default executor ends with the call here too.
ASYNC_TO_SYNC_LOOP = "a loop of its own that async_to_sync() starts in a task"
_ASYNC_TO_SYNC_LOOP = ASYNC_TO_SYNC_LOOP
#: The one-shot roots: a fresh loop per call that ``asyncio.run`` closes, its default executor with it.
ONE_SHOT_ROOTS = frozenset({ASYNCIO_RUN, ASYNC_TO_SYNC_LOOP})
_NONE: frozenset[str] = frozenset()


def worker_loop_reason(function: nodes.AsyncFunctionDef) -> str | None:
    """What loop of its own runs ``function`` (a task's, a library's worker loop), or None."""
    roots = worker_loop_roots(function)
    return "; ".join(sorted(roots)) if roots else None


def worker_loop_roots(function: nodes.NodeNG | None) -> frozenset[str]:
    """Every root (``ASYNCIO_RUN``...) of the worker loops that run coroutine ``function``, empty unless
    the project runs it on such loops only (once per coroutine per run)."""
    if not isinstance(function, nodes.AsyncFunctionDef):
        return _NONE
    cache = context.current().own_loop_programs
    key = ("worker", function)
    if key not in cache:
        index = _project_words(function)
        try:
            ok, roots = _reached_from_worker_loop(function, index, set()) if index is not None else (False, _NONE)
        except RecursionError:  # a call graph too deep to walk: unknown
            ok, roots = False, _NONE
        cache[key] = roots if ok else _NONE
    return cache[key]


def _project_words(function: nodes.NodeNG) -> tuple[dict[str, set[str]], str] | None:
    """The project's identifier -> files index and the function's own file, or None when unknown."""
    from asynclint.core import deployment
    from asynclint.core.django_kinds import _python_files_under

    own = function.root().file
    if not own or not own.endswith(".py"):
        return None
    root = str(deployment.project_root(own))
    files = _python_files_under(root, _MAX_FILES)
    if len(files) >= _MAX_FILES:
        return None
    return _Words(root), os.path.abspath(own)


class _Words:
    """The project's identifier -> files index, each look-up through ``files_naming``."""

    def __init__(self, root: str) -> None:
        self.root = root

    def get(self, name: str, _default=None) -> set[str]:
        return files_naming(self.root, name)


def files_naming(root: str, name: str) -> set[str]:
    """The project files under ``root`` whose text holds the identifier ``name`` (read, never parsed, so
    the persistent cache asks it again to check an entry's answer)."""
    from asynclint.core.django_kinds import _python_files_under

    return _import_graph(root, _python_files_under(root, _MAX_FILES))[2].get(name, set())


def _reached_from_worker_loop(function: nodes.AsyncFunctionDef, index, seen: set) -> tuple[bool, frozenset[str]]:
    """(every way the project runs ``function`` is on a worker loop, which loop); a cycle answers
    (True, _NONE): the other references decide."""
    if function in seen:
        return True, _NONE
    seen.add(function)
    root = _library_worker_method(function)
    if root is not None:
        return True, frozenset({root})
    words, own = index
    files = frozenset(words.get(function.name, set()) | {own})
    references = list(_references(function, files))
    if any(reference is None for reference in references):
        return False, _NONE
    if not references:
        return _library_hook(function, index, seen)
    reasons = _NONE
    for reference in references:
        ok, why = _worker_use(reference, index, seen)
        if not ok:
            return False, _NONE
        reasons |= why
    return True, reasons


def _library_worker_method(function: nodes.AsyncFunctionDef) -> str | None:
    """The loop a library runs ``function`` on: a method of a subclass of a ``WORKER_LOOP_METHODS`` base."""
    from asynclint.libraries.loops import WORKER_LOOP_METHODS

    cls = function.parent.frame() if function.parent is not None else None
    if not isinstance(cls, nodes.ClassDef):
        return None
    for base in library_bases(cls):
        method, reason = WORKER_LOOP_METHODS.get(base, (None, None))
        if method == function.name:
            return reason
    return None


def library_bases(cls: nodes.ClassDef, _depth: int = 0) -> list[str]:
    """The qualified names of the bases of ``cls`` and of its project base classes that are not project
    classes (a library's, or unresolved)."""
    from asynclint.core.django_kinds import is_project_file
    from asynclint.core.imports import definition_of

    found: list[str] = []
    if _depth > 8:
        return found
    for base in cls.bases:
        parent = definition_of(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if isinstance(parent, nodes.ClassDef) and parent is not cls and is_project_file(parent.root().file):
            found.extend(library_bases(parent, _depth + 1))
        else:
            name = qualified_name(base) or ""
            found.append("" if name in ("builtins.object", "object") else name)
    return found


def _library_hook(function: nodes.AsyncFunctionDef, index, seen: set) -> tuple[bool, frozenset[str]]:
    """A coroutine method the project never calls, on a class deriving from a library's (the library
    calls it, as bandersnatch's ``Mirror.synchronize()`` calls ``determine_packages_to_sync()``): on a
    worker loop when every construction of the class is in a coroutine on one, and the class is used
    no other way (no subclass, never passed as a value)."""
    from asynclint.core.django_kinds import project_subclasses

    cls = function.parent.frame() if function.parent is not None else None
    if not isinstance(cls, nodes.ClassDef) or not any(library_bases(cls)) or project_subclasses(cls):
        return False, _NONE
    words, own = index
    files = sorted(words.get(cls.name, set()) | {own})
    from astroid import MANAGER

    reasons, used = _NONE, False
    for path in files:
        try:
            module = function.root() if path == own else MANAGER.ast_from_file(path)
        except Exception:  # pylint: disable=broad-except
            return False, _NONE
        for name in module.nodes_of_class(nodes.Name):
            if name.name != cls.name:
                continue
            call = name.parent
            caller = enclosing_frame(name)
            if not (isinstance(call, nodes.Call) and call.func is name and isinstance(caller, nodes.AsyncFunctionDef)):
                return False, _NONE
            ok, why = _caller_on_worker_loop(caller, index, seen)
            if not ok:
                return False, _NONE
            reasons, used = reasons | why, True
    return used, reasons


def _worker_use(reference: nodes.NodeNG, index, seen: set) -> tuple[bool, frozenset[str]]:
    """The reference is called and its coroutine runs on a worker loop: run by a fresh loop that sync code
    starts, or awaited, iterated, scheduled or collected by a coroutine that itself runs only there."""
    call = reference.parent
    if isinstance(call, nodes.Call) and reference in call.args and qualified_name(call.func) in api.ASYNC_TO_SYNC:
        return (True, frozenset({_ASYNC_TO_SYNC_LOOP})) if _task_code(enclosing_frame(call)) else (False, _NONE)
    if isinstance(call, nodes.Call) and reference in call.args:
        ok, roots = _runner_use(reference, call)
        if ok:
            return ok, roots
    if not (isinstance(call, nodes.Call) and call.func is reference):
        # a test that replaces or inspects it (``stage.fetch = AsyncMock()``) runs it nowhere else
        return (True, _NONE) if is_test_module(reference.root()) else (False, _NONE)
    item, holder = call, call.parent
    while isinstance(holder, (nodes.GeneratorExp, nodes.ListComp, nodes.List, nodes.Tuple, nodes.Starred)) and (
            item is getattr(holder, "elt", None) or item is getattr(holder, "value", None) or
            item in getattr(holder, "elts", ())):
        item, holder = holder, holder.parent  # asyncio.gather(*(load(p) for p in paths))
    caller = enclosing_frame(call)
    if isinstance(holder, nodes.Call) and item in holder.args:
        func = holder.func
        name = qualified_name(func) if isinstance(func, (nodes.Name, nodes.Attribute)) else None
        if (isinstance(func, nodes.Attribute) and func.attrname in _RUN_METHODS) or name in _LOOP_RUNNERS:
            root = ASYNCIO_RUN if name in _LOOP_RUNNERS else _RUN_UNTIL_COMPLETE
            return (True, frozenset({root})) if not isinstance(caller, nodes.AsyncFunctionDef) else (False, _NONE)
        last = func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)
        scheduled = last in _SCHEDULERS and (name is None or name.startswith("asyncio."))
        collected = isinstance(func, nodes.Attribute) and func.attrname == "append" and isinstance(func.expr, nodes.Name)
        if not (scheduled or collected):
            return False, _NONE
    elif isinstance(holder, nodes.Assign) and item is not call and all(
            isinstance(target, nodes.AssignName) for target in holder.targets):
        pass  # a list of coroutines kept in a local name (``todo = [self.fetch(u) for u in urls]``)
    elif not (item is call and (isinstance(holder, nodes.Await) or _async_iterated(call))):
        return False, _NONE
    return _caller_on_worker_loop(caller, index, seen)


def _runner_use(reference: nodes.NodeNG, call: nodes.Call) -> tuple[bool, frozenset[str]]:
    """The coroutine function handed to a project runner helper (``run_async(fetch, *args)``): a module-level
    sync function whose parameter receives it and is used only to run it on a fresh loop
    (``async_to_sync(p)(...)``, ``asyncio.run(p(...))``) or, in a branch taken only when the caller hands
    in a loop, ``asyncio.run_coroutine_threadsafe(p(...), loop)`` (``_runner_roots``); called from task
    code when it uses ``async_to_sync`` (from a sync view under ASGI that would be the server's loop)."""
    from asynclint.core.django_kinds import is_project_file
    from asynclint.core.imports import definition_of

    helper = definition_of(call.func) if isinstance(call.func, (nodes.Name, nodes.Attribute)) else None
    if not isinstance(helper, nodes.FunctionDef) or isinstance(helper, nodes.AsyncFunctionDef) or \
            not isinstance(helper.parent, nodes.Module) or not is_project_file(helper.root().file):
        return False, _NONE
    position = call.args.index(reference)
    parameters = helper.args.posonlyargs + helper.args.args
    if position >= len(parameters) or any(isinstance(arg, nodes.Starred) for arg in call.args[:position]):
        return False, _NONE
    caller = enclosing_frame(call)
    roots = _runner_roots(helper, parameters[position].name, call, caller)
    if not roots or isinstance(caller, nodes.AsyncFunctionDef) or (
            _ASYNC_TO_SYNC_LOOP in roots and not _task_code(caller)):
        return False, _NONE
    return True, roots


def _runner_roots(helper: nodes.FunctionDef, parameter: str, call: nodes.Call,
                  caller: nodes.NodeNG | None) -> frozenset[str]:
    """The one-shot roots on which ``helper`` runs the coroutine function its ``parameter`` receives, empty
    when any use of the parameter is anything else (called, stored, passed on, rebound, used in a nested
    function). A ``run_coroutine_threadsafe(p(...), loop)`` runs on the loop that the caller supplies: it
    counts (for nothing) only inside ``if loop:`` / ``if loop is not None:`` on a parameter ``loop`` that
    defaults to None and that ``call`` leaves None or forwards from a task's own parameter defaulting to
    None (a task queue's worker calls the task with the message's arguments: no loop crosses a broker)."""
    if any(name.name == parameter and name.parent is not helper.args for name in helper.nodes_of_class(nodes.AssignName)):
        return _NONE
    roots: set[str] = set()
    for use in helper.nodes_of_class(nodes.Name):
        if use.name != parameter:
            continue
        if enclosing_frame(use) is not helper:
            return _NONE
        parent = use.parent
        if isinstance(parent, nodes.Call) and parent.args == [use] and not parent.keywords and \
                qualified_name(parent.func) in api.ASYNC_TO_SYNC and \
                isinstance(parent.parent, nodes.Call) and parent.parent.func is parent:
            roots.add(_ASYNC_TO_SYNC_LOOP)  # async_to_sync(p)(...)
            continue
        if not (isinstance(parent, nodes.Call) and parent.func is use):
            return _NONE
        runner = _coroutine_runner(parent, helper)
        if runner is None:
            return _NONE
        name = qualified_name(runner.func)
        if name in _LOOP_RUNNERS:
            roots.add(ASYNCIO_RUN)
        elif name in _THREADSAFE and _only_with_a_loop_handed_in(runner, helper, call, caller):
            continue
        else:
            return _NONE
    return frozenset(roots)


_THREADSAFE = frozenset({"asyncio.run_coroutine_threadsafe", "asyncio.tasks.run_coroutine_threadsafe"})


def _coroutine_runner(made: nodes.Call, helper: nodes.FunctionDef) -> nodes.Call | None:
    """The call that runs the coroutine ``made``: it is that call's first argument, directly or through a
    local name bound once and used once (``coro = p(...)``; ``run_coroutine_threadsafe(coro, loop)``)."""
    holder = made.parent
    if isinstance(holder, nodes.Assign) and len(holder.targets) == 1 and isinstance(holder.targets[0], nodes.AssignName):
        local = holder.targets[0].name
        if sum(1 for name in helper.nodes_of_class(nodes.AssignName) if name.name == local) != 1:
            return None
        uses = [name for name in helper.nodes_of_class(nodes.Name) if name.name == local]
        if len(uses) != 1:
            return None
        made, holder = uses[0], uses[0].parent
    if isinstance(holder, nodes.Call) and holder.args and holder.args[0] is made and \
            isinstance(holder.func, (nodes.Name, nodes.Attribute)):
        return holder
    return None


def _only_with_a_loop_handed_in(runner: nodes.Call, helper: nodes.FunctionDef, call: nodes.Call,
                                caller: nodes.NodeNG | None) -> bool:
    """``runner`` (``run_coroutine_threadsafe(coro, loop)``) sits in the body of ``if loop:`` / ``if loop
    is not None:``, ``loop`` a parameter of ``helper`` defaulting to None, and ``call`` leaves it None."""
    loop = runner.args[1] if len(runner.args) > 1 else next(
        (k.value for k in runner.keywords or [] if k.arg == "loop"), None)
    if not isinstance(loop, nodes.Name):
        return False
    node, guarded = runner, False
    while node is not helper and node is not None:
        parent = node.parent
        if isinstance(parent, nodes.If) and node in parent.body and _tests_given(parent.test, loop.name):
            guarded = True
        node = parent
    return guarded and _none_default(helper, loop.name) and _left_none(call, helper, loop.name, caller)


def _tests_given(test: nodes.NodeNG, name: str) -> bool:
    """``if name:`` / ``if name is not None:``."""
    if isinstance(test, nodes.Name):
        return test.name == name
    return isinstance(test, nodes.Compare) and isinstance(test.left, nodes.Name) and test.left.name == name and \
        len(test.ops) == 1 and test.ops[0][0] == "is not" and \
        isinstance(test.ops[0][1], nodes.Const) and test.ops[0][1].value is None


def _none_default(function: nodes.FunctionDef, name: str) -> bool:
    """``function``'s parameter ``name`` defaults to None."""
    arguments = function.args
    try:
        default = arguments.default_value(name)
    except Exception:  # pylint: disable=broad-except  (no default: NoDefault)
        return False
    return isinstance(default, nodes.Const) and default.value is None


def _left_none(call: nodes.Call, helper: nodes.FunctionDef, name: str, caller: nodes.NodeNG | None) -> bool:
    """``call`` passes nothing for ``helper``'s parameter ``name``, None, or the caller's own parameter that
    defaults to None when the caller is a task (its worker passes the message's arguments)."""
    if any(isinstance(arg, nodes.Starred) for arg in call.args) or any(k.arg is None for k in call.keywords or []):
        return False
    positional = [a.name for a in helper.args.posonlyargs + helper.args.args]
    given = call.args[positional.index(name)] if name in positional and positional.index(name) < len(call.args) \
        else next((k.value for k in call.keywords or [] if k.arg == name), None)
    if given is None or (isinstance(given, nodes.Const) and given.value is None):
        return True
    return isinstance(given, nodes.Name) and isinstance(caller, nodes.FunctionDef) and _task_code(caller) and \
        given.name in {a.name for a in caller.args.posonlyargs + caller.args.args + caller.args.kwonlyargs} and \
        not any(n.name == given.name for n in caller.nodes_of_class(nodes.AssignName)
                if n.parent is not caller.args) and _none_default(caller, given.name)


def _async_iterated(call: nodes.Call) -> bool:
    """``async for x in call`` / ``[x async for x in call]``: an async generator run by its iterator."""
    parent = call.parent
    return (isinstance(parent, nodes.AsyncFor) and parent.iter is call) or (
        isinstance(parent, nodes.Comprehension) and parent.is_async and parent.iter is call)


def _caller_on_worker_loop(caller: nodes.NodeNG, index, seen: set) -> tuple[bool, frozenset[str]]:
    """The function that makes the coroutine runs on a worker loop: a coroutine reached only from one (or
    an async test), or a sync helper that collects coroutines for its callers (``coros.append(self.fetch(x));
    return coros``) called only by such coroutines."""
    if isinstance(caller, nodes.AsyncFunctionDef):
        if is_test_module(caller.root()) and not _runs_an_application(caller.root()):
            return True, _NONE  # an async test's own loop
        return _reached_from_worker_loop(caller, index, seen)
    if not isinstance(caller, nodes.FunctionDef) or caller in seen:
        return (True, _NONE) if caller in seen else (False, _NONE)
    seen.add(caller)
    words, own = index
    references = list(_references(caller, frozenset(words.get(caller.name, set()) | {own})))
    if not references or any(reference is None for reference in references):
        return False, _NONE
    reasons = _NONE
    for reference in references:
        call = reference.parent
        if not (isinstance(call, nodes.Call) and call.func is reference):
            return False, _NONE
        ok, why = _caller_on_worker_loop(enclosing_frame(call), index, seen)
        if not ok:
            return False, _NONE
        reasons |= why
    return True, reasons


def _task_code(frame: nodes.NodeNG | None) -> bool:
    """Sync code that runs in a task worker or a management command, never on a server's thread: a
    function decorated as a task queue's task (``@shared_task``, ``@dramatiq.actor``, ``@job``)."""
    from asynclint.core.event_loop import startup_only
    from asynclint.libraries.tasks import DECORATOR_KINDS

    if not isinstance(frame, nodes.FunctionDef) or isinstance(frame, nodes.AsyncFunctionDef):
        return False
    if startup_only(frame) == "a management command":
        return True
    for decorator in frame.decorators.nodes if frame.decorators else ():
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        name = qualified_name(target) if isinstance(target, (nodes.Name, nodes.Attribute)) else None
        if name in DECORATOR_KINDS or (isinstance(target, nodes.Attribute) and target.attrname == "task"):
            return True
    return False


# --- a coroutine function the project only awaits ----------------------------------------------------------
def awaited_everywhere(function: nodes.AsyncFunctionDef) -> bool:
    """A module-level coroutine function that the project calls, every call awaited on the spot (under
    its name or an import alias): no URLconf routes it, nothing takes it as a value, so it is no view.
    An attribute ``x.name`` counts when it resolves through imports (``auth.authenticate``); an
    unresolved one is an object's method of the same name (``backend.authenticate``)."""
    if not isinstance(function.parent, nodes.Module):
        return False
    index = _project_words(function)
    if index is None:
        return False
    from astroid import MANAGER

    words, own = index
    called = False
    for path in sorted(words.get(function.name, set()) | {own}):
        try:
            module = function.root() if path == own else MANAGER.ast_from_file(path)
        except Exception:  # pylint: disable=broad-except
            return False
        local = {function.name} | {alias for statement in module.nodes_of_class(nodes.ImportFrom)
                                   for name, alias in statement.names if name == function.name and alias}
        for node in module.nodes_of_class((nodes.Name, nodes.Attribute)):
            if isinstance(node, nodes.Name) and node.name not in local:
                continue
            if isinstance(node, nodes.Attribute) and (node.attrname != function.name or qualified_name(node) is None):
                continue
            if defined_elsewhere(node, function):
                continue
            call = node.parent
            if not (isinstance(call, nodes.Call) and call.func is node and isinstance(call.parent, nodes.Await)):
                return False
            called = True
    return called


def defined_elsewhere(node: nodes.NodeNG, function: nodes.FunctionDef) -> bool:
    """``node`` resolves through imports to a function of another module (Django's ``authenticate``
    beside the project's own)."""
    qualified = qualified_name(node)
    if qualified is None:
        return False
    module, _, name = qualified.rpartition(".")
    own = function.root().name
    return name != function.name or not (module == own or own.endswith(f".{module}") or module.endswith(f".{own}"))


# --- a private loop that runs one chain of awaits, where the project allows sync work on it -----------------
#: What makes a loop run something beside the coroutine it was started with: tasks (``create_task``,
#: ``gather``, ``TaskGroup``, ``wait_for``'s and ``timeout``'s timers), a server it serves, callbacks it
#: runs, coroutines other threads hand it, a loop object kept for others.
_BESIDE_THE_CHAIN = frozenset({
    "create_task", "ensure_future", "gather", "wait", "wait_for", "as_completed", "shield", "TaskGroup",
    "timeout", "timeout_at", "start_server", "start_unix_server", "create_server", "serve", "serve_forever",
    "run_forever", "call_soon", "call_soon_threadsafe", "call_later", "call_at", "add_reader", "add_writer",
    "add_signal_handler", "run_coroutine_threadsafe", "get_event_loop", "get_running_loop", "new_event_loop",
    "ws_connect", "start_polling", "run_polling", "idle", "subscribe", "consume", "Semaphore", "Queue",
    "Event", "Condition", "Lock"})
#: Libraries whose coroutines keep work of their own on the loop (keep-alive pings, dispatchers running
#: handlers side by side, consumers): a module of the chain that imports one is not one chain of awaits.
_SERVING_LIBRARIES = ("websockets", "aiogram", "telegram", "discord", "pyrogram", "telethon", "aio_pika",
                      "aiormq", "nats", "aiokafka", "channels", "uvicorn", "hypercorn", "daphne", "socketio",
                      "aiohttp.web", "aiojobs", "anyio", "trio", "twisted", "kombu", "redis.asyncio")
#: The most functions the chain's walk reads: more is unknown.
_MAX_CHAIN = 200
_ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def single_chain_loop_reason(node: nodes.NodeNG, raises: bool = True) -> str | None:
    """Why the sync work at ``node`` stalls nothing and raises nothing, or None: the coroutine running
    ``node`` runs only on loops that sync code starts with ``asyncio.run()`` (a management command, a
    process or thread target, a sync view's ``transaction.on_commit`` callback), every coroutine reaching
    it and every project function they reach running nothing beside the chain (``_BESIDE_THE_CHAIN``, no
    import of a library that serves on the loop). Such a loop runs one chain of awaits: a blocking call
    stalls no other coroutine. Work that ``raises`` on a running loop (the sync ORM) also needs the project
    to set ``DJANGO_ALLOW_ASYNC_UNSAFE`` for production (a module-level statement of a non-test module, as
    in its settings: Django's documented switch for code that knows nothing concurrent runs); work that
    only blocks (a file read, a request to a service, a task enqueued) needs nothing more. Anything unknown
    answers None."""
    frame = enclosing_frame(node)
    if not isinstance(frame, nodes.AsyncFunctionDef) or not node.root().file or is_test_module(node.root()):
        return None
    from asynclint.core import deployment

    where = None
    if raises:
        where = async_unsafe_set_in_production(str(deployment.project_root(node.root().file)))
        if where is None:
            return None
    if worker_loop_roots(frame) != {ASYNCIO_RUN}:
        return None
    cache = context.current().own_loop_programs
    key = ("single-chain", frame)
    if key not in cache:
        cache[key] = _one_chain(frame)
    if not cache[key]:
        return None
    if where is None:
        return "a loop that asyncio.run() starts for one chain of awaits: nothing else waits on it"
    return f"a loop that asyncio.run() starts for one chain of awaits, with {_ASYNC_UNSAFE} set in {where}"


def _one_chain(function: nodes.AsyncFunctionDef) -> bool:
    """Every function of the chain (the coroutines reaching ``function`` up to its ``asyncio.run()``
    roots, and every project function they call, transitively) starts nothing beside it."""
    index = _project_words(function)
    if index is None:
        return False
    upward: set = set()
    try:
        ok, _roots = _reached_from_worker_loop(function, index, upward)
    except RecursionError:
        return False
    if not ok:
        return False
    pending = [f for f in upward if isinstance(f, (nodes.FunctionDef, nodes.AsyncFunctionDef))]
    done: set = set()
    while pending:
        current = pending.pop()
        if current in done:
            continue
        done.add(current)
        if len(done) > _MAX_CHAIN or _runs_beside(current):
            return False
        for called in _project_functions_called(current):
            if called not in done:
                pending.append(called)
    return True


def _runs_beside(function: nodes.FunctionDef) -> bool:
    """``function`` names something that runs work beside its chain, or its module imports a serving
    library."""
    for name in function.nodes_of_class((nodes.Name, nodes.Attribute)):
        if (name.name if isinstance(name, nodes.Name) else name.attrname) in _BESIDE_THE_CHAIN and \
                not _local_value(name):
            return True
    module = function.root()
    found = getattr(module, "_asynclint_serving", None)
    if found is None:
        imported = [name for statement in module.nodes_of_class(nodes.Import) for name, _ in statement.names]
        imported += [statement.modname for statement in module.nodes_of_class(nodes.ImportFrom)]
        found = any(name == lib or name.startswith(f"{lib}.") for name in imported for lib in _SERVING_LIBRARIES)
        module._asynclint_serving = found  # pylint: disable=protected-access
    return found


def _local_value(name: nodes.NodeNG) -> bool:
    """``name`` is a plain name whose every binding is an assignment or a parameter of its own (``timeout =
    aiohttp.ClientTimeout(...)``): the value the code made, whose making the walk reads anyway."""
    if not isinstance(name, nodes.Name):
        return False
    try:
        _, bindings = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-except
        return False
    return bool(bindings) and all(isinstance(binding, nodes.AssignName) for binding in bindings)


def _project_functions_called(function: nodes.FunctionDef):
    """The project functions and methods that calls in ``function`` resolve to (a class's ``__init__``
    for a construction); calls that do not resolve are a library's or unknown, left to ``_runs_beside``'s
    names."""
    from astroid.helpers import safe_infer

    from asynclint.core.django_kinds import is_project_file

    for call in function.nodes_of_class(nodes.Call):
        try:
            value = safe_infer(call.func)
        except Exception:  # pylint: disable=broad-except
            continue
        if isinstance(value, nodes.ClassDef):
            value = next(iter(value.locals.get("__init__", ())), None)
        elif value is not None and not isinstance(value, nodes.FunctionDef):
            value = getattr(value, "_proxied", None)  # a bound method
        if isinstance(value, nodes.FunctionDef) and is_project_file(value.root().file):
            yield value


def async_unsafe_set_in_production(root: str) -> str | None:
    """The project file (relative to ``root``) that sets ``DJANGO_ALLOW_ASYNC_UNSAFE`` in a module-level
    statement outside the tests (its settings), or None; once per project and run.

    A text query of the persistent cache (``cache.TEXT_QUERIES``): each call records its answer in the
    entry of the module analysed, and the entry is stale when the project's text answers otherwise. So
    the memo is not a cross-module memo of the run context (``RunContext.production_async_unsafe`` is in
    ``cache.NOT_MEMOS``) and the files are read as bytes, not through ``django_kinds.names_word``: the
    answer depends on the text of the files that name the variable, not on every file of the project,
    and not on what the module that first asked read."""
    known = context.current().production_async_unsafe
    if root not in known:
        known[root] = _async_unsafe_set_in_production(root)
    return known[root]


def _async_unsafe_set_in_production(root: str) -> str | None:
    from asynclint.core.django_kinds import _python_files_under

    for path in _python_files_under(root, _MAX_FILES):
        parts = os.path.relpath(path, root).split(os.sep)
        if any("test" in part for part in parts) or is_test_file_name(parts[-1][:-3]):
            continue  # a test settings module, a conftest: the test run only
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if _ASYNC_UNSAFE.encode() in data and \
                _ASYNC_UNSAFE_SET.search(data.decode("utf-8", errors="replace")) is not None:
            return os.path.relpath(path, root)
    return None
