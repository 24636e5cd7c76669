"""Async methods that nothing in an application runs (``never_run``): their sync work never reaches the loop.

A finding inside an ``async def`` is about work on the event loop only if something runs that coroutine.
In a library, something always may (its users are callers too); in an application (a Django project
folder with ``manage.py`` and a settings module that assigns ``INSTALLED_APPS``) every caller is in the
project's files, so a method whose name occurs nowhere else in them is never run: sync code never
reached from the loop, silent.

A method is *never run*, for certain, when all of these hold:

- it is an undecorated ``async def`` (no route, task or handler registration), not a dunder (protocols:
  ``__aenter__``, ``__call__``...), defined directly in a module-level, undecorated class with no base
  but ``object`` and no metaclass (no library base that dispatches by name, as Channels does from a
  message's ``type``, and no project base whose code could);
- the module lies in an application: a folder with ``manage.py`` between the module and its deployment
  root, holding a settings module (``caches.application_folder``);
- no token of any Python file under the deployment root (comments aside) holds the method's name as a
  word except its own ``def``: no call, no reference, no string that could be a ``getattr`` name, a
  dotted path or a URL route; nor does any other text file (templates, configuration, documentation);
- no instance of the class can reach code that calls methods by name (a duck-typed protocol: Django
  calls a middleware's ``process_view``): every occurrence of the class's name in the project's Python
  files is its ``class`` statement, an import, or a call ``C(...)`` whose result is discarded, used as
  ``C(...).attr``, or kept in a local name that is only ever used as ``name.attr``; and every use of the
  first parameter in the class's methods is ``self.attr``.

Anything unreadable, unparsable, or a project larger than ``_MAX_FILES`` files: unknown, not never run.
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from pathlib import Path

from astroid import nodes

from asynclint.core import context, django_kinds

#: Past this many files under the deployment root the project is not read whole: unknown.
_MAX_FILES = 20000
_SKIPPED = {"node_modules", "__pycache__", "site-packages", "dist-packages", "venv", "env"}
_MAX_TEXT = 2_000_000


def never_run(function: nodes.NodeNG | None) -> bool:
    """Whether ``function`` is an async method that nothing in its application runs (module docstring)."""
    if not isinstance(function, nodes.AsyncFunctionDef) or function.decorators is not None:
        return False
    name = function.name
    if name.startswith("__") and name.endswith("__"):
        return False
    cls = function.parent
    if not isinstance(cls, nodes.ClassDef) or not isinstance(cls.parent, nodes.Module) or cls.decorators \
            or cls.keywords or any(not (isinstance(b, nodes.Name) and b.name == "object") for b in cls.bases):
        return False
    path = function.root().file
    if not path or not django_kinds.is_project_file(path):
        return False
    from asynclint.core import caches, deployment

    if caches.application_folder(path) is None:
        return False
    root = str(deployment.project_root(path))
    known = context.current().never_run
    key = (os.path.abspath(path), cls.name, name, function.lineno)
    if key not in known:
        known[key] = _never_run(root, os.path.abspath(path), cls, function)
    return known[key]


def _never_run(root: str, here: str, cls: nodes.ClassDef, function: nodes.AsyncFunctionDef) -> bool:
    if not _self_kept(cls):
        return False
    files = _files(root)
    if files is None:
        return False
    method, klass = function.name, cls.name
    for path in files:
        if not path.endswith(".py"):
            if _text_names(path, method):
                return False
            continue
        names_method = django_kinds.names_word(path, method)  # recorded as read by the persistent cache
        names_class = django_kinds.names_word(path, klass)
        if not (names_method or names_class):
            continue
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        own = function.lineno if os.path.abspath(path) == here else None
        if names_method and _tokens_name(text, method, own):
            return False
        if names_class and not _class_kept(text, klass, cls.lineno if own is not None else None):
            return False
    return True


def _files(root: str) -> list[str] | None:
    found: list[str] = []
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".") and d not in _SKIPPED
                      and not os.path.isfile(os.path.join(directory, d, "pyvenv.cfg"))]
        found.extend(os.path.join(directory, n) for n in names)
        if len(found) > _MAX_FILES:
            return None
    return found


def _text_names(path: str, word: str) -> bool:
    """A non-Python file holds ``word`` as a word (unreadable: True; binary or huge: False)."""
    try:
        if os.path.getsize(path) > _MAX_TEXT:
            return False
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return True
    if b"\0" in data[:4096]:
        return False
    return word.encode() in data and re.search(rb"(?<!\w)" + re.escape(word.encode()) + rb"(?!\w)", data) is not None


def _tokens_name(text: str, word: str, own_line: int | None) -> bool:
    """A token of ``text`` other than a comment holds ``word`` as a word, except the method's own name
    in its ``def`` on ``own_line`` (unparsable: True)."""
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    previous = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE) and pattern.search(token.string):
                defined = previous is not None and previous.string == "def" and token.string == word
                if not (defined and own_line is not None and token.start[0] == own_line):
                    return True
            if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
                previous = token
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return True
    return False


def _class_kept(text: str, klass: str, own_line: int | None) -> bool:
    """Every occurrence of ``klass`` in ``text`` keeps its instances from code that could call their
    methods by name (module docstring); unparsable: False."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    pattern = re.compile(r"(?<!\w)" + re.escape(klass) + r"(?!\w)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and pattern.search(node.value):
            if not _docstring(node, parents):
                return False
        elif isinstance(node, ast.ClassDef) and node.name == klass and node.lineno != own_line:
            return False  # another class of that name: the text cannot tell the two apart
        elif isinstance(node, ast.Attribute) and node.attr == klass and not _kept_call(node, parents):
            return False
        elif isinstance(node, ast.Name) and node.id == klass and not _kept_call(node, parents):
            return False
    return True


