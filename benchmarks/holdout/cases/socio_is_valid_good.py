from asgiref.sync import sync_to_async


class GenericService:
    serializer_class = None

    def get_serializer_class(self):
        return self.serializer_class

    async def aget_serializer(self, *args, **kwargs):
        return await sync_to_async(self.get_serializer_class())(*args, **kwargs)


class AsyncCreateMixin(GenericService):
    async def Create(self, request, context):
        serializer = await self.aget_serializer(message=request)
        await sync_to_async(serializer.is_valid)(raise_exception=True)
        await sync_to_async(serializer.save)()
        return await serializer.amessage
