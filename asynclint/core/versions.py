"""The Django (and library) versions asynclint targets.

Django: the ``django-version`` option wins; else the release a lock file pins; else the installed
Django when the project's own ``django`` requirement admits it (or declares none); else the lowest
Django release that requirement
admits (the oldest the project supports: a replacement is suggested only when every supported
version has it, and a rule about something newer stays silent); else the installed Django; else the
newest known. A requirement that admits only releases older than 3.0 (no async views, no
middleware modes) targets 3.0, the oldest asynclint reasons about.

Libraries (``library``): the ``library-versions`` option wins; else the installed distribution when
the project's requirement admits it (or declares none); else the range the requirement declares;
else unknown (None), and what depends on the version stays silent.

The project's requirement is read, walking up from the checked folder to the project's root, from
``pyproject.toml`` (``[project] dependencies``, ``[tool.poetry.dependencies]``), ``setup.cfg``
(``[options] install_requires``), ``setup.py`` (a literal ``install_requires=[...]``), ``Pipfile``
(``[packages]``) and ``requirements*.txt`` / ``requirements/*.txt`` (following ``-r``). A lock file
that pins Django (``poetry.lock``, ``uv.lock``, ``Pipfile.lock``, a ``==`` pin in a requirements
file) is read first: the release it locks is the one the project runs (``locked``). A requirement
asynclint cannot read never stops the analysis (the project's files are not asynclint's input): the
installed Django, else the newest known, is targeted and ``-v`` says why.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import metadata

from asynclint.django_api import Version

#: Oldest version asynclint reasons about (async views, middleware and tests arrived in 3.1).
OLDEST: Version = (3, 0)
#: Newest version whose async API the table knows completely.
NEWEST: Version = (6, 1)

_VERSION = re.compile(r"\s*(\d+)\.(\d+)(?:\.\d+)?(?:(?:a|b|rc)\d+)?\s*$")


class InvalidDjangoVersion(ValueError):
    """A ``django-version`` value that is not a Django version asynclint can target."""


@dataclass(frozen=True)
class Target:
    version: Version
    reason: str  # how it was chosen, for ``-v`` output
    #: The project's django requirement when ``version`` is only the lowest release it admits (no Django
    #: installed, or one the requirement does not admit): the project may run any release it admits.
    specifier: str = ""

    def admits_from(self, release: Version) -> bool:
        """Whether the project may run Django ``release`` or later: the targeted version is, or the
        requirement it was chosen from admits a known release from ``release`` on."""
        return self.version >= release or bool(self.specifier) and any(
            known >= release and admits(self.specifier, known) for known in KNOWN)


def parse(value: str) -> Version:
    """``"5.2"`` or ``"5.2.3"`` to ``(5, 2)``; anything else raises InvalidDjangoVersion."""
    match = _VERSION.match(value)
    if not match:
        raise InvalidDjangoVersion(
            f"invalid django-version {value!r}: expected a Django release such as '5.2'"
        )
    version = (int(match.group(1)), int(match.group(2)))
    if version < OLDEST:
        raise InvalidDjangoVersion(
            f"invalid django-version {value!r}: asynclint targets Django {format_version(OLDEST)} "
            f"or newer (async views arrived in 3.1)"
        )
    return version


def installed() -> Version | None:
    """The installed Django's version, read from its metadata (Django is never imported)."""
    try:
        return parse(metadata.version("django"))
    except (metadata.PackageNotFoundError, InvalidDjangoVersion):
        return None


def resolve(option: str | None) -> Target:
    if option:
        return Target(parse(option), "set by the django-version option")
    found = installed()
    if found is not None:
        return Target(found, "the installed Django")
    return Target(NEWEST, "no Django installed and no django-version set: the newest known")


def format_version(version: Version) -> str:
    return f"{version[0]}.{version[1]}"


