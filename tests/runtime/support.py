"""What every runtime proof shares: the fixtures' location, the one set of Django settings (applied by
``conftest.py``), the seed data, and how a fixture file is imported."""

from __future__ import annotations

import contextlib
import gc
import importlib
import importlib.util
import re
import sys
import warnings
from dataclasses import dataclass
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
    "chains": "test_chains.py: every top-level function runs; its entry says how it ends",
    "middleware": "test_middleware.py: every middleware factory runs in ASGI and WSGI handler chains",
    "middleware-settings": "test_middleware.py: the folder's project MIDDLEWARE is built by Django's handlers",
    "views": "test_views.py: every view is routed and probed (as_view, ASGI, WSGI, a server, tests)",
    "none": "no runtime proof (``reason`` says why)",
}

# --- The one expectation format (tests/fixtures/README.md, "Runtime proof") -------------------------
#
# A folder's runtime.toml: folder keys, then ``[messages]``, then one ``[file."<path>"]`` table per
# fixture file (path relative to the folder) holding file keys and one entry per top-level function,
# view, middleware factory or test method. What an entry holds depends on the harness:
#   calls, chains: the entry is an outcome (how calling the function ends);
#   middleware:    ``asgi`` and ``wsgi`` outcomes (plus ``path``, ``adapted``, ``more``), for a
#                  factory or (middleware-settings) a settings module's MIDDLEWARE;
#   views:         one outcome per probe ("as_view", "test", "GET ASGI login", "POST WSGI csrf"...).
# Wherever an outcome goes, a list of outcomes with conditions may go instead: exactly one must hold.

#: Conditions: Django versions by default, ``python_``/``asgiref_`` ones for those; ``until`` is exclusive.
CONDITION_KEYS = frozenset(f"{prefix}{bound}" for prefix in ("", "python_", "asgiref_") for bound in ("since", "until"))
#: Keys of the folder (the calls harness reads its default outcome from them).
FOLDER_KEYS = frozenset({"harness", "reason", "raises", "message", "unawaited", "blocks", "sync_functions_run",
                         "environment", "messages", "file"})
#: Keys of a ``[file."..."]`` table besides its entries: ``skip`` (not run where the conditions hold;
#: without any, never), ``missing`` (a condition: that module is not installed), ``same_as`` (the
#: entries of another file of the folder that holds the same code, merged under this file's own),
#: and how a library runs the file instead (tests/runtime/test_graphql_channels.py): ``operations``
#: its GraphQL schema answers, ``routes`` its django-ninja API serves, ``held`` the modules its calls
#: need to reach services through tests/runtime/test_held_services.py's holding proxy.
LIBRARY_RUNS = ("operations", "routes", "held")
#: What a file needs of Django beyond the common settings: ``apps`` (a package's Django apps, added to
#: INSTALLED_APPS and migrated for each run) and ``settings`` (a table of settings), applied by
#: ``file_environment()`` in every harness that runs the file.
FILE_SETUP = ("apps", "settings")
FILE_KEYS = frozenset({"skip", "missing", "same_as", *LIBRARY_RUNS, *FILE_SETUP}) | CONDITION_KEYS
#: Keys an outcome may have, in every harness. ``runs = true``: it completes (no exception, no
#: coroutine left unawaited); ``raises`` an exception (a builtin, or one of django.core.exceptions,
#: django.db.transaction, django.http) whose text contains ``message`` (default: ``[messages]``) or
#: matches the regex ``match``; ``unawaited``: a "coroutine ... was never awaited" warning (true, or
#: a fragment of it); ``warns``: a fragment of another warning; ``note``: why the outcome differs
#: from the file's verdict (another test proves the claim); ``disputed``: why the runtime does not
#: back the annotation (the check of the verdicts accepts it, and fails once it does).
OUTCOME_KEYS = frozenset({"runs", "raises", "message", "match", "unawaited", "warns", "note", "disputed"}) | CONDITION_KEYS
#: What each harness adds to an outcome.
HARNESS_OUTCOME_KEYS = {
    # blocks: an annotated line reaches a blocking primitive in the loop's thread; at_annotation =
    # false: the exception does not come from an annotated line (it fails where a value is used).
    "calls": frozenset({"blocks", "at_annotation"}),
    # deepest: the fixture function the traceback ends in; connections: what the database
    # connections opened while serving it look like afterwards ("left open", "closed", "none opened").
    "chains": frozenset({"deepest", "at_annotation", "connections", "skip"}),
    # status and header of the response; at_load: raised while the chain is built; logged: a
    # fragment of an error Django logged.
    "middleware": frozenset({"status", "header", "at_load", "logged"}),
    "middleware-settings": frozenset({"status", "header", "at_load", "logged"}),
    # tolerated: why a warning is no defect; handlers: the request handlers a test method went through.
    "views": frozenset({"status", "tolerated", "handlers"}),
}
#: Keys of a middleware entry besides its outcomes (``adapted``: whether Django logs that it adapted
#: the factory under ASGI; for a settings' MIDDLEWARE, the adaptation lines it logs, in order).
MIDDLEWARE_ENTRY_KEYS = frozenset({"asgi", "wsgi", "path", "adapted", "more", "skip"}) | CONDITION_KEYS
#: Where the exceptions an outcome names come from.
EXCEPTION_MODULES = ("builtins", "django.core.exceptions", "django.db.transaction", "django.http")
#: A views probe: ``as_view``, ``test``, or "<METHOD> ASGI|WSGI [server] [login] [csrf] [field=value]".
PROBE = re.compile(r"^(?:as_view|test|(?P<method>[A-Z]+) (?P<via>ASGI|WSGI)(?P<server> server)?"
                   r"(?P<login> login)?(?P<csrf> csrf)?(?: (?P<field>\w+)=(?P<value>.+))?)$")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", str(text))[:2])


