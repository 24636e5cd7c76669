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

#: What ``asynclint rules --libraries`` and docs/libraries.md say (library, what, rules, versions), like
#: ``graphql.COVERED``. Read in pulpcore 3.116.0: ``DeclarativeVersion.create()`` drives the pipeline with
#: ``loop.run_until_complete``; ``sync_to_async_iterable`` arrived in 3.15.0 (24d9442b2).
COVERED = (
    ("pulpcore", "the run() of Stage subclasses (DeclarativeVersion.create() runs the pipeline on a loop of "
     "its own in the task worker)",
     "loop rules tolerate local work there (files, CPU); never the ORM, a peer or a sleep", "3.15-3.116"),
    ("pulpcore", "sync_to_async_iterable(qs.iterator()): iterated in a worker thread",
     "sync-orm-call-in-async stays silent on the lazy iterator passed there", "3.15-3.116"),
)
