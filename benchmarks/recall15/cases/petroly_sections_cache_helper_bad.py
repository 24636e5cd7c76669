"""Recall reduction (recall15): a bot's ``async def`` that lists a course's sections calls a sync helper
(another module's in upstream) that reads a cached API response from the database, and on a miss
fetches and stores it: every query of the helper runs on the event loop. Our own minimal rewrite of the
shape, not upstream code."""

from django.db import models


class SectionCache(models.Model):
    term = models.CharField(max_length=6)
    department = models.CharField(max_length=10)
    payload = models.JSONField(default=list)


def load_sections(term, department):
    try:
        row = SectionCache.objects.get(term=term, department=department)
    except SectionCache.DoesNotExist:
        row = SectionCache.objects.create(term=term, department=department, payload=[])
    return row.payload


async def untracked_sections(term, department, course):
    sections = load_sections(term, department)  # [missing-sync-to-async]
    sections.sort(key=lambda s: s["number"])
    return [s for s in sections if s["course"] == course]
