"""Fixed shape: a StreamingHttpResponse subclass that offers the archive both ways, as a sync iterator
to a WSGI server and through `__aiter__` (chunks re-yielded by an async generator) to ASGI."""

import zipstream
from django.db import models
from django.http import StreamingHttpResponse
from django.views.generic import DetailView


class Collection(models.Model):
    slug = models.SlugField()


class CollectionFile(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE)
    path = models.CharField(max_length=255)


async def as_async_iterator(iterable):
    for chunk in iterable:
        yield chunk


class EitherWayStreamingResponse(StreamingHttpResponse):
    @property
    def streaming_content(self):
        return self._content_source

    @streaming_content.setter
    def streaming_content(self, value):
        self._content_source = value

    def __iter__(self):
        return iter(self._content_source)

    def __aiter__(self):
        return as_async_iterator(iter(self._content_source))


class CollectionZipView(DetailView):
    model = Collection

    def render_to_response(self, context):
        archive = zipstream.ZipFile(mode="w", allowZip64=True)
        for item in CollectionFile.objects.filter(collection=self.object):
            archive.write(item.path, arcname=item.path.rsplit("/", 1)[-1])
        response = EitherWayStreamingResponse(archive, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{self.object.slug}.zip"'
        return response
