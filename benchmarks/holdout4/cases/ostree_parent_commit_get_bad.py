"""An import stage looks the parent commit up with `Model.objects.get` on the event loop and counts
progress through a report model used as a sync context manager (its counter method saves). (The
upstream stage also unpacks a tarball on the loop; the fix left that alone, so it is left out here.)"""

from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    total = models.IntegerField(null=True)
    done = models.IntegerField(default=0)

    def __enter__(self):
        self.save()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.save()

    def increment(self):
        self.done += 1
        self.save()


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
        with ProgressReport(message="Adding the child commits", total=1) as pb:
            last_commit_dc = None
            for name in refs:
                if name == self.ref:
                    last_commit_dc = await self.parse_ref(name)
            if last_commit_dc is None:
                raise ValueError(self.ref)
            try:
                parent = OstreeCommit.objects.get(checksum=self.parent_commit)  # [sync-orm-call-in-async]
            except OstreeCommit.DoesNotExist:
                pass
            else:
                last_commit_dc.extra_data["parent_commit"] = parent
                await self.put(last_commit_dc)
            pb.increment()  # [missing-sync-to-async]
