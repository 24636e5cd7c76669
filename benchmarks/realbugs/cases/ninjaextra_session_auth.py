"""django-ninja-extra 5e0bb38 (#201): async session auth read request.user on the loop; the fix awaits
request.auser(). Own reduction."""

from typing import Any, Optional

from django.http import HttpRequest


class AsyncSessionAuth:
    async def authenticate_before(self, request: HttpRequest, key: Optional[str]) -> Optional[Any]:
        if request.user.is_authenticated:  # [sync-auth-call-in-async]
            return request.user
        return None

    async def authenticate_after(self, request: HttpRequest, key: Optional[str]) -> Optional[Any]:
        current_user = await request.auser()
        if current_user.is_authenticated:
            return current_user
        return None
