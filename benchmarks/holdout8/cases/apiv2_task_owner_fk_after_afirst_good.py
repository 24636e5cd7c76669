"""The related row is loaded with the query (select_related), so the attribute read does no query."""

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
    task = await Task.objects.filter(id=task_id).select_related("owner").afirst()
    if task is None:
        return JsonResponse({"detail": "not found"}, status=404)
    review = await fetch_review(task.owner.id, task.repo_url)
    return JsonResponse(review)
