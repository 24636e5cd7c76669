"""The Django version asynclint targets: the option, else the installed Django, else the newest known."""

from __future__ import annotations

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


def _is_django(name: str) -> bool:
    return re.sub(r"[-_.]+", "-", name).lower() == "django"


def _requirement_specifier(line: str) -> str | None:
    """The specifier of a PEP 508 ``django`` requirement line, or None for another package."""
    line = line.split(";", 1)[0].split(" #", 1)[0].strip()
    if not line or line.startswith(("#", "-")):
        return None
    match = _NAME.match(line)
    if not match or not _is_django(match.group(1)):
        return None
    rest = match.group(3).strip()
    if rest.startswith("@"):
        return ""  # a direct URL: no version to read
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1]
    return rest


def _from_pyproject(path) -> tuple[str, str] | None:
    """(specifier, where) of the ``django`` dependency in a pyproject.toml, or None."""
    try:
        data = _load_toml(path)
    except (OSError, ValueError):
        return None
    for entry in data.get("project", {}).get("dependencies", []) or []:
        specifier = _requirement_specifier(str(entry))
        if specifier is not None:
            return specifier, f"{path} [project] dependencies: {entry!r}"
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {}) or {}
    for name, constraint in poetry.items():
        if _is_django(name):
            if isinstance(constraint, dict):
                constraint = constraint.get("version", "")
            if isinstance(constraint, list):  # multiple-constraint form: the first one
                constraint = constraint[0].get("version", "") if constraint else ""
            return _poetry_specifier(str(constraint)), \
                f"{path} [tool.poetry.dependencies] django = {constraint!r}"
    return None


def _from_requirements(path, _seen=None) -> tuple[str, str] | None:
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
            found = _from_requirements(path.parent / included.strip(), seen)
            if found is not None:
                return found
            continue
        specifier = _requirement_specifier(line)
        if specifier is not None:
            return specifier, f"{path}: {line!r}"
    return None


def _load_toml(path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def requirement(start) -> tuple[Version, str] | None:
    """The lowest Django version that the project's ``django`` requirement admits, and where it was
    found: ``project.dependencies`` or Poetry's dependencies in the nearest ``pyproject.toml`` above
    ``start``, else the nearest ``requirements*.txt`` (or ``requirements/*.txt``). None when there is
    no such requirement or it admits no version asynclint knows.

    Raises InvalidRequirement for a specifier that cannot be read.
    """
    from pathlib import Path

    directory = Path(start).resolve()
    if directory.is_file():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        found = None
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            found = _from_pyproject(pyproject)
        if found is None:
            files = sorted(folder.glob("requirements*.txt"), key=lambda p: (p.name != "requirements.txt", p.name))
            files += sorted((folder / "requirements").glob("*.txt")) if (folder / "requirements").is_dir() else []
            for candidate in files:
                found = _from_requirements(candidate)
                if found is not None:
                    break
        if found is not None:
            specifier, where = found
            try:
                version = lowest_admitted(specifier)
            except InvalidRequirement as error:
                raise InvalidRequirement(f"{where}: {error}") from None
            if version is None:
                return None  # no version bound (``django``, ``*``, a URL) or none asynclint knows
            return version, where
        if pyproject.is_file() or (folder / ".git").exists():
            return None  # the project's root: do not look above it
    return None


def detect(option: str | None, project=None) -> Target:
    """Like ``resolve``, with the project's ``django`` requirement (see ``requirement``) between the
    installed Django and the newest known version; ``project`` is where to start looking."""
    if option:
        return Target(parse(option), "set by the django-version option")
    found = installed()
    if found is not None:
        return Target(found, f"the installed Django ({metadata.version('django')})")
    if project is not None:
        required = requirement(project)
        if required is not None:
            version, where = required
            return Target(version, f"no Django installed: the lowest version admitted by the django "
                                   f"requirement in {where}")
    return Target(NEWEST, "no Django installed, no django-version set and no django requirement found: "
                          "the newest known")
