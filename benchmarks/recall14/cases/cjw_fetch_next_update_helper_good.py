"""Fixed shape of cjw_fetch_next_update_helper_bad.py: the helper runs in Channels' database thread."""

from datetime import timedelta

from channels.db import database_sync_to_async

from server.models import Step

from . import loader


async def fetch_step(workflow_id, step, now):
    try:
        await loader.fetch(workflow_id, step.id)
    except Exception:
        pass
    await reschedule(step, now)


@database_sync_to_async
def reschedule(step, now):
    step.last_check = now
    step.next_update = now + timedelta(seconds=max(step.update_interval, 300))
    Step.objects.filter(id=step.id).update(last_check=step.last_check, next_update=step.next_update)
