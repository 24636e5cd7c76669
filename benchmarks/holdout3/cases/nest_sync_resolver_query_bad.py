"""A GraphQL type served by strawberry's AsyncGraphQLView has a plain sync `@strawberry.field`
resolver that falls back to an ORM query (`.first()`) when the request context carries no
precomputed mapping. Strawberry's async executor calls sync resolvers inline, on the event loop
(strawberry-django's own fields would wrap them; a plain strawberry.field does not):
SynchronousOnlyOperation."""

from datetime import datetime

import strawberry
from django.db import models
from strawberry.django.views import AsyncGraphQLView


class Task(models.Model):
    issue_number = models.IntegerField()
    deadline_at = models.DateTimeField(null=True)
    assigned_at = models.DateTimeField()


@strawberry.type
class IssueNode:
    number: int

    @strawberry.field
    def task_deadline(self, info: strawberry.Info) -> datetime | None:
        mapping = getattr(info.context, "task_deadlines_by_issue", None)
        if mapping is not None:
            return mapping.get(self.number)
        return (
            Task.objects.filter(issue_number=self.number, deadline_at__isnull=False)  # [sync-orm-call-in-async]
            .order_by("-assigned_at")
            .values_list("deadline_at", flat=True)
            .first()
        )


@strawberry.type
class Query:
    @strawberry.field
    async def issue(self, number: int) -> IssueNode:
        return IssueNode(number=number)


schema = strawberry.Schema(query=Query)


class GraphQLView(AsyncGraphQLView):
    pass


graphql_view = GraphQLView.as_view(schema=schema)
