"""An async server-streaming gRPC action writes each message with the grpc.aio context's write(),
a coroutine, without awaiting it: nothing is sent."""

import grpc


class AsyncStreamMixin:
    async def _messages(self) -> list:
        return []

    async def Stream(self, request, context: grpc.aio.ServicerContext):
        for message in await self._messages():
            context.write(message)  # [async-call-not-awaited]
