"""A later stage collects the through-table rows linking manifest lists, manifests and blobs for a
batch and writes them with bulk_create / bulk_update inside the async stage."""

from django.db import models


class Blob(models.Model):
    digest = models.CharField(max_length=255)


class Manifest(models.Model):
    digest = models.CharField(max_length=255)
    config_blob = models.ForeignKey(Blob, null=True, on_delete=models.SET_NULL)


class BlobManifest(models.Model):
    manifest = models.ForeignKey(Manifest, on_delete=models.CASCADE)
    manifest_blob = models.ForeignKey(Blob, on_delete=models.CASCADE)


class InterrelateStage:
    async def batches(self):
        yield []

    async def put(self, item):
        return None

    async def run(self):
        async for batch in self.batches():
            links, configured = [], []
            for d_content in batch:
                for blob in d_content.extra_data.get("blob_dcs", []):
                    links.append(BlobManifest(manifest=d_content.content, manifest_blob=blob.content))
                if d_content.extra_data.get("config_blob_dc"):
                    d_content.content.config_blob = d_content.extra_data["config_blob_dc"].content
                    configured.append(d_content.content)
            BlobManifest.objects.bulk_create(objs=links, ignore_conflicts=True, batch_size=1000)  # [sync-orm-call-in-async]
            Manifest.objects.bulk_update(objs=configured, fields=["config_blob"], batch_size=1000)  # [sync-orm-call-in-async]
            for d_content in batch:
                await self.put(d_content)
