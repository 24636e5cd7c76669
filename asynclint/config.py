"""``[tool.asynclint]`` in ``pyproject.toml``, rule selection and the targeted Django version.

The table is found by walking up from the checked paths (the nearest ``pyproject.toml`` that has
one); ``--config FILE`` names it instead. Keys:

- ``django-version``: the targeted Django release ("5.2");
- ``select`` / ``ignore``: rules by symbol, id or id prefix (``"E57"``, ``"W"``, ``"ALL"``);
- ``exclude`` (replaces the default excludes) / ``extend-exclude``: glob patterns; a pattern
  without ``/`` matches any path component (``"migrations"``), one with ``/`` the path relative to
  the project (``"legacy/*.py"``);
- ``per-file-ignores``: a table of glob pattern -> rules (symbols, ids or id prefixes) not reported
  in the files it matches, as in ruff: ``{"tests/**" = ["W5710"]}``; a pattern with ``/`` matches the
  path relative to the project (``**`` spans folders), one without matches the file name; a leading
  ``!`` applies the rules to every file the pattern does not match;
- ``server``: how the project serves HTTP, ``"asgi"``, ``"wsgi"`` or ``"auto"`` (the default: detected
  from its settings, ``asgi.py`` and server commands, see ``asynclint.core.deployment``); under WSGI
  the middleware rules, which only cost anything under ASGI, are not reported;
- any option of asynclint's pylint checkers (``blocking-calls``, ``chain-depth``...), with the
  same meaning as in pylint's configuration.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.core import versions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".tox", ".nox", ".venv", "venv", ".eggs", "*.egg-info", "__pycache__",
    "node_modules", "build", "dist", "site-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    "__pypackages__", "_build", "buck-out",
)
CLI_KEYS = ("django-version", "select", "ignore", "exclude", "extend-exclude", "per-file-ignores")
SERVERS = ("auto", "asgi", "wsgi")


class ConfigError(Exception):
    """Bad configuration or usage: reported as one line, exit status 2."""


def linter_options() -> dict[str, dict]:
    """asynclint's pylint options (name -> pylint option dict), from the registered checkers."""
    from asynclint.rules import ALL
    from asynclint.rules.base import Options

    found: dict[str, dict] = {}
    for checker in (Options, *ALL):
        for name, spec in getattr(checker, "options", ()) or ():
            found.setdefault(name, spec)
    return found


@dataclass
class Config:
    path: Path | None = None  # the pyproject.toml read, if any
    root: Path = field(default_factory=Path.cwd)  # the project's folder (excludes are relative to it)
    django_version: str = ""
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    linter: dict[str, object] = field(default_factory=dict)  # other asynclint pylint options
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)  # (pattern, selectors)
    server: str = "auto"

    def ignored_rules(self, path: str, rules) -> set[str]:
        """The msgids of ``rules`` that ``per-file-ignores`` turns off in ``path``."""
        absolute = os.path.abspath(path)
        root = os.path.abspath(self.root)
        relative = os.path.relpath(absolute, root).replace(os.sep, "/") if absolute.startswith(root) else absolute
        off: set[str] = set()
        for pattern, selectors in self.per_file_ignores:
            negated = pattern.startswith("!")
            if _glob_matches(pattern.lstrip("!"), relative) != negated:
                off |= {rule.msgid for rule in select_rules(rules, selectors, [], "per-file-ignores ")}
        return off

    def excluded(self, path: str | Path) -> bool:
        """Whether ``path`` (a file or folder found while walking) matches an exclude pattern."""
        names, paths = self._patterns()
        if names is not None and names.match(path.name if isinstance(path, Path) else os.path.basename(path)):
            return True
        if paths is None:
            return False
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self._root) if absolute.startswith(self._root) else absolute
        return paths.match(relative.replace(os.sep, "/")) is not None

    def _patterns(self):
        key = tuple(self.exclude)
        if getattr(self, "_compiled_key", None) != key:
            names = [fnmatch.translate(p.rstrip("/")) for p in key if "/" not in p.rstrip("/")]
            paths = [fnmatch.translate(p.strip("/")) for p in key if "/" in p.rstrip("/")]
            paths += [fnmatch.translate(p.strip("/") + "/*") for p in key if "/" in p.rstrip("/")]
            self._compiled = (re.compile("|".join(names)) if names else None,
                              re.compile("|".join(paths)) if paths else None)
            self._compiled_key = key
            self._root = os.path.abspath(self.root)
        return self._compiled


def _glob_matches(pattern: str, relative: str) -> bool:
    """ruff-style globs: without ``/`` the file name, with ``/`` the project-relative path."""
    pattern = pattern.strip()
    if "/" not in pattern.rstrip("/"):
        return fnmatch.fnmatchcase(relative.rpartition("/")[2], pattern) or any(
            fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in relative.split("/")[:-1])
    regex, index = "", 0
    pattern = pattern.strip("/")
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] == "*":
            regex, index = regex + "[^/]*", index + 1
        elif pattern[index] == "?":
            regex, index = regex + "[^/]", index + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.fullmatch(regex + "(?:/.*)?", relative) is not None


