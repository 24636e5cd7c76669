"""An async helper fetches the subscription with the async ORM, then maps it to a state with a sync
helper that, for trials without a renewal date, sets one and save()s: a write on the event loop."""

from datetime import datetime, timedelta, timezone

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
    return subscription_state(subscription)  # [missing-sync-to-async]