def _docstring(node: ast.Constant, parents: dict[int, ast.AST]) -> bool:
    statement = parents.get(id(node))
    return isinstance(statement, ast.Expr) and isinstance(parents.get(id(statement)), (
        ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))


def _kept_call(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """``node`` (the class's name) is called, and the instance is discarded, used as ``C().attr``, or
    assigned to a local name only ever used as ``name.attr`` in its function (or module)."""
    call = parents.get(id(node))
    if not isinstance(call, ast.Call) or call.func is not node:
        return False
    user = parents.get(id(call))
    if isinstance(user, ast.Expr) or isinstance(user, ast.Attribute) and user.value is call:
        return True
    if isinstance(user, ast.Assign) and len(user.targets) == 1 and isinstance(user.targets[0], ast.Name):
        local = user.targets[0].id
        scope = parents.get(id(user))
        while scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            scope = parents.get(id(scope))
        if scope is None:
            return False
        for use in ast.walk(scope):
            if isinstance(use, ast.Name) and use.id == local and isinstance(use.ctx, ast.Load):
                used = parents.get(id(use))
                if not (isinstance(used, ast.Attribute) and used.value is use):
                    return False
            elif isinstance(use, (ast.Global, ast.Nonlocal)) and local in use.names:
                return False
        return True
    return False


def _self_kept(cls: nodes.ClassDef) -> bool:
    """Every use of the first parameter in ``cls``'s methods is ``self.attr``: the instance is never
    handed on (``register(self)``, ``return self``) nor asked for a computed attribute."""
    for method in cls.mymethods():
        arguments = method.args.posonlyargs + method.args.args
        if not arguments or method.type == "staticmethod":
            continue
        first = arguments[0].name
        for use in method.nodes_of_class(nodes.Name):
            # in a nested function or lambda too: only ``self.attr`` (read, assigned or deleted)
            if use.name == first and not (isinstance(use.parent, (nodes.Attribute, nodes.AssignAttr, nodes.DelAttr))
                                          and use.parent.expr is use):
                return False
    return True
