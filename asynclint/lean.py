"""The pylint linter of ``asynclint check``, and the astroid work it can skip.

asynclint's analysis reads syntax trees and scope lookups only; it never asks astroid to infer
(``core.django_kinds``: "astroid's own inference is not used"). Building a module, astroid
still infers on its own: every ``self.x = ...`` (to record instance attributes) and the brain
transforms (enum classes, namedtuples, typing...), and each inference can load further modules.
In a run of asynclint's checkers alone that work is never used, and it is most of the time a
run takes, so ``asynclint check`` switches it off while it lints (``lean_astroid``) and puts it
back afterwards, dropping the modules it built from astroid's cache. pylint's own route
(``--load-plugins=asynclint``) is untouched; ``tests/test_cli_equivalence.py`` checks that
both report the same findings.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from astroid import MANAGER
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidError
from pylint.lint import PyLinter

_active = False


def _skip_delayed_assattr(self, node) -> None:  # pylint: disable=unused-argument
    """AstroidBuilder.delayed_assattr replacement: instance attributes are not recorded."""


def _visit_transforms(node):
    """AstroidManager.visit_transforms while lean: with no transform registered, astroid's visitor
    would walk every node of every tree built (and copy every list of children) to change nothing:
    a tenth of a cold run's CPU. A transform registered meanwhile is applied as usual."""
    from astroid import MANAGER

    visitor = MANAGER._transform  # pylint: disable=protected-access
    return visitor.visit(node) if any(visitor.transforms.values()) else node


@contextlib.contextmanager
def lean_astroid() -> Iterator[None]:
    """Build modules without astroid's own inference (see the module docstring)."""
    global _active  # pylint: disable=global-statement
    if _active:
        yield
        return
    from astroid import MANAGER, builder

    saved_assattr = builder.AstroidBuilder.delayed_assattr
    transforms = MANAGER._transform.transforms  # pylint: disable=protected-access
    saved_transforms = {key: list(value) for key, value in transforms.items()}
    cached = set(MANAGER.astroid_cache)
    located = set(MANAGER._mod_file_cache)  # pylint: disable=protected-access
    builder.AstroidBuilder.delayed_assattr = _skip_delayed_assattr
    transforms.clear()
    MANAGER.visit_transforms = _visit_transforms  # an attribute of the instance, over the method
    _active = True
    try:
        yield
    finally:
        _active = False
        builder.AstroidBuilder.delayed_assattr = saved_assattr
        del MANAGER.visit_transforms
        transforms.clear()
        transforms.update(saved_transforms)
        drop_trees_built_since(cached)  # built lean: not for later pylint runs
        forget_module_locations(located)


def drop_trees_built_since(kept: set) -> None:
    """Drop the astroid trees built since ``kept`` (the cache's module names then) was taken. astroid
    builds ``builtins`` lazily, so a first run in the process builds it too; every lookup needs it,
    so it is built again at once (with the transforms now in force)."""
    from astroid import MANAGER

    for name in set(MANAGER.astroid_cache) - kept:
        del MANAGER.astroid_cache[name]
    if "builtins" not in MANAGER.astroid_cache:
        MANAGER.bootstrap()


def forget_module_locations(located: set) -> None:
    """Forget where this run found modules: a later run in this process (tests, an editor server)
    may check another tree whose modules have the same names, or files that changed since."""
    from astroid import MANAGER
    from astroid.interpreter._import import spec

    for key in set(MANAGER._mod_file_cache) - located:  # pylint: disable=protected-access
        del MANAGER._mod_file_cache[key]  # pylint: disable=protected-access
    spec._find_spec.cache_clear()  # pylint: disable=protected-access
    for finder in spec._SPEC_FINDERS:  # pylint: disable=protected-access
        finder.find_module.cache_clear()