def _list(value, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def find_pyproject(paths: list[str]) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.asynclint]`` table above the first checked path."""
    start = Path(paths[0] if paths else ".").resolve()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "asynclint" in _tool_table(candidate):
            return candidate
    return None


def _tool_table(path: Path) -> dict:
    """The ``[tool]`` table of a pyproject.toml (ConfigError when ``tool`` is not a table)."""
    tool = _read(path).get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table, not {type(tool).__name__}")
    return tool


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def load(paths: list[str], explicit: str | None = None) -> Config:
    """The configuration for checking ``paths``."""
    path = Path(explicit).resolve() if explicit else find_pyproject(paths)
    if path is None:
        return Config()
    if explicit and not path.is_file():
        raise ConfigError(f"--config: no such file: {explicit}")
    table = _tool_table(path).get("asynclint", {})
    where = f"{path} [tool.asynclint]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    options = linter_options()
    config = Config(path=path, root=path.parent)
    for key, value in table.items():
        if key == "django-version":
            if not isinstance(value, str):  # 5.10 unquoted is the float 5.1
                raise ConfigError(f"{where}: django-version must be a string: quote it (django-version = "
                                  f"\"{value}\"); TOML reads an unquoted {value} as a number")
            config.django_version = value
            try:
                known_version(config.django_version)
            except versions.InvalidDjangoVersion as error:
                raise ConfigError(f"{where}: {error}") from None
        elif key == "select":
            config.select = _list(value, key, where)
        elif key == "ignore":
            config.ignore = _list(value, key, where)
        elif key == "exclude":
            config.exclude = _list(value, key, where)
        elif key == "extend-exclude":
            config.exclude += _list(value, key, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of pattern = [rules]")
            for pattern, selectors in value.items():
                config.per_file_ignores.append((pattern, _list(selectors, f"per-file-ignores.{pattern}", where)))
            from asynclint.rules import ALL

            for _pattern, selectors in config.per_file_ignores:
                select_rules(ALL, selectors, [], f"{where}: per-file-ignores ")
        elif key == "server":
            if value not in SERVERS:
                raise ConfigError(f"{where}: 'server' must be one of {', '.join(SERVERS)}, not {value!r}")
            config.server = config.linter[key] = value
        elif key in options:
            check_option(key, options[key], value, where)
            config.linter[key] = value
        else:
            known = ", ".join(sorted([*CLI_KEYS, *options]))
            raise ConfigError(f"{where}: unknown option '{key}' (known: {known})")
    return config


def select_rules(rules, select: list[str] | None, ignore: list[str], where: str = "") -> tuple:
    """The rules ``select`` picks (all when None) minus those ``ignore`` picks, in ``rules`` order.

    A selector is a symbol, an id, an id prefix (``E57``, ``W``) or ``ALL``; an unknown one raises
    ConfigError.
    """
    def matching(selector: str, option: str) -> set:
        if selector.upper() == "ALL":
            return set(rules)
        found = {rule for rule in rules if rule.symbol == selector or rule.msgid.upper().startswith(selector.upper())}
        if not found or not selector:
            raise ConfigError(f"{where}{option}: unknown rule '{selector}': expected a rule symbol, id or id "
                              f"prefix (see 'asynclint rules')")
        return found

    chosen = set(rules) if select is None else set().union(*(matching(s, "select") for s in select)) if select \
        else set()
    for selector in ignore:
        chosen -= matching(selector, "ignore")
    return tuple(rule for rule in rules if rule in chosen)


def known_version(value: str) -> versions.Version:
    """A ``django-version`` value asynclint knows (a Django feature release from the oldest it targets
    to the newest whose API it knows), else InvalidDjangoVersion naming the valid range."""
    version = versions.parse(value)
    if version not in versions.KNOWN:
        oldest, newest = versions.format_version(versions.KNOWN[0]), versions.format_version(versions.KNOWN[-1])
        raise versions.InvalidDjangoVersion(
            f"unknown django-version {value!r}: expected a Django feature release from {oldest} to {newest} "
            f"({', '.join(versions.format_version(v) for v in versions.KNOWN)})")
    return version


#: The smallest value of asynclint's integer options.
MINIMUM = {"chain-depth": 1}


def check_option(name: str, spec: dict, value, where: str = "") -> None:
    """ConfigError when an integer option is out of its range (``MINIMUM``, else 0)."""
    if spec.get("type") != "int" or isinstance(value, bool) or not isinstance(value, int):
        return  # the type itself is checked when the linter is set up
    lowest = MINIMUM.get(name, 0)
    if value < lowest:
        raise ConfigError(f"{where + ': ' if where else ''}invalid {name} {value}: expected an integer of at least "
                          f"{lowest}")


def target(option: str, config: Config, start: str) -> versions.Target:
    """The targeted Django version and why: the option, else the installed Django, else the project's
    ``django`` requirement (lowest admitted version), else the newest known."""
    value = option or config.django_version
    where = config.root if config.path is not None else Path(start)
    try:
        if option is not None and not option.strip():
            raise ConfigError(f"--django-version: empty value: expected a Django feature release such as "
                              f"'{versions.format_version(versions.NEWEST)}'")
        if value:
            known_version(value)
        found = versions.detect(value, where)
    except versions.InvalidDjangoVersion as error:
        raise ConfigError(str(error)) from None
    except versions.InvalidRequirement as error:
        raise ConfigError(f"cannot read the django requirement: {error}") from None
    if value and not option:
        found = versions.Target(found.version, f"set by django-version in {config.path}")
    return found
