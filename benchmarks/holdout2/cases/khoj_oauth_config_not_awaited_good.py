"""Fixed: both are awaited."""

from django.db import models


class IntegrationConfig(models.Model):
    user_id = models.IntegerField()
    token = models.CharField(max_length=200)


async def oauth_callback(user_id: int, access_token: str) -> str:
    await IntegrationConfig.objects.filter(user_id=user_id).adelete()
    await IntegrationConfig.objects.acreate(token=access_token, user_id=user_id)
    return "/settings"