@cache
def installed_versions() -> dict[str, tuple[int, ...]]:
    """The versions conditions are read at: Django, Python and asgiref, as installed."""
    import importlib.metadata

    return {
        "": _version(importlib.metadata.version("django")),
        "python_": sys.version_info[:2],
        "asgiref_": _version(importlib.metadata.version("asgiref")),
    }


def holds(table: dict, django_version: tuple[int, int] | None = None) -> bool:
    """Whether the conditions of ``table`` hold (at ``django_version``, else the installed versions)."""
    versions = dict(installed_versions())
    if django_version is not None:
        versions[""] = django_version
    for prefix, version in versions.items():
        if f"{prefix}since" in table and version < _version(table[f"{prefix}since"]):
            return False
        if f"{prefix}until" in table and version >= _version(table[f"{prefix}until"]):
            return False
    if "missing" in table and importlib.util.find_spec(table["missing"]) is not None:
        return False
    return True


def has_conditions(table: dict) -> bool:
    return bool(set(table) & (CONDITION_KEYS | {"missing"}))


def exception_named(name: str) -> type[BaseException]:
    """A builtin exception or one of Django's (EXCEPTION_MODULES), by the name a runtime.toml gives."""
    for module in EXCEPTION_MODULES:
        found = getattr(importlib.import_module(module), name, None)
        if isinstance(found, type) and issubclass(found, BaseException):
            return found
    raise AssertionError(f"runtime.toml names no exception: {name!r}")


@dataclass(frozen=True)
class Outcome:
    """One outcome of a runtime.toml, resolved for the installed versions (see OUTCOME_KEYS)."""

    raises: str | None = None
    message: str = ""
    match: str | None = None
    unawaited: bool | str = False
    warns: str | None = None
    note: str = ""
    disputed: str = ""
    blocks: bool = False
    at_annotation: bool = True
    deepest: str | None = None
    connections: str | None = None
    status: int | None = None
    header: tuple[str, str] | None = None
    at_load: bool = False
    logged: str = ""
    tolerated: str = ""
    handlers: tuple[str, ...] | None = None

    @property
    def exception(self) -> type[BaseException] | None:
        return exception_named(self.raises) if self.raises else None

    def says_message(self, text: str) -> bool:
        """Whether an exception's text is the one this outcome expects."""
        return self.message in text and (self.match is None or re.search(self.match, text) is not None)

    @property
    def expected_message(self) -> str:
        return self.match if self.match is not None else self.message

    @property
    def unawaited_fragment(self) -> str | None:
        """The fragment a "never awaited" warning must contain (None: none may be left)."""
        if self.unawaited is True:
            return "was never awaited"
        return self.unawaited or None


def select(value: dict | list, django_version: tuple[int, int] | None = None) -> dict:
    """The one table of ``value`` (a table, or a list of alternatives) whose conditions hold."""
    alternatives = value if isinstance(value, list) else [value]
    holding = [table for table in alternatives if holds(table, django_version)]
    assert len(holding) == 1, f"{len(holding)} of {alternatives} hold at Django {django_version or 'installed'}"
    return holding[0]


