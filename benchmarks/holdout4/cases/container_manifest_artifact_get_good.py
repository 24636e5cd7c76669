"""Fixed: the related manager's get is awaited through sync_to_async; the file is opened on the
loop as before."""

import json

from asgiref.sync import sync_to_async
from django.db import models


class Artifact(models.Model):
    file = models.FileField()


class Manifest(models.Model):
    digest = models.CharField(max_length=255)
    _artifacts = models.ManyToManyField(Artifact)


class Declarative:
    def __init__(self, content):
        self.content = content

    async def resolution(self):
        return self.content


class FirstStage:
    async def put(self, item):
        return None

    def create_manifest(self, data):
        return Declarative(Manifest(digest=data["digest"]))

    async def handle_blobs(self, manifest, data):
        return None

    async def run(self, listed):
        pending = []
        for data in listed:
            man_dc = self.create_manifest(data)
            await self.put(man_dc)
            pending.append(man_dc)
        for man_dc in pending:
            man = await man_dc.resolution()
            artifact = await sync_to_async(man._artifacts.get)()
            with artifact.file.open() as fh:
                data = json.loads(fh.read())
            await self.handle_blobs(man, data)
