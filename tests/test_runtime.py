"""Runs the ORM rules' fixtures under real Django: what a fixture claims, Django must do.

Every top-level ``async def`` of a fixture file is called from inside a running event loop, against
an SQLite file database seeded with one Author, Publisher, Tag and Book (all pk=1), freshly reseeded
before each call. Parameters are filled by name from ``RUNTIME_ARGUMENTS``; a helper taking other
values runs only through the function of its file that calls it.

- In a ``bad_`` file, a function that contains an annotated line must fail the way its rule says
  (``EXPECTED_FAILURES``, refined per function in ``FAILURE_OVERRIDES``), and the exception must come
  from an annotated line. An unannotated function either completes cleanly or fails the same way
  (it calls an annotated helper).
- In a ``good_`` file, every function must complete with no exception and no unawaited coroutine.

``async-iterator-in-sync-loop`` also fires in sync code, so the top-level sync functions of its
``bad_`` files that carry an annotation are called too (outside any loop). Fixtures that cannot run
here are listed in ``NOT_RUN`` with the reason, and are not collected.
"""

from __future__ import annotations

import ast
import asyncio
import gc
import importlib.util
import inspect
import io
import re
import sys
import tokenize
import traceback
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

django = pytest.importorskip("django")

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402
from django.db.transaction import TransactionManagementError  # noqa: E402

pytestmark = pytest.mark.django_runtime

FIXTURES = Path(__file__).parent / "fixtures"
RULES = (
    "sync-orm-call-in-async",
    "sync-queryset-evaluation-in-async",
    "sync-transaction-in-async",
    "async-call-not-awaited",
    "async-iterator-in-sync-loop",
)
# Rules that fire in sync code as well: their bad_ files' annotated sync functions are called too.
RULES_FIRING_IN_SYNC_CODE = {"async-iterator-in-sync-loop"}