def _may_hold_pragma(node) -> bool:
    """Whether the module's source holds ``pylint:`` (a pragma comment needs it); True when unknown."""
    data = getattr(node, "file_bytes", None)
    if data is None:
        try:
            with open(node.file, "rb") as handle:
                data = handle.read()
        except (OSError, TypeError):
            return True
    return (b"pylint:" if isinstance(data, bytes) else "pylint:") in data


class Linter(PyLinter):
    """PyLinter that also runs lean in pylint's worker processes (``-j``), that puts the
    package roots of every discovered file (not only the analysed ones) on ``sys.path``, as
    pylint does when it is given all of them, and that lints in-memory contents of files
    (``asynclint_overlay``, by real path) instead of the disk's. ``asynclint.driver.make_linter``
    makes it."""

    asynclint_roots: list[str] = []
    asynclint_lean: bool = True
    asynclint_overlay: dict[str, str] = {}
    asynclint_recorder = None  # asynclint.cache.Recorder: stores each module's findings and dependencies
    _lean: contextlib.ExitStack | None = None

    def get_ast(self, filepath, modname, data=None):
        if data is None and self.asynclint_overlay:
            data = self.asynclint_overlay.get(os.path.realpath(filepath))
        try:
            if data is None:
                return MANAGER.ast_from_file(filepath, modname, source=True)
            return AstroidBuilder(MANAGER).string_build(data, modname, filepath)
        except AstroidError:  # a syntax error and the like: pylint's own messages
            return super().get_ast(filepath, modname, data)
        except (RecursionError, MemoryError, Exception) as error:  # pylint: disable=broad-except
            # pylint would print the traceback and write a crash report holding the user's source.
            self._cannot_analyse(filepath, error)
            return None

    def check_astroid_module(self, ast_node, walker, rawcheckers, tokencheckers):
        walker.exception_msg = True  # a checker's exception: one line (``_cannot_analyse``), no traceback
        return super().check_astroid_module(ast_node, walker, rawcheckers, tokencheckers)

    def _check_astroid_module(self, node, walker, rawcheckers, tokencheckers):
        """pylint's, without tokenizing a module whose source has no ``pylint:`` pragma when no token
        checker runs: the tokens would only be searched for pragmas (``process_tokens``), and
        tokenizing with the ``tokenize`` module was ~9% of a cold check of django/."""
        if tokencheckers or not node.pure_python or _may_hold_pragma(node):
            return super()._check_astroid_module(node, walker, rawcheckers, tokencheckers)
        self.process_tokens([])  # what it does for tokens without a pragma
        for raw_checker in rawcheckers:
            raw_checker.process_module(node)
        walker.walk(node)
        return True

    def _cannot_analyse(self, filepath: str, error: BaseException) -> None:
        """One ``astroid-error`` naming the reason; no traceback, no crash report outside the project."""
        reason = ("the code nests too deeply to analyse (Python's recursion limit)"
                  if isinstance(error, RecursionError) else f"{type(error).__name__}: {error}")
        self.add_message("astroid-error", args=(filepath, reason))

    def _check_file(self, get_ast, check_astroid_module, file) -> None:  # a -j worker's module
        with self._recording(file.filepath):
            super()._check_file(get_ast, check_astroid_module, file)

    def _lint_file(self, file, module, check_astroid_module) -> None:  # a module of a sequential run
        with self._recording(file.filepath):
            try:
                super()._lint_file(file, module, check_astroid_module)
            except Exception as error:  # pylint: disable=broad-except  # pylint would write a crash report
                self._cannot_analyse(file.filepath, error)

    def _recording(self, filepath: str):
        if self.asynclint_recorder is None:
            return contextlib.nullcontext()
        return self.asynclint_recorder.recording(self, filepath)

    def open(self) -> None:
        super().open()
        missing = [root for root in self.asynclint_roots if root not in sys.path]
        sys.path[:0] = missing
        if self.asynclint_lean and not _active:  # a worker process: lean for the rest of its life
            self._lean = contextlib.ExitStack()
            self._lean.enter_context(lean_astroid())
