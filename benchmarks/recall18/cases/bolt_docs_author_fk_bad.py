"""Recall reduction (recall18): the Django-Bolt guide to the async ORM marks as BAD an async list
handler that reads ``article.author.username`` inside ``async for``: each unselected foreign key is a
sync query on the loop (SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from django.conf import settings
from django.db import models


class Author(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Article(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)


async def list_articles():
    articles = []
    async for article in Article.objects.all()[:20]:
        articles.append({
            "id": article.id,
            "title": article.title,
            "author_name": article.author.user.username,  # [sync-orm-call-in-async]
        })
    return {"articles": articles}
