"""Fixed: the archive is streamed through an async iterator that reads 64 KiB blocks in a thread."""

import os
import tempfile
import zipfile

from asgiref.sync import sync_to_async
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from rest_framework import viewsets
from rest_framework.decorators import action


def download_model_artifact(run_id: str):
    buffer = tempfile.TemporaryFile()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("MLmodel", f"run_id: {run_id}\n")
    buffer.seek(0)
    return buffer


class AsyncFileIterator:
    def __init__(self, file_stream, block_size=64 * 1024):
        self.file_stream = file_stream
        self.block_size = block_size
        self._read = sync_to_async(file_stream.read, thread_sensitive=False)

    def __aiter__(self):
        return self

    async def __anext__(self):
        chunk = await self._read(self.block_size)
        if chunk:
            return chunk
        raise StopAsyncIteration

    def close(self):
        self.file_stream.close()


def build_model_download_response(zip_stream, filename):
    start = zip_stream.tell()
    zip_stream.seek(0, os.SEEK_END)
    length = zip_stream.tell() - start
    zip_stream.seek(start)
    response = StreamingHttpResponse(AsyncFileIterator(zip_stream), content_type="application/zip")
    response["Content-Length"] = length
    if disposition := content_disposition_header(True, filename):
        response["Content-Disposition"] = disposition
    return response


class ClassificationTrainJobViewSet(viewsets.ViewSet):
    @action(detail=True, methods=["get"])
    def download_model(self, request, pk=None):
        zip_buffer = download_model_artifact(pk)
        return build_model_download_response(zip_buffer, f"Classification_{pk}.zip")
