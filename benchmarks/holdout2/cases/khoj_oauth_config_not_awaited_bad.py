"""An async OAuth callback replaces the user's integration config: both the delete of the old rows
and the create of the new one are called without await, so neither runs."""

from django.db import models


class IntegrationConfig(models.Model):
    user_id = models.IntegerField()
    token = models.CharField(max_length=200)


async def oauth_callback(user_id: int, access_token: str) -> str:
    IntegrationConfig.objects.filter(user_id=user_id).adelete()  # [async-call-not-awaited]
    config = IntegrationConfig.objects.acreate(token=access_token, user_id=user_id)  # [async-call-not-awaited]
    print(f"config created: {config}")
    return "/settings"
