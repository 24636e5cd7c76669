"""Fixed: the membership check uses the async aexists()."""

import strawberry
from django.db import models


class GithubUser(models.Model):
    login = models.CharField(max_length=100)


class Module(models.Model):
    name = models.CharField(max_length=100)


class Issue(models.Model):
    number = models.IntegerField()
    module = models.ForeignKey(Module, related_name="issues", on_delete=models.CASCADE)
    assignees = models.ManyToManyField(GithubUser, related_name="assigned_issues")


@strawberry.type
class ModuleMutation:
    @strawberry.mutation
    async def set_task_deadline(self, info: strawberry.Info, module_key: str, issue_number: int) -> bool:
        module = await Module.objects.aget(name=module_key)
        issue = await module.issues.prefetch_related("assignees").filter(number=issue_number).afirst()
        if issue is None:
            return False
        assignees = issue.assignees.all()
        github_user_id = info.context.github_user_id
        if github_user_id is None or not await assignees.filter(id=github_user_id).aexists():
            return False
        return True