# --- How a call is expected to fail ---------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """The exception a call raises (``None``: it returns) with a fragment of its message, and a
    fragment of the "coroutine ... was never awaited" warning it leaves (``None``: none)."""

    exception: type[BaseException] | None
    message: str = ""
    unawaited: str | None = None
    # Whether the exception is raised by an annotated line (an unawaited coroutine that is used as a
    # value later fails where it is used, not where it was made).
    at_annotated_line: bool = True


SYNC_ONLY = Failure(SynchronousOnlyOperation, "You cannot call this from an async context")
NOT_AN_ASYNC_CONTEXT_MANAGER = (
    Failure(TypeError, "'Atomic' object does not support the asynchronous context manager protocol")
    if sys.version_info >= (3, 11)
    else Failure(AttributeError, "__aenter__")  # Python 3.10's wording for the same mistake
)
NOT_JSON_SERIALIZABLE = Failure(
    TypeError,
    "Object of type coroutine is not JSON serializable",
    unawaited="was never awaited",
    at_annotated_line=False,
)


def no_attribute(name: str, coroutine: str, at_annotated_line: bool = True) -> Failure:
    return Failure(
        AttributeError,
        f"'coroutine' object has no attribute '{name}'",
        unawaited=f"coroutine '{coroutine}' was never awaited",
        at_annotated_line=at_annotated_line,
    )


EXPECTED_FAILURES = {
    "sync-orm-call-in-async": SYNC_ONLY,
    "sync-queryset-evaluation-in-async": SYNC_ONLY,
    "sync-transaction-in-async": SYNC_ONLY,
    "async-call-not-awaited": Failure(None, unawaited="was never awaited"),
    "async-iterator-in-sync-loop": Failure(TypeError, "'async_generator' object is not iterable"),
}

FAILURE_OVERRIDES = {
    ("sync-transaction-in-async/bad_async_with_atomic.py", "create_book"): NOT_AN_ASYNC_CONTEXT_MANAGER,
    # The rollback flag needs an open atomic block, and none can be open on the loop.
    ("sync-transaction-in-async/bad_manual_transaction_control.py", "reject_import"): Failure(
        TransactionManagementError, "The rollback flag doesn't work outside of an 'atomic' block."
    ),
    # No error at all: outside an atomic block it only re-raises, so on the loop it silently does nothing.
    ("sync-transaction-in-async/bad_manual_transaction_control.py", "guarded_create"): Failure(None),
    ("async-call-not-awaited/bad_used_as_value.py", "book_title"): no_attribute("title", "QuerySet.aget"),
    ("async-call-not-awaited/bad_used_as_value.py", "next_number"): Failure(
        TypeError,
        "unsupported operand type(s) for +: 'coroutine' and 'int'",
        unawaited="coroutine 'QuerySet.acount' was never awaited",
    ),
    ("async-call-not-awaited/bad_assigned_but_not_awaited.py", "book_count"): NOT_JSON_SERIALIZABLE,
    ("async-call-not-awaited/bad_cache_not_awaited.py", "cached_count"): NOT_JSON_SERIALIZABLE,
    ("async-call-not-awaited/bad_auth_not_awaited.py", "whoami"): no_attribute(
        "is_authenticated", "auser", at_annotated_line=False
    ),
    ("async-call-not-awaited/bad_sync_to_async_not_awaited.py", "book_title"): no_attribute(
        "title", "SyncToAsync.__call__", at_annotated_line=False
    ),
}


# --- Fixtures that cannot run here ------------------------------------------------------------------


@dataclass(frozen=True)
class NotRun:
    """Why a fixture is not run. With a bound, it is not run below it (or without the module);
    with none, never."""

    reason: str
    django: tuple[int, int] | None = None
    python: tuple[int, int] | None = None
    module: str | None = None

    def applies(self) -> bool:
        if self.django is None and self.python is None and self.module is None:
            return True
        return (
            (self.django is not None and django.VERSION[:2] < self.django)
            or (self.python is not None and sys.version_info[:2] < self.python)
            or (self.module is not None and importlib.util.find_spec(self.module) is None)
        )


NOT_RUN = {
    "sync-orm-call-in-async/good_httpx_async_client_get.py": NotRun("calls a web service (needs the network)"),
    "sync-orm-call-in-async/good_orm_in_database_sync_to_async.py": NotRun(
        "needs channels (database_sync_to_async), not a test dependency", module="channels"
    ),
    "sync-orm-call-in-async/good_async_shortcuts.py": NotRun(
        "aget_object_or_404, aget_list_or_404 and aprefetch_related_objects arrive in Django 5.0", django=(5, 0)
    ),
    "sync-orm-call-in-async/good_async_paginator.py": NotRun("AsyncPaginator arrives in Django 6.0", django=(6, 0)),
    "async-call-not-awaited/bad_auth_not_awaited.py": NotRun(
        "aauthenticate, alogout and request.auser() arrive in Django 5.0", django=(5, 0)
    ),
    "async-call-not-awaited/good_auth_awaited.py": NotRun(
        "aauthenticate, alogout and request.auser() arrive in Django 5.0", django=(5, 0)
    ),
    "async-call-not-awaited/good_task_group.py": NotRun("asyncio.TaskGroup arrives in Python 3.11", python=(3, 11)),
    "async-iterator-in-sync-loop/good_aiterator_after_prefetch_related.py": NotRun(
        "aiterator() after prefetch_related() raises NotSupportedError before Django 5.0", django=(5, 0)
    ),
}


# --- Arguments, by parameter name -------------------------------------------------------------------


def _instance(model_name: str):
    def fetch():
        from django.apps import apps

        return apps.get_model("library", model_name).objects.get(pk=1)

    return fetch


def _request():
    """A GET request as an async view receives it: with a session and the auth middleware's user."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpResponse
    from django.test import AsyncRequestFactory

    request = AsyncRequestFactory().get("/books/", {"q": "darkness", "page": "1"})
    for middleware in (SessionMiddleware, AuthenticationMiddleware):
        middleware(lambda request: HttpResponse()).process_request(request)
    return request


RUNTIME_ARGUMENTS = {
    "request": _request,
    "pk": lambda: 1,
    "book_id": lambda: 1,
    "author_id": lambda: 1,
    "page_number": lambda: 1,
    "author": _instance("Author"),
    "book": _instance("Book"),
    "publisher": _instance("Publisher"),
    "tag": _instance("Tag"),
}


# --- Reading fixtures (no Django needed) ------------------------------------------------------------

ANNOTATION = re.compile(r"#\s*(?:(?P<offset>[+-]\d+):\s*)?\[(?P<symbols>[a-z0-9-]+(?:,\s*[a-z0-9-]+)*)\]\s*$")


@dataclass(frozen=True)
class Function:
    name: str
    is_async: bool
    first_line: int  # its first decorator's line
    def_line: int
    last_line: int
    unfilled: tuple[str, ...]  # parameters with no default and no entry in RUNTIME_ARGUMENTS
    called_in_file: bool  # another part of the file calls it by name


