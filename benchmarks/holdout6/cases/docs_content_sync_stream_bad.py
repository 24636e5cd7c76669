"""A DRF viewset action (a sync view) streams a document's content from object storage through a
sync generator. Since the project moved to uvicorn (ASGI), Django's ASGI handler cannot stream a
sync iterator: it consumes it whole in a thread (with a warning) before sending anything, so the
streaming response is buffered in memory. The deployment is only visible in the project's server
configuration, not in this file."""

import boto3
from django.http import StreamingHttpResponse
from rest_framework import viewsets
from rest_framework.decorators import action

s3 = boto3.client("s3")


class DocumentViewSet(viewsets.ViewSet):
    @action(detail=True, methods=["get"], url_path="content")
    def content_retrieve(self, request, pk=None):
        s3_response = s3.get_object(Bucket="documents", Key=f"{pk}/content")

        def chunks(body):
            yield from body.iter_chunks()
            body.close()

        return StreamingHttpResponse(  # [sync-iterator-in-streaming-response]
            streaming_content=chunks(s3_response["Body"]), content_type="text/plain"
        )