# --- the ``django`` requirement of a project ---------------------------------------------------------
#: Django's feature releases asynclint knows, oldest first (three per major version up to 5.x).
KNOWN: tuple[Version, ...] = tuple(
    (major, minor) for major in range(OLDEST[0], NEWEST[0] + 1) for minor in range(3)
    if OLDEST <= (major, minor) <= NEWEST
)

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")
_CLAUSE = re.compile(r"^\s*(===|==|!=|~=|<=|>=|<|>)\s*([0-9][0-9A-Za-z.*+!-]*)\s*$")
_RELEASE = re.compile(r"^(\d+(?:\.\d+)*)(?:\.\*)?")


class InvalidRequirement(ValueError):
    """A ``django`` requirement whose version specifier asynclint cannot read."""


def _release(text: str) -> tuple[int, ...]:
    match = _RELEASE.match(text.split("+", 1)[0].split("!")[-1])
    if not match:
        raise InvalidRequirement(f"unreadable version {text!r}")
    return tuple(int(part) for part in match.group(1).split("."))


def release(text: str) -> tuple[int, ...]:
    """``"0.1.7"`` to ``(0, 1, 7)`` (InvalidRequirement for text that is no version)."""
    return _release(text)


def _padded(release: tuple[int, ...], length: int = 3) -> tuple[int, ...]:
    return release + (0,) * (length - len(release))


def _admits(operator: str, spec: str, candidate: tuple[int, int, int]) -> bool:
    """Whether the final release ``candidate`` (major, minor, micro) satisfies ``operator spec``."""
    wildcard = spec.endswith(".*")
    release = _release(spec)
    if operator in ("==", "===", "!=") and wildcard:
        equal = candidate[:len(release)] == _padded(release, len(release))
        return equal if operator != "!=" else not equal
    target = _padded(release)
    width = max(len(target), 3)
    value, bound = _padded(candidate, width), _padded(target, width)
    if operator in ("==", "==="):
        return value == bound
    if operator == "!=":
        return value != bound
    if operator == ">=":
        return value >= bound
    if operator == "<=":
        return value <= bound
    if operator == ">":
        return value > bound
    if operator == "<":
        return value < bound
    # ~=X.Y.Z: >=X.Y.Z and ==X.Y.*  (~=X.Y: >=X.Y and ==X.*)
    if len(release) < 2:
        raise InvalidRequirement(f"'~={spec}' needs at least two version components")
    prefix = release[:-1]
    return value >= bound and candidate[:len(prefix)] == prefix


def lowest_admitted(specifier: str) -> Version | None:
    """The oldest known Django feature release that a PEP 440 specifier admits (any of its micro
    releases counts): ``">=4.2,<5.0"`` → (4, 2); ``">4.2"`` → (4, 2) (4.2.1 is admitted); ``""`` → None."""
    clauses = [part for part in specifier.split(",") if part.strip()]
    if not clauses:
        return None
    parsed = []
    for clause in clauses:
        match = _CLAUSE.match(clause)
        if not match:
            raise InvalidRequirement(f"unreadable version specifier {clause.strip()!r}")
        parsed.append((match.group(1), match.group(2)))
    for version in KNOWN:
        for micro in range(0, 40):
            candidate = (*version, micro)
            if all(_admits(operator, spec, candidate) for operator, spec in parsed):
                return version
    return None


def _poetry_specifier(constraint: str) -> str:
    """Poetry's constraint syntax (``^4.2``, ``~4.2``, ``4.2.*``, ``>=4.2,<5``, ``4.2``) as PEP 440."""
    parts = []
    for piece in constraint.replace(" ", "").split(","):
        if not piece or piece == "*":
            continue
        if piece.startswith("^"):
            release = _release(piece[1:])
            upper = next((i for i, part in enumerate(release) if part != 0), len(release) - 1)
            bumped = list(release[:upper + 1])
            bumped[-1] += 1
            parts += [f">={piece[1:]}", f"<{'.'.join(map(str, bumped))}"]
        elif piece.startswith("~") and not piece.startswith("~="):
            release = _release(piece[1:])
            bumped = list(release[:2] if len(release) > 1 else release)
            bumped[-1] += 1
            parts += [f">={piece[1:]}", f"<{'.'.join(map(str, bumped))}"]
        elif piece[0].isdigit():
            parts.append(f"=={piece}")
        else:
            parts.append(piece)
    return ",".join(parts)


