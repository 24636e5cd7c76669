"""Recall reduction (recall17, em1208/adrf issue 24): the ``async def post`` of an adrf ``APIView``
validates an adrf ``ModelSerializer`` with the sync ``is_valid()`` before ``await serializer.asave()``.
A ModelSerializer's validation runs its related fields' lookups and unique validators (queries) on
the event loop (SynchronousOnlyOperation; adrf has no async ``is_valid``). The model's fields are our
assumption (the report shows the view and says the serializer is a ModelSerializer; its validation
queried). Our own minimal rewrite of the reported shape, not upstream code."""

from adrf.serializers import ModelSerializer
from adrf.views import APIView
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
        serializer.is_valid(raise_exception=True)  # [sync-orm-call-in-async]
        await serializer.asave()
        return Response({"message": "Success"})
