"""Runs the fixtures of the call-chain and adapter rules under real Django and asgiref.

Rules: ``missing-sync-to-async`` (E5730), ``sync-to-async-called-not-passed`` (E5731),
``lazy-queryset-from-sync-to-async`` (E5732), ``thread-insensitive-orm-call`` (W5733),
``wrong-adapter-direction`` (E5734) and ``async-to-sync-in-async`` (E5735).

``EXPECTED`` says, for every top-level function of those fixtures, what running it does: the
exception (``None``: it completes), a fragment of its message, the fixture function the traceback
ends in (where the sync work really ran: the bottom of a helper chain, a generator's body), the
"coroutine ... was never awaited" and other warnings it leaves. Async functions are called from
inside a running event loop, sync ones outside any loop. A bad function must fail through an
annotated line of its file (the call the linter reports) unless its entry says otherwise.

Besides the table:

- the blocking helper is shown to stall the loop (a heartbeat task cannot tick while it sleeps);
- the cache helper is run against Django's database cache, where a cache read is a query;
- W5733: each view of the ``thread-insensitive-orm-call`` fixtures is served by Django's
  ``ASGIHandler`` (which closes the request's thread-sensitive connection when the response
  finishes); afterwards the connections opened during the request are inspected: the bad views
  leave a pool thread's connection open (it still answers a query), the good ones leave none;
- the two channels consumers are driven through asgiref's ``ApplicationCommunicator``.

Django is configured once for all runtime proofs (``tests/runtime/conftest.py``).
"""

from __future__ import annotations

import ast
import asyncio
import gc
import json
import re
import sys
import threading
import time
import traceback
import types
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

django = pytest.importorskip("django")

from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402

from tests.runtime.support import FIXTURES, folders_proven_by, load_module, seed  # noqa: E402
from tests.runtime.test_calls import RUNTIME_ARGUMENTS, annotated_lines  # noqa: E402

pytestmark = pytest.mark.django_runtime

RULES = folders_proven_by("chains")  # the folders whose runtime.toml says harness = "chains"


# --- Expectations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    raises: type[BaseException] | None = None
    message: str = ""
    # The fixture function the traceback ends in (the deepest frame in a fixture file).
    deepest: str | None = None
    unawaited: str | None = None  # a fragment of a "was never awaited" warning it must leave
    warning: str | None = None  # a fragment of another warning it must emit
    # Whether the traceback passes through an annotated line of the function's file.
    through_annotation: bool = True
    note: str = ""


SYNC_ONLY = "You cannot call this from an async context"
NOT_SYNC_FUNCTION = "sync_to_async can only be applied to sync functions"
ASYNC_TO_SYNC_IN_LOOP = "You cannot use AsyncToSync in the same thread as an async event loop"
OK = Expect()


def sync_only(deepest: str, **kwargs) -> Expect:
    return Expect(SynchronousOnlyOperation, SYNC_ONLY, deepest=deepest, **kwargs)


M = "missing-sync-to-async/"
C = "sync-to-async-called-not-passed/"
L = "lazy-queryset-from-sync-to-async/"
T = "thread-insensitive-orm-call/"
W = "wrong-adapter-direction/"
A = "async-to-sync-in-async/"

