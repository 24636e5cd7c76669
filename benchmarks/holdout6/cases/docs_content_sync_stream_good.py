"""Fixed shape: under ASGI the content is streamed by an async generator that reads each chunk in
a thread."""

import boto3
from asgiref.sync import sync_to_async
from django.http import StreamingHttpResponse
from rest_framework import viewsets
from rest_framework.decorators import action

s3 = boto3.client("s3")


async def async_chunks(body):
    iterator = body.iter_chunks()
    sentinel = object()
    try:
        while True:
            chunk = await sync_to_async(next, thread_sensitive=False)(iterator, sentinel)
            if chunk is sentinel:
                break
            yield chunk
    finally:
        await sync_to_async(body.close, thread_sensitive=False)()


class DocumentViewSet(viewsets.ViewSet):
    @action(detail=True, methods=["get"], url_path="content")
    def content_retrieve(self, request, pk=None):
        s3_response = s3.get_object(Bucket="documents", Key=f"{pk}/content")
        return StreamingHttpResponse(
            streaming_content=async_chunks(s3_response["Body"]), content_type="text/plain"
        )
