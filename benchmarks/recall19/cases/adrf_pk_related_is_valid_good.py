"""Fixed form (recall19): validation and the serializer's sync work run in a thread."""

from adrf import serializers as async_serializers
from adrf.views import APIView
from asgiref.sync import sync_to_async
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
        await sync_to_async(serializer.is_valid)(raise_exception=True)
        permission = await sync_to_async(serializer.apply_permission)()
        return Response({"permission": permission.pk})
