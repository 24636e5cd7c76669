"""The same ASGI-served sync action answers a document missing from object storage with an empty
streaming response built from a bytes literal: bytes are a sync iterable, so Django's ASGI handler
warns and consumes it synchronously, as it does for the main path."""

import boto3
from botocore.exceptions import ClientError
from django.http import StreamingHttpResponse
from rest_framework import viewsets
from rest_framework.decorators import action

s3 = boto3.client("s3")


class DocumentViewSet(viewsets.ViewSet):
    @action(detail=True, methods=["get"], url_path="content")
    def content_retrieve(self, request, pk=None):
        try:
            s3.head_object(Bucket="documents", Key=f"{pk}/content")
        except ClientError:
            return StreamingHttpResponse(b"", content_type="text/plain", status=200)  # [sync-iterator-in-streaming-response]
        return None
