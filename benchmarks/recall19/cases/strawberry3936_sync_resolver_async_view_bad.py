"""Recall reduction (recall19): a Strawberry pull request (#3936) answering a user's docs feedback:
with ``AsyncGraphQLView`` the user's sync resolvers, which query with the sync ORM, raised
SynchronousOnlyOperation (the async view runs them on the loop). Our own minimal rewrite of the
reported shape."""

import strawberry
from django.contrib.auth import get_user_model
from django.urls import path
from strawberry.django.views import AsyncGraphQLView

User = get_user_model()


@strawberry.type
class Query:
    @strawberry.field
    @staticmethod
    def user_name(id: strawberry.ID) -> str:
        user = User.objects.get(id=id)  # [sync-orm-call-in-async]
        return user.get_username()


schema = strawberry.Schema(query=Query)

urlpatterns = [path("graphql/", AsyncGraphQLView.as_view(schema=schema))]
