"""Recall reduction (recall17, strawberry-graphql/strawberry issue 800, first field): a module function
decorated with ``@sync_to_async`` is the resolver of a list field served by ``AsyncGraphQLView``; it
returns ``User.objects.all()``, a lazy QuerySet, which strawberry iterates on the event loop to build
the list (SynchronousOnlyOperation). Our own minimal rewrite of the reported shape, not upstream code."""

import typing

import strawberry
from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.urls import path
from strawberry.django.views import AsyncGraphQLView


@strawberry.type
class UserType:
    id: strawberry.ID
    first_name: str
    last_name: str


@sync_to_async
def get_values(info):  # [lazy-queryset-from-sync-to-async]
    return User.objects.all()


@strawberry.type
class Query:
    values: typing.List[UserType] = strawberry.field(resolver=get_values)


schema = strawberry.Schema(query=Query)

urlpatterns = [path("graphql", AsyncGraphQLView.as_view(schema=schema))]
