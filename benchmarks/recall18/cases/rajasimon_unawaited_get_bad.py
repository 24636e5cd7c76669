"""Recall reduction (recall18): a blog introduction to Django 3.1 async views shows, as the way to
fetch a row from an async view, ``results = sync_to_async(Blog.objects.get)(pk=123)`` without await:
the coroutine is dropped and the query never runs (RuntimeWarning: coroutine ... was never awaited).
Our own minimal rewrite of the shape."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import HttpResponse


class Blog(models.Model):
    name = models.CharField(max_length=100)


async def index(request):
    results = sync_to_async(Blog.objects.get)(pk=123)  # [async-call-not-awaited]
    return HttpResponse("Hello World")
