"""Exact message texts for representative findings, per targeted Django version.

The fixtures check where findings are; this checks what they say: the offending call, and the
replacement that exists in the targeted version (or the sync_to_async form below it).
"""

from __future__ import annotations

import textwrap

import pytest

from tests.lint import FIXTURES, lint

HEADER = """\
from django.db import transaction
from django.shortcuts import get_object_or_404
from library.models import Author, Book
"""

CASES = [
    ("5.2", "Book.objects.get(pk=pk)",
     "Book.objects.get() queries the database on the event loop; use 'await Book.objects.aget(...)' "
     "(Django 4.1+)"),
    ("4.0", "Book.objects.get(pk=pk)",
     "Book.objects.get() queries the database on the event loop; Django 4.0 has no async form of it "
     "(aget() arrives in 4.1), so use 'await sync_to_async(Book.objects.get)(...)'"),
    ("4.1", "book.save()",
     "book.save() writes to the database on the event loop; Django 4.1 has no async form of it "
     "(asave() arrives in 4.2), so use 'await sync_to_async(book.save)()'"),
    ("4.2", "book.save()",
     "book.save() writes to the database on the event loop; use 'await book.asave()' (Django 4.2+)"),
    ("5.0", "get_object_or_404(Book, pk=pk)",
     "get_object_or_404() queries the database on the event loop; use 'await aget_object_or_404(...)' "
     "(Django 5.0+, from django.shortcuts)"),
    ("4.2", "get_object_or_404(Book, pk=pk)",
     "get_object_or_404() queries the database on the event loop; Django 4.2 has no async form of it "
     "(aget_object_or_404() arrives in 5.0), so use 'await sync_to_async(get_object_or_404)(...)'"),
    ("5.2", "Book.objects.filter(author=book.author).delete()",
     "Book.objects.filter(...).delete() writes to the database on the event loop; use "
     "'await Book.objects.filter(...).adelete()' (Django 4.1+)"),
    ("5.2", "book.full_clean()",
     "book.full_clean() queries the database on the event loop, and it has no async form; move it "
     "into a sync function and call that with 'await sync_to_async(fn)()'"),
    ("5.2", "len(Book.objects.filter(published=True))",
     "len(Book.objects.filter(...)) evaluates the QuerySet on the event loop; use "
     "'await Book.objects.filter(...).acount()' (Django 4.1+)"),
    ("4.0", "list(Book.objects.all())",
     "list(Book.objects.all()) evaluates the QuerySet on the event loop; Django 4.0 has no async "
     "QuerySet API, so evaluate it with 'await sync_to_async(list)(Book.objects.all())'"),
    ("5.2", "Book.objects.aget(pk=pk)",
     "Book.objects.aget() returns a coroutine that is never awaited, so it never runs; write "
     "'await Book.objects.aget(...)'"),
    ("5.2", "[b for b in Book.objects.aiterator()]",
     "Book.objects.aiterator() is an async iterator, so a sync comprehension over it raises TypeError; "
     "use 'async for ... in Book.objects.aiterator()'"),
    ("5.2", "book.author.books.count()",
     "book.author.books.count() queries the database on the event loop; use "
     "'await book.author.books.acount()' (Django 4.1+)"),
]


@pytest.mark.parametrize(("version", "line", "message"), CASES, ids=[f"{v}:{c}" for v, c, _ in CASES])
def test_message(tmp_path, version, line, message):
    module = tmp_path / "views.py"
    module.write_text(HEADER + textwrap.dedent(f"""
        async def view(request, pk, book: Book):
            {line}
    """))
    findings = lint([module], {"django-version": version}, extra_sys_path=[FIXTURES])
    assert [f.message for f in findings] == [message]


LIBRARY_LOOP_CASES = [
    ("import strawberry\nfrom strawberry.django.views import AsyncGraphQLView\n\n\n@strawberry.type\nclass Query:\n"
     "    @strawberry.field\n    def title(self) -> str:\n        return Book.objects.get(pk=1).title\n",
     "Book.objects.get() queries the database on the event loop; use 'await Book.objects.aget(...)' (Django 4.1+) "
     "(title() is a sync strawberry resolver, which the project's async execution calls on the event loop: make it "
     "'async def')"),
    ("class TokenMiddleware:\n    def __init__(self, inner):\n        self.inner = inner\n\n"
     "    def __call__(self, scope):\n        scope['book'] = Book.objects.get(pk=1)\n        return self.inner(scope)\n",
     "Book.objects.get() queries the database on the event loop; use 'await Book.objects.aget(...)' (Django 4.1+) "
     "(TokenMiddleware.__call__(self, scope) is the sync half of a two-step ASGI middleware, which the server calls "
     "on the event loop: move the work into an 'async def __call__(self, scope, receive, send)')"),
]