def normalized(name: str) -> str:
    """A distribution name as PEP 503 compares them (``Django``, ``django_ninja`` → ``django``, ``django-ninja``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_specifier(line: str, package: str = "django") -> str | None:
    """The specifier of a PEP 508 requirement line for ``package``, or None for another package."""
    line = line.split(";", 1)[0].split(" #", 1)[0].strip()
    if not line or line.startswith(("#", "-")):
        return None
    match = _NAME.match(line)
    if not match or normalized(match.group(1)) != normalized(package):
        return None
    rest = match.group(3).strip()
    if rest.startswith("@"):
        return ""  # a direct URL: no version to read
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1]
    return rest


def _first(entries, package: str, where: str) -> tuple[str, str] | None:
    for entry in entries or ():
        specifier = _requirement_specifier(str(entry), package)
        if specifier is not None:
            return specifier, f"{where}: {str(entry).strip()!r}"
    return None


def _from_pyproject(path, package: str = "django") -> tuple[str, str] | None:
    """(specifier, where) of ``package`` in a pyproject.toml's dependencies, or None."""
    try:
        data = _load_toml(path)
    except (OSError, ValueError):
        return None
    found = _first(data.get("project", {}).get("dependencies", []), package, f"{path} [project] dependencies")
    if found is not None:
        return found
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {}) or {}
    for name, constraint in poetry.items():
        if normalized(name) == normalized(package):
            if isinstance(constraint, dict):
                constraint = constraint.get("version", "")
            if isinstance(constraint, list):  # multiple-constraint form: the first one
                constraint = constraint[0].get("version", "") if constraint else ""
            return _poetry_specifier(str(constraint)), \
                f"{path} [tool.poetry.dependencies] {name} = {constraint!r}"
    return None


