"""Recall reduction (recall19): a lesson's performance page on the async ORM: an ``async def`` helper
returns ``Post.objects.filter(published=True).first()``, a sync query run on the loop
(SynchronousOnlyOperation). Our own minimal rewrite; the view awaits the helper."""

from django.db import models
from django.http import JsonResponse


class Post(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)


async def get_first_post():
    post = Post.objects.filter(published=True).first()  # [sync-orm-call-in-async]
    return post


async def latest(request):
    post = await get_first_post()
    return JsonResponse({"title": post.title if post else None})