@dataclass(frozen=True)
class FixtureFile:
    relative: str  # e.g. "sync-orm-call-in-async/bad_manager_get.py"
    path: Path
    functions: tuple[Function, ...]  # top-level ones
    annotated: frozenset[int]

    @property
    def rule(self) -> str:
        return self.relative.split("/", 1)[0]

    @property
    def is_bad(self) -> bool:
        return self.path.name.startswith("bad_")

    def function(self, name: str) -> Function:
        return next(function for function in self.functions if function.name == name)

    def annotated_lines_in(self, function: Function) -> list[int]:
        return sorted(line for line in self.annotated if function.first_line <= line <= function.last_line)

    def is_helper(self, function: Function) -> bool:
        """A helper takes values RUNTIME_ARGUMENTS cannot give; it runs through its caller in the file."""
        return bool(function.unfilled) and function.called_in_file

    def runs(self, function: Function) -> bool:
        if self.is_helper(function):
            return False
        if function.is_async:
            return True
        return self.is_bad and self.rule in RULES_FIRING_IN_SYNC_CODE and bool(self.annotated_lines_in(function))


def annotated_lines(source: str) -> frozenset[int]:
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and (match := ANNOTATION.search(token.string)):
            lines.add(token.start[0] + int(match["offset"] or 0))
    return frozenset(lines)


def unfilled_parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[str, ...]:
    arguments = node.args
    positional = arguments.posonlyargs + arguments.args
    with_default = positional[len(positional) - len(arguments.defaults) :]
    with_default += [arg for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults) if default is not None]
    return tuple(
        arg.arg
        for arg in positional + arguments.kwonlyargs
        if arg not in with_default and arg.arg not in RUNTIME_ARGUMENTS
    )


@cache
def read_fixture(relative: str) -> FixtureFile:
    path = FIXTURES / relative
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    functions = tuple(
        Function(
            name=node.name,
            is_async=isinstance(node, ast.AsyncFunctionDef),
            first_line=min([node.lineno] + [decorator.lineno for decorator in node.decorator_list]),
            def_line=node.lineno,
            last_line=node.end_lineno,
            unfilled=unfilled_parameters(node),
            called_in_file=node.name in called,
        )
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    )
    return FixtureFile(relative, path, functions, annotated_lines(source))


def fixture_paths() -> list[str]:
    return sorted(
        path.relative_to(FIXTURES).as_posix()
        for rule in RULES
        for path in (FIXTURES / rule).rglob("*.py")
        if path.name.startswith(("bad_", "good_"))
    )


def cases():
    for relative in fixture_paths():
        if relative in NOT_RUN and NOT_RUN[relative].applies():
            continue
        fixture = read_fixture(relative)
        for function in fixture.functions:
            if fixture.runs(function):
                yield pytest.param(relative, function.name, id=f"{relative}::{function.name}")


# --- Django, in this process ------------------------------------------------------------------------


def seed() -> None:
    """Empty the library tables and cache, then create the four pk=1 rows."""
    from django.apps import apps
    from django.core.cache import cache as django_cache

    from library.models import Author, Book, Publisher, Tag

    for model in apps.get_app_config("library").get_models():
        model._base_manager.all().delete()
    django_cache.clear()
    author = Author.objects.create(pk=1, name="Ursula K. Le Guin")
    publisher = Publisher.objects.create(pk=1, name="Ace Books", active=True)
    tag = Tag.objects.create(pk=1, name="science fiction")
    book = Book.objects.create(pk=1, title="The Left Hand of Darkness", author=author, publisher=publisher)
    book.tags.add(tag)


@pytest.fixture(scope="session")
def library_db(tmp_path_factory):
    from django.conf import settings
    from django.core.management import call_command

    if settings.configured:
        pytest.fail("Django settings were configured before tests/test_runtime.py could configure them")
    sys.path.insert(0, str(FIXTURES))
    locmem_mail = "django.core.mail.backends.locmem.EmailBackend"
    # Django 6.1 replaces EMAIL_BACKEND (deprecated) with MAILERS.
    if django.VERSION >= (6, 1):
        mail = {"MAILERS": {"default": {"BACKEND": locmem_mail}}}
    else:
        mail = {"EMAIL_BACKEND": locmem_mail}
    settings.configure(
        SECRET_KEY="asynclint-runtime-tests",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "library"],
        # A file, not ":memory:": sync_to_async's worker thread opens its own connection to it.
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path_factory.mktemp("runtime") / "library.sqlite3"),
            }
        },
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
        **mail,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        ALLOWED_HOSTS=["testserver"],
        USE_TZ=True,
    )
    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)


@cache
def load_module(relative: str):
    path = FIXTURES / relative
    name = "asynclint_fixture_" + re.sub(r"\W", "_", relative.removesuffix(".py"))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def arguments_for(function, where: str) -> dict:
    arguments = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name in RUNTIME_ARGUMENTS:
            arguments[parameter.name] = RUNTIME_ARGUMENTS[parameter.name]()
        elif parameter.default is inspect.Parameter.empty:
            pytest.fail(f"{where}: no runtime value for parameter {parameter.name!r}; add it to RUNTIME_ARGUMENTS")
    return arguments


