"""asynclint: finds async anti-patterns in Django code.

Load it as a pylint plugin: ``pylint --load-plugins=asynclint``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.lint import PyLinter

__version__ = "0.1.0"


def register(linter: PyLinter) -> None:
    """Register every asynclint checker (pylint's plugin entry point)."""
    from asynclint.rules import register_all

    register_all(linter)
