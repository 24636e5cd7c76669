"""The bookshop's views: async views, and a few sync ones at the end.

Async views run on the event loop, under ASGI (``bookshop.asgi``) and also under
``runserver``, which gives each async view an event loop of its own. There the sync ORM
raises ``SynchronousOnlyOperation``. Several async views below have such a bug; the
comment above each buggy line says what is wrong and what to write instead. The other
async views show the correct pattern.
"""

import csv
from decimal import Decimal

from asgiref.sync import sync_to_async
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from . import services
from .models import Author, Book, Publisher


async def aget_or_404(queryset, **lookups):
    """Fetch one object or raise Http404 (Django 5.0+ has ``aget_object_or_404``)."""
    try:
        return await queryset.aget(**lookups)
    except queryset.model.DoesNotExist:
        raise Http404(f"No {queryset.model._meta.verbose_name} matches the query.") from None


# Books: pages and JSON ------------------------------------------------------


async def book_list(request):
    # TemplateResponse is rendered in a worker thread, so lazy QuerySets may go in the context.
    context = {
        "books": Book.objects.in_stock().select_related("author"),
        "featured_authors": Author.objects.prolific(),
    }
    return TemplateResponse(request, "shop/book_list.html", context)


async def book_detail(request, pk):
    book = await aget_or_404(Book.objects.select_related("author", "publisher"), pk=pk)
    reviews = [review async for review in book.reviews.all()[:10]]
    return TemplateResponse(request, "shop/book_detail.html", {"book": book, "reviews": reviews})


async def book_json(request, pk):
    # get() is the sync ORM: on the event loop it raises SynchronousOnlyOperation.
    # It should be `await Book.objects.aget(pk=pk)`.
    book = Book.objects.get(pk=pk)
    return JsonResponse({"id": book.pk, "title": book.title, "price": book.price})


async def book_price(request, pk):
    # The await is missing: aget() returns a coroutine, not a Book, so the next line
    # fails and the coroutine is never run.
    book = Book.objects.aget(pk=pk)
    return JsonResponse({"id": pk, "price": book.price})


async def book_reviews(request, pk):
    # get_object_or_404() runs a sync query. Use `await Book.objects.aget(...)` and
    # raise Http404 yourself (or `await aget_object_or_404(...)` on Django 5.0+).
    book = get_object_or_404(Book, pk=pk)
    reviews = [{"rating": r.rating, "text": r.text} async for r in book.reviews.all()]
    return JsonResponse({"book": book.title, "reviews": reviews})


async def search(request):
    query = request.GET.get("q", "")
    results = Book.objects.in_stock().filter(title__icontains=query)
    # `not results` calls bool() on the QuerySet, which runs a sync query.
    # Ask `not await results.aexists()` instead.
    if not results:
        return JsonResponse({"query": query, "results": [], "hint": "Try a shorter word."})
    return JsonResponse({"query": query, "results": [book.title async for book in results]})


async def tag_books(request, name):
    books = Book.objects.filter(tags__name=name).order_by("title")
    titles = []
    # A plain `for` evaluates the QuerySet with a sync query; this needs `async for`.
    for book in books:
        titles.append(book.title)
    return JsonResponse({"tag": name, "titles": titles})


async def export_csv(request):
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="books.csv"'
    writer = csv.writer(response)
    writer.writerow(["id", "title", "price", "stock"])
    # aiterator() is an async generator: a plain `for` cannot iterate it.
    # It must be `async for book in ...aiterator()`.
    for book in Book.objects.order_by("pk").aiterator():
        writer.writerow([book.pk, book.title, book.price, book.stock])
    return response


async def stock_report(request):
    summary = await sync_to_async(services.stock_summary)()
    low_stock = []
    async for book in Book.objects.filter(stock__lt=3).order_by("stock").aiterator(chunk_size=100):
        low_stock.append({"title": book.title, "stock": book.stock})
    return JsonResponse({**summary, "low_stock": low_stock})


# Books: changes (POST) --------------------------------------------------------


