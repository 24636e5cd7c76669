"""Libraries that run the project's coroutines on an event loop of their own, and helpers that consume
an argument in a worker thread.

Data only (read by ``asynclint.core.own_loop`` and ``asynclint.core.lazy``); names resolve by import
path, with or without the library installed.

- ``WORKER_LOOP_METHODS``: a library base class whose subclasses' coroutine method the library runs on
  a loop that serves no requests (a task worker's loop), and what that loop is. pulpcore's Stages API:
  a sync task builds a ``DeclarativeVersion`` whose ``create()`` runs every stage's ``run()`` with
  ``asyncio.run`` (``loop.run_until_complete`` before 3.16) inside the task worker process; the loop
  runs that one task's pipeline and nothing else.
- ``THREAD_CONSUMERS``: library functions that take an iterable and iterate it in a worker thread:
  the lazy value passed there (``qs.iterator()``) is evaluated off the loop. pulpcore's
  ``sync_to_async_iterable(it)`` calls ``iter(it)`` and ``next()`` through ``sync_to_async``.
- ``THREAD_BOUND_CALLS``: library callables whose state belongs to the calling thread (a
  ``threading.local``, a wrapper installed on that thread's database connection): a middleware that
  wraps the view in one must run in the view's thread, so being sync-only is its design
  (``core.middleware.thread_bound``). django-pghistory's ``pghistory.context(...)`` keeps its context in
  ``runtime._tracker = threading.local()`` and, on entry, installs
  ``connection.execute_wrapper(_inject_history_context)`` on the current thread's connection; under
  ASGI only the sync view's worker thread (where an adapted sync middleware also runs) sees it.
"""

from __future__ import annotations

#: ``pulpcore.plugin.stages`` exports ``Stage`` and the stages plugins subclass (all derive from ``Stage``).
_PULP_STAGES = ("Stage", "EndStage", "ACSArtifactHandler", "ArtifactDownloader", "ArtifactSaver", "GenericDownloader",
                "QueryExistingArtifacts", "RemoteArtifactSaver", "ContentAssociation", "ContentSaver",
                "QueryExistingContents", "ResolveContentFutures")
_PULP_PIPELINE = "a Pulp task's Stages API pipeline, which pulpcore runs on a loop of its own in the task worker"

#: Library base class -> (the coroutine method the library runs, the loop it runs on).
WORKER_LOOP_METHODS: dict[str, tuple[str, str]] = {
    **dict.fromkeys((*(f"pulpcore.plugin.stages.{name}" for name in _PULP_STAGES), "pulpcore.plugin.stages.api.Stage"),
                    ("run", _PULP_PIPELINE)),
}

#: Library function -> the index of its positional argument that a worker thread iterates.
THREAD_CONSUMERS: dict[str, int] = {
    **dict.fromkeys(("pulpcore.plugin.sync.sync_to_async_iterable", "pulpcore.app.util.sync_to_async_iterable"), 0),
}

#: Library callable -> what it binds to the calling thread. Read in django-pghistory at 629ace9 (3.x):
#: ``pghistory/runtime.py`` ``_tracker = threading.local()``, ``class context`` enters
#: ``connection.execute_wrapper``; ``pghistory/__init__.py`` re-exports it.
THREAD_BOUND_CALLS: dict[str, str] = {
    **dict.fromkeys(("pghistory.context", "pghistory.runtime.context"),
                    "django-pghistory's context: a threading.local and an execute_wrapper on the thread's "
                    "database connection"),
}

#: What ``asynclint rules --libraries`` and docs/libraries.md say (library, what, rules, versions), like
#: ``graphql.COVERED``. Read in pulpcore 3.116.0: ``DeclarativeVersion.create()`` drives the pipeline with
#: ``loop.run_until_complete``; ``sync_to_async_iterable`` arrived in 3.15.0 (24d9442b2).
COVERED = (
    ("pulpcore", "the run() of Stage subclasses (DeclarativeVersion.create() runs the pipeline on a loop of "
     "its own in the task worker)",
     "loop rules tolerate local work there (files, CPU); never the ORM, a peer or a sleep", "3.15-3.116"),
    ("pulpcore", "sync_to_async_iterable(qs.iterator()): iterated in a worker thread",
     "sync-orm-call-in-async stays silent on the lazy iterator passed there", "3.15-3.116"),
    ("django-pghistory", "pghistory.context(...): a threading.local plus an execute_wrapper on the calling "
     "thread's connection", "sync-only-middleware stays silent for a middleware that wraps the view in it "
     "(it must run in the view's thread)", "3.x (read at 629ace9)"),
)
