from typing import Any

from asgiref.sync import sync_to_async
from rest_framework.permissions import BasePermission as RestPermission


def fake_request(scope: dict) -> Any:
    ...


class AdaptedPermission:
    permission: RestPermission

    def __init__(self, permission: RestPermission):
        self.permission = permission

    async def has_permission(self, scope: dict, consumer: Any, action: str) -> bool:
        request = fake_request(scope)
        return await sync_to_async(self.permission.has_permission)(request, consumer)
