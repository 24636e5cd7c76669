"""What every runtime proof shares: the fixtures' location, the one set of Django settings (applied by
``conftest.py``), the seed data, and how a fixture file is imported."""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path

from tests.lint import FIXTURES

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
