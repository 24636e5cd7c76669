"""An async handler loads a row with afirst() and then reads a foreign key of it."""

from django.db import models
from django.http import JsonResponse


class Task(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    repo_url = models.URLField()

    class Meta:
        app_label = "reviews"


async def fetch_review(owner_id, repo_url):
    return {"owner": owner_id, "repo": repo_url}


async def code_review(request, task_id):
    task = await Task.objects.filter(id=task_id).afirst()
    if task is None:
        return JsonResponse({"detail": "not found"}, status=404)
    review = await fetch_review(task.owner.id, task.repo_url)  # [sync-orm-call-in-async]
    return JsonResponse(review)
