"""A DRF viewset action (a sync view) returns a trained model as a zip through FileResponse. The
project is served by uvicorn (ASGI) on Django 4.2, whose ASGI handler cannot stream a sync file
iterator: it reads the whole archive into memory before sending it (the upstream memory-peak bug).
The deployment is only visible in the project's server configuration, not in this file."""

import tempfile
import zipfile

from django.http import FileResponse
from rest_framework import viewsets
from rest_framework.decorators import action


def download_model_artifact(run_id: str):
    buffer = tempfile.TemporaryFile()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("MLmodel", f"run_id: {run_id}\n")
    buffer.seek(0)
    return buffer


class ClassificationTrainJobViewSet(viewsets.ViewSet):
    @action(detail=True, methods=["get"])
    def download_model(self, request, pk=None):
        zip_buffer = download_model_artifact(pk)
        return FileResponse(zip_buffer, content_type="application/zip", as_attachment=True,  # [sync-iterator-in-streaming-response]
                            filename=f"Classification_{pk}.zip")
