"""Recall reduction (recall19): an adrf issue (#47, 'Using related fields in serializers trigger
SynchronousOnlyOperation'): an adrf ``Serializer`` with a ``PrimaryKeyRelatedField`` over a QuerySet is
validated in an async view; the field's ``queryset.get(pk=...)`` runs on the loop, and the
serializer's own ``apply_permission`` then follows a foreign key there too. Our own minimal rewrite
(the issue shows the serializer; the async view is the one it describes)."""

from adrf import serializers as async_serializers
from adrf.views import APIView
from django.conf import settings
from django.db import models
from django.utils import timezone
from rest_framework import serializers
from rest_framework.response import Response


class Business(models.Model):
    members = models.ManyToManyField(settings.AUTH_USER_MODEL)

    def apply_permission(self, user):
        self.members.add(user)


class PermissionToken(models.Model):
    bussines = models.ForeignKey(Business, on_delete=models.CASCADE)
    expire_in = models.DateTimeField()


class ApplyPermissionTokenSerializer(async_serializers.Serializer):
    permission = serializers.PrimaryKeyRelatedField(queryset=PermissionToken.objects.all())

    def validate_permission(self, value):
        if value.expire_in < timezone.now():
            raise serializers.ValidationError("The permission token has expired.")
        return value

    def apply_permission(self):
        request = self.context.get("request")
        permission = self.validated_data["permission"]
        permission.bussines.apply_permission(request.user)
        return permission


class ApplyPermissionView(APIView):
    async def post(self, request):
        serializer = ApplyPermissionTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)  # [sync-orm-call-in-async]
        permission = serializer.apply_permission()  # [missing-sync-to-async]
        return Response({"permission": permission.pk})
