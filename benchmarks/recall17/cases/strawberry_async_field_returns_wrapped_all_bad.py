"""Recall reduction (recall17, strawberry-graphql/strawberry issue 800, second field): an ``async def``
field of the Query type awaits ``sync_to_async(User.objects.all, thread_sensitive=True)()`` and returns
the result: the worker thread built a lazy QuerySet only, and strawberry iterates it on the event loop
(SynchronousOnlyOperation). Our own minimal rewrite of the reported shape, not upstream code."""

import typing

import strawberry
from asgiref.sync import sync_to_async
from django.contrib.auth.models import User


@strawberry.type
class UserType:
    id: strawberry.ID
    first_name: str
    last_name: str


@strawberry.type
class Query:
    @strawberry.field
    async def values2(self, info) -> typing.List[UserType]:
        users = await sync_to_async(User.objects.all, thread_sensitive=True)()  # [lazy-queryset-from-sync-to-async]
        return users  # [sync-queryset-evaluation-in-async]


schema = strawberry.Schema(query=Query)
