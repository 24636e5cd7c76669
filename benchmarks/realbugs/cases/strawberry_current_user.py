"""strawberry-django 324c5fe: an async permission extension resolved the current user with the sync
helper (which touches the lazy request.user); the fix awaits aget_current_user. Own reduction."""

from asgiref.sync import sync_to_async


def get_current_user(info):
    request = info.context.request
    user = request.user
    _ = user.is_authenticated
    return user


async def aget_current_user(info):
    return await sync_to_async(get_current_user)(info)


class PermissionExtension:
    async def resolve_async_before(self, info):
        user = get_current_user(info)  # [missing-sync-to-async]
        return user.pk

    async def resolve_async_after(self, info):
        user = await aget_current_user(info)
        return user.pk
