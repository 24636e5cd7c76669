"""An async DICOMweb API view (adrf) looks up the server the user may query through a custom manager
method; the method builds its filter from the user's active group, a nullable forward foreign key
that is not loaded, so reading it runs a query on the event loop."""

from typing import Literal

from adrf.views import APIView as AsyncApiView
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
    async def _get_dicom_server(self, request: AuthenticatedApiRequest, ae_title: str, access_type):
        try:
            servers = DicomServer.objects.accessible_by_user(request.user, access_type)  # [missing-sync-to-async]
            return await servers.aget(ae_title=ae_title)
        except DicomServer.DoesNotExist:
            raise NotFound(f'Server with AE title "{ae_title}" does not exist or is not accessible.')


class QueryStudiesAPIView(WebDicomAPIView):
    async def get(self, request: AuthenticatedApiRequest, ae_title: str) -> Response:
        server = await self._get_dicom_server(request, ae_title, "source")
        return Response({"server": server.ae_title})
