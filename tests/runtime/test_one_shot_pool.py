"""thread-insensitive-orm-call stays silent on the default executor of a one-shot ``asyncio.run()``
(``good_pool_threads_of_a_one_shot_run.py``): shown here, under real Django with SQLite, that the pool
threads that queried have ended and their connections are gone once ``asyncio.run`` returns; and, for
contrast, that a loop the caller keeps (``run_until_complete``) keeps its pool threads and their open
connections (``one-shot/signing_loops.py``, reported)."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref

import pytest

pytest.importorskip("django")

from tests.runtime.support import load_module, seed  # noqa: E402

FOLDER = "thread-insensitive-orm-call"


def _opened_in_pool_threads(run):
    """Run ``run()``; return (its result, [(pool thread, weak reference to the connection it opened)])."""
    from django.db.backends.signals import connection_created

    opened = []

    def record(sender, connection, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            opened.append((threading.current_thread(), weakref.ref(connection)))

    connection_created.connect(record)
    try:
        result = run()
    finally:
        connection_created.disconnect(record)
    gc.collect()
    return result, opened


def test_pool_threads_and_connections_end_with_asyncio_run():
    seed()
    module = load_module(f"{FOLDER}/good_pool_threads_of_a_one_shot_run.py")
    titles, opened = _opened_in_pool_threads(module.book_titles_in_threads)
    assert titles
    assert opened, "the fan-out opened no connection in a pool thread"
    assert not any(thread.is_alive() for thread, _connection in opened)
    assert all(connection() is None for _thread, connection in opened)


def test_a_kept_loop_keeps_its_pool_threads_and_connections():
    seed()
    module = load_module(f"{FOLDER}/one-shot/signing_loops.py")
    loop = asyncio.new_event_loop()
    try:
        title, opened = _opened_in_pool_threads(lambda: loop.run_until_complete(module.sign_on_kept_loop(1)))
        assert title
        assert opened and all(thread.is_alive() for thread, _connection in opened)
        live = [connection() for _thread, connection in opened]
        assert all(c is not None and c.connection is not None for c in live)
        del live
    finally:
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


def test_async_to_sync_in_a_task_ends_its_pool_threads_and_connections():
    """asgiref's ``AsyncToSync.__call__`` in a thread that runs no loop (a task's) submits
    ``asyncio.run`` to a new thread: the loop, its default executor and the pool threads that queried
    end with the call (``good_pool_threads_behind_a_task_runner.py``, silent)."""
    seed()
    module = load_module(f"{FOLDER}/good_pool_threads_behind_a_task_runner.py")
    titles, opened = _opened_in_pool_threads(lambda: module.refresh_shelf())
    assert titles
    assert opened, "the coroutine opened no connection in a pool thread"
    assert not any(thread.is_alive() for thread, _connection in opened)
    assert all(connection() is None for _thread, connection in opened)


def test_the_runner_from_a_sync_view_under_asgi_leaves_the_connection_open():
    """The same runner from a sync view served by ASGIHandler: ``async_to_sync`` runs the coroutine on the
    server's loop, whose default executor keeps the pool thread and its open connection after the
    response (``bad_pool_threads_behind_a_runner_in_a_view.py``, reported); and a runner that keeps its
    loop keeps them too."""
    from tests.runtime.test_chains import fresh_module, serve

    seed()
    module = fresh_module(f"{FOLDER}/bad_pool_threads_behind_a_runner_in_a_view.py")
    status, states = serve(module.shelf_view)
    assert status == 200
    still_open = [connection for thread, is_open, connection in states if is_open and thread != "MainThread"]
    try:
        assert still_open, f"every connection was closed: {states}"
        assert still_open[0].connection.execute("SELECT COUNT(*) FROM library_book").fetchone() == (1,)
    finally:
        for connection in still_open:
            connection.connection.close()
            connection.connection = None
    try:
        titles, opened = _opened_in_pool_threads(module.author_report)
        assert titles
        assert opened and all(thread.is_alive() for thread, _connection in opened)
        assert all(c() is not None and c().connection is not None for _thread, c in opened)
    finally:
        module.KEPT_LOOP.run_until_complete(module.KEPT_LOOP.shutdown_default_executor())
        module.KEPT_LOOP.close()
