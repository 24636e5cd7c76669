"""The nested coroutine is awaited."""

from django.http import HttpResponseRedirect, JsonResponse


async def oauth_callback(request):
    async def restart_authorization():
        state = request.GET.get("state", "")
        return HttpResponseRedirect(f"/oauth/start/?state={state}")

    if not request.GET.get("code"):
        return await restart_authorization()
    return JsonResponse({"ok": True})
