"""Fixed form (recall18): the list is built inside the thread (the page's own suggestions do not
evaluate it there; this is the corrected shape)."""

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class Product(models.Model):
    name = models.CharField(max_length=100)
    price = models.DecimalField(max_digits=8, decimal_places=2)


def product_rows():
    return list(Product.objects.values())


async def get_products(request):
    products = await sync_to_async(product_rows)()
    return JsonResponse({"products": products})
