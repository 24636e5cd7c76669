"""Recall reduction (recall18): a Q&A page ('Django sync_to_async blocking event_loop on ORM queries')
runs ``Product.objects.all`` through sync_to_async in an async view and then lists ``values()`` of it
in the response: ``all()`` only builds a lazy QuerySet in the thread, and ``list(...)`` runs the query
on the loop (SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class Product(models.Model):
    name = models.CharField(max_length=100)
    price = models.DecimalField(max_digits=8, decimal_places=2)


async def get_products(request):
    products = await sync_to_async(Product.objects.all)()  # [lazy-queryset-from-sync-to-async]
    return JsonResponse({"products": list(products.values())})  # [sync-queryset-evaluation-in-async]
