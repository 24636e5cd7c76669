"""Fixed form (recall18): the guide's GOOD form selects the relations in the same query."""

from django.conf import settings
from django.db import models


class Author(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Article(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)


async def list_articles():
    articles = []
    async for article in Article.objects.select_related("author__user")[:20]:
        articles.append({
            "id": article.id,
            "title": article.title,
            "author_name": article.author.user.username,
        })
    return {"articles": articles}
