"""Recall reduction (recall14): a fetch worker's ``async def`` ends by calling a sync helper of the same
module that reschedules the step and saves it with ``Model.save()``: the write runs on the event loop
(SynchronousOnlyOperation under Django 3.0+; a leaked connection before). Our own minimal rewrite of the
shape, not upstream code."""

from datetime import timedelta

from server.models import Step

from . import loader


async def fetch_step(workflow_id, step, now):
    try:
        await loader.fetch(workflow_id, step.id)
    except Exception:
        pass
    reschedule(step, now)  # [missing-sync-to-async]


def reschedule(step, now):
    step.last_check = now
    step.next_update = now + timedelta(seconds=max(step.update_interval, 300))
    step.save(update_fields=["last_check", "next_update"])
