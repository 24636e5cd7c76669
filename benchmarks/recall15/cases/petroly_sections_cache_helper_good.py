"""Fixed shape of petroly_sections_cache_helper_bad.py: the helper runs in a worker thread through a
``sync_to_async`` wrapper, which is awaited."""

from asgiref.sync import sync_to_async
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


@sync_to_async
def load_sections_async(term, department):
    return load_sections(term, department)


async def untracked_sections(term, department, course):
    sections = await load_sections_async(term, department)
    sections.sort(key=lambda s: s["number"])
    return [s for s in sections if s["course"] == course]
