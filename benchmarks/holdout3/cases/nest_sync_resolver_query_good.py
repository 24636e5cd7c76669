"""Fixed: the resolver is async and uses afirst()."""

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
    async def task_deadline(self, info: strawberry.Info) -> datetime | None:
        mapping = getattr(info.context, "task_deadlines_by_issue", None)
        if mapping is not None:
            return mapping.get(self.number)
        return await (
            Task.objects.filter(issue_number=self.number, deadline_at__isnull=False)
            .order_by("-assigned_at")
            .values_list("deadline_at", flat=True)
            .afirst()
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
