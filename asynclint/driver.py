"""The lint driver: one file walker, one pylint setup, one per-run context, for every consumer.

``asynclint check``, ``asynclint fix``, the project index of ``core.django_kinds`` (and the editor
server and the cache) find files, set up pylint and run asynclint's rules through this module:

- ``walk(root, ...)`` / ``discover(paths, config)``: the Python files to check. ``.gitignore`` applies
  inside a git work tree; excludes apply everywhere; symlink loops, dangling symlinks, named pipes
  and other non-regular files, and editors' lock files (``.#name.py``) are skipped. A path named
  explicitly that is not a readable regular file is an ``InputError`` (one line, exit 2).
- ``make_linter(...)``: the one ``PyLinter`` (``asynclint.lean.Linter``) with asynclint's plugin,
  options, selected rules and ``SETUP_ERRORS`` enabled; optionally with in-memory file contents.
- ``RunContext`` (``asynclint.core.context``): the project index and the analysis caches of one run.
  ``lint`` makes a new one per call unless given one; a long-running process keeps one and calls
  ``context.invalidate(paths)`` when files change. A new context is cheap (empty dictionaries).
- ``lint(files, rules, target, options, buffers=...)``: the findings (``asynclint.finding.Finding``,
  with the fix, chain and row the rules recorded; see ``to_findings``) and the setup errors of one
  run, ``sys.path`` left as found.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import io
import os
import re
import stat
import subprocess
import sys
import tokenize
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.core.context import RunContext, current, using

__all__ = ["SETUP_ERRORS", "InputError", "LintResult", "RunContext", "current", "discover", "lint",
           "make_linter", "on_sys_path", "option_value", "package_roots", "python_files", "read_text",
           "to_findings", "using", "walk"]

#: pylint messages that mean a file could not be analysed (reported as errors, exit status 2).
SETUP_ERRORS = ("syntax-error", "fatal", "astroid-error", "parse-error", "invalid-characters-in-docstring")


class InputError(Exception):
    """A path, file or option the run cannot use: one line on stderr, exit status 2."""


# --- files ------------------------------------------------------------------------------------------
def _is_lock_file(name: str) -> bool:
    """An editor's lock or backup file (Emacs ``.#name.py``, a dangling symlink while it edits)."""
    return name.startswith(".#")


def is_regular(path: str | os.PathLike) -> bool:
    """Whether ``path`` is (or links to) a regular file: False for folders, named pipes, sockets,
    devices, dangling symlinks and symlink loops."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def walk(root: str | os.PathLike, *, skip_dir: Callable[[str], bool] | None = None,
         skip_path: Callable[[str], bool] | None = None, limit: int | None = None) -> Iterator[str]:
    """The ``.py`` files under ``root``, sorted per folder: regular files only (see ``is_regular``),
    no editor lock files, no folder ``skip_dir(name)`` or path ``skip_path(path)`` rejects.

    Symlinked folders are not followed (as ``os.walk`` by default), so a symlink loop cannot recurse.
    The order is ``os.walk``'s top-down one; the folder entries' types come from ``os.scandir`` (no
    ``stat`` of a plain file, and no ``Path`` per entry: a large tree has tens of thousands of them).
    """
    count = 0
    stack = [os.fspath(root)]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            continue  # unreadable, or gone (os.walk's onerror ignored it too)
        folders, files = [], []
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            (folders if is_folder else files).append(entry)
        for entry in sorted(files, key=lambda found: found.name):
            name = entry.name
            if not name.endswith(".py") or _is_lock_file(name):
                continue
            path = entry.path  # os.path.join(directory, name), joined by scandir already
            if (skip_path and skip_path(path)) or not _regular_entry(entry):
                continue
            yield path
            count += 1
            if limit is not None and count >= limit:
                return
        below = [entry for entry in sorted(folders, key=lambda found: found.name)
                 if not (skip_dir and skip_dir(entry.name)) and not (skip_path and skip_path(entry.path))]
        stack.extend(entry.path for entry in reversed(below) if not _symlink(entry))


def _regular_entry(entry: os.DirEntry) -> bool:
    """``is_regular`` of a folder entry (its type from the listing, a ``stat`` for a symlink only)."""
    try:
        return entry.is_file() if not entry.is_symlink() else is_regular(entry.path)
    except OSError:
        return False


def _symlink(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return True  # not followed


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        return None


def _git_listed(path: Path) -> list[str] | None:
    """The ``.py`` files git lists under the folder (tracked and untracked, minus ignored), or None
    outside a work tree or inside an ignored folder."""
    inside = _git(["rev-parse", "--is-inside-work-tree"], path)
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != b"true":
        return None
    ignored = _git(["check-ignore", "-q", "."], path)
    if ignored is None or ignored.returncode != 1:  # 1: not ignored
        return None
    result = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], path)
    if result is None or result.returncode != 0:
        return None
    return [name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name.endswith(".py")]


def _real(path: Path) -> str:
    return os.path.realpath(path)  # never raises on a symlink loop (Path.resolve does before 3.13)


def check_named(path: Path, raw: str) -> None:
    """A path named on the command line must be a folder or a regular file: one line otherwise."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if os.path.islink(path):
            reason = "a symlink loop" if error.errno == errno.ELOOP else "a dangling symlink"
            raise InputError(f"cannot check {raw}: {reason}") from None
        raise InputError(f"no such file or directory: {raw}") from None
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InputError(f"cannot check {raw}: not a regular file (a named pipe, socket or device)")


