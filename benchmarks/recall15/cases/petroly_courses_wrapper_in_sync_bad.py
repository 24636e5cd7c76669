"""Recall reduction (recall15): a sync helper (called from the bot's ``async def`` handler) was changed to
call a ``@sync_to_async`` wrapper, without ``await`` (it cannot await): it gets a coroutine, which is never
awaited, and building the course list from it raises TypeError. Our own minimal rewrite of the shape, not
upstream code."""

from asgiref.sync import sync_to_async
from django.db import models


class SectionCache(models.Model):
    term = models.CharField(max_length=6)
    department = models.CharField(max_length=10)
    payload = models.JSONField(default=list)


@sync_to_async
def load_sections_async(term, department):
    return SectionCache.objects.get(term=term, department=department).payload


def course_numbers(term, department):
    sections = load_sections_async(term, department)  # [async-call-not-awaited]
    return sorted({s["course"] for s in sections})