EXPECTED: dict[tuple[str, str], Expect] = {
    # E5730: the query runs at the bottom of the chain, on the loop's thread.
    (M + "bad_helper_chain_across_modules.py", "home"): sync_only("featured_titles"),
    (M + "bad_helper_chain_across_modules.py", "home_via_module"): sync_only("featured_titles"),
    (M + "bad_recursive_helper.py", "categories"): sync_only("book_count"),
    (M + "bad_recursive_helper.py", "pagination"): sync_only("pages_before"),
    (M + "bad_method_calls_self_and_cls.py", "shelf_titles"): sync_only("_load"),
    (M + "bad_method_calls_self_and_cls.py", "shelf_count"): sync_only("total"),
    (M + "bad_method_calls_self_and_cls.py", "shelf_cached_titles"): sync_only("_fetch_all"),
    (M + "bad_constructor_init_queries.py", "book_summary"): sync_only("__init__"),
    (M + "bad_constructor_init_queries.py", "author_card"): sync_only("author_name"),
    (M + "bad_property_queries.py", "dashboard"): sync_only("book_count"),
    (M + "bad_property_queries.py", "newest_title"): sync_only("newest"),
    (M + "bad_other_sync_work_through_helpers.py", "publish"): sync_only("publish_all"),
    (M + "bad_other_sync_work_through_helpers.py", "throttled"): Expect(
        note="no exception: time.sleep blocks the loop instead (test_blocking_helper_stalls_the_loop)"
    ),
    (M + "bad_other_sync_work_through_helpers.py", "total"): Expect(
        note="LocMemCache does no I/O, so nothing raises here; against a database cache the read is a "
        "query and raises (test_cache_helper_queries_a_database_cache)"
    ),
    (M + "chain-depth-2/bad_chain_within_depth.py", "one_down"): sync_only("count_books"),
    (M + "chain-depth-2/bad_chain_within_depth.py", "two_down"): sync_only("count_books"),
    # Silent only because the folder's options.toml limits chain-depth to 2: Django still raises.
    (M + "chain-depth-2/good_chain_beyond_depth.py", "three_down"): sync_only(
        "count_books", through_annotation=False, note="beyond the configured chain-depth, by design"
    ),
    # Issue 11: sync work behind project objects, attribute reads that run code, async-check branches.
    (M + "bad_project_instances.py", "singleton"): sync_only("check"),
    (M + "bad_project_instances.py", "attribute_of_instance"): sync_only("check"),
    (M + "bad_project_instances.py", "permissions"): sync_only("has_permission"),
    (M + "bad_project_instances.py", "built_on_the_spot"): sync_only("check"),
    (M + "bad_project_instances.py", "from_a_factory"): sync_only("check"),
    (M + "bad_project_instances.py", "from_a_context_manager"): sync_only("load"),
    (M + "bad_project_instances.py", "static_through_class"): sync_only("titles"),
    (M + "bad_project_instances.py", "model_classmethod"): sync_only("first_author"),
    (M + "bad_project_instances.py", "custom_queryset_method"): sync_only("first_titles"),
    (M + "bad_attribute_reads_run_code.py", "shelf_size"): sync_only("size"),
    (M + "bad_attribute_reads_run_code.py", "first_page"): sync_only("page"),
    (M + "bad_attribute_reads_run_code.py", "site_title"): sync_only("__getattr__"),
    (M + "bad_sync_branch_of_async_check.py", "callbacks"): sync_only("count_books"),
    (M + "bad_sync_branch_of_async_check.py", "hook"): sync_only("count_books"),
    (M + "bad_dispatch_to_overrides.py", "plain"): OK,  # the base's own compile() does no sync work
    (M + "bad_dispatch_to_overrides.py", "counting"): sync_only("compile"),
    (M + "bad_dispatch_to_overrides.py", "guarded"): sync_only("check_user"),
    (M + "good_dispatch_without_sync_overrides.py", "home"): OK,
    (M + "bad_orm_value_passed_into_helper.py", "first_page"): sync_only("paginate"),
    (M + "bad_orm_value_passed_into_helper.py", "names"): sync_only("tag_names"),
    (M + "good_orm_value_passed_into_lazy_helper.py", "published_titles"): OK,
    (M + "good_orm_value_passed_into_lazy_helper.py", "first_two_numbers"): OK,
    (M + "good_declared_base_and_built_requests.py", "declared_base"): OK,
    (M + "good_declared_base_and_built_requests.py", "cast_to_subclass"): OK,
    (M + "good_declared_base_and_built_requests.py", "built_request"): OK,
    (M + "good_project_objects.py", "pure_methods"): OK,
    (M + "good_project_objects.py", "handed_to_a_thread"): OK,
    (M + "good_project_objects.py", "known_attribute"): OK,
    (M + "good_project_objects.py", "total_in_a_thread"): OK,
    (M + "good_project_objects.py", "known_sync_callback"): OK,
    # Branches the arguments decide, and memoised work (issue 13).
    (M + "bad_branch_taken_by_the_arguments.py", "first_titles"): sync_only("titles"),
    (M + "bad_branch_taken_by_the_arguments.py", "counted"): sync_only("count_if"),
    (M + "bad_cached_property_per_request.py", "shelf_render"): sync_only("titles"),
    (M + "bad_model_classmethod_queries.py", "newest_title"): sync_only("newest"),
    (M + "good_branch_not_taken_by_the_arguments.py", "no_limit"): OK,
    (M + "good_branch_not_taken_by_the_arguments.py", "explicit_none"): OK,
    (M + "good_branch_not_taken_by_the_arguments.py", "disabled_count"): OK,
    (M + "good_branch_not_taken_by_the_arguments.py", "rows_only"): OK,
    (M + "good_branch_not_taken_by_the_arguments.py", "empty_report"): OK,
    (M + "good_branch_not_taken_by_the_arguments.py", "summary_report"): OK,
    (M + "good_branch_not_taken_by_the_arguments.py", "default_shelf"): OK,
    # The file is read once per process (on the loop, the first time): not a per-request cost.
    (M + "good_memoised_on_long_lived_objects.py", "rate_count"): OK,
    (M + "good_memoised_on_long_lived_objects.py", "rate_header"): OK,
    (M + "bad_memoised_on_a_per_request_object.py", "report_size"): sync_only("titles"),
    (M + "good_memoised_work.py", "line_count"): OK,
    (M + "good_memoised_work.py", "first_line"): OK,
    (M + "good_memoised_work.py", "own_size"): OK,
    (M + "good_helper_passed_to_sync_to_async.py", "home"): OK,
    (M + "good_helper_passed_to_sync_to_async.py", "home_via_module"): OK,
    (M + "good_helper_passed_to_sync_to_async.py", "categories"): OK,
    (M + "good_helper_passed_to_sync_to_async.py", "author_card"): OK,
    (M + "good_helper_passed_to_sync_to_async.py", "dashboard"): OK,
    (M + "good_pure_helpers.py", "title_info"): OK,
    (M + "good_orm_helpers_called_only_from_sync.py", "featured"): OK,  # a sync view, called outside a loop
    (M + "good_orm_helpers_called_only_from_sync.py", "report"): OK,
    (M + "good_orm_helpers_called_only_from_sync.py", "streamed_titles"): OK,
    # E5731: TypeError at wrap time, or the query runs on the loop before the adapter sees anything.
    (C + "bad_called_inside_sync_to_async.py", "prices"): Expect(TypeError, NOT_SYNC_FUNCTION, deepest="prices"),
    (C + "bad_queryset_method_called_inside_adapter.py", "book_count"): sync_only("book_count"),
    (C + "bad_queryset_method_called_inside_adapter.py", "first_book"): sync_only("first_book"),
    (C + "bad_called_inside_to_thread_and_executor.py", "checksum"): Expect(
        TypeError, "'str' object is not callable", deepest="checksum"
    ),
    (C + "bad_called_inside_to_thread_and_executor.py", "checksum_in_executor"): Expect(
        TypeError, "'str' object is not callable", deepest="checksum_in_executor"
    ),
    (C + "bad_helper_that_queries_called_inside_adapter.py", "titles"): sync_only("published_titles"),
    (C + "good_callable_passed.py", "prices"): OK,
    (C + "good_callable_passed.py", "book_count"): OK,
    (C + "good_callable_passed.py", "checksum"): OK,
    (C + "good_factory_returns_callable.py", "stats"): OK,
    # E5732: the thread returns a QuerySet; the query runs when the async caller evaluates it.
    (L + "bad_helper_returns_queryset.py", "titles"): sync_only("titles"),
    (L + "bad_helper_returns_queryset.py", "titles_from_consumer_helper"): sync_only("titles_from_consumer_helper"),
    (L + "bad_decorated_function_returns_queryset.py", "author_titles"): sync_only("author_titles"),
    (L + "bad_bound_manager_method_and_lambda.py", "published"): sync_only("published"),
    (L + "bad_bound_manager_method_and_lambda.py", "everything"): sync_only("everything"),
    # The loop evaluates it on the line after the branch (not the annotated adapter line).
    (L + "bad_lazy_value_overwritten_only_sometimes.py", "titles"): sync_only(
        "titles", through_annotation=False, note="evaluated by the comprehension below the branch"),
    (L + "good_returned_to_a_consumer.py", "fetch_books"): OK,
    (L + "good_returned_to_a_consumer.py", "fetch_published"): OK,
    (L + "good_returned_to_a_consumer.py", "book_list"): OK,
    (L + "good_returned_to_a_consumer.py", "published_list"): OK,
    (L + "bad_returned_and_iterated_by_the_project.py", "first_title"): sync_only("first_title"),
    (L + "bad_returned_and_iterated_by_the_project.py", "fetch_books"): Expect(
        note="returns the lazy QuerySet unevaluated; first_title() iterates it on the loop"),
    (L + "good_lazy_value_evaluated_safely_later.py", "titles_listed_in_a_thread"): OK,
    (L + "good_lazy_value_evaluated_safely_later.py", "titles_async_for"): OK,
    (L + "good_lazy_value_evaluated_safely_later.py", "published_count"): OK,
    (L + "good_lazy_value_evaluated_safely_later.py", "overwritten_first"): OK,
    (L + "good_evaluated_in_the_thread.py", "titles"): OK,
    (L + "good_async_for_instead.py", "titles"): OK,
    # W5733: nothing raises in a single call; the leak is shown by test_pool_thread_connection_leaks.
    (T + "bad_thread_sensitive_false_orm.py", "book_count"): Expect(note="leaks a connection"),
    (T + "bad_thread_sensitive_false_orm.py", "book_total"): Expect(note="leaks a connection"),
    (T + "bad_thread_sensitive_false_orm.py", "book_titles"): Expect(note="leaks a connection"),
    (T + "bad_thread_sensitive_false_orm.py", "first_book"): Expect(note="leaks a connection"),
    (T + "bad_to_thread_and_executor_orm.py", "to_thread_count"): Expect(note="leaks a connection"),
    (T + "bad_to_thread_and_executor_orm.py", "executor_count"): Expect(note="leaks a connection"),
    (T + "bad_to_thread_and_executor_orm.py", "default_executor_count"): Expect(note="leaks a connection"),
    (T + "good_password_hashing_and_network_io.py", "register"): OK,
    (T + "good_password_hashing_and_network_io.py", "lookup"): OK,
    (T + "good_closes_connections_in_finally.py", "book_count"): OK,
    (T + "good_thread_sensitive_default.py", "book_count"): OK,
    # E5734
    (W + "bad_sync_to_async_on_coroutine_function.py", "fetch_price"): OK,  # awaited directly, it is fine
    (W + "bad_sync_to_async_on_coroutine_function.py", "price"): Expect(TypeError, NOT_SYNC_FUNCTION, deepest="price"),
    (W + "bad_sync_to_async_on_coroutine_function.py", "price_from_client"): Expect(
        TypeError, NOT_SYNC_FUNCTION, deepest="price_from_client"
    ),
    # The generator's body runs when list() iterates it, on the loop: one line after the adapter.
    (W + "bad_sync_to_async_on_generator_function.py", "titles"): sync_only("iter_titles", through_annotation=False),
    (W + "bad_async_to_sync_on_sync_function.py", "badge_for_sync_view"): Expect(
        TypeError, "can't be used in 'await' expression", deepest="badge_for_sync_view",
        warning="async_to_sync was passed a non-async-marked callable",
    ),
    (W + "good_adapters_in_the_right_direction.py", "fetch_price"): OK,
    (W + "good_adapters_in_the_right_direction.py", "price"): OK,
    (W + "good_adapters_in_the_right_direction.py", "price_for_sync_code"): OK,
    (W + "good_adapters_in_the_right_direction.py", "price_via_client_for_sync_code"): OK,
    # E5735
    (A + "bad_async_to_sync_directly_in_async.py", "notify"): Expect(RuntimeError, ASYNC_TO_SYNC_IN_LOOP, deepest="notify"),
    (A + "bad_async_to_sync_directly_in_async.py", "notify_with_asyncio_run"): Expect(
        RuntimeError, "asyncio.run() cannot be called from a running event loop",
        deepest="notify_with_asyncio_run", unawaited="coroutine 'deliver' was never awaited",
    ),
    (A + "bad_async_to_sync_directly_in_async.py", "notify_with_run_until_complete"): Expect(
        RuntimeError, "This event loop is already running",
        deepest="notify_with_run_until_complete", unawaited="coroutine 'deliver' was never awaited",
    ),
    (A + "bad_async_to_sync_through_helpers.py", "publish"): Expect(RuntimeError, ASYNC_TO_SYNC_IN_LOOP, deepest="announce"),
    (A + "bad_async_to_sync_through_helpers.py", "publish_with_new_loop"): Expect(
        RuntimeError, "asyncio.run() cannot be called from a running event loop",
        deepest="announce_with_new_loop", unawaited="coroutine 'deliver' was never awaited",
    ),
    (A + "good_async_to_sync_in_sync_code.py", "send_digest"): OK,
    (A + "good_async_to_sync_in_sync_code.py", "publish_sync_view"): OK,
    (A + "good_async_to_sync_in_sync_code.py", "resolve_latest_news"): OK,
    (A + "good_async_to_sync_in_sync_code.py", "main"): OK,
    (A + "good_async_to_sync_in_sync_code.py", "publish"): OK,
    # Only the async side of a hybrid middleware runs when it is built with an async get_response.
    (M + "good_hybrid_middleware_called_from_async.py", "get_response"): OK,
    (M + "good_hybrid_middleware_called_from_async.py", "test_middlewares"): OK,
    # A test that patches the work the chain reaches, or asks for the failure.
    (M + "good_test_patches_the_work.py", "test_shelf_with_titles_patched"): OK,
    (M + "good_test_patches_the_work.py", "test_summary_with_count_patched"): OK,
    (M + "good_test_patches_the_work.py", "test_shelf_refuses_on_the_loop"): OK,
    (M + "bad_test_patches_other_work.py", "test_shelf_with_banner_patched"): sync_only("featured_titles"),
    # A management command's set-up reads a file once (tolerated); its query still raises.
    (M + "good_startup_only_work.py", "start_server"): OK,
    (M + "bad_startup_command_queries.py", "warm_up"): sync_only("featured_titles"),
    (M + "good_sync_branch_on_loop_by_design.py", "on_submit"): OK,
    # Built without a cache URL, the client never reaches requests.get().
    (M + "good_work_switched_on_by_configuration.py", "make_client"): OK,
    # A callable instance, and the class get_user_model() returns, run in the adapter's thread.
    (C + "good_callable_instance_and_class.py", "run"): OK,
    (C + "good_callable_instance_and_class.py", "run_in_db_thread"): OK,
    (C + "good_callable_instance_and_class.py", "new_user"): OK,
}

