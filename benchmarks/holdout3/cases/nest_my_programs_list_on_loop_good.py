"""Fixed: the page and the id sets are collected with `async for` (upstream: sync_to_async(list),
sync_to_async(set) over the QuerySets)."""

import strawberry
import strawberry_django
from django.db import models
from django.db.models import Q


class Program(models.Model):
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)


class ProgramAdmin(models.Model):
    program = models.ForeignKey(Program, related_name="admins", on_delete=models.CASCADE)
    user_id = models.IntegerField()


@strawberry.type
class ProgramQuery:
    @strawberry_django.field
    async def my_programs(self, info: strawberry.Info, search: str = "", page: int = 1,
                          limit: int = 24) -> list[str]:
        user = await info.context.request.auser()
        admin_program_ids = ProgramAdmin.objects.filter(user_id=user.pk).values_list("program_id", flat=True)
        queryset = Program.objects.filter(Q(id__in=admin_program_ids)).distinct()
        if search:
            queryset = queryset.filter(name__icontains=search)
        total = await queryset.acount()
        offset = (max(1, min(page, total)) - 1) * limit
        paginated = [p async for p in queryset.order_by("-created_at")[offset: offset + limit]]
        page_ids = [program.id for program in paginated]
        admin_ids = {
            pid async for pid in
            ProgramAdmin.objects.filter(user_id=user.pk, program_id__in=page_ids).values_list("program_id", flat=True)
        }
        return [f"{p.name}:{'admin' if p.id in admin_ids else 'member'}" for p in paginated]
