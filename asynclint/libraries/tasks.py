"""Task queues: enqueueing talks to the broker (Redis, RabbitMQ, SQS, a database table) in the calling
thread, and runs the library's enqueue hooks there.

On the event loop that is blocking network I/O; with a database-backed broker (django-q's ORM
broker, django.tasks' database backend) it is a sync query that raises ``SynchronousOnlyOperation``.
Only Django 6.0's ``django.tasks`` has an async enqueue (``aenqueue``, in ``django_api``); the others
are called through ``sync_to_async``.
"""

from __future__ import annotations

from asynclint.django_api import FUNCTION, TASK_QUEUE, SyncApi

# --- kinds ---------------------------------------------------------------------------------------
CELERY_APP = "Celery app"
CELERY_TASK = "Celery task"
DRAMATIQ_ACTOR = "dramatiq actor"
RQ_QUEUE = "RQ queue"
RQ_JOB_FUNCTION = "RQ job function"

_IN_THREAD = "await sync_to_async({func})(...)"


def _row(receiver, name, library, note=""):
    return SyncApi(receiver, name, TASK_QUEUE, None, None, fix=None, replacement=_IN_THREAD,
                   library=library, note=note)


SYNC_APIS: tuple[SyncApi, ...] = (
    _row(CELERY_TASK, "delay", "celery", note="Celery has no async publish API"),
    _row(CELERY_TASK, "apply_async", "celery", note="Celery has no async publish API"),
    _row(CELERY_APP, "send_task", "celery", note="Celery has no async publish API"),
    _row(DRAMATIQ_ACTOR, "send", "dramatiq"),
    _row(DRAMATIQ_ACTOR, "send_with_options", "dramatiq"),
    *(_row(RQ_QUEUE, name, "rq") for name in ("enqueue", "enqueue_call", "enqueue_at", "enqueue_in",
                                               "enqueue_many")),
    _row(RQ_JOB_FUNCTION, "delay", "rq"),
    _row(FUNCTION, "django_rq.enqueue", "django-rq"),
    *(_row(FUNCTION, f"django_q.tasks.{name}", "django-q",
           note="with the ORM broker this is a sync query (SynchronousOnlyOperation)")
      for name in ("async_task", "schedule", "async_chain", "async_iter")),
)

OBJECT_KINDS = {"celery.current_app": CELERY_APP}
CALL_RESULT_KINDS = {
    **dict.fromkeys(("celery.Celery", "celery.app.Celery", "celery.app.base.Celery"), CELERY_APP),
    **dict.fromkeys(("rq.Queue", "rq.queue.Queue", "django_rq.get_queue", "django_rq.queues.get_queue"), RQ_QUEUE),
}
DECORATOR_KINDS = {
    **dict.fromkeys(("celery.shared_task", "celery.app.shared_task", "celery.app.base.shared_task"), CELERY_TASK),
    **dict.fromkeys(("dramatiq.actor", "dramatiq.actor.actor", "django_dramatiq.actor"), DRAMATIQ_ACTOR),
    **dict.fromkeys(("rq.job", "rq.decorators.job", "django_rq.job", "django_rq.decorators.job"), RQ_JOB_FUNCTION),
}
#: ``@app.task`` on a Celery app, and the actors of a dramatiq broker (``@broker.actor`` is not an API).
DECORATOR_METHOD_KINDS = {(CELERY_APP, "task"): CELERY_TASK}

#: The release the runtime proofs of each library's rows ran under (docs/libraries.md, ``asynclint rules
#: --libraries``); older releases were read where a row says so.
VERSIONS = {"celery": "5.7.0", "dramatiq": "2.2.1", "rq": "3.0.0", "django-rq": "4.2.0", "django-q": "1.11.1 (django-q2)"}
