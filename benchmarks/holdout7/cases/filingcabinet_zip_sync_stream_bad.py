"""A reusable app's class-based view (a sync view) answers a collection download with a zip archive
built on the fly: `zipstream.ZipFile` is a sync iterable that reads each file as it is iterated. The
app's main deployment serves Django under uvicorn (ASGI), where Django's handler cannot stream a sync
iterator: it consumes it whole before sending, so large archives were held in memory. The ASGI
deployment is in the projects that install the app, not in this file."""

import zipstream
from django.db import models
from django.http import StreamingHttpResponse
from django.views.generic import DetailView


class Collection(models.Model):
    slug = models.SlugField()


class CollectionFile(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE)
    path = models.CharField(max_length=255)


class CollectionZipView(DetailView):
    model = Collection

    def render_to_response(self, context):
        archive = zipstream.ZipFile(mode="w", allowZip64=True)
        for item in CollectionFile.objects.filter(collection=self.object):
            archive.write(item.path, arcname=item.path.rsplit("/", 1)[-1])
        response = StreamingHttpResponse(archive, content_type="application/zip")  # [sync-iterator-in-streaming-response]
        response["Content-Disposition"] = f'attachment; filename="{self.object.slug}.zip"'
        return response
