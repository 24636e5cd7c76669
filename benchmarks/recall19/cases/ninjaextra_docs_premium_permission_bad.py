"""Recall reduction (recall19): a library guide's example of an async permission (django-ninja-extra,
"Async Permissions"): ``has_permission_async`` takes ``request.user`` and reads
``user.subscription`` to await ``aget()`` on it; the read evaluates the lazy request user (session
and user queries) and the reverse one-to-one on the loop (SynchronousOnlyOperation), and a model
instance has no ``aget()`` anyway. Our own minimal rewrite of the published shape."""

from django.conf import settings
from django.db import models
from ninja_extra import api_controller, http_get
from ninja_extra.permissions import AsyncBasePermission


class Subscription(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscription")
    is_premium = models.BooleanField(default=False)


class IsUserPremiumAsync(AsyncBasePermission):
    async def has_permission_async(self, request, controller):
        user = request.user
        subscription = await user.subscription.aget()  # [sync-auth-call-in-async]
        return subscription and subscription.is_premium


@api_controller("/premium", permissions=[IsUserPremiumAsync])
class PremiumController:
    @http_get("/content")
    async def content(self, request):
        return {"content": "premium"}
