"""Held-out reduction (holdout13), fixed shape: the ``aget_or_create()`` coroutine is awaited before
its result is unpacked. Must stay silent."""

from django_celery_beat.models import CrontabSchedule, PeriodicTask

from league.models import Club


async def join_league(club_id: int):
    club, created = await Club.objects.aget_or_create(club_id=club_id)
    if created:
        schedule, _ = await CrontabSchedule.objects.aget_or_create(hour=18, minute=0)
        await PeriodicTask.objects.aget_or_create(crontab=schedule, name=f"{club_id}", task="round_start")
    return club