# Arguments for the sync functions that take values RUNTIME_ARGUMENTS does not know.
EXTRA_ARGUMENTS = {
    "sku": lambda: "B-1",
    "root": lambda: None,
    "info": lambda: None,
    "name": lambda: "search",
}

# Top-level functions that nothing runs (sync helpers that their file calls need no entry either).
NOT_IN_TABLE = {
    (A + "good_async_to_sync_in_sync_code.py", "shared_task"): "a stand-in for celery.shared_task",
    (M + "bad_sync_branch_of_async_check.py", "run_callbacks"): "run by callbacks(), with its callbacks",
    (M + "bad_sync_branch_of_async_check.py", "run_hook"): "run by hook(), with its hook",
    (L + "good_returned_to_a_consumer.py", "use_query"): "run by book_list() and published_list(), with their fetcher",
    (M + "good_sync_branch_on_loop_by_design.py", "call_event_callback"): "run by on_submit(), with its callback",
}


# --- Reading the fixtures -----------------------------------------------------------------------------


def fixture_files() -> list[str]:
    return sorted(
        path.relative_to(FIXTURES).as_posix()
        for rule in RULES
        for path in (FIXTURES / rule).rglob("*.py")
        if path.name.startswith(("bad_", "good_"))
    )


def top_level_functions(relative: str) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = ast.parse((FIXTURES / relative).read_text(encoding="utf-8"))
    return {
        node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def annotations(relative: str) -> frozenset[int]:
    return annotated_lines((FIXTURES / relative).read_text(encoding="utf-8"))


# --- Django, in this process ----------------------------------------------------------------------------


def arguments_for(function) -> dict:
    import inspect

    arguments = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue  # *args, **fields: nothing to fill
        if parameter.name in RUNTIME_ARGUMENTS:
            arguments[parameter.name] = RUNTIME_ARGUMENTS[parameter.name]()
        elif parameter.name in EXTRA_ARGUMENTS:
            arguments[parameter.name] = EXTRA_ARGUMENTS[parameter.name]()
        else:
            assert parameter.default is not inspect.Parameter.empty, f"no value for {parameter.name!r}"
    return arguments


@dataclass(frozen=True)
class Outcome:
    exception: type[BaseException] | None
    message: str
    frames: tuple[tuple[str, int, str], ...]  # (file, line, function) of the fixture frames, outermost first
    unawaited: tuple[str, ...]
    warnings: tuple[str, ...]
    details: str

    @property
    def deepest(self) -> str | None:
        return self.frames[-1][2] if self.frames else None


def run(function, arguments: dict) -> Outcome:
    """Call ``function`` (inside a running loop if it is a coroutine function) and record what happens."""
    exception, message, frames, details = None, "", (), ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if asyncio.iscoroutinefunction(function):
                asyncio.run(function(**arguments))
            else:
                function(**arguments)
        except Exception as error:  # noqa: BLE001 - every exception is an outcome to compare
            exception, message = type(error), str(error)
            frames = tuple(
                (frame.filename, frame.lineno, frame.name)
                for frame in traceback.extract_tb(error.__traceback__)
                if frame.filename.startswith(str(FIXTURES))
            )
            details = "".join(traceback.format_exception_only(type(error), error)).strip() + "".join(
                f"\n  at {Path(f).relative_to(FIXTURES)}:{line} in {name}()" for f, line, name in frames
            )
            del error
        gc.collect()
    texts = [(warning.category, str(warning.message)) for warning in caught]
    unawaited = tuple(text for category, text in texts if issubclass(category, RuntimeWarning) and "never awaited" in text)
    others = tuple(text for category, text in texts if "never awaited" not in text)
    return Outcome(exception, message, frames, unawaited, others, details)


# --- The table ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "name"), sorted(EXPECTED), ids=lambda value: value)
def test_fixture_function_runs_as_expected(relative, name):
    where = f"{relative}::{name}"
    expect = EXPECTED[(relative, name)]
    seed()
    function = getattr(load_module(relative), name)
    outcome = run(function, arguments_for(function))

    if expect.raises is None:
        assert outcome.exception is None, f"{where} must complete, but raised {outcome.details}"
    else:
        assert outcome.exception is expect.raises, (
            f"{where} must raise {expect.raises.__name__}, but "
            + (f"raised {outcome.details}" if outcome.exception else "completed")
        )
        assert expect.message in outcome.message, f"{where}: {expect.message!r} not in {outcome.message!r}"
        assert outcome.deepest == expect.deepest, (
            f"{where} must fail in {expect.deepest}(), but failed in {outcome.deepest}(): {outcome.details}"
        )
        this_file = str(FIXTURES / relative)
        through = {line for file, line, _name in outcome.frames if file == this_file} & annotations(relative)
        if expect.through_annotation:
            assert through, f"{where} failed without passing through an annotated line: {outcome.details}"
    if expect.unawaited is None:
        assert not outcome.unawaited, f"{where} left coroutines unawaited: {outcome.unawaited}"
    else:
        assert any(expect.unawaited in text for text in outcome.unawaited), (
            f"{where} must leave {expect.unawaited!r}; warnings: {outcome.unawaited}"
        )
    if expect.warning is None:
        assert not outcome.warnings, f"{where} emitted warnings: {outcome.warnings}"
    else:
        assert any(expect.warning in text for text in outcome.warnings), (
            f"{where} must warn {expect.warning!r}; warnings: {outcome.warnings}"
        )


def test_table_covers_every_fixture_function():
    """Every top-level async function of these rules' fixtures is in the table, and every sync one
    that its file does not call (an entry point: a sync view, a task, a resolver); and back."""
    missing, verdicts = [], []
    for relative in fixture_files():
        bad = Path(relative).name.startswith("bad_")
        source = (FIXTURES / relative).read_text(encoding="utf-8")
        lines = annotations(relative)
        for name, node in top_level_functions(relative).items():
            key = (relative, name)
            # A sync helper its file calls or passes on (to an adapter) runs through that caller.
            helper = isinstance(node, ast.FunctionDef) and re.search(rf"\b{name}\b", source.replace(f"def {name}(", ""))
            if key in NOT_IN_TABLE or (helper and key not in EXPECTED):
                continue
            if key not in EXPECTED:
                missing.append(f"{relative}::{name}")
                continue
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            annotated = any(first <= line <= node.end_lineno for line in lines)
            expect = EXPECTED[key]
            # A good_ file's functions run clean (unless the table explains why not); an annotated bad_
            # function fails (unless explained: W5733 and blocking work are shown by their own tests).
            if not bad and expect.raises is not None and not expect.note:
                verdicts.append(f"{relative}::{name} is good_ but expected to raise, with no note")
            if bad and annotated and expect.raises is None and not expect.note:
                verdicts.append(f"{relative}::{name} is annotated but expected to run clean, with no note")
    stale = [f"{r}::{n}" for r, n in (*EXPECTED, *NOT_IN_TABLE) if n not in top_level_functions(r)]
    assert not missing, f"fixture functions missing from EXPECTED: {missing}"
    assert not stale, f"table entries naming no fixture function: {stale}"
    assert not verdicts, verdicts


def test_every_annotated_line_is_exercised():
    """Each annotated line of a bad_ file sits in a top-level function of the table, or in a function
    or class that one of the file's table functions calls by name."""
    unproven = []
    for relative in fixture_files():
        if not Path(relative).name.startswith("bad_"):
            continue
        source = (FIXTURES / relative).read_text(encoding="utf-8")
        tree = ast.parse(source)
        in_table = {name for r, name in EXPECTED if r == relative}
        run_source = "".join(
            ast.get_source_segment(source, node) or ""
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in in_table
        )
        spans = [
            (min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno, node.name)
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        ]
        for line in sorted(annotations(relative)):
            owner = next((name for first, last, name in spans if first <= line <= last), None)
            if owner is None or not (owner in in_table or re.search(rf"\b{owner}\(", run_source)):
                unproven.append(f"{relative}:{line}")
    assert not unproven, f"annotated lines that no table entry runs: {unproven}"


# --- Blocking work and the cache, through helpers (E5730) -----------------------------------------------


def test_blocking_helper_stalls_the_loop():
    """``throttled`` raises nothing, but while its helper sleeps no other task on the loop runs."""
    module = load_module(M + "bad_other_sync_work_through_helpers.py")
    request = RUNTIME_ARGUMENTS["request"]()

    async def measure(view):
        gaps, last, done = [], time.monotonic(), asyncio.Event()

        async def heartbeat():
            nonlocal last
            while not done.is_set():
                await asyncio.sleep(0.01)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        beat = asyncio.create_task(heartbeat())
        await asyncio.sleep(0.05)
        await view(request)
        await asyncio.sleep(0.05)
        done.set()
        await beat
        return max(gaps)

    async def offloaded(request):
        from asgiref.sync import sync_to_async

        await sync_to_async(module.throttle)()

    assert asyncio.run(measure(module.throttled)) >= 0.18, "the helper's sleep did not stall the loop"
    assert asyncio.run(measure(offloaded)) < 0.15, "through sync_to_async the loop keeps running"


def test_cache_helper_queries_a_database_cache():
    """``total`` reads the cache through a helper: with the database cache that read is a query."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    module = load_module(M + "bad_other_sync_work_through_helpers.py")
    database_cache = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                  "LOCATION": "asynclint_chains_cache"}}
    with override_settings(CACHES=database_cache):
        call_command("createcachetable", verbosity=0)
        outcome = run(module.total, {"request": RUNTIME_ARGUMENTS["request"]()})
    assert outcome.exception is SynchronousOnlyOperation, outcome.details or "completed"
    assert outcome.deepest == "cached_total", outcome.details


# --- W5733: the pool thread's connection outlives the request -------------------------------------------


def fresh_module(relative: str) -> types.ModuleType:
    import importlib.util

    name = "asynclint_chains_fresh_" + re.sub(r"\W", "_", relative.removesuffix(".py"))
    spec = importlib.util.spec_from_file_location(name, FIXTURES / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve(view) -> tuple[int, list]:
    """Serve ``view`` through Django's ASGIHandler; return the status and the connections opened."""
    from django.core.handlers.asgi import ASGIHandler
    from django.db.backends.signals import connection_created
    from django.test.utils import override_settings
    from django.urls import path

    urlconf = types.ModuleType("asynclint_chains_urls")
    urlconf.urlpatterns = [path("view/", view)]
    sys.modules[urlconf.__name__] = urlconf
    opened = []

    def record(sender, connection, **kwargs):
        opened.append((threading.current_thread().name, connection))

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": "/view/", "raw_path": b"/view/", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
    }

    async def request_then_inspect():
        messages = []
        sent = False

        async def receive():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects

        async def send(message):
            messages.append(message)

        await ASGIHandler()(scope, receive, send)
        # Still inside the loop, with its worker threads alive: the request is over.
        states = [(name, connection.connection is not None, connection) for name, connection in opened]
        return messages[0]["status"], states

    connection_created.connect(record)
    try:
        with override_settings(ROOT_URLCONF=urlconf.__name__):
            return asyncio.run(request_then_inspect())
    finally:
        connection_created.disconnect(record)


