"""Fixed shape of ninja_jbs_response_fk_depth: the repository loads the foreign key with the row
(``select_related``), so the schema's nested read needs no query."""

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
        obj = await self.table.objects.select_related("jbs_default_site").alast()
        return obj


api = NinjaAPI(urls_namespace="ninja_jbs_response_fk_depth_good")


@api.get("/jbs", response=JBSSchema)
async def read_jbs(request):
    repo = AsyncRepository(JBS, request)
    ret = await repo.read_last()
    return ret
