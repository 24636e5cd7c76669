"""An application's middleware (listed in its MIDDLEWARE, deployed under uvicorn) with no async mode."""

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import models
from django.utils.timezone import now


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE)
    last_seen = models.DateTimeField(null=True)

    class Meta:
        app_label = "holdout9"


class LastSeenMiddleware:  # [sync-only-middleware]
    one_day = timedelta(hours=24)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            profile, _ = Profile.objects.get_or_create(user=request.user)
            seen = request.session.get("seen")
            if seen is None or seen < (now() - self.one_day).timestamp():
                profile.last_seen = now()
                request.session["seen"] = profile.last_seen.timestamp()
                profile.save()
        return self.get_response(request)
