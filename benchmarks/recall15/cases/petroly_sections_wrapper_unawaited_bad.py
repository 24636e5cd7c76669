"""Recall reduction (recall15): the first fix of petroly_sections_cache_helper moved the sync helper
behind a ``@sync_to_async`` wrapper but called the wrapper without ``await``: the ``async def`` gets a
coroutine, not the sections, and iterating it raises TypeError. Our own minimal rewrite of the shape, not
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


async def untracked_sections(term, department, course):
    sections = load_sections_async(term, department)  # [async-call-not-awaited]
    return [s for s in sections if s["course"] == course]
