"""django-ninja-extra bab6d53: an async controller checked object permissions synchronously on the
loop; the fix awaits an async variant. Own reduction."""

from asgiref.sync import sync_to_async

from shop.models import Item


class ItemController:
    def check_object_permissions(self, obj):
        if not obj.tags.filter(name="public").exists():
            raise PermissionError

    async def get_object_before(self, pk):
        obj = await Item.objects.aget(pk=pk)
        self.check_object_permissions(obj)  # [missing-sync-to-async]
        return obj

    async def get_object_after(self, pk):
        obj = await Item.objects.aget(pk=pk)
        await sync_to_async(self.check_object_permissions)(obj)
        return obj
