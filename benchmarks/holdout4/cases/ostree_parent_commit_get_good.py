"""Fixed: the lookup awaited through sync_to_async, `async with` the report and
`await pb.aincrement()`."""

from asgiref.sync import sync_to_async
from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    total = models.IntegerField(null=True)
    done = models.IntegerField(default=0)

    async def __aenter__(self):
        await self.asave()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.asave()

    async def aincrement(self):
        self.done += 1
        await self.asave()


class OstreeCommit(models.Model):
    checksum = models.CharField(max_length=64, unique=True)


class ImportStage:
    def __init__(self, parent_commit, ref):
        self.parent_commit = parent_commit
        self.ref = ref

    async def put(self, item):
        return None

    async def parse_ref(self, name):
        return None

    async def run(self, refs):
        async with ProgressReport(message="Adding the child commits", total=1) as pb:
            last_commit_dc = None
            for name in refs:
                if name == self.ref:
                    last_commit_dc = await self.parse_ref(name)
            if last_commit_dc is None:
                raise ValueError(self.ref)
            try:
                parent = await sync_to_async(OstreeCommit.objects.get)(checksum=self.parent_commit)
            except OstreeCommit.DoesNotExist:
                pass
            else:
                last_commit_dc.extra_data["parent_commit"] = parent
                await self.put(last_commit_dc)
            await pb.aincrement()
