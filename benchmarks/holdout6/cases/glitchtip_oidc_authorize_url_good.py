"""Fixed shape: the OIDC authorize URL is read in a thread, like the Microsoft one."""

from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.microsoft.views import MicrosoftGraphOAuth2Adapter
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectAdapter
from asgiref.sync import sync_to_async
from django.http import HttpRequest
from ninja import Router

router = Router()


@router.get("settings/")
async def get_settings(request: HttpRequest):
    social_apps = []
    async for social_app in SocialApp.objects.order_by("name"):
        if social_app.provider == "openid_connect":
            adapter = OpenIDConnectAdapter(request, social_app.provider_id)
            social_app.authorize_url = await sync_to_async(lambda: adapter.authorize_url)()
        elif social_app.provider == "microsoft":
            adapter = MicrosoftGraphOAuth2Adapter(request)
            social_app.authorize_url = await sync_to_async(adapter._build_tenant_url)("/oauth2/v2.0/authorize")
        social_apps.append(social_app)
    return {"social_apps": [app.name for app in social_apps]}
