"""Recall reduction (recall22): django-ninja issue #1154 ('Async Error Handlers Return Unawaited
Coroutines Instead of HttpResponse'): to use the async ORM in an error handler, the reporter made the
handler ``async def``; ninja calls exception handlers without awaiting (``NinjaAPI.on_exception``
returns ``handler(request, exc)``, also from async operations; read in django-ninja 1.1.0 and 1.8.0),
so the view returns a coroutine and Django raises ValueError ('It returned an unawaited coroutine
instead'). Our own minimal rewrite."""

from django.db import models
from ninja import NinjaAPI

api = NinjaAPI()


class QuotaExceeded(Exception):
    pass


class ErrorLog(models.Model):
    path = models.CharField(max_length=200)
    message = models.TextField()


@api.exception_handler(QuotaExceeded)  # [async-call-not-awaited]
async def quota_exceeded(request, exc):
    await ErrorLog.objects.acreate(path=request.path, message=str(exc))
    return api.create_response(request, {"detail": "quota exceeded"}, status=429)


@api.get("/report")
async def report(request):
    raise QuotaExceeded("daily quota used up")
