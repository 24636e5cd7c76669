"""Fixed form (recall19): the login check done in the async handler itself (``await request.auser()``,
Django 5.0+), no sync-only access mixin."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.views.generic import View


class MyView(View):
    async def get(self, request, *args, **kwargs):
        user = await request.auser()
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return HttpResponse("ok")
