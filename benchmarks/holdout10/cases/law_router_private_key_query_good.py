"""The model method runs in a thread."""

from asgiref.sync import sync_to_async
from django.contrib.sessions.models import Session
from django.db import models
from django.http import JsonResponse


class Member(models.Model):
    email = models.EmailField()
    public_key = models.TextField()

    class Meta:
        app_label = "holdout10"

    def decryption_key(self):
        for session in list(Session.objects.all()):
            data = session.get_decoded()
            if data.get("member_id") == self.pk:
                return data.get("private_key", "")
        return ""

    def private_key(self):
        return self.decryption_key().strip()


class Router:
    def __init__(self):
        self.routes = []

    @staticmethod
    def generate_view(func):
        async def wrapper(request, *args, **kwargs):
            func_kwargs = {}
            wanted = func.__code__.co_varnames[: func.__code__.co_argcount]
            member = await Member.objects.aget(email=request.headers.get("X-Member", ""))
            if "private_key_user" in wanted:
                func_kwargs["private_key_user"] = await sync_to_async(member.private_key)()
            return JsonResponse(await func(**func_kwargs, **kwargs))

        return wrapper
