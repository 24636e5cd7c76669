"""What every runtime proof shares: the fixtures' location, the one set of Django settings (applied by
``conftest.py``), the seed data, and how a fixture file is imported."""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path

from tests.lint import FIXTURES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: The harnesses of tests/runtime/, by the name a folder's ``runtime.toml`` gives as ``harness``.
HARNESSES = {
    "calls": "test_calls.py: every top-level async def runs on the loop and fails the way the folder says",
    "chains": "test_chains.py: every top-level function runs; its EXPECTED says how each ends",
    "middleware": "test_middleware.py: every middleware factory runs in ASGI and WSGI handler chains",
    "middleware-settings": "test_middleware.py: the folder's project MIDDLEWARE is built by Django's handlers",
    "views": "test_views.py: every view is routed and probed (as_view, ASGI, WSGI, a server, tests)",
    "none": "no runtime proof (``reason`` says why)",
}
#: The keys a ``runtime.toml`` may set (see tests/fixtures/README.md).
SPEC_KEYS = frozenset({"harness", "reason", "raises", "message", "unawaited", "blocks", "sync_functions_run",
                       "environment"})

#: The folder for uploaded files (``upload_path`` arguments), set by ``conftest.py``.
UPLOADS: list[Path] = []


def package_roots() -> list[Path]:
    """``tests/fixtures/`` and every folder below it that holds a top-level package (a folder with an
    ``__init__.py`` whose own folder has none): what goes on ``sys.path`` to import the mini-projects."""
    roots = {
        init.parent.parent
        for init in FIXTURES.rglob("__init__.py")
        if not (init.parent.parent / "__init__.py").exists()
    }
    return [FIXTURES, *sorted(roots - {FIXTURES})]


@cache
def runtime_specs() -> dict[str, dict]:
    """Each fixture folder's ``runtime.toml`` (how tests/runtime/ proves it), by folder name."""
    return {
        path.parent.name: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FIXTURES.glob("*/runtime.toml"))
    }


def folders_proven_by(harness: str) -> tuple[str, ...]:
    """The fixture folders whose ``runtime.toml`` names ``harness``: what that harness runs."""
    assert harness in HARNESSES, harness
    return tuple(folder for folder, spec in runtime_specs().items() if spec.get("harness") == harness)


def settings_for(database: Path) -> dict:
    import django

    locmem_mail = "django.core.mail.backends.locmem.EmailBackend"
    # Django 6.1 replaces EMAIL_BACKEND (deprecated) with MAILERS.
    if django.VERSION >= (6, 1):
        mail = {"MAILERS": {"default": {"BACKEND": locmem_mail}}}
    else:
        mail = {"EMAIL_BACKEND": locmem_mail}
    return dict(
        SECRET_KEY="asynclint-runtime-tests",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions", "library"],
        # A file, not ":memory:": sync_to_async's worker thread opens its own connection to it.
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(database)}},
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
        # library/templates/ (APP_DIRS), with the context processors a project has.
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                    ]
                },
            }
        ],
        **mail,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        ALLOWED_HOSTS=["testserver"],
        USE_TZ=True,
    )


def seed() -> None:
    """Empty the library tables, users, sessions and cache, then create the four pk=1 rows."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django.core.cache import cache as django_cache

    from library.models import Author, Book, Publisher, Tag

    for model in apps.get_app_config("library").get_models():
        model._base_manager.all().delete()
    get_user_model().objects.all().delete()
    Session.objects.all().delete()
    django_cache.clear()
    author = Author.objects.create(pk=1, name="Ursula K. Le Guin")
    publisher = Publisher.objects.create(pk=1, name="Ace Books", active=True)
    tag = Tag.objects.create(pk=1, name="science fiction")
    book = Book.objects.create(pk=1, title="The Left Hand of Darkness", author=author, publisher=publisher)
    book.tags.add(tag)


@cache
def load_module(relative: str):
    """The fixture file ``tests/fixtures/<relative>``, imported once per process under its own name."""
    path = FIXTURES / relative
    name = "asynclint_fixture_" + re.sub(r"\W", "_", relative.removesuffix(".py"))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