LEAKED, CLOSED, NONE = "a connection left open", "connections opened and closed", "no connection opened"
LEAKS = {  # what the connections opened while serving the view look like once the response is sent
    (T + "bad_thread_sensitive_false_orm.py", "book_count"): LEAKED,
    (T + "bad_thread_sensitive_false_orm.py", "book_total"): LEAKED,
    (T + "bad_thread_sensitive_false_orm.py", "book_titles"): LEAKED,
    (T + "bad_thread_sensitive_false_orm.py", "first_book"): LEAKED,
    (T + "bad_to_thread_and_executor_orm.py", "to_thread_count"): LEAKED,
    (T + "bad_to_thread_and_executor_orm.py", "executor_count"): LEAKED,
    (T + "bad_to_thread_and_executor_orm.py", "default_executor_count"): LEAKED,
    # Closed by the helper's finally (close_old_connections closes it because CONN_MAX_AGE is 0).
    (T + "good_closes_connections_in_finally.py", "book_count"): CLOSED,
    # Closed by the request cycle (request_finished, in the request's thread-sensitive thread) and by
    # database_sync_to_async itself.
    (T + "good_thread_sensitive_default.py", "book_count"): CLOSED,
    (T + "good_password_hashing_and_network_io.py", "register"): NONE,
    (T + "good_password_hashing_and_network_io.py", "lookup"): NONE,
}


