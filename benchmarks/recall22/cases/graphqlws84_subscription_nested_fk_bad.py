"""Recall reduction (recall22): graphql-ws issue #84 ('Deep nested objects in django won't work due
to async'): a graphene subscription served over Channels is an async generator that fetches a Task
with ``await sync_to_async(Task.objects.get, thread_sensitive=True)(pk=id)`` and yields it; querying
only ``id`` works, but selecting ``result { profiles }`` makes graphene-django's default resolvers
read the ``result`` foreign key (and its related manager) on the event loop: SynchronousOnlyOperation.
The fix is to load the related rows inside the thread (``select_related``/``prefetch_related``).
Our own minimal rewrite."""

import asyncio

import graphene
from asgiref.sync import sync_to_async
from django.db import models
from graphene_django import DjangoObjectType


class Result(models.Model):
    summary = models.TextField()


class Profile(models.Model):
    result = models.ForeignKey(Result, related_name="profiles", on_delete=models.CASCADE)


class Task(models.Model):
    token = models.CharField(max_length=64)
    result = models.ForeignKey(Result, null=True, on_delete=models.SET_NULL)


class ProfileType(DjangoObjectType):
    class Meta:
        model = Profile
        fields = ("id",)


class ResultType(DjangoObjectType):
    class Meta:
        model = Result
        fields = ("id", "profiles")


class TaskType(DjangoObjectType):
    class Meta:
        model = Task
        fields = ("id", "token", "result")


class Subscription(graphene.ObjectType):
    task_updated = graphene.Field(TaskType, id=graphene.String(), update_interval=graphene.Int())

    async def resolve_task_updated(root, info, id, update_interval):
        while True:
            task = await sync_to_async(Task.objects.get, thread_sensitive=True)(pk=id)
            yield task  # [sync-orm-call-in-async]
            await asyncio.sleep(update_interval)
