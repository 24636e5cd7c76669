"""Fixed: the sync helper runs through sync_to_async."""

from datetime import datetime, timedelta, timezone

from asgiref.sync import sync_to_async
from django.db import models


class Subscription(models.Model):
    kind = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    renewal_date = models.DateTimeField(null=True)
    user_id = models.IntegerField()


def subscription_state(subscription) -> str:
    if not subscription:
        return "invalid"
    if subscription.kind == "trial":
        if not subscription.renewal_date:
            subscription.renewal_date = subscription.created_at + timedelta(days=14)
            subscription.save()
        if datetime.now(tz=timezone.utc) > subscription.renewal_date:
            return "expired"
        return "trial"
    return "subscribed"


async def asubscription_state(user_id: int) -> str:
    subscription = await Subscription.objects.filter(user_id=user_id).afirst()
    return await sync_to_async(subscription_state)(subscription)
