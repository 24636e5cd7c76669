"""Fixed form of graphqlws84_subscription_nested_fk_bad.py: the thread loads the task with its result
and the result's profiles, so graphene's resolvers read only cached rows on the loop."""

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


def load_task(pk):
    return Task.objects.select_related("result").prefetch_related("result__profiles").get(pk=pk)


class Subscription(graphene.ObjectType):
    task_updated = graphene.Field(TaskType, id=graphene.String(), update_interval=graphene.Int())

    async def resolve_task_updated(root, info, id, update_interval):
        while True:
            task = await sync_to_async(load_task, thread_sensitive=True)(id)
            yield task
            await asyncio.sleep(update_interval)
