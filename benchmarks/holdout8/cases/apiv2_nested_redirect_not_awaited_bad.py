"""An async view returns the result of a nested coroutine function without awaiting it."""

from django.http import HttpResponseRedirect, JsonResponse


async def oauth_callback(request):
    async def restart_authorization():
        state = request.GET.get("state", "")
        return HttpResponseRedirect(f"/oauth/start/?state={state}")

    if not request.GET.get("code"):
        return restart_authorization()  # [async-call-not-awaited]
    return JsonResponse({"ok": True})
