"""Fixed: the manager method is called in a thread (a view method decorated with
database_sync_to_async); the lookup on the returned QuerySet is awaited."""

from typing import Literal

from adrf.views import APIView as AsyncApiView
from channels.db import database_sync_to_async
from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response


class User(AbstractUser):
    active_group = models.ForeignKey(Group, on_delete=models.SET_NULL, null=True, related_name="active_users")


class AuthenticatedApiRequest(Request):
    user: User


class DicomNodeManager(models.Manager):
    def accessible_by_user(self, user: User, access_type: Literal["source", "destination"]):
        nodes = self.filter(accesses__group=user.active_group)
        if access_type == "source":
            nodes = nodes.filter(accesses__source=True)
        else:
            nodes = nodes.filter(accesses__destination=True)
        return nodes.distinct()


class DicomServer(models.Model):
    ae_title = models.CharField(max_length=16, unique=True)

    objects = DicomNodeManager()


class DicomServerGroupAccess(models.Model):
    server = models.ForeignKey(DicomServer, related_name="accesses", on_delete=models.CASCADE)
    group = models.ForeignKey(Group, on_delete=models.CASCADE)
    source = models.BooleanField(default=False)
    destination = models.BooleanField(default=False)


class WebDicomAPIView(AsyncApiView):
    @database_sync_to_async
    def get_accessible_servers(self, user: User, access_type: Literal["source", "destination"]):
        return DicomServer.objects.accessible_by_user(user, access_type)

    async def _get_dicom_server(self, request: AuthenticatedApiRequest, ae_title: str, access_type):
        try:
            servers = await self.get_accessible_servers(request.user, access_type)
            return await servers.aget(ae_title=ae_title)
        except DicomServer.DoesNotExist:
            raise NotFound(f'Server with AE title "{ae_title}" does not exist or is not accessible.')


class QueryStudiesAPIView(WebDicomAPIView):
    async def get(self, request: AuthenticatedApiRequest, ae_title: str) -> Response:
        server = await self._get_dicom_server(request, ae_title, "source")
        return Response({"server": server.ae_title})
