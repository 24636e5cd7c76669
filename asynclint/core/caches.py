"""Which cache backend the project configures for an alias, and whether it leaves an app out of
INSTALLED_APPS (``app_absent``), read from its settings as text.

A sync cache call on the loop is a problem because the backend does I/O (memcached, Redis, files) or
queries (``DatabaseCache`` raises ``SynchronousOnlyOperation``). An in-process backend does neither:
``LocMemCache`` takes a lock and (un)pickles in memory, ``DummyCache`` does nothing, and their ``a*``
forms only add a thread hop (``BaseCache.aget`` is ``sync_to_async(self.get)``). When the project's
settings say so for certain, the cache rows do not apply (``django_kinds._condition_holds``).

Certain means: the module lies in a Django project folder (the nearest folder above it, up to its
deployment root, that holds ``manage.py``: a repository's example or demo project configures nothing
for the library beside it), that folder holds a settings module outside test folders (a file that assigns ``INSTALLED_APPS``, at module level or in a
django-configurations class body), and every statement of its Python files outside test folders that
sets or changes ``CACHES`` (``=``, ``+=``, ``CACHES["x"] = ...``, ``CACHES.update(...)``, an
``override_settings(CACHES=...)`` keyword) gives literal dicts whose ``BACKEND`` values are string
literals. No such statement at all: Django's default, ``{"default": LocMemCache}``. Anything else (a
backend read from the environment, ``env.cache()``, a name): unknown, and the rows apply.

A test module with no Django project folder above it (a library's own tests: django_logging's
``tests/setup.py`` calls ``settings.configure(...)`` from its conftest) runs under the settings its test
code configures. Certain there means: the project's Python files, test folders included, call
``settings.configure(...)`` at least once, every such call passes keywords only (no ``**options``, no
``default_settings``), nothing names ``DJANGO_SETTINGS_MODULE`` (pytest-django's option or an
environment variable would pick a settings module instead), and every statement that sets ``CACHES``
(a ``CACHES=`` keyword of those calls included) is literal, as above. The library's other modules run
under their users' settings: unknown.
"""

from __future__ import annotations

import ast
from pathlib import Path

from asynclint import django_api as api

#: The answer when a settings value is not known for certain.
UNKNOWN = None


def in_process(alias: str | None, module_file: str | None) -> bool:
    """Whether the cache ``alias`` (None: an alias the code does not name, so every configured one) of
    the Django project that ``module_file`` belongs to is in-process for certain."""
    chosen = _chosen_backends(alias, module_file)
    return bool(chosen) and all(backend in api.IN_PROCESS_CACHE_BACKENDS for backend in chosen)


def sync_io(alias: str | None, module_file: str | None) -> bool:
    """Whether every backend the project's settings can give the cache ``alias`` is, for certain, one whose
    methods are sync functions that do I/O (``api.SYNC_CACHE_BACKENDS``): there ``await cache.get(...)``
    blocks the loop before it awaits a value (TypeError), whatever the ``await`` suggests."""
    chosen = _chosen_backends(alias, module_file)
    return bool(chosen) and all(backend in api.SYNC_CACHE_BACKENDS for backend in chosen)


def _chosen_backends(alias: str | None, module_file: str | None) -> tuple[str, ...]:
    """The backends the settings give ``alias`` (every configured one for None) when they are known for
    certain (above), else nothing."""
    from asynclint.core import deployment

    if not module_file:
        return ()
    root = str(deployment.project_root(module_file))
    folder = deployment.django_project_folder(module_file)
    if folder is not None:
        backends = configured_backends(Path(folder))
    elif _test_code(module_file, root):
        backends = configured_test_backends(Path(root))
    else:
        backends = UNKNOWN
    if backends is UNKNOWN:
        return ()
    return tuple(backends.get(alias, ())) if alias is not None else tuple(b for found in backends.values() for b in found)


def app_absent(app: str, module_file: str | None) -> bool:
    """Whether the Django project that ``module_file`` belongs to certainly leaves ``app`` (a dotted
    module path) out of INSTALLED_APPS: the module lies in a Django project folder (as for caches, above)
    whose settings module is found, and none of the folder's Python files, test folders included, names
    the app (``"app"``, or its AppConfig ``"app.apps.X"``) anywhere in its text. Read once per run."""
    from asynclint.core import context, deployment

    folder = deployment.django_project_folder(module_file)
    if folder is None:
        return False
    known = context.current().apps_absent
    key = (folder, app)
    if key not in known:
        known[key] = _app_absent(Path(folder), app)
    return known[key]