def outcome(folder: str, value: dict | list, django_version: tuple[int, int] | None = None) -> Outcome:
    """The outcome ``value`` says (for alternatives, the one that holds), with the folder's message."""
    table = select(value, django_version)
    fields = {key: item for key, item in table.items() if key not in CONDITION_KEYS and key not in ("runs", "skip")}
    if "raises" in fields and "message" not in fields and "match" not in fields:
        fields["message"] = message_for(folder, fields["raises"])
    for key in ("header", "handlers"):
        if key in fields:
            fields[key] = tuple(fields[key])
    return Outcome(**fields)


def message_for(folder: str, exception: str) -> str:
    """The folder's message for ``exception``: its ``[messages]`` entry, else its own default."""
    spec = runtime_specs()[folder]
    if exception in spec.get("messages", {}):
        return spec["messages"][exception]
    return spec.get("message", "") if spec.get("raises") == exception else ""


@dataclass(frozen=True)
class FileSpec:
    """A fixture file's table: ``relative`` is tests/fixtures/-relative, ``entries`` by name."""

    folder: str
    relative: str
    table: dict
    entries: dict

    @property
    def skip(self) -> str | None:
        """Why the file is not run here (None: it runs)."""
        reason = self.table.get("skip")
        return reason if reason and holds(self.table) else None


def _file_specs(folder: str) -> dict[str, FileSpec]:
    tables = runtime_specs()[folder].get("file", {})

    def entries_of(rest: str, seen=()) -> dict:
        table = tables[rest]
        assert rest not in seen, f"tests/fixtures/{folder}/runtime.toml: same_as loops through {rest}"
        merged = entries_of(table["same_as"], (*seen, rest)) if "same_as" in table else {}
        return {**merged, **{key: value for key, value in table.items() if key not in FILE_KEYS}}

    return {
        f"{folder}/{rest}": FileSpec(folder, f"{folder}/{rest}", table, entries_of(rest))
        for rest, table in tables.items()
    }


def file_specs(harness: str) -> dict[str, FileSpec]:
    """The ``[file."..."]`` tables of every folder ``harness`` proves, by tests/fixtures/-relative path."""
    found = {}
    for folder in folders_proven_by(harness):
        found.update(_file_specs(folder))
    return found


def entries(harness: str) -> dict[tuple[str, str], object]:
    """Every entry of the folders ``harness`` proves, by (tests/fixtures/-relative path, name)."""
    return {(relative, name): value for relative, spec in file_specs(harness).items() for name, value in spec.entries.items()}


def library_runs(key: str) -> dict[str, list[str]]:
    """The fixture files a library runs (``key``: "operations" or "routes"), by tests/fixtures/-relative
    path, with what it runs of each."""
    return {
        f"{folder}/{rest}": table[key]
        for folder, spec in runtime_specs().items()
        for rest, table in spec.get("file", {}).items()
        if key in table
    }


@contextlib.contextmanager
def file_environment(relative: str):
    """Django set up for the fixture file ``relative``: its ``apps`` installed and migrated, its
    ``settings`` applied (see FILE_SETUP)."""
    folder, rest = relative.split("/", 1)
    table = runtime_specs().get(folder, {}).get("file", {}).get(rest, {})
    apps, extra = table.get("apps", []), table.get("settings", {})
    if not apps and not extra:
        yield
        return
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    installed = [*settings.INSTALLED_APPS, *(app for app in apps if app not in settings.INSTALLED_APPS)]
    # Settings first: Django installs the apps (and runs their ready()) before it applies the rest.
    from django.apps import apps as registry

    with override_settings(**extra), _installed_apps_in_settings(installed), override_settings(INSTALLED_APPS=installed):
        # Installing apps does not expire the relations Django cached on the models already there
        # (Permission's, without guardian's): expire them now that the registry is ready again.
        registry.clear_cache()
        if apps:
            call_command("migrate", run_syncdb=True, verbosity=0)
        try:
            yield
        finally:
            # Their tables outlive the run: empty them while Django still knows their models (a row
            # that points at a user would stop the next seed() from deleting the users).
            for config in registry.get_app_configs():
                if config.name in apps:
                    for model in config.get_models():
                        model._base_manager.all().delete()


@contextlib.contextmanager
def _installed_apps_in_settings(installed: list[str]):
    """``settings.INSTALLED_APPS`` showing ``installed`` before the registry installs them: Django's
    ``override_settings(INSTALLED_APPS=...)`` imports the apps' models first and swaps the settings after,
    so a models module that reads the setting at import (simplejwt's token_blacklist: ``abstract`` when
    the app is absent) would see the old list."""
    from django.conf import UserSettingsHolder, settings

    holder = UserSettingsHolder(settings._wrapped)
    holder.INSTALLED_APPS = installed
    previous, settings._wrapped = settings._wrapped, holder
    try:
        yield
    finally:
        settings._wrapped = previous


