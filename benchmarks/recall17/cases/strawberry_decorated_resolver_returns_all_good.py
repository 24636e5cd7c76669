"""Fixed shape of strawberry_decorated_resolver_returns_all: the resolver returns a list built in the
worker thread."""

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
def get_values(info):
    return list(User.objects.all())


@strawberry.type
class Query:
    values: typing.List[UserType] = strawberry.field(resolver=get_values)


schema = strawberry.Schema(query=Query)

urlpatterns = [path("graphql", AsyncGraphQLView.as_view(schema=schema))]