def _from_setup_cfg(path, package: str) -> tuple[str, str] | None:
    """``[options] install_requires`` of a setup.cfg (one requirement a line)."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
        value = parser.get("options", "install_requires", fallback="")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    return _first(value.splitlines(), package, f"{path} [options] install_requires")


def _from_setup_py(path, package: str) -> tuple[str, str] | None:
    """A literal ``install_requires=[...]`` of ``setup(...)`` in a setup.py (or a module-level list of
    strings it names); the file is parsed, never run."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return None
    lists = {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg != "install_requires":
                continue
            value = lists.get(keyword.value.id) if isinstance(keyword.value, ast.Name) else keyword.value
            if isinstance(value, (ast.List, ast.Tuple)):
                strings = [item.value for item in value.elts
                           if isinstance(item, ast.Constant) and isinstance(item.value, str)]
                return _first(strings, package, f"{path} install_requires")
    return None


def _from_pipfile(path, package: str) -> tuple[str, str] | None:
    """``[packages]`` of a Pipfile (``django = ">=4.2,<5"``, ``"*"`` or ``{version = "..."}``)."""
    try:
        data = _load_toml(path)
    except (OSError, ValueError):
        return None
    for name, constraint in (data.get("packages", {}) or {}).items():
        if normalized(name) == normalized(package):
            if isinstance(constraint, dict):
                constraint = constraint.get("version", "")
            specifier = "" if str(constraint).strip() == "*" else _pipfile_specifier(str(constraint))
            return specifier, f"{path} [packages] {name} = {constraint!r}"
    return None


_BARE_WILDCARD = re.compile(r"^(===?)?\s*(\d+(?:\.\d+)*)\.[xX*]$")


def _pipfile_specifier(constraint: str) -> str:
    """A Pipfile's version as PEP 440: the ``4.1.x`` and bare ``4.1.*`` that pipenv users write mean
    ``==4.1.*``; anything else is kept as written."""
    parts = []
    for piece in (part.strip() for part in constraint.split(",")):
        match = _BARE_WILDCARD.match(piece)
        parts.append(f"=={match.group(2)}.*" if match else piece)
    return ",".join(part for part in parts if part)


def _from_requirements(path, package: str = "django", _seen=None) -> tuple[str, str] | None:
    seen = _seen if _seen is not None else set()
    if path in seen:
        return None
    seen.add(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for raw in lines:
        line = raw.strip()
        if line.startswith(("-r", "--requirement")):
            included = line.split(None, 1)[1] if " " in line else line[2:]
            found = _from_requirements(path.parent / included.strip(), package, seen)
            if found is not None:
                return found
            continue
        specifier = _requirement_specifier(line, package)
        if specifier is not None:
            return specifier, f"{path}: {line!r}"
    return None


def declared(package: str, start) -> tuple[str, str] | None:
    """(specifier, where) of the project's requirement on ``package``, walking up from ``start`` to
    the project's root (a folder with ``pyproject.toml``, ``setup.py``, ``setup.cfg`` or ``.git``):
    in each folder ``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``Pipfile``, then
    ``requirements.txt``, the other ``requirements*.txt`` and ``requirements/*.txt``. The specifier is
    PEP 440 (Poetry's constraints translated), ``""`` when the requirement names no version."""
    from pathlib import Path

    directory = Path(start).resolve()
    if directory.is_file():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        readers = ((folder / "pyproject.toml", _from_pyproject), (folder / "setup.cfg", _from_setup_cfg),
                   (folder / "setup.py", _from_setup_py), (folder / "Pipfile", _from_pipfile))
        for path, reader in readers:
            if path.is_file():
                found = reader(path, package)
                if found is not None:
                    return found
        for candidate in _requirement_files(folder):
            found = _from_requirements(candidate, package)
            if found is not None:
                return found
        if _project_root(folder):
            return None  # the project's root: do not look above it
    return None


def _from_toml_lock(path, package: str) -> tuple[tuple[int, ...], str] | None:
    """``[[package]]`` of a poetry.lock or uv.lock: the lowest locked release of ``package`` (a uv.lock
    may lock several, one per platform or Python)."""
    try:
        entries = _load_toml(path).get("package", [])
    except (OSError, ValueError):
        return None
    found = sorted(_release(str(entry["version"])) for entry in entries if isinstance(entry, dict)
                   and normalized(str(entry.get("name", ""))) == normalized(package) and entry.get("version"))
    return (found[0], f"{path}: {package} {'.'.join(map(str, found[0]))}") if found else None


def _from_pipfile_lock(path, package: str) -> tuple[tuple[int, ...], str] | None:
    """``default`` (else ``develop``) of a Pipfile.lock: ``"django": {"version": "==4.2.7"}``."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for section in ("default", "develop"):
        for name, entry in (data.get(section) or {}).items() if isinstance(data, dict) else ():
            if normalized(name) == normalized(package) and isinstance(entry, dict):
                pinned = re.fullmatch(r"\s*===?\s*([0-9][^,;\s]*)\s*", str(entry.get("version", "")))
                if pinned:
                    return _release(pinned.group(1)), f"{path} [{section}] {name} {entry['version']}"
    return None


def _pinned_in_requirements(path, package: str) -> tuple[tuple[int, ...], str] | None:
    """A ``package==X.Y.Z`` pin in a requirements file (as pip-compile or ``pip freeze`` write them)."""
    found = _from_requirements(path, package)
    pinned = re.fullmatch(r"\s*===?\s*([0-9][0-9A-Za-z.+!-]*)\s*", found[0]) if found else None
    return (_release(pinned.group(1)), found[1]) if pinned else None


def locked(package: str, start) -> tuple[tuple[int, ...], str] | None:
    """(release, where) of ``package`` pinned by the project's lock file, walking up from ``start`` to
    the project's root like ``declared``: in each folder ``poetry.lock``, ``uv.lock``, ``Pipfile.lock``,
    then an exact ``==`` pin in ``requirements.txt``, the other ``requirements*.txt`` and
    ``requirements/*.txt``. None when no lock file pins it (or a pin cannot be read)."""
    from pathlib import Path

    directory = Path(start).resolve()
    if directory.is_file():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        readers = [(folder / "poetry.lock", _from_toml_lock), (folder / "uv.lock", _from_toml_lock),
                   (folder / "Pipfile.lock", _from_pipfile_lock)]
        readers += [(path, _pinned_in_requirements) for path in _requirement_files(folder)]
        for path, reader in readers:
            if path.is_file():
                try:
                    found = reader(path, package)
                except InvalidRequirement:
                    found = None
                if found is not None:
                    return found
        if _project_root(folder):
            return None
    return None


#: Folders a search for requirements files below a project's root skips.
_NOT_REQUIREMENTS = frozenset({".git", "node_modules", ".venv", "venv", ".tox", "site-packages", "dist", "build"})


def pinned_in_project(package: str, start) -> tuple[tuple[int, ...], str] | None:
    """(release, where) of ``package`` as the project pins it: ``locked`` (walking up from ``start``),
    else an ``==`` pin in a requirements file below the project's root, up to three folders down
    (``backend/deploy/requirements.txt``) when every such pin names the same release."""
    found = locked(package, start)
    if found is not None:
        return found
    from pathlib import Path

    root = Path(start).resolve()
    root = root.parent if root.is_file() else root
    while not _project_root(root) and root.parent != root:
        root = root.parent
    if not _project_root(root):
        return None
    pins = []
    for folder, subfolders, _files in os.walk(root):
        depth = len(Path(folder).relative_to(root).parts)
        subfolders[:] = [] if depth >= 3 else [d for d in subfolders if d not in _NOT_REQUIREMENTS]
        for path in _requirement_files(Path(folder)):
            try:
                pinned = _pinned_in_requirements(path, package)
            except InvalidRequirement:
                pinned = None
            if pinned is not None:
                pins.append((pinned[0], path.relative_to(root).as_posix()))
    return pins[0] if pins and len({release for release, _ in pins}) == 1 else None


def _requirement_files(folder) -> list:
    """``requirements.txt``, the other ``requirements*.txt``, then ``requirements/*.txt`` of ``folder``."""
    files = sorted(folder.glob("requirements*.txt"), key=lambda p: (p.name != "requirements.txt", p.name))
    return files + (sorted((folder / "requirements").glob("*.txt")) if (folder / "requirements").is_dir() else [])


def _project_root(folder) -> bool:
    """Whether ``folder`` is a project's root (nothing above it is read)."""
    return any((folder / name).is_file() for name in ("pyproject.toml", "setup.cfg", "setup.py")) \
        or (folder / ".git").exists()


def admits(specifier: str, release: tuple[int, ...]) -> bool:
    """Whether the final release ``release`` satisfies the PEP 440 ``specifier`` (``""`` admits all).

    Raises InvalidRequirement for a specifier that cannot be read."""
    candidate = _padded(release)
    for clause in (part for part in specifier.split(",") if part.strip()):
        match = _CLAUSE.match(clause)
        if not match:
            raise InvalidRequirement(f"unreadable version specifier {clause.strip()!r}")
        if not _admits(match.group(1), match.group(2), candidate):
            return False
    return True


def _older_only(specifier: str) -> bool:
    """Whether every release the specifier admits is older than ``OLDEST`` (``>=2.1,<2.3``)."""
    _low, high = _bounds(specifier)
    return high is not None and _padded(high, 6) <= _padded(OLDEST, 6)


def requirement(start) -> tuple[Version, str] | None:
    """The lowest Django version that the project's ``django`` requirement admits, and where it was
    found (``declared``). None when there is no such requirement, it names no version, or it admits no
    version asynclint knows; a requirement that admits only releases older than 3.0 gives 3.0.

    Raises InvalidRequirement for a specifier that cannot be read.
    """
    found = declared("django", start)
    if found is None:
        return None
    specifier, where = found
    try:
        version = lowest_admitted(specifier)
        if version is None and specifier and _older_only(specifier):
            return OLDEST, f"{where} (only releases older than {format_version(OLDEST)}: no async views " \
                           f"or middleware modes)"
    except InvalidRequirement as error:
        raise InvalidRequirement(f"{where}: {error}") from None
    if version is None:
        return None  # no version bound (``django``, ``*``, a URL) or none asynclint knows
    floor = _classifier_floor(specifier, where)
    if floor is not None and floor > version:
        return floor, f"{where}, from its lowest 'Framework :: Django' classifier (the requirement sets no " \
                      f"lower bound)"
    return version, where


_DJANGO_CLASSIFIER = re.compile(r"^Framework :: Django :: (\d+)(?:\.(\d+))?\s*$")


def _classifier_floor(specifier: str, where: str) -> Version | None:
    """When a pyproject's django requirement has no lower bound (``django<6.0``), the oldest known
    release among its ``Framework :: Django :: X[.Y]`` classifiers (the versions the project says it
    supports) that the requirement admits; None otherwise."""
    path = where.split(" [", 1)[0]
    if _bounds(specifier)[0] is not None or not path.endswith("pyproject.toml"):
        return None
    try:
        classifiers = _load_toml(path).get("project", {}).get("classifiers", []) or []
    except (OSError, ValueError):
        return None
    found = []
    for classifier in classifiers:
        match = _DJANGO_CLASSIFIER.match(str(classifier))
        if match:
            version = (int(match.group(1)), int(match.group(2) or 0))
            if version in KNOWN and admits(specifier, version):
                found.append(version)
    return min(found) if found else None


def installed_release(distribution: str) -> tuple[int, ...] | None:
    """The installed release of a distribution (``(1, 4, 5)``), from its metadata; None when absent."""
    try:
        return _release(metadata.version(distribution))
    except (metadata.PackageNotFoundError, InvalidRequirement, ValueError):
        return None


def detect(option: str | None, project=None) -> Target:
    """The targeted Django version and why (see the module's docstring); ``project`` is where to start
    looking for the project's requirement."""
    if option:
        return Target(parse(option), "set by the django-version option")
    found = installed()
    pinned = locked("django", project) if project is not None else None
    if pinned is not None and pinned[0][:2] <= NEWEST:
        version = max(pinned[0][:2], OLDEST) if len(pinned[0]) > 1 else None
        if version is not None:
            older = f" (older than {format_version(OLDEST)}: no async views or middleware modes)" \
                if pinned[0][:2] < OLDEST else ""
            return Target(version, f"Django {'.'.join(map(str, pinned[0]))}, locked in {pinned[1]}{older}")
    if project is not None:
        try:
            declared_found = declared("django", project)
            if declared_found is not None and found is not None:
                release = installed_release("django") or found
                if admits(declared_found[0], release):
                    return Target(found, f"the installed Django ({metadata.version('django')}), which the "
                                         f"django requirement in {declared_found[1]} admits")
            required = requirement(project) if declared_found is not None else None
        except InvalidRequirement as error:
            # the project's own requirement files are not asynclint's input: one it cannot read never
            # stops the analysis (the installed Django, else the default target, says why under -v)
            if found is None:
                return Target(NEWEST, f"no Django installed and the django requirement cannot be read "
                                      f"({error}): the newest known")
            required = None
        if required is not None:
            version, where = required
            why = f"the installed Django ({metadata.version('django')}) is not admitted" if found is not None \
                else "no Django installed"
            return Target(version, f"{why}: the lowest version admitted by the django requirement in {where}",
                          declared_found[0])
    if found is not None:
        return Target(found, f"the installed Django ({metadata.version('django')})")
    return Target(NEWEST, "no Django installed, no django-version set and no django requirement found: "
                          "the newest known")


# --- library versions --------------------------------------------------------------------------------
@dataclass(frozen=True)
class LibraryVersion:
    """The releases of a library the project may run: from ``low`` (inclusive, None: unbounded) to
    ``high`` (exclusive, None: unbounded), and why. An exact release has ``high`` just above ``low``."""

    low: tuple[int, ...] | None
    high: tuple[int, ...] | None
    reason: str

    def before(self, release: tuple[int, ...]) -> bool | None:
        """True when every targeted release is older than ``release``, False when none is, None when
        the targeted range straddles it (or is unbounded on the side that matters)."""
        if self.high is not None and _padded(self.high, 6) <= _padded(release, 6):
            return True
        if self.low is not None and _padded(self.low, 6) >= _padded(release, 6):
            return False
        return None


def _exact(release: tuple[int, ...], reason: str) -> LibraryVersion:
    return LibraryVersion(release, (*_padded(release, 5), 1), reason)


def _bumped(release: tuple[int, ...]) -> tuple[int, ...]:
    return (*release[:-1], release[-1] + 1)


def _bounds(specifier: str) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """The (inclusive low, exclusive high) release bounds of a PEP 440 specifier (``!=`` ignored)."""
    low = high = None

    def raise_low(value):
        nonlocal low
        low = value if low is None or _padded(value, 6) > _padded(low, 6) else low

    def lower_high(value):
        nonlocal high
        high = value if high is None or _padded(value, 6) < _padded(high, 6) else high

    for clause in (part for part in specifier.split(",") if part.strip()):
        match = _CLAUSE.match(clause)
        if not match:
            raise InvalidRequirement(f"unreadable version specifier {clause.strip()!r}")
        operator, spec = match.groups()
        release = _release(spec)
        if operator in (">=", ">"):
            raise_low(release)
        elif operator in ("<", "<="):
            lower_high(release if operator == "<" else (*_padded(release, 5), 1))
        elif operator in ("==", "==="):
            raise_low(release)
            lower_high(_bumped(release) if spec.endswith(".*") else (*_padded(release, 5), 1))
        elif operator == "~=":
            raise_low(release)
            lower_high(_bumped(release[:-1]) if len(release) > 1 else _bumped(release))
    return low, high


def configured_versions(option) -> dict[str, tuple[int, ...]]:
    """The ``library-versions`` option (``"django-ninja==1.4.5"`` items, a list or comma-separated)
    as distribution -> release; raises InvalidRequirement for an item that cannot be read."""
    items = option.split(",") if isinstance(option, str) else list(option or ())
    found = {}
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        name, sep, value = item.partition("==")
        if not sep or not name.strip():
            raise InvalidRequirement(f"library-versions: expected 'distribution==version', not {item!r}")
        found[normalized(name.strip())] = _release(value.strip())
    return found


#: This run's ``library-versions`` option, and the versions already looked up ((name, folder) -> found).
_CONFIGURED: dict[str, tuple[int, ...]] = {}
_LOOKED_UP: dict[tuple, LibraryVersion | None] = {}


def configure_libraries(option) -> None:
    """Set this run's ``library-versions`` option (and forget earlier look-ups: files may have changed)."""
    _CONFIGURED.clear()
    _CONFIGURED.update(configured_versions(option))
    _LOOKED_UP.clear()


def library_for(distribution: str, module_file: str | None) -> LibraryVersion | None:
    """``library`` for the project of the linted module ``module_file`` with this run's option, cached
    per folder for the run."""
    from pathlib import Path

    folder = str(Path(module_file).resolve().parent) if module_file else None
    key = (normalized(distribution), folder)
    if key not in _LOOKED_UP:
        _LOOKED_UP[key] = library(distribution, folder, _CONFIGURED)
    return _LOOKED_UP[key]


def library(distribution: str, start, configured: dict[str, tuple[int, ...]] | None = None) -> LibraryVersion | None:
    """The targeted releases of ``distribution`` (PyPI name, e.g. ``"django-ninja"``) for the project
    at ``start``: the ``library-versions`` option, else the installed release if the project's
    requirement admits it (or declares none), else the range the requirement declares, else None."""
    name = normalized(distribution)
    if configured and name in configured:
        return _exact(configured[name], f"{distribution} {'.'.join(map(str, configured[name]))}, set by the "
                                        f"library-versions option")
    release = installed_release(name)
    try:
        found = declared(name, start) if start is not None else None
        if found is not None and (release is None or not admits(found[0], release)):
            low, high = _bounds(found[0])
            if low is not None or high is not None:
                return LibraryVersion(low, high, f"{distribution} {found[0]}, required in {found[1]}")
    except InvalidRequirement:
        found = None
    if release is not None:
        return _exact(release, f"the installed {distribution} {'.'.join(map(str, release))}")
    return None


def _load_toml(path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(path, "rb") as handle:
        return tomllib.load(handle)


