"""Recall reduction (recall17, vitalik/django-ninja issue 671): an async operation returns the instance a
small repository class loads with ``await self.table.objects.alast()``; its ``response=`` schema is
``create_schema(JBS, depth=1)``, which nests the foreign key. ninja validates the returned instance
against the schema on the event loop after the view returns, reading ``jbs.jbs_default_site`` (a
query): SynchronousOnlyOperation (the reporter's traceback: ``related_descriptors.__get__`` under
``_result_to_response``). Our own minimal rewrite of the reported shape, not upstream code."""

from django.db import models
from ninja import NinjaAPI
from ninja.orm import create_schema


class Site(models.Model):
    domain = models.CharField(max_length=100)


class JBS(models.Model):
    title = models.CharField(max_length=100)
    jbs_default_site = models.ForeignKey(Site, on_delete=models.CASCADE)


JBSSchema = create_schema(JBS, depth=1)


class AsyncRepository:
    def __init__(self, table, request):
        self.table = table
        self.request = request

    async def read_last(self):
        obj = await self.table.objects.alast()
        return obj


api = NinjaAPI(urls_namespace="ninja_jbs_response_fk_depth_bad")


@api.get("/jbs", response=JBSSchema)
async def read_jbs(request):
    repo = AsyncRepository(JBS, request)
    ret = await repo.read_last()
    return ret  # [sync-orm-call-in-async]
