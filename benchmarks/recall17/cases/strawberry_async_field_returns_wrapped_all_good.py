"""Fixed shape of strawberry_async_field_returns_wrapped_all (the collaborator's answer): the list is
built in the worker thread."""

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
        users = await sync_to_async(lambda: list(User.objects.all()), thread_sensitive=True)()
        return users


schema = strawberry.Schema(query=Query)