def skipped(relative: str) -> str | None:
    """Why the fixture file ``relative`` is not run here (None: it runs)."""
    folder, rest = relative.split("/", 1)
    table = runtime_specs().get(folder, {}).get("file", {}).get(rest)
    return FileSpec(folder, relative, table, {}).skip if table else None


#: The Django versions a list of alternatives is checked at (exactly one must hold at each).
DJANGO_VERSIONS = ((4, 2), (5, 0), (5, 1), (5, 2), (6, 0), (6, 1))
#: What an outcome must state (at least one of them): something a run can fail to do.
STATEMENTS = ("runs", "raises", "unawaited", "blocks", "status", "warns", "handlers", "skip")


def problems(folder: str) -> list[str]:
    """What is wrong with ``tests/fixtures/<folder>/runtime.toml`` (empty: nothing)."""
    spec = runtime_specs()[folder]
    where = f"tests/fixtures/{folder}/runtime.toml"
    harness = spec.get("harness")
    found = []
    if harness not in HARNESSES:
        return [f"{where}: harness must be one of {sorted(HARNESSES)}"]
    if set(spec) - FOLDER_KEYS:
        found.append(f"{where}: unknown keys {sorted(set(spec) - FOLDER_KEYS)}")
    if harness == "none" and not spec.get("reason"):
        found.append(f"{where}: say why there is no runtime proof (reason = ...)")
    calls_only = {"raises", "message", "unawaited", "blocks", "sync_functions_run", "environment"}
    if harness != "calls" and set(spec) & calls_only:
        found.append(f"{where}: {sorted(set(spec) & calls_only)} are read by the calls harness only")
    for exception in [*spec.get("messages", {}), *([spec["raises"]] if "raises" in spec else [])]:
        try:
            exception_named(exception)
        except AssertionError as error:
            found.append(f"{where}: {error}")
    allowed = OUTCOME_KEYS | HARNESS_OUTCOME_KEYS.get(harness, frozenset())

    def check_outcome(value, at: str) -> None:
        alternatives = value if isinstance(value, list) else [value]
        if not alternatives or not all(isinstance(table, dict) for table in alternatives):
            found.append(f"{where}: {at}: an outcome is a table, or a list of tables with conditions")
            return
        for table in alternatives:
            if set(table) - allowed:
                found.append(f"{where}: {at}: unknown keys {sorted(set(table) - allowed)}")
            if not set(table) & set(STATEMENTS):
                found.append(f"{where}: {at}: say what happens ({', '.join(STATEMENTS)})")
            if table.get("runs") and set(table) & {"raises", "unawaited"}:
                found.append(f"{where}: {at}: runs = true contradicts raises/unawaited")
            if "raises" in table:
                try:
                    exception_named(table["raises"])
                except AssertionError as error:
                    found.append(f"{where}: {at}: {error}")
                if not (table.get("message") or table.get("match") or message_for(folder, table["raises"])):
                    found.append(f"{where}: {at}: say what {table['raises']} says (message, match or [messages])")
        if isinstance(value, list):
            for version in DJANGO_VERSIONS:
                if sum(holds(table, version) for table in alternatives) != 1:
                    found.append(f"{where}: {at}: exactly one alternative must hold at Django {version}")

    for rest, table in spec.get("file", {}).items():
        at = f'[file."{rest}"]'
        if not (FIXTURES / folder / rest).is_file():
            found.append(f"{where}: {at} names no fixture file")
        if "same_as" in table and table["same_as"] not in spec["file"]:
            found.append(f"{where}: {at}: same_as names no [file] table of this folder")
        for key in LIBRARY_RUNS:
            if key in table and not (isinstance(table[key], list) and all(isinstance(x, str) for x in table[key])):
                found.append(f"{where}: {at}: {key} is a list of strings")
        if not (isinstance(table.get("apps", []), list) and isinstance(table.get("settings", {}), dict)):
            found.append(f"{where}: {at}: apps is a list of Django apps, settings a table")
        if has_conditions(table) and not table.get("skip"):
            found.append(f"{where}: {at}: conditions on a file only bound its skip (skip = \"why\")")
        for name, entry in table.items():
            if name in FILE_KEYS:
                continue
            at = f'[file."{rest}"].{name}'
            if harness in ("calls", "chains"):
                check_outcome(entry, at)
            elif harness in ("middleware", "middleware-settings"):
                if not isinstance(entry, dict) or set(entry) - MIDDLEWARE_ENTRY_KEYS:
                    found.append(f"{where}: {at}: a middleware entry holds {sorted(MIDDLEWARE_ENTRY_KEYS)}")
                    continue
                for more in [entry, *entry.get("more", [])]:
                    for mode in ("asgi", "wsgi"):
                        if mode in more:
                            check_outcome(more[mode], f"{at}.{mode}")
                        elif not entry.get("skip"):
                            found.append(f"{where}: {at}: say how the {mode} request ends")
            elif harness == "views":
                if not isinstance(entry, dict) or not entry:
                    found.append(f"{where}: {at}: a view entry holds one outcome per probe")
                    continue
                for probe, value in entry.items():
                    if not PROBE.match(probe):
                        found.append(f"{where}: {at}: {probe!r} is no probe (see support.PROBE)")
                    check_outcome(value, f"{at}.{probe!r}")
            else:
                found.append(f"{where}: {at}: the {harness} harness reads no per-function entries")
    return found


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


