"""Recall reduction (recall22): the first shape of django-ninja issue #1154: a sync exception handler
that writes to the database; ninja runs it inside the async operation (``AsyncOperation.run`` calls
``api.on_exception`` on the event loop; read in django-ninja 1.1.0 and 1.8.0), so the ORM write
raises SynchronousOnlyOperation. Our own minimal rewrite."""

from django.db import models
from ninja import NinjaAPI

api = NinjaAPI()


class QuotaExceeded(Exception):
    pass


class ErrorLog(models.Model):
    path = models.CharField(max_length=200)
    message = models.TextField()


@api.exception_handler(QuotaExceeded)
def quota_exceeded(request, exc):
    ErrorLog.objects.create(path=request.path, message=str(exc))  # [sync-orm-call-in-async]
    return api.create_response(request, {"detail": "quota exceeded"}, status=429)


@api.get("/report")
async def report(request):
    raise QuotaExceeded("daily quota used up")
