"""adrf 6494260: GenericAPIView.aget_object ran check_object_permissions (project permissions that may
query) on the loop; the fix wraps it in sync_to_async. Own reduction."""

from asgiref.sync import sync_to_async

from shop.models import Item


class IsTagged:
    def has_object_permission(self, request, view, obj):
        return Item.objects.filter(pk=obj.pk, tags__name="open").exists()


class GenericAPIView:
    permission_classes = [IsTagged]

    def get_permissions(self):
        return [permission() for permission in self.permission_classes]

    def check_object_permissions(self, request, obj):
        for permission in self.get_permissions():
            if not permission.has_object_permission(request, self, obj):
                raise PermissionError

    async def aget_object_before(self, request, pk):
        obj = await Item.objects.aget(pk=pk)
        self.check_object_permissions(request, obj)  # [missing-sync-to-async]
        return obj

    async def aget_object_after(self, request, pk):
        obj = await Item.objects.aget(pk=pk)
        await sync_to_async(self.check_object_permissions)(request, obj)
        return obj
