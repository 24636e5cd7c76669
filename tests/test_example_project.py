"""The bugs in examples/bookshop are real: Django raises them at runtime.

The example project is run in a subprocess (``DJANGO_SETTINGS_MODULE=bookshop.settings``,
cwd ``examples/bookshop``, a temporary SQLite file through ``BOOKSHOP_DB``), so its
settings never meet the settings other test modules configure in this process. The
subprocess migrates, seeds a few rows and sends every request twice: through
``AsyncClient`` (the ASGI handler, as under ``bookshop.asgi``) and through ``Client``
(the WSGI handler, as under ``runserver``, which runs async views in an event loop of
their own). Each buggy async view must fail with the error its bug causes, raised on
the line the bug is on; every other view must answer normally.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("django")

pytestmark = pytest.mark.django_runtime

PROJECT = Path(__file__).resolve().parent.parent / "examples" / "bookshop"
VIEWS = PROJECT / "shop" / "views.py"
MODES = ("asgi", "wsgi")
SOO = "SynchronousOnlyOperation"

# view -> (method, path, POST data, error class, message fragment, source of the raising line).
BUGGY = {
    "book_json": ("get", "/books/1/json/", None, SOO, "async context",
                  "book = Book.objects.get(pk=pk)"),
    "book_price": ("get", "/books/1/price/", None, "AttributeError",
                   "'coroutine' object has no attribute 'price'",
                   'return JsonResponse({"id": pk, "price": book.price})'),
    "book_reviews": ("get", "/books/1/reviews/", None, SOO, "async context",
                     "book = get_object_or_404(Book, pk=pk)"),
    "search": ("get", "/search/?q=wizard", None, SOO, "async context", "if not results:"),
    "tag_books": ("get", "/tags/fantasy/", None, SOO, "async context", "for book in books:"),
    "export_csv": ("get", "/books/export.csv", None, "TypeError",
                   "'async_generator' object is not iterable",
                   'for book in Book.objects.order_by("pk").aiterator():'),
    "reserve_copy": ("post", "/books/1/reserve/", {}, SOO, "async context",
                     'book.save(update_fields=["stock"])'),
    "restock": ("post", "/books/1/restock/", {"quantity": "3"}, SOO, "async context",
                "with transaction.atomic():"),
    "author_detail": ("get", "/authors/1/", None, SOO, "async context",
                      "book_count = author.books.count()"),
    "stock_badge": ("get", "/stock/badge/", None, SOO, "async context",
                    "totals = services.stock_summary()"),
    "account": ("get", "/account/", None, SOO, "async context",
                "if not request.user.is_authenticated:"),
    "book_list_page": ("get", "/books/page/", None, SOO, "async context",
                       'return render(request, "shop/book_list.html", {"books": Book.objects.all()})'),
}

# request name -> (view, method, path, POST data, expected status, text the body must contain).
CORRECT = {
    "book_list": ("book_list", "get", "/", None, 200, "A Wizard of Earthsea"),
    "book_detail": ("book_detail", "get", "/books/1/", None, 200, "Ace Books"),
    "book_detail_404": ("book_detail", "get", "/books/999/", None, 404, ""),
    "stock_report": ("stock_report", "get", "/stock/", None, 200, '"sold_out": 1'),
    "add_review": ("add_review", "post", "/books/1/reviews/add/",
                   {"rating": "5", "text": "Still great."}, 201, '"review_count"'),
    "buy_book": ("buy_book", "post", "/books/2/buy/", {}, 200, '"stock"'),
    "buy_book_sold_out": ("buy_book", "post", "/books/3/buy/", {}, 409, "sold out"),
    "author_books": ("author_books", "get", "/authors/1/books/", None, 200,
                     "The Left Hand of Darkness"),
    # Sync views.
    "publisher_list": ("publisher_list", "get", "/publishers/", None, 200, "Gollancz"),
    "publisher_detail": ("publisher_detail", "get", "/publishers/1/", None, 200, "2 books"),
    "discount": ("discount", "post", "/publishers/1/discount/", {"percent": "10"}, 302, ""),
}
SYNC_VIEWS = {"publisher_list", "publisher_detail", "discount"}
HELPERS = {"aget_or_404"}

DRIVER = r"""
import asyncio, gc, json, logging, os, sys, traceback, warnings

import django

django.setup()
logging.disable(logging.CRITICAL)

from django.core.management import call_command
from django.test import AsyncClient, Client
from django.test.utils import setup_test_environment

from shop.models import Author, Book, Publisher, Review, Tag

# DEBUG off, as under Django's test runner. With DEBUG on, the test client keeps the debug
# 500 page's context (and so the failed view's frame) alive, which hides the "never
# awaited" warning of the dropped coroutine.
setup_test_environment(debug=False)
call_command("migrate", verbosity=0)