@pytest.mark.parametrize(("relative", "name"), sorted(LEAKS), ids=lambda value: value)
def test_pool_thread_connection_leaks(relative, name):
    seed()
    # A fresh copy of the module: its own executor's threads have opened no connection yet.
    status, states = serve(getattr(fresh_module(relative), name))
    assert status == 200
    still_open = [(thread, connection) for thread, is_open, connection in states if is_open]
    try:
        shown = [(thread, "open" if is_open else "closed") for thread, is_open, _connection in states]
        if LEAKS[(relative, name)] == LEAKED:
            assert still_open, f"{relative}::{name}: every connection was closed: {shown}"
            for _thread, connection in still_open:
                # Really open: the raw SQLite connection still answers.
                assert connection.connection.execute("SELECT COUNT(*) FROM library_book").fetchone() == (1,)
        elif LEAKS[(relative, name)] == CLOSED:
            assert states and not still_open, f"{relative}::{name}: {shown}"
        else:
            assert not states, f"{relative}::{name} opened connections: {shown}"
    finally:
        for _thread, connection in still_open:
            connection.connection.close()
            connection.connection = None


def test_leak_table_covers_the_views():
    views = {
        (r, n) for r in fixture_files() if r.startswith(T)
        for n, node in top_level_functions(r).items()
        if isinstance(node, ast.AsyncFunctionDef) and node.args.args[:1] and node.args.args[0].arg == "request"
    }
    assert views == set(LEAKS)