def discover(paths: Iterable[str], config, log: Callable[[str], None] | None = None) -> list[Path]:
    """The Python files under ``paths``, without what ``.gitignore`` and the excludes skip.

    Files named explicitly are checked unless an exclude pattern matches them. Inside a git work tree
    the files come from ``git ls-files`` (tracked and untracked, minus ignored); a folder that is
    itself ignored (or outside any repository) is walked, skipping only the excludes.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        check_named(path, raw)
        if not path.is_dir():
            if not config.excluded(path):
                found.setdefault(_real(path), path)
            continue
        # Neither the walk nor git descends into a symlinked folder: below the folder's own real path,
        # only a file that is a symlink needs resolving (realpath's lstat of every component of every
        # file was most of the time of finding them).
        top, real_top = os.fspath(path), _real(path)

        def real(file: str) -> str:
            return _real(file) if os.path.islink(file) else os.path.join(real_top, file[len(top):].lstrip(os.sep))

        listed = _git_listed(path)
        if listed is None:
            for file in walk(path, skip_path=config.excluded):
                found.setdefault(real(file), Path(file))
            continue
        if log:
            log(f"{raw}: files from git ls-files (.gitignore applies)")
        for name in sorted(listed):
            candidate = path / name
            parts = Path(name).parts
            if _is_lock_file(candidate.name) or not is_regular(candidate):
                continue
            if not any(config.excluded(path.joinpath(*parts[:i + 1])) for i in range(len(parts))):
                found.setdefault(real(os.fspath(candidate)), candidate)
    return sorted(found.values(), key=lambda p: str(p))


def python_files(paths: Iterable[str], config=None) -> list[str]:
    """``discover`` with the default excludes (or ``config``), as absolute paths (the fix API's walk)."""
    from asynclint.config import Config

    return [os.path.abspath(p) for p in discover(list(paths), config or Config())]


def read_text(path: str | os.PathLike) -> str:
    """A source file's text, decoded as Python does (PEP 263 cookie, BOM); InputError otherwise."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        encoding, _ = tokenize.detect_encoding(_lines(data).__next__)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise InputError(f"cannot decode {path}: {error}") from None


_LINE_END = re.compile(rb"\r\n|\r|\n")


def _lines(data: bytes) -> Iterator[bytes]:
    """``data.splitlines(keepends=True)``, one line at a time: ``detect_encoding`` reads two at most,
    and splitting every file whole was a tenth of a warm run on a large tree."""
    start = 0
    for end in _LINE_END.finditer(data):
        yield data[start:end.end()]
        start = end.end()
    if start < len(data):
        yield data[start:]


# --- pylint -----------------------------------------------------------------------------------------
def package_roots(paths: Iterable[str | os.PathLike]) -> list[str]:
    """The folders to put on ``sys.path`` so the files import as pylint would import them, and as the
    Django project imports them: the folder of its ``manage.py``, which Django runs from, also when it
    holds an ``__init__.py`` (pylint then roots the package above it, where ``from chat.models import
    ...`` does not resolve)."""
    from pylint.lint.expand_modules import discover_package_path

    roots: dict[str, None] = {}
    for path in paths:
        found = discover_package_path(str(path), [])
        roots[found] = None
        folder = os.path.dirname(os.path.abspath(path))
        django_root = manage_py_folder(folder, os.path.abspath(found))
        if django_root is None and os.path.abspath(found) == folder:
            # The file's folder has no ``__init__.py`` (a namespace package, PEP 420: ``app/internal/
            # services/``), so pylint roots it at that folder; Django still imports it from the
            # ``manage.py`` folder above (``app.internal.services.bank``), as do its sibling modules.
            django_root = manage_py_folder(folder, _search_top(folder))
        if django_root is not None:
            roots[django_root] = None
    return list(roots)


def _search_top(folder: str) -> str:
    """Where the search for an enclosing ``manage.py`` stops (excluded): the parent of the nearest
    folder from ``folder`` up that is a repository's top (holds ``.git``) or the current directory,
    else ``folder`` itself (no search beyond the file's own project)."""
    cwd = os.path.abspath(os.getcwd())
    directory = folder
    while True:
        if os.path.exists(os.path.join(directory, ".git")) or directory == cwd:
            return os.path.dirname(directory)
        parent = os.path.dirname(directory)
        if parent == directory:
            return folder
        directory = parent


@functools.lru_cache(maxsize=4096)
def manage_py_folder(directory: str, stop: str) -> str | None:
    """The nearest folder from ``directory`` up to (not including) ``stop`` that holds ``manage.py``: the
    Django project's folder, which Django runs from."""
    while len(directory) > len(stop) and directory.startswith(stop):
        if os.path.isfile(os.path.join(directory, "manage.py")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent
    return None


@contextlib.contextmanager
def on_sys_path(roots: Sequence[str]) -> Iterator[None]:
    """``roots`` in front of ``sys.path`` while the block runs; ``sys.path`` restored afterwards."""
    saved = sys.path[:]
    sys.path[:0] = [root for root in roots if root not in sys.path]
    try:
        yield
    finally:
        sys.path[:] = saved


def option_value(name: str, spec: dict, value) -> str:
    """A ``[tool.asynclint]`` value as pylint's option string; InputError when the type is wrong."""
    kind = spec.get("type")
    try:
        if kind == "int":
            if isinstance(value, bool):
                raise ValueError
            return str(int(value))
        if kind == "csv":
            if isinstance(value, str):
                return value
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return ",".join(value)
            raise ValueError
        if kind == "yn":
            if isinstance(value, bool):
                return "y" if value else "n"
            raise ValueError
        if isinstance(value, (dict, list)):
            raise ValueError
        return str(value)
    except ValueError:
        raise InputError(f"invalid value for {name}: {value!r} (expected {kind})") from None


def _enable(linter, symbols: Iterable[str]) -> None:
    linter.disable("all")
    for symbol in symbols:
        linter.enable(symbol)
    for symbol in SETUP_ERRORS:
        linter.enable(symbol, ignore_unknown=True)


def make_linter(symbols: Iterable[str], *, django_version: str | None = None, options: dict | None = None,
                jobs: int = 1, roots: Sequence[str] = (), overlay: dict[str, str] | None = None,
                lean: bool = True):
    """The linter every route uses: asynclint's plugin, ``options`` (``[tool.asynclint]`` values,
    checked and converted), the targeted version, the rules ``symbols`` (ids or symbols) and the
    setup errors enabled. ``overlay``: file contents to lint instead of the disk's, by real path.
    ``lean``: build trees without astroid's own inference (``asynclint.lean``)."""
    from pylint.reporters import CollectingReporter

    from asynclint.config import linter_options
    from asynclint.finding import record
    from asynclint.lean import Linter

    reporter = CollectingReporter()
    reporter.out = io.StringIO()  # not sys.stdout: the linter is pickled for -j workers
    linter = Linter(reporter=reporter)
    record(linter)  # the rules' structured findings (``asynclint.finding.collect``)
    linter.asynclint_roots = list(roots)
    linter.asynclint_lean = lean
    linter.asynclint_overlay = dict(overlay or {})
    linter.load_plugin_modules(["asynclint"])
    # As pylint's Run does: the plugin's module becomes True, else -j's workers would get the package
    # (and every module of asynclint, with its state) pickled by value.
    linter.load_plugin_configuration()
    known = linter_options()
    for name, value in (options or {}).items():
        linter.set_option(name, option_value(name, known.get(name, {}), value))
    if django_version:
        linter.set_option("django-version", django_version)
    linter.set_option("persistent", False)
    linter.set_option("score", False)
    linter.config.jobs = jobs
    _enable(linter, symbols)
    return linter


@contextlib.contextmanager
def _built_trees_dropped() -> Iterator[None]:
    """Drop the astroid trees built while the block runs: a later run (another project, edited files)
    must not resolve its imports to them (``lean_astroid`` does the same for lean runs)."""
    from astroid import MANAGER

    from asynclint.lean import drop_trees_built_since, forget_module_locations

    kept = set(MANAGER.astroid_cache)
    located = set(MANAGER._mod_file_cache)  # pylint: disable=protected-access
    try:
        yield
    finally:
        drop_trees_built_since(kept)
        forget_module_locations(located)  # a later run may check another tree with the same module names



def _forget_other_projects() -> None:
    """Forget the project modules and module locations that something else left in astroid's caches
    (a plain pylint run in the same process, say): astroid answers ``import shop.services`` from its
    cache by name, so another tree's ``shop`` would stand in for this project's. A run of this
    driver leaves none behind itself, so this costs nothing in the usual case."""
    from astroid import MANAGER

    from asynclint.core.django_kinds import is_project_file

    stale = [name for name, module in MANAGER.astroid_cache.items()
             if name != "builtins" and is_project_file(getattr(module, "file", None))]
    for name in stale:
        del MANAGER.astroid_cache[name]
    if stale:  # and where astroid found them (its spec finders remember it too): the editor server
        from asynclint.lean import forget_module_locations  # checks two folders that both have a `shop`

        forget_module_locations(set())

def _drop_project_trees(names: Iterable[str], roots: Sequence[str]) -> None:
    """Drop the trees of these modules that belong to the project (under ``roots``, not installed):
    builtins, the standard library and installed packages stay for the next chunk."""
    from astroid import MANAGER

    from astroid.context import _invalidate_cache
    from astroid.inference_tip import clear_inference_tip_cache
    from astroid.interpreter.objectmodel import ObjectModel
    from astroid.nodes._base_nodes import LookupMixIn
    from astroid.nodes.scoped_nodes import ClassDef

    project = tuple(os.path.join(os.path.realpath(root), "") for root in roots)
    for name in names:
        file = getattr(MANAGER.astroid_cache.get(name), "file", None)
        real = os.path.realpath(file) if file else ""
        if real.startswith(project) and "site-packages" not in real and "dist-packages" not in real:
            del MANAGER.astroid_cache[name]
    # astroid's own caches keyed by nodes (``AstroidManager.clear_cache`` clears the same ones) would
    # keep every tree alive.
    for cached in (LookupMixIn.lookup, ObjectModel.attributes, ClassDef._metaclass_lookup_attribute):
        cached.cache_clear()
    clear_inference_tip_cache()
    _invalidate_cache()
    # Failed imports are cached as exceptions whose tracebacks hold the frames, and so the trees, of
    # the modules that asked.
    MANAGER._mod_file_cache.clear()  # pylint: disable=protected-access


#: The collector's thresholds while a run lints: young collections as usual, though less often, and no
#: automatic full collection (``run_linter`` makes one where it drops a chunk's trees).
RELAXED_THRESHOLDS = (50_000, 20, 1_000_000)


@contextlib.contextmanager
def relaxed_collector() -> Iterator[None]:
    """Python's full collections while the block runs come only from ``gc.collect()``.

    A run keeps millions of live objects (astroid's trees, pylint, the run's memos) and allocates
    as many more; with the default thresholds the collector walked the whole heap 23 times in a cold
    run on django/: 5.1 of its 12.8 s CPU, freeing next to nothing (the trees are alive until their
    chunk ends). The thresholds are restored afterwards (the editor server's ``settle`` collects)."""
    saved = gc.get_threshold()
    gc.set_threshold(*RELAXED_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


@contextlib.contextmanager
def survivors_frozen() -> Iterator[Callable[[], None]]:
    """A run's full collections walk only what is new since the last one: the block yields the
    collection ``run_linter`` makes after each chunk (``gc.collect``, then ``gc.freeze`` of what survived);
    what was alive when the block started is frozen too, and everything frozen is handed back to the
    collector when the block ends.

    A full collection walks every object the collector tracks: without the freeze each chunk's
    collection walked the whole heap again (the run's prefilter scan of every file, pylint, memos,
    installed packages' trees...), and that heap grows with the tree: on ten copies of django/ 16
    collections of 1.4-2.7 million objects took 32 of 130 s CPU (none at all on one copy, whose groups
    fit in one chunk each). When the caller had frozen objects already (the editor server, the tests'
    fixture), nothing is frozen: the collector cannot unfreeze only the run's objects, and what stayed
    frozen past the run (a tree an edit replaces) would never be freed."""
    owned = gc.get_freeze_count() == 0
    if owned:
        gc.freeze()

    def collect() -> None:
        gc.collect()  # the dropped trees (cycles: parent links), with no automatic full collection
        if owned:
            gc.freeze()

    try:
        yield collect
    finally:
        if owned:
            gc.unfreeze()


#: Files linted per ``PyLinter.check`` call: pylint builds every tree of a call before it lints them,
#: so the trees of a run are released chunk by chunk (memory stays bounded on large trees).
CHUNK = 64


def run_linter(linter, groups: Sequence[tuple[Iterable[str], Sequence[str]]], roots: Sequence[str] = (),
               context: RunContext | None = None, progress: Callable[[int, int], None] | None = None) -> list:
    """Lint each group of files with its rules only; pylint's messages (findings and setup errors).

    Runs in ``context`` (a new ``RunContext`` when None), with ``roots`` on ``sys.path`` meanwhile,
    and lean (``asynclint.lean``) when the linter is. A run in one process lints ``CHUNK`` files at a
    time and then drops the project's trees it built and the answers about them (a tree a later chunk
    imports is built again). ``progress(done, total)`` is called after each chunk.
    """
    from astroid import MANAGER

    from asynclint.lean import lean_astroid

    lean = getattr(linter, "asynclint_lean", True)
    context = context or RunContext()
    total, done = sum(len(files) for _symbols, files in groups), 0
    _forget_other_projects()
    with on_sys_path(roots), using(context), relaxed_collector(), survivors_frozen() as collect, \
            lean_astroid() if lean else _built_trees_dropped():
        for checker in linter.prepare_checkers():  # invalid options end the run here, in this process
            checker.open()
        for symbols, files in groups:
            _enable(linter, symbols)
            files = [str(f) for f in files]
            size = CHUNK if linter.config.jobs == 1 else len(files) or 1
            for start in range(0, len(files), size):
                kept = set(MANAGER.astroid_cache)
                linter.check(files[start:start + size])
                if size < len(files):
                    _drop_project_trees(set(MANAGER.astroid_cache) - kept, roots)
                    context.release()
                    collect()
                done += len(files[start:start + size])
                if progress:
                    progress(done, total)
    return linter.reporter.messages


def to_findings(messages, linter=None) -> list:
    """pylint messages as the findings the output layer renders (``asynclint.finding.Finding``, path
    as shown), with what the rules recorded on ``linter`` (fix, chain, row...)."""
    from asynclint import output
    from asynclint.finding import collect

    found = collect(linter, messages)
    # A message from the cache (asynclint.cache) carries the finding recorded when it was analysed.
    return output.shown([getattr(message, "finding", None) or finding for message, finding in zip(messages, found)])


#: Syntax the running Python may be too old for: (minimum version, pattern of the offending line).
NEWER_SYNTAX = (
    ((3, 14), re.compile(r"^\s*except\*?\s+(?!\()[^:]*,[^:]*:")),  # except A, B:  (PEP 758)
    ((3, 14), re.compile(r"(?<![\w.])[tT][rR]?[\'\"]|(?<![\w.])[rR][tT][\'\"]")),  # t-strings (PEP 750)
    ((3, 12), re.compile(r"^\s*type\s+\w+\s*(\[.*\])?\s*=")),  # type aliases (PEP 695)
    ((3, 12), re.compile(r"^\s*(async\s+)?(def|class)\s+\w+\s*\[")),  # type parameters (PEP 695)
    ((3, 11), re.compile(r"^\s*except\s*\*")),  # exception groups (PEP 654)
    ((3, 10), re.compile(r"^\s*(match|case)\s.*:\s*(#.*)?$")),  # pattern matching (PEP 634)
)


def newer_python_needed(path: str, line: int) -> tuple[int, int] | None:
    """The Python version a syntax error at ``path:line`` may need, when newer than the running one."""
    try:
        text = read_text(path).splitlines()[line - 1] if line > 0 else ""
    except (InputError, IndexError):
        return None
    for version, pattern in NEWER_SYNTAX:
        if sys.version_info[:2] < version and pattern.search(text):
            return version
    return None


#: Modules astroid could not parse while this process analysed others (path -> line of the error).
UNPARSABLE: dict[str, int] = {}
_parse_failures_noted = False


def _note_parse_failures() -> None:
    """Note in ``UNPARSABLE`` each module astroid fails to parse (an import of the project whose
    syntax the running Python rejects leaves what it defines unknown), and tell the cache (an entry
    analysed without it must be redone when it changes, and repeats the notice when reused)."""
    global _parse_failures_noted  # pylint: disable=global-statement
    if _parse_failures_noted:
        return
    from astroid.builder import AstroidBuilder
    from astroid.exceptions import AstroidSyntaxError

    from asynclint import cache

    build = AstroidBuilder.file_build

    def file_build(self, path, *args, **kwargs):
        try:
            return build(self, path, *args, **kwargs)
        except AstroidSyntaxError as error:
            line = getattr(error.error, "lineno", None) or 0
            UNPARSABLE[os.path.abspath(path)] = line
            cache.note_unparsable(os.path.abspath(path), line)
            raise

    AstroidBuilder.file_build = file_build
    _parse_failures_noted = True


def unparsable_imports(result: LintResult) -> list[tuple[str, int]]:
    """The modules a run could not parse besides the checked ones (those are setup errors): the
    project's, and any other whose syntax needs a newer Python than the running one."""
    from asynclint.core.django_kinds import is_project_file

    checked = {os.path.abspath(m.abspath or m.path) for m in result.errors}
    return [(path, line) for path, line in sorted(result.unparsable.items()) if path not in checked
            and (is_project_file(path) or newer_python_needed(path, line))]


@dataclass
class LintResult:
    """What ``lint`` found: the findings of the selected rules, the setup errors (pylint messages of
    the files that could not be analysed), and the files the prefilter handed to pylint."""

    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    analysed: list[str] = field(default_factory=list)
    messages: list = field(default_factory=list)
    linter: object | None = None  # what the rules recorded (``asynclint.finding.collect``)
    unparsable: dict[str, int] = field(default_factory=dict)  # modules astroid could not parse -> line


def lint(files: Sequence[str | os.PathLike], rules, target: tuple[int, int], options: dict | None = None, *,
         buffers: dict[str, str] | None = None, jobs: int = 1, context: RunContext | None = None,
         all_files: Sequence[str | os.PathLike] | None = None, log: Callable[[str], None] | None = None,
         progress: Callable[[int, int], None] | None = None, lean: bool = True, cache=None) -> LintResult:
    """Run ``rules`` (rule classes) over ``files`` for Django ``target`` with ``options``
    (``[tool.asynclint]`` values); ``buffers``: unsaved contents by path, analysed instead of the
    disk's. Only the files the prefilter keeps go to pylint, each with the rules that can fire there
    (and the files that do not parse, for their setup error). ``all_files``: every file of the project
    (their package roots go on ``sys.path``; default ``files``). ``context``: the run's caches (a fresh
    one when None); ``progress(done, total)``: after each chunk of files (see ``run_linter``);
    ``lean``: see ``make_linter``. ``cache``: an ``asynclint.cache.Cache``: the unchanged modules'
    messages come from it, the others' go to it. Bad input raises InputError; an option a checker
    rejects raises SystemExit (it printed one line)."""
    with relaxed_collector():
        return _lint(files, rules, target, options, buffers=buffers, jobs=jobs, context=context,
                     all_files=all_files, log=log, progress=progress, lean=lean, cache=cache)


def _lint(files, rules, target, options, *, buffers, jobs, context, all_files, log, progress, lean,
          cache) -> LintResult:
    from asynclint import prefilter

    buffers = {os.path.realpath(p): text for p, text in (buffers or {}).items()}
    sources = [(str(path), buffers.get(os.path.realpath(path)) if os.path.realpath(path) in buffers
                else read_text(path)) for path in files]
    scan = prefilter.scan(sources, rules) if cache is None else cache.scan(sources, rules)
    candidates = scan.candidates(rules) if rules else []
    # The prefilter must not hide a file that cannot be parsed: pylint reports it (setup errors only).
    broken = set(scan.unparsable)
    candidates += scan.unparsable
    result = LintResult(analysed=list(candidates))
    if log:
        log(f"{len(files)} files; {len(candidates)} can produce a finding and are analysed, "
            f"{len(files) - len(candidates)} cannot and are skipped")
        from asynclint.output import shown_path

        for path in candidates:
            log(f"  analyse {shown_path(path)} ({', '.join(sorted(scan.facts[path])) or 'every module'})")
    cached, recorder = [], None
    _note_parse_failures()
    UNPARSABLE.clear()
    if cache is not None:
        cached, candidates, recorder = cache.reuse(scan, candidates, rules)
        if log:
            log(f"cache {cache.directory}: {len(result.analysed) - len(candidates)} of {len(result.analysed)} "
                f"modules unchanged; {len(candidates)} analysed")
    messages, linter = cached, None
    if candidates:
        analysed, linter = _run(candidates, scan, rules, target, options, buffers=buffers, jobs=jobs,
                                context=context, files=all_files if all_files is not None else files,
                                recorder=recorder, broken=broken, progress=progress, lean=lean)
        messages = cached + analysed
    wanted = {rule.msgid for rule in rules}
    result.linter = linter
    result.messages = messages
    result.errors = [m for m in messages if m.symbol in SETUP_ERRORS]
    result.findings = to_findings([m for m in messages if m.msg_id in wanted], linter)
    result.unparsable = {**(cache.unparsable if cache is not None else {}), **UNPARSABLE}
    return result


def _run(candidates: list[str], scan, rules, target: tuple[int, int], options: dict | None, *,
         buffers: dict[str, str], jobs: int, context: RunContext | None, files, recorder, broken: set[str],
         progress: Callable[[int, int], None] | None, lean: bool) -> tuple[list, object]:
    """pylint's messages for the ``candidates``, each linted with the rules that can fire there (none
    for the ``broken`` ones: their setup error only), and the linter (it holds the rules' structured
    findings)."""
    roots = package_roots(files)
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    jobs = 1 if buffers else min(jobs, len(candidates))
    groups: dict[tuple, list[str]] = {}
    for path in candidates:
        groups.setdefault(() if path in broken else scan.rules_for(path, rules), []).append(path)
    if jobs > 1:  # one pool of workers for everything: they keep what they parsed
        groups = {tuple(rules): candidates}
    linter = make_linter([rule.msgid for rule in rules], django_version=f"{target[0]}.{target[1]}",
                         options=options, jobs=jobs, roots=roots, overlay=buffers, lean=lean)
    linter.asynclint_recorder = recorder
    groups_ = [([r.msgid for r in g], fs) for g, fs in groups.items()]
    return run_linter(linter, groups_, roots, context, progress), linter