def application_folder(module_file: str) -> str | None:
    """The Django project folder ``module_file`` belongs to (as for ``app_absent``) when it holds a
    settings module (a file outside test folders that assigns ``INSTALLED_APPS``): an application, whose
    every caller is in its files. Read once per run."""
    import os

    from asynclint.core import context, deployment
    from asynclint.driver import manage_py_folder

    root = str(deployment.project_root(module_file))
    folder = manage_py_folder(os.path.dirname(os.path.abspath(module_file)), os.path.dirname(root))
    if folder is None:
        return None
    known = context.current().applications
    if folder not in known:
        known[folder] = _settings_found(Path(folder))
    return folder if known[folder] else None


def _settings_found(root: Path) -> bool:
    from asynclint.core import deployment

    for path in deployment.project_python_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            if "INSTALLED_APPS" in text and _assigns_installed_apps(ast.parse(text)):
                return True
        except (OSError, SyntaxError, ValueError):
            continue
    return False


def _app_absent(root: Path, app: str) -> bool:
    from asynclint.core import deployment

    settings_found = False
    for path in deployment.project_python_files(root, tests=True):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        if app in text:
            return False
        if not settings_found and "INSTALLED_APPS" in text:
            try:
                settings_found = _assigns_installed_apps(ast.parse(text))
            except (SyntaxError, ValueError):
                return False
    return settings_found


def configured_backends(root: Path) -> dict[str, tuple[str, ...]] | None:
    """Alias -> the backends the settings in the Django project folder ``root`` give it (every assignment counted), or ``UNKNOWN``;
    read once per run."""
    from asynclint.core import context

    known = context.current().cache_backends
    if root not in known:
        known[root] = _read_backends(root)
    return known[root]


def _read_backends(root: Path) -> dict[str, tuple[str, ...]] | None:
    from asynclint.core import deployment

    backends: dict[str, list[str]] = {}
    settings_found = assigned = False
    for path in deployment.project_python_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        has_apps, has_caches = "INSTALLED_APPS" in text, api.CACHES_SETTING in text
        if not has_apps and not has_caches:
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):
            if has_caches:
                return UNKNOWN
            continue
        settings_found = settings_found or has_apps and _assigns_installed_apps(tree)
        if not has_caches:
            continue
        added = _add_backends(tree, backends)
        if added is None:
            return UNKNOWN
        assigned = assigned or added
    return _answer(backends, assigned) if settings_found else UNKNOWN


def _add_backends(tree: ast.Module, backends: dict[str, list[str]]) -> bool | None:
    """Add what each statement of ``tree`` that sets ``CACHES`` gives each alias; whether any does, or
    None when one is not literal (unknown)."""
    assigned = False
    for value in _caches_values(tree):
        assigned = True
        found = _literal_backends(value)
        if found is None:
            return None
        for alias, backend in found:
            backends.setdefault(alias, []).append(backend)
    return assigned


def _answer(backends: dict[str, list[str]], assigned: bool) -> dict[str, tuple[str, ...]]:
    """No statement sets ``CACHES``: Django's default; else each alias's backends, once each."""
    if not assigned:
        return {"default": (api.DEFAULT_CACHE_BACKEND,)}
    return {alias: tuple(dict.fromkeys(found)) for alias, found in backends.items()}


def _test_code(module_file: str, root: str) -> bool:
    """A test module (by its name) or a module inside a test folder of the project at ``root``."""
    import os

    from asynclint.core import deployment

    if module_file.endswith(".py") and deployment.is_test_file_name(os.path.basename(module_file)[:-3]):
        return True
    try:
        where = Path(module_file).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return False
    return deployment.is_test_path(where)


#: Names that choose a settings module for a test run (pytest-django's ini option, the environment).
_SETTINGS_MODULE_NAMES = ("DJANGO_SETTINGS_MODULE", "--ds")
_TEST_CONFIG_FILES = ("pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml")


