"""The same work in a hybrid function middleware: the async path runs it in a thread."""

from datetime import timedelta

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.contrib.auth.models import User
from django.db import models
from django.utils.decorators import sync_and_async_middleware
from django.utils.timezone import now


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE)
    last_seen = models.DateTimeField(null=True)

    class Meta:
        app_label = "holdout9"


@sync_and_async_middleware
def last_seen_middleware(get_response):
    one_day = timedelta(hours=24)

    def record(request):
        if request.user.is_authenticated:
            profile, _ = Profile.objects.get_or_create(user=request.user)
            seen = request.session.get("seen")
            if seen is None or seen < (now() - one_day).timestamp():
                profile.last_seen = now()
                request.session["seen"] = profile.last_seen.timestamp()
                profile.save()

    if iscoroutinefunction(get_response):

        async def middleware(request):
            await sync_to_async(record)(request)
            return await get_response(request)

    else:

        def middleware(request):
            record(request)
            return get_response(request)

    return middleware
