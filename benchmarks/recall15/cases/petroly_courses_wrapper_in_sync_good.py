"""Fixed shape of petroly_courses_wrapper_in_sync_bad.py: the helper reads the rows itself and is
itself the ``@sync_to_async`` wrapper, awaited by its async caller."""

from asgiref.sync import sync_to_async
from django.db import models


class SectionCache(models.Model):
    term = models.CharField(max_length=6)
    department = models.CharField(max_length=10)
    payload = models.JSONField(default=list)


@sync_to_async
def course_numbers(term, department):
    sections = SectionCache.objects.get(term=term, department=department).payload
    return sorted({s["course"] for s in sections})


async def pick_course(term, department):
    return await course_numbers(term, department)
