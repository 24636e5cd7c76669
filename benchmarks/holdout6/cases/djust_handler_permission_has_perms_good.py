"""Fixed shape: the handler-permission helper runs through sync_to_async."""

from asgiref.sync import sync_to_async


def permission_required(perm):
    def decorate(func):
        func._perms = (perm,) if isinstance(perm, str) else tuple(perm)
        return func
    return decorate


def check_handler_permission(handler, request) -> bool:
    perms = getattr(handler, "_perms", None)
    if not perms:
        return True
    user = getattr(request, "user", None)
    if user is None:
        return False
    return user.has_perms(perms)


async def validate_event(socket, view, event_name: str):
    handler = getattr(view, event_name, None)
    if handler is None:
        return None
    request = getattr(view, "request", None)
    if request is not None and not await sync_to_async(check_handler_permission)(handler, request):
        await socket.send_error("Permission denied")
        return None
    return handler
