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