# --- Channels consumers ------------------------------------------------------------------------------------


async def converse(application, messages: list[dict]) -> list[dict]:
    from asgiref.testing import ApplicationCommunicator

    communicator = ApplicationCommunicator(application, {"type": "websocket", "path": "/ws/", "headers": [],
                                                         "subprotocols": [], "query_string": b""})
    await communicator.send_input({"type": "websocket.connect"})
    assert (await communicator.receive_output(2))["type"] == "websocket.accept"
    replies = []
    for message in messages:
        await communicator.send_input({"type": "websocket.receive", "text": json.dumps(message)})
        replies.append(json.loads((await communicator.receive_output(2))["text"]))
    await communicator.send_input({"type": "websocket.disconnect", "code": 1000})
    await communicator.wait(2)
    return replies


def test_database_sync_to_async_consumer_runs_clean():
    seed()
    consumer = load_module(M + "good_database_sync_to_async_consumer.py").ShelfConsumer
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        replies = asyncio.run(converse(consumer.as_asgi(), [{"action": "count"}, {"action": "featured"}]))
    assert replies == [{"count": 1}, {"titles": ["The Left Hand of Darkness"]}]


def test_sync_consumer_uses_async_to_sync_cleanly():
    from django.test.utils import override_settings

    consumer = load_module(A + "good_async_to_sync_in_sync_code.py").NewsConsumer
    layers = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    with override_settings(CHANNEL_LAYERS=layers), warnings.catch_warnings():
        warnings.simplefilter("error")
        replies = asyncio.run(converse(consumer.as_asgi(), [{"text": "hello"}]))
    assert replies == [{"group": "news", "delivered": "hello"}]


def test_management_command_uses_async_to_sync_cleanly():
    command = load_module(A + "management/commands/good_send_newsletter.py").Command()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        command.handle()
