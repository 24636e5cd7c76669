"""Fixed form (recall18): the write-up's first fix, ``prefetch_related("tags")``: the related rows are
loaded by the ``async for`` and the schema reads the prefetched cache."""

from typing import List

from django.conf import settings
from django.db import models
from ninja import ModelSchema, Router


class Tag(models.Model):
    text = models.CharField(max_length=32, unique=True)


class Doc(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=512)
    content = models.TextField()
    tags = models.ManyToManyField(Tag)


class DocSchema(ModelSchema):
    class Meta:
        model = Doc
        fields = ["title", "content", "tags"]


doc_router = Router()


@doc_router.get("/", response=List[DocSchema])
async def get_docs(request):
    qs = Doc.objects.filter(user=request.auth).prefetch_related("tags")
    return [doc async for doc in qs]