@pytest.mark.parametrize(("source", "message"), LIBRARY_LOOP_CASES, ids=["strawberry-resolver", "two-step-middleware"])
def test_library_loop_message_says_why(tmp_path, source, message):
    """Sync code a library runs on the loop: the message says which library runs it there, and why."""
    module = tmp_path / "schema.py"
    module.write_text(HEADER + source)
    findings = lint([module], {"django-version": "5.2"}, extra_sys_path=[FIXTURES])
    assert [f.message for f in findings] == [message]


def test_await_on_the_chain_names_the_inner_await(tmp_path):
    """``await make(...).run(...)`` already has an await: the advice is where the missing one goes."""
    module = tmp_path / "chain_view.py"
    module.write_text(textwrap.dedent("""\
        class Pipeline:
            async def run(self, pk):
                return pk

        async def make_pipeline(name):
            return Pipeline()

        async def handle(pk):
            return await make_pipeline("books").run(pk)
        """))
    findings = lint([module], {"django-version": "5.2"})
    assert [f.message for f in findings] == [
        "make_pipeline() returns a coroutine that is used as a value, so it never runs; "
        "write '(await make_pipeline(...)).run(...)'"]


def test_switch_count_with_unknown_entries_never_says_no_times(tmp_path):
    """An entry of unknown mode beside the one sync-only entry: the count is a lower bound, and the
    lower bound without the reported entry is zero, which 'at least no times' says badly."""
    (tmp_path / "Procfile").write_text("web: uvicorn proj.asgi:application\n")
    module = tmp_path / "settings.py"
    module.write_text('MIDDLEWARE = [\n    "unknownpkg.middleware.Thing",\n'
                      '    "whitenoise.middleware.WhiteNoiseMiddleware",\n]\n')
    findings = lint([module], {"django-version": "5.2"})
    assert len(findings) == 1
    assert "at least twice (perhaps never if this entry were async-capable)" in findings[0].message
    assert "no times" not in findings[0].message


def test_a_chain_names_the_permission_check_not_the_lazy_user_read():
    """``user = getattr(request, "user", None)`` only takes the lazy user; ``user.has_perms()`` queries:
    the chain names the query (holdout6: djust's check_handler_permission)."""
    fixture = FIXTURES / "missing-sync-to-async" / "bad_helper_checks_request_user_permissions.py"
    [finding] = lint([fixture], {"django-version": "5.2"}, extra_sys_path=[FIXTURES])
    assert "runs a sync auth query (user, session or permissions) on the event loop" in finding.message
    assert "permissions.py:9: user.has_perms(...))" in finding.message


def test_a_receiver_of_an_unnamed_class_is_possible_and_names_the_override():
    """``exporter.export_rows()`` where the class of ``exporter`` is not said: possible, naming the
    override that does the work and the project base whose hierarchy defines the method."""
    fixture = FIXTURES / "missing-sync-to-async" / "bad_receiver_of_an_unnamed_class.py"
    [finding] = lint([fixture], {"django-version": "5.2"}, extra_sys_path=[FIXTURES])
    assert "when exporter is a TitleExporter (the class of exporter is not known here; the project's " \
           "export_rows() methods are Exporter's and its subclasses')" in finding.message
    assert "via TitleExporter.export_rows() (exporters.py:27)" in finding.message


def test_a_session_call_under_an_engine_branch_says_what_that_engine_does(tmp_path):
    """``request.session.get()`` inside ``if settings.SESSION_ENGINE == "...cache":`` is a cache round
    trip, not a database query (holdout6: GlitchTip's SessionAuth was told 'database-backed engines raise')."""
    module = tmp_path / "auth.py"
    module.write_text(textwrap.dedent("""
        from django.conf import settings

        async def authenticate(request):
            if settings.SESSION_ENGINE == "django.contrib.sessions.backends.cache":
                return request.session.get("_auth_user_id")
            return None
    """))
    [finding] = lint([module], {"django-version": "5.2"}, extra_sys_path=[FIXTURES])
    assert finding.message.startswith(
        "request.session.get() loads the session from the cache synchronously (a blocking round trip on the "
        "loop; with DatabaseCache Django raises SynchronousOnlyOperation) on the event loop")