#: A finalised coroutine can free others that were only reachable through it: collect until a pass
#: brings no new warning (a few passes at most).
COLLECTIONS = 4


#: How long to wait for asgiref's thread-sensitive worker to finish what it runs (it never should take long).
WORKER_DRAIN_SECONDS = 60


def _let_the_thread_sensitive_worker_drop_its_last_item() -> None:
    """Wait until asgiref's one-thread executor has let go of the last call it ran.

    Outside a ``ThreadSensitiveContext`` (``AsyncClient`` enters none), thread-sensitive
    ``sync_to_async`` work runs on ``SyncToAsync.single_thread_executor``. Its worker sets the future's
    result (here: a coroutine a sync-adapted async middleware returned) and only then drops its work
    item, which still holds that future; the event loop may already be done and the collection run
    before the worker gets the CPU, so the coroutine is finalised, and warns, after the capture
    (seen under ``-n 2`` on a loaded machine). A no-op queued behind it returns only once the worker
    has moved past the previous item."""
    try:
        from asgiref.sync import SyncToAsync
    except ImportError:
        return
    with contextlib.suppress(Exception):
        SyncToAsync.single_thread_executor.submit(int).result(timeout=WORKER_DRAIN_SECONDS)


@contextlib.contextmanager
def warnings_of_the_run():
    """Record every warning of one run of fixture code, and finalise its garbage inside the capture.

    A "coroutine ... was never awaited" warning is emitted only when the coroutine is finalised, and a
    coroutine held by a reference cycle (an exception's traceback, a request, a closed loop's tasks)
    is finalised only by a collection. So the run's warnings are read after ``gc.collect()`` has run
    inside the capture; ``tests/conftest.py`` freezes what existed before the test, so the collection
    walks only what this test made, and ``conftest.py`` here finalises, at the end of the test,
    whatever the test itself still held. Keep only the type and text of an exception the run raised:
    its traceback would keep the coroutines alive past the collection."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield caught
        finally:
            _let_the_thread_sensitive_worker_drop_its_last_item()
            # A recorded "never awaited" warning keeps its coroutine as ``source`` (resurrected), and with
            # it any coroutine that one holds, unfinalised: let them go, collect, and repeat while that
            # brings more warnings.
            seen = -1
            for _ in range(COLLECTIONS):
                for warning in caught:
                    warning.source = None
                gc.collect()
                if len(caught) == seen:
                    break
                seen = len(caught)


def never_awaited(caught) -> tuple[str, ...]:
    """The "coroutine ... was never awaited" warnings among ``caught``."""
    return tuple(
        str(warning.message)
        for warning in caught
        if issubclass(warning.category, RuntimeWarning) and "was never awaited" in str(warning.message)
    )


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


def call_signature(function):
    """The signature a fixture's top-level callable is called with, through functools.wraps chains and
    asgiref's adapters (``SyncToAsync.func``, ``AsyncToSync.awaitable``), which ``inspect.signature``
    cannot read (``@sync_to_async @login_required @async_to_sync async def view(request)``)."""
    import inspect

    current = function
    for _ in range(20):
        inner = getattr(current, "__wrapped__", None)
        if inner is None and type(current).__name__ in ("SyncToAsync", "AsyncToSync"):
            inner = getattr(current, "func", None) or getattr(current, "awaitable", None)
        if inner is None:
            break
        current = inner
    return inspect.signature(current)