le_guin = Author.objects.create(pk=1, name="Ursula K. Le Guin")
pratchett = Author.objects.create(pk=2, name="Terry Pratchett")
ace = Publisher.objects.create(pk=1, name="Ace Books", city="New York")
gollancz = Publisher.objects.create(pk=2, name="Gollancz", city="London")
fantasy = Tag.objects.create(name="fantasy")
sf = Tag.objects.create(name="sf")
books = [
    Book.objects.create(pk=1, title="A Wizard of Earthsea", author=le_guin, publisher=ace,
                        price="8.99", stock=5),
    Book.objects.create(pk=2, title="The Left Hand of Darkness", author=le_guin, publisher=ace,
                        price="9.99", stock=2),
    Book.objects.create(pk=3, title="Guards! Guards!", author=pratchett, publisher=gollancz,
                        price="7.99", stock=0),
]
books[0].tags.add(fantasy)
books[1].tags.add(sf)
books[2].tags.add(fantasy)
Review.objects.create(book=books[0], rating=5, text="A classic.")

VIEWS = os.path.join("shop", "views.py")


def outcome(send):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            response = send()
        except Exception as exc:
            tb = traceback.extract_tb(exc.__traceback__)
            frames = [f for f in tb if f.filename.endswith(VIEWS)]
            result = {
                "error": type(exc).__name__,
                "message": str(exc),
                "line": frames[-1].lineno if frames else None,
                "source": frames[-1].line if frames else None,
            }
        else:
            result = {
                "status": response.status_code,
                "body": response.content.decode(),
                "mode": response.get("X-Bookshop-Mode"),
            }
            del response
        gc.collect()
    result["runtime_warnings"] = [
        str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)
    ]
    return result


requests = json.loads(sys.argv[2])
results = {"asgi": {}, "wsgi": {}}
asgi_client, wsgi_client = AsyncClient(), Client()
# Requests made with a logged-in session: reading request.user then needs the session and
# user tables (an anonymous request.user happens to need no query).
from django.contrib.auth.models import User

reader = User.objects.create_user("reader", password="not-used")
logged_in = {"asgi": AsyncClient(), "wsgi": Client()}
for client in logged_in.values():
    client.force_login(reader)
LOGGED_IN = {"account"}
for name, (method, path, data) in requests.items():
    args = (path,) if data is None else (path, data)
    # AsyncClient goes through the ASGI handler; each request gets a fresh event loop.
    asgi, wsgi = (logged_in["asgi"], logged_in["wsgi"]) if name in LOGGED_IN else (asgi_client, wsgi_client)
    results["asgi"][name] = outcome(lambda: asyncio.run(getattr(asgi, method)(*args)))
    results["wsgi"][name] = outcome(lambda: getattr(wsgi, method)(*args))

with open(sys.argv[1], "w") as out:
    json.dump(results, out)
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bookshop")
    requests = {name: spec[:3] for name, spec in BUGGY.items()}
    requests.update({name: spec[1:4] for name, spec in CORRECT.items()})
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="bookshop.settings",
        BOOKSHOP_DB=str(tmp / "db.sqlite3"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH")])),
    )
    out = tmp / "results.json"
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(out), json.dumps(requests)],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(out.read_text())


def test_every_view_is_covered():
    tree = ast.parse(VIEWS.read_text())
    async_views = {n.name for n in tree.body if isinstance(n, ast.AsyncFunctionDef)} - HELPERS
    sync_views = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    correct_views = {spec[0] for spec in CORRECT.values()}
    assert async_views == set(BUGGY) | (correct_views - SYNC_VIEWS)
    assert sync_views == SYNC_VIEWS
    assert not set(BUGGY) & correct_views


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("view", sorted(BUGGY))
def test_buggy_view_fails(results, view, mode):
    *_, error, message, source = BUGGY[view]
    got = results[mode][view]
    assert got.get("error") == error, got
    assert message in got["message"]
    assert got["source"] == source, f"raised at shop/views.py:{got['line']}"
    if view == "book_price":
        # The coroutine from the un-awaited aget() is dropped without ever running.
        assert any("'QuerySet.aget' was never awaited" in w for w in got["runtime_warnings"])
    else:
        assert not got["runtime_warnings"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_view_answers(results, name, mode):
    view, *_, status, text = CORRECT[name]
    got = results[mode][name]
    assert "error" not in got, got
    assert got["status"] == status, got["body"][:2000]
    assert text in got["body"]
    assert not got["runtime_warnings"]


@pytest.mark.parametrize("mode", MODES)
def test_hybrid_middleware_follows_the_handler(results, mode):
    # Under ASGI nothing sync sits between the hybrid middleware and the view, so Django
    # gives it an async get_response; under WSGI everything is sync.
    expected = "async" if mode == "asgi" else "sync"
    assert {got["mode"] for got in results[mode].values() if "status" in got} == {expected}


def test_asynclint_flags_each_failing_view_once_and_nothing_else():
    """What asynclint reports on the example is exactly what fails at runtime above."""
    from tests.lint import lint

    findings = lint([PROJECT], extra_sys_path=[PROJECT])
    tree = ast.parse(VIEWS.read_text())
    spans = {
        node.name: (node.lineno, node.end_lineno)
        for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }

    def view_of(finding):
        if Path(finding.path) != VIEWS.resolve():
            return f"{finding.path}:{finding.line}"
        return next((name for name, (start, end) in spans.items() if start <= finding.line <= end), None)

    flagged = sorted(view_of(f) for f in findings)
    assert flagged == sorted(BUGGY), "\n".join(f"{f.path}:{f.line} {f.symbol}" for f in findings)
