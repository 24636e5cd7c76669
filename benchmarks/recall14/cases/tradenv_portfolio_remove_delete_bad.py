"""Recall reduction (recall14): a DRF view method is an ``async def`` wrapped in ``async_to_sync`` (so it
runs on an event loop); removing a position unlinks it from a many-to-many relation and deletes the row
with the synchronous ORM: SynchronousOnlyOperation. Our own minimal rewrite of the shape, not upstream
code."""

from asgiref.sync import async_to_sync
from django.db import models
from rest_framework import generics
from rest_framework.response import Response


class Position(models.Model):
    symbol = models.CharField(max_length=10)


class Basket(models.Model):
    slug = models.SlugField(unique=True)
    positions = models.ManyToManyField(Position)


class BasketView(generics.GenericAPIView):
    @async_to_sync
    async def put(self, request, *args, **kwargs):
        basket = await Basket.objects.aget(slug=kwargs["slug"])
        position = await basket.positions.aget(symbol=request.data["symbol"])
        basket.positions.remove(position)  # [sync-orm-call-in-async]
        position.delete()  # [sync-orm-call-in-async]
        return Response({"removed": request.data["symbol"]})
