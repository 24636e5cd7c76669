"""Recall reduction (recall19): a django-guardian issue (#1022): guardian's ``LoginRequiredMixin`` on a
view whose handler is ``async def``: the mixin's sync ``dispatch`` wraps the view with the sync
``login_required`` path, so an anonymous request gets a plain redirect where Django awaits a
coroutine (TypeError), and the user check runs on the loop. Our own minimal rewrite."""

from django.http import HttpResponse
from django.views.generic import View
from guardian.mixins import LoginRequiredMixin


class MyView(LoginRequiredMixin, View):  # [mixed-sync-async-view-handlers]
    async def get(self, request, *args, **kwargs):
        return HttpResponse("ok")
