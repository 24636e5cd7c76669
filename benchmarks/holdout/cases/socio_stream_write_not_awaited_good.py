import grpc


class AsyncStreamMixin:
    async def _messages(self) -> list:
        return []

    async def Stream(self, request, context: grpc.aio.ServicerContext):
        for message in await self._messages():
            await context.write(message)
