"""The middleware analysis (``asynclint.core.middleware``) on Django's own middleware, and the switch count.

Linting Django's tree must give no middleware finding (``tests/test_django_tree.py``); this checks that
the silence is not for want of seeing them: every middleware class Django ships is read as a hybrid
factory, and so are ``MiddlewareMixin`` itself and ``RemoteUserMiddleware``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from astroid import MANAGER, nodes

from asynclint import django_api as api
from asynclint.core import middleware

S, A, H, UNKNOWN = api.SYNC_ONLY, api.ASYNC_ONLY, api.HYBRID, None


def _django_root() -> Path | None:
    spec = importlib.util.find_spec("django")
    return Path(spec.origin).parent if spec and spec.origin else None


def _middleware_modules() -> list[Path]:
    root = _django_root()
    if root is None:
        return []
    return sorted([*root.glob("middleware/*.py"), *root.glob("contrib/*/middleware.py"),
                   root / "utils" / "deprecation.py"])


def _module(path: Path) -> nodes.Module:
    root = _django_root()
    parts = path.relative_to(root.parent).with_suffix("").parts
    return MANAGER.ast_from_file(str(path), modname=".".join(p for p in parts if p != "__init__"))


@pytest.mark.parametrize("path", _middleware_modules(), ids=lambda p: "/".join(p.parts[-2:]))
def test_django_middleware_classes_are_hybrid_factories(path):
    pytest.importorskip("django")
    classes = [n for n in _module(path).body if isinstance(n, nodes.ClassDef) and n.name.endswith("Middleware")
               or isinstance(n, nodes.ClassDef) and n.name == "MiddlewareMixin"]
    for cls in classes:
        found = middleware.factory(cls)
        assert found is not None, f"{cls.name} is not read as a middleware factory"
        assert found.flags.mode == H, f"{cls.name}: {found.flags}"
        assert found.sync_path and found.async_path and found.branches and found.marks, (cls.name, found)
        assert not found.async_hooks, cls.name


@pytest.mark.parametrize(("modes", "server_async", "count"), [
    ([], True, 0),
    ([H, H], True, 0),
    ([S], True, 2),
    ([S, S, H], True, 2),
    ([H, S, H], True, 2),
    ([A], True, 0),
    ([S, A, S], True, 4),
    ([A, S], True, 2),
    ([S, A], True, 2),
    ([UNKNOWN, S], True, 2),
    ([A], False, 2),
    ([S, H], False, 0),
    ([H, A, S], False, 2),
])
def test_switch_count(modes, server_async, count):
    assert middleware.switches(modes, server_async) == count
