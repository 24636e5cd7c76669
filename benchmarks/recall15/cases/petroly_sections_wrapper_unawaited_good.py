"""Fixed shape of petroly_sections_wrapper_unawaited_bad.py: the wrapper is awaited."""

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
    sections = await load_sections_async(term, department)
    return [s for s in sections if s["course"] == course]