async def add_review(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    book = await aget_or_404(Book.objects, pk=pk)
    review = await book.reviews.acreate(
        rating=int(request.POST["rating"]), text=request.POST.get("text", "")
    )
    book.review_count = await book.reviews.acount()
    await book.asave(update_fields=["review_count"])
    return JsonResponse({"review": review.pk, "review_count": book.review_count}, status=201)


async def buy_book(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    # sell_copy() uses transaction.atomic, so it runs as one sync function in a thread.
    try:
        book = await sync_to_async(services.sell_copy)(pk)
    except Book.DoesNotExist:
        raise Http404("No such book") from None
    except services.OutOfStock:
        return JsonResponse({"error": "sold out"}, status=409)
    return JsonResponse({"id": book.pk, "stock": book.stock})


async def reserve_copy(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    book = await aget_or_404(Book.objects, pk=pk)
    if book.stock == 0:
        return JsonResponse({"error": "sold out"}, status=409)
    book.stock -= 1
    # An instance fetched with aget() still has a sync save(), which raises
    # SynchronousOnlyOperation here. It should be `await book.asave(...)`.
    book.save(update_fields=["stock"])
    return JsonResponse({"id": book.pk, "stock": book.stock})


async def restock(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    quantity = int(request.POST.get("quantity", 1))
    # transaction.atomic() does not work in async code: entering it raises
    # SynchronousOnlyOperation. Move the block into a sync function and call it
    # with sync_to_async, as buy_book() does.
    with transaction.atomic():
        book = await Book.objects.aget(pk=pk)
        book.stock += quantity
        await book.asave(update_fields=["stock"])
    return JsonResponse({"id": book.pk, "stock": book.stock})


async def stock_badge(request):
    # services.stock_summary() is a sync helper that queries the database; called
    # directly it runs those queries on the event loop. stock_report() below wraps it:
    # `await sync_to_async(services.stock_summary)()`.
    totals = services.stock_summary()
    return JsonResponse({"sold_out": totals["sold_out"]})


async def account(request):
    # request.user is loaded lazily, from the session and the user table, the first time
    # it is read: here, on the event loop. Use `user = await request.auser()` (Django 5.0+).
    if not request.user.is_authenticated:
        return JsonResponse({"user": None})
    return JsonResponse({"user": request.user.get_username()})


async def book_list_page(request):
    # render() renders the template right here, and the template iterates the lazy
    # QuerySet: on the event loop. book_list() above returns a TemplateResponse instead,
    # which Django renders in a worker thread.
    return render(request, "shop/book_list.html", {"books": Book.objects.all()})


# Authors ----------------------------------------------------------------------


async def author_detail(request, pk):
    author = await aget_or_404(Author.objects, pk=pk)
    # count() on the related manager is a sync query; use `await author.books.acount()`.
    book_count = author.books.count()
    return JsonResponse({"name": author.name, "book_count": book_count})


async def author_books(request, pk):
    author = await aget_or_404(Author.objects, pk=pk)
    books = []
    async for book in author.books.order_by("title"):
        books.append({"id": book.pk, "title": book.title})
    in_stock = await author.books.in_stock().acount()
    return JsonResponse({"name": author.name, "in_stock": in_stock, "books": books})


# Publishers: sync views, where the sync ORM is the right tool -----------------


def publisher_list(request):
    publishers = Publisher.objects.annotate(num_books=Count("book"))
    return render(request, "shop/publisher_list.html", {"publishers": publishers})


def publisher_detail(request, pk):
    publisher = get_object_or_404(Publisher, pk=pk)
    context = {
        "publisher": publisher,
        "books": publisher.book_set.select_related("author"),
        "book_count": publisher.book_set.count(),
    }
    return render(request, "shop/publisher_detail.html", context)


@require_POST
def discount(request, pk):
    publisher = get_object_or_404(Publisher, pk=pk)
    percent = int(request.POST.get("percent", 10))
    with transaction.atomic():
        for book in publisher.book_set.select_for_update():
            book.price = (book.price * (100 - percent) / 100).quantize(Decimal("0.01"))
            book.save(update_fields=["price"])
    return redirect("shop:publisher_detail", pk=publisher.pk)
