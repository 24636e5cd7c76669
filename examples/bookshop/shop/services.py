"""Synchronous business logic, for code that runs in a thread.

A sync view may call these functions directly. An async view runs on the event loop, so
it calls them through ``sync_to_async``, which runs the whole function in a worker
thread where the sync ORM and ``transaction.atomic`` are allowed.
"""

from django.db import transaction
from django.db.models import Count, Sum

from .models import Book


class OutOfStock(Exception):
    """The book has no copy left."""


def sell_copy(book_id):
    """Sell one copy of a book; the lock and the update share one transaction."""
    with transaction.atomic():
        book = Book.objects.select_for_update().get(pk=book_id)
        if book.stock == 0:
            raise OutOfStock(book.title)
        book.stock -= 1
        book.save(update_fields=["stock"])
    return book


def stock_summary():
    """Counts for the stock report: titles, copies, and titles that are sold out."""
    totals = Book.objects.aggregate(titles=Count("pk"), copies=Sum("stock"))
    totals["sold_out"] = Book.objects.filter(stock=0).count()
    return totals
