"""An async django-ninja settings endpoint lists the configured social logins with their authorize
URLs. For an OpenID Connect provider, django-allauth's adapter computes `authorize_url` from the
provider's discovery document, fetched over HTTP (and cached) on first access: the property blocks
the event loop and failed under ASGI whenever an OIDC provider was configured. The Microsoft
branch beside it was already moved to a thread."""

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
            social_app.authorize_url = adapter.authorize_url  # [blocking-call-in-async]
        elif social_app.provider == "microsoft":
            adapter = MicrosoftGraphOAuth2Adapter(request)
            social_app.authorize_url = await sync_to_async(adapter._build_tenant_url)("/oauth2/v2.0/authorize")
        social_apps.append(social_app)
    return {"social_apps": [app.name for app in social_apps]}
