"""Fixed form (recall19): the user loaded with ``await request.auser()`` and the subscription queried
with the async ORM."""

from django.conf import settings
from django.db import models
from ninja_extra import api_controller, http_get
from ninja_extra.permissions import AsyncBasePermission


class Subscription(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscription")
    is_premium = models.BooleanField(default=False)


class IsUserPremiumAsync(AsyncBasePermission):
    async def has_permission_async(self, request, controller):
        user = await request.auser()
        subscription = await Subscription.objects.filter(user_id=user.pk).afirst()
        return subscription is not None and subscription.is_premium


@api_controller("/premium", permissions=[IsUserPremiumAsync])
class PremiumController:
    @http_get("/content")
    async def content(self, request):
        return {"content": "premium"}
