"""Fixed shape: the object-permission helper runs in a thread through sync_to_async, like the
mount path already did."""

from asgiref.sync import sync_to_async
from django.core.exceptions import PermissionDenied
from django.db import models


class Document(models.Model):
    owner_id = models.IntegerField()
    title = models.CharField(max_length=200)


class LiveView:
    request = None

    def get_object(self):
        return None

    def has_object_permission(self, request, obj):
        return True


class DocumentView(LiveView):
    document_id = None

    def get_object(self):
        return Document.objects.get(pk=self.document_id)

    def has_object_permission(self, request, obj):
        return obj.owner_id == request.user.pk


def check_object_permission(view, request):
    obj = view.get_object()
    if obj is not None and not view.has_object_permission(request, obj):
        raise PermissionDenied("object")
    view._object = obj


async def validate_event(socket, view, event_name: str):
    handler = getattr(view, event_name, None)
    if handler is None:
        return None
    request = view.request
    if request is not None:
        try:
            await sync_to_async(check_object_permission)(view, request)
        except PermissionDenied:
            await socket.send_error("Access denied for this object.")
            return None
        except Exception:
            await socket.send_error("Access denied for this object.")
            return None
    return handler
