"""Held-out reduction (holdout13): a bot coroutine creates a weekly schedule row with the async ORM
``aget_or_create()`` but forgets ``await``: unpacking the coroutine into two names raises TypeError
(and the coroutine is never awaited). Our own minimal rewrite of the shape, not upstream code."""

from django_celery_beat.models import CrontabSchedule, PeriodicTask

from league.models import Club


async def join_league(club_id: int):
    club, created = await Club.objects.aget_or_create(club_id=club_id)
    if created:
        schedule, _ = CrontabSchedule.objects.aget_or_create(hour=18, minute=0)  # [async-call-not-awaited]
        await PeriodicTask.objects.aget_or_create(crontab=schedule, name=f"{club_id}", task="round_start")
    return club
