"""Fixed form of ninja1154_sync_exception_handler_orm_bad.py: the handler stays sync and does no database
work; the async operation logs the error itself (awaited) before raising."""

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
    return api.create_response(request, {"detail": "quota exceeded"}, status=429)


@api.get("/report")
async def report(request):
    await ErrorLog.objects.acreate(path=request.path, message="daily quota used up")
    raise QuotaExceeded("daily quota used up")
