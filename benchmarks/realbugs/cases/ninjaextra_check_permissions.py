"""django-ninja-extra 0a0a249: the async route ran the controller's permission checks (which may query)
on the loop; the fix hands check_permissions to sync_to_async. Own reduction."""

from asgiref.sync import sync_to_async

from shop.models import Item


class IsItemOwner:
    def has_permission(self, request):
        return Item.objects.filter(owner_id=request.user_id).exists()


class Controller:
    permission_classes = [IsItemOwner]

    def check_permissions(self, request):
        for permission_class in self.permission_classes:
            if not permission_class().has_permission(request):
                raise PermissionError


class RouteContext:
    def __init__(self, request):
        self.request = request
        self.controller_instance = Controller()


async def before(request):
    ctx = RouteContext(request)
    ctx.controller_instance.check_permissions(request)  # [missing-sync-to-async]


async def after(request):
    ctx = RouteContext(request)
    await sync_to_async(ctx.controller_instance.check_permissions)(request)
