"""The helper runs in a worker thread through sync_to_async."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import HttpResponseRedirect, JsonResponse


class OrgSettings(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)

    class Meta:
        app_label = "accounts"


def required_scopes(user, extra=""):
    scopes = {"user", "repo", *extra.split()}
    if OrgSettings.objects.filter(owner=user).exists():
        scopes.update({"read:org", "admin:org"})
    return " ".join(sorted(scopes))


async def oauth_callback(request):
    user = await request.auser()
    scopes = await sync_to_async(required_scopes)(user, "user")
    if scopes != request.GET.get("scope"):
        return HttpResponseRedirect("/oauth/start/")
    return JsonResponse({"scopes": scopes})
