"""Fixed form (recall19): the documented fix, an async resolver with ``aget()``."""

import strawberry
from django.contrib.auth import get_user_model
from django.urls import path
from strawberry.django.views import AsyncGraphQLView

User = get_user_model()


@strawberry.type
class Query:
    @strawberry.field
    @staticmethod
    async def user_name(id: strawberry.ID) -> str:
        user = await User.objects.aget(id=id)
        return user.get_username()


schema = strawberry.Schema(query=Query)

urlpatterns = [path("graphql/", AsyncGraphQLView.as_view(schema=schema))]