def configured_test_backends(root: Path) -> dict[str, tuple[str, ...]] | None:
    """Alias -> backends of the settings that the test code under ``root`` configures with
    ``settings.configure(...)``, or ``UNKNOWN``; read once per run."""
    from asynclint.core import context

    known = context.current().cache_backends
    key = (root, "configure")
    if key not in known:
        known[key] = _read_configured_backends(root)
    return known[key]


def _read_configured_backends(root: Path) -> dict[str, tuple[str, ...]] | None:
    from asynclint.core import deployment

    for name in _TEST_CONFIG_FILES:
        try:
            text = (root / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if any(word in text for word in _SETTINGS_MODULE_NAMES):
            return UNKNOWN
    backends: dict[str, list[str]] = {}
    configured = assigned = False
    for path in deployment.project_python_files(root, tests=True):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if _SETTINGS_MODULE_NAMES[0] in text:
            return UNKNOWN
        has_configure, has_caches = ".configure(" in text, api.CACHES_SETTING in text
        if not has_configure and not has_caches:
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):
            return UNKNOWN
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and _is_settings_configure(call.func):
                if call.args or any(k.arg in (None, "default_settings") for k in call.keywords):
                    return UNKNOWN
                configured = True
        added = _add_backends(tree, backends) if has_caches else False
        if added is None:
            return UNKNOWN
        assigned = assigned or added
    return _answer(backends, assigned) if configured else UNKNOWN


def _is_settings_configure(func: ast.AST) -> bool:
    """``settings.configure`` (``django.conf.settings.configure`` included)."""
    if not (isinstance(func, ast.Attribute) and func.attr == "configure"):
        return False
    owner = func.value
    return isinstance(owner, ast.Name) and owner.id == "settings" or \
        isinstance(owner, ast.Attribute) and owner.attr == "settings"


def _assigns_installed_apps(tree: ast.Module) -> bool:
    bodies = [tree.body, *(statement.body for statement in tree.body if isinstance(statement, ast.ClassDef))]
    return any(isinstance(statement, (ast.Assign, ast.AnnAssign)) and any(
        isinstance(target, ast.Name) and target.id == "INSTALLED_APPS"
        for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target]))
        for body in bodies for statement in body)


def _names_caches(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == api.CACHES_SETTING or \
        isinstance(node, ast.Attribute) and node.attr == api.CACHES_SETTING


def _caches_values(tree: ast.Module):
    """What each statement that sets or changes ``CACHES`` gives it: a dict of aliases (``CACHES =``,
    ``CACHES |=``, ``.update()``, an ``override_settings`` keyword), or ``("alias", config)`` for an item
    assignment; a ``None`` marks a change whose value is not seen (a ``.setdefault()``, ``del``, a read
    that flows elsewhere is fine)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if _names_caches(target):
                    yield node.value
                elif isinstance(target, ast.Subscript) and _names_caches(target.value):
                    yield ("item", target.slice, node.value)
                elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Subscript) and \
                        _names_caches(target.value.value):
                    yield None  # CACHES["default"]["BACKEND"] = ...: read as unknown
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _names_caches(node.func.value) \
                and node.func.attr not in ("get", "items", "keys", "values", "copy"):
            yield node.args[0] if node.func.attr == "update" and len(node.args) == 1 and not node.keywords else None
        elif isinstance(node, ast.keyword) and node.arg == api.CACHES_SETTING:
            yield node.value
        elif isinstance(node, ast.Delete) and any(_names_caches(getattr(t, "value", t)) for t in node.targets):
            yield None


def _literal_backends(value) -> list[tuple[str, str]] | None:
    """(alias, backend) for each alias ``value`` configures, or None when any is not a literal."""
    if value is None:
        return None
    if isinstance(value, tuple):  # an item assignment: CACHES["alias"] = {...}
        _, key, config = value
        backend = _backend(config)
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)) or backend is None:
            return None
        return [(key.value, backend)]
    if not isinstance(value, ast.Dict):
        return None
    found = []
    for key, config in zip(value.keys, value.values):
        backend = _backend(config)
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)) or backend is None:
            return None
        found.append((key.value, backend))
    return found


def _backend(config: ast.AST) -> str | None:
    if not isinstance(config, ast.Dict):
        return None
    for key, value in zip(config.keys, config.values):
        if isinstance(key, ast.Constant) and key.value == "BACKEND":
            return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
    return None