@dataclass(frozen=True)
class Outcome:
    exception: type[BaseException] | None
    message: str
    raised_at: int | None  # the innermost line of the fixture file in the traceback
    details: str  # the formatted exception, for assertion messages
    unawaited: tuple[str, ...]


def call(function, arguments: dict, on_loop: bool, fixture_path: Path) -> Outcome:
    """Call the function (from inside a running loop if on_loop) and report how it went.

    Only the exception's type, text and line are kept, so that gc.collect() can finalise every
    coroutine it still referenced and record the "never awaited" warnings.
    """

    async def runner():
        return await function(**arguments)

    exception, message, raised_at, details = None, "", None, ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = asyncio.run(runner()) if on_loop else function(**arguments)
            del result
        except Exception as error:  # noqa: BLE001 - every exception is an outcome to compare
            exception, message = type(error), str(error)
            details = "".join(traceback.format_exception_only(type(error), error)).strip()
            frames = [
                frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(fixture_path)
            ]
            raised_at = frames[-1].lineno if frames else None
            details += "".join(f"\n  at line {frame.lineno}: {frame.line}" for frame in frames)
        gc.collect()
    unawaited = tuple(
        str(warning.message)
        for warning in caught
        if issubclass(warning.category, RuntimeWarning) and "was never awaited" in str(warning.message)
    )
    return Outcome(exception, message, raised_at, details, unawaited)


# --- The tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "name"), list(cases()))
def test_fixture_function_behaves_as_annotated(library_db, relative, name):
    fixture = read_fixture(relative)
    info = fixture.function(name)
    where = f"{relative}::{name}"
    annotated_here = fixture.annotated_lines_in(info)

    seed()
    function = getattr(load_module(relative), name)
    outcome = call(function, arguments_for(function, where), info.is_async, fixture.path)

    clean = outcome.exception is None and not outcome.unawaited
    if not (fixture.is_bad and (annotated_here or not clean)):
        # good_ files, and the unannotated functions of bad_ files, show what stays silent.
        assert outcome.exception is None, f"{where} must complete, but raised {outcome.details}"
        assert not outcome.unawaited, f"{where} left coroutines unawaited: {outcome.unawaited}"
        return

    # An annotated function (or one that calls an annotated helper) fails the way its rule says.
    expected = FAILURE_OVERRIDES.get((relative, name), EXPECTED_FAILURES[fixture.rule])
    if expected.exception is None:
        assert outcome.exception is None, f"{where} must not raise, but raised {outcome.details}"
    else:
        assert outcome.exception is expected.exception, (
            f"{where} must raise {expected.exception.__name__}, but "
            + (f"raised {outcome.details}" if outcome.exception else "completed")
        )
        assert expected.message in outcome.message, f"{where}: {expected.message!r} not in {outcome.message!r}"
        if expected.at_annotated_line and outcome.raised_at is None:
            # Raised before the body ran: by a decorator, which must then carry the annotation.
            assert any(line < info.def_line for line in annotated_here), (
                f"{where} raised outside its body, but no decorator is annotated: {outcome.details}"
            )
        elif expected.at_annotated_line:
            assert outcome.raised_at in fixture.annotated, (
                f"{where} raised at line {outcome.raised_at}, which is not annotated: {outcome.details}"
            )
    if expected.unawaited is None:
        assert not outcome.unawaited, f"{where} left coroutines unawaited: {outcome.unawaited}"
    else:
        assert any(expected.unawaited in text for text in outcome.unawaited), (
            f"{where} must leave a coroutine unawaited ({expected.unawaited!r}); warnings: {outcome.unawaited}"
        )


def test_every_annotation_is_proven():
    """Each annotated line of a bad_ file sits in a function that runs, or in a helper its file calls."""
    unproven = []
    for relative in fixture_paths():
        fixture = read_fixture(relative)
        if not fixture.is_bad or relative in NOT_RUN:
            continue
        covered = {
            line
            for function in fixture.functions
            if fixture.runs(function) or fixture.is_helper(function)
            for line in fixture.annotated_lines_in(function)
        }
        unproven += [f"{relative}:{line}" for line in sorted(fixture.annotated - covered)]
    assert not unproven, f"annotated lines outside any top-level function that runs: {unproven}"


def test_tables_name_existing_fixtures():
    existing = set(fixture_paths())
    assert not set(NOT_RUN) - existing, "NOT_RUN names missing fixtures"
    for relative, name in FAILURE_OVERRIDES:
        assert relative in existing, f"FAILURE_OVERRIDES names a missing fixture: {relative}"
        assert name in {function.name for function in read_fixture(relative).functions}, (
            f"FAILURE_OVERRIDES names {relative}::{name}, which is no top-level function"
        )
