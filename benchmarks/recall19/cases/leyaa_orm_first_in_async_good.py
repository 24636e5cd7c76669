"""Fixed form (recall19): the page's answer, ``afirst()`` awaited."""

from django.db import models
from django.http import JsonResponse


class Post(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)


async def get_first_post():
    post = await Post.objects.filter(published=True).afirst()
    return post


async def latest(request):
    post = await get_first_post()
    return JsonResponse({"title": post.title if post else None})
