"""Recall reduction (recall18): a blog write-up of a django-ninja async list endpoint whose
``ModelSchema`` lists a ManyToManyField in ``Meta.fields``: the operation returns model instances
fetched with ``async for``, and ninja validates the response on the loop, where the schema reads
``doc.tags.all()`` (SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

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
    qs = Doc.objects.filter(user=request.auth)
    return [doc async for doc in qs]  # [sync-queryset-evaluation-in-async]
