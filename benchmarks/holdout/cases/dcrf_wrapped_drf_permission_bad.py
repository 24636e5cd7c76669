"""A websocket permission that adapts a Django REST framework permission: the DRF check is sync
(it may read request.user and query) and runs on the event loop."""

from typing import Any

from rest_framework.permissions import BasePermission as RestPermission


def fake_request(scope: dict) -> Any:
    ...


class AdaptedPermission:
    permission: RestPermission

    def __init__(self, permission: RestPermission):
        self.permission = permission

    async def has_permission(self, scope: dict, consumer: Any, action: str) -> bool:
        request = fake_request(scope)
        return self.permission.has_permission(request, consumer)  # [missing-sync-to-async]
