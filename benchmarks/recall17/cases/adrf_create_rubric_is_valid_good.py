"""Fixed shape of adrf_create_rubric_is_valid: the validation runs in a worker thread."""

from adrf.serializers import ModelSerializer
from adrf.views import APIView
from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.db import models
from rest_framework.response import Response


class Rubric(models.Model):
    title = models.CharField(max_length=120, unique=True)
    author = models.ForeignKey(User, on_delete=models.CASCADE)


class CreateSerializer(ModelSerializer):
    class Meta:
        model = Rubric
        fields = "__all__"


class OyCreateRubricAPIView(APIView):
    async def post(self, request):
        data = request.data
        serializer = CreateSerializer(data=data)
        await sync_to_async(serializer.is_valid)(raise_exception=True)
        await serializer.asave()
        return Response({"message": "Success"})
