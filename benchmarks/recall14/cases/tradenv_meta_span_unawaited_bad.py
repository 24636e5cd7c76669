"""Recall reduction (recall14): an async DRF-style view calls the model's own ``async def`` method without
``await`` and hands the coroutine to ``Response(data=...)``: the coroutine is never awaited and the
renderer fails on it. Our own minimal rewrite of the shape, not upstream code."""

from django.db import models
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView


class Basket(models.Model):
    name = models.CharField(max_length=50)

    async def span(self, timeframe):
        first = await self.quotes.filter(timeframe=timeframe).order_by("day").afirst()
        last = await self.quotes.filter(timeframe=timeframe).order_by("day").alast()
        return (first.day if first else None, last.day if last else None)


class Quote(models.Model):
    basket = models.ForeignKey(Basket, on_delete=models.CASCADE, related_name="quotes")
    timeframe = models.CharField(max_length=4)
    day = models.DateField()


class BasketMetaView(APIView):
    async def post(self, request, *args, **kwargs):
        basket = await Basket.objects.aget(id=kwargs["id"])
        return Response(
            data=basket.span(timeframe=request.data["timeframe"]),  # [async-call-not-awaited]
            status=status.HTTP_200_OK,
        )
