"""Fixed shape of tradenv_portfolio_remove_delete_bad.py: the unlink and the delete run in a worker thread."""

from asgiref.sync import async_to_sync, sync_to_async
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
        await sync_to_async(basket.positions.remove)(position)
        await sync_to_async(position.delete)()
        return Response({"removed": request.data["symbol"]})
