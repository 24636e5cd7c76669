"""Recall reduction (recall17, Bogdanp/django_dramatiq issue 190): a plain (sync) dramatiq actor is
enqueued with ``.send()`` from async code. Enqueueing runs the broker's middleware hooks in the calling
thread; with django_dramatiq's ``AdminMiddleware`` in the settings, ``after_enqueue`` records the task
with ``Task.tasks.update_or_create(...)`` (a transaction and queries): SynchronousOnlyOperation on the
loop (the reporter's traceback), besides the broker's blocking network I/O. Our own minimal rewrite of
the reported shape, not upstream code."""

import dramatiq
from django.http import JsonResponse


@dramatiq.actor
def deliver_webhook(payload_id):
    print("delivering", payload_id)


async def gateway_callback(request, payload_id):
    deliver_webhook.send(payload_id)  # [blocking-call-in-async]
    return JsonResponse({"queued": payload_id})
