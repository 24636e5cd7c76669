"""Generated modules for the fuzz tests (``tests/test_fuzz.py``, ``benchmarks/fuzz.py``): a random valid
module from Python's grammar (hypothesmith), plain or wrapped in ``async def``, with Django
anti-patterns that asynclint flags (and fixes) spliced in."""

from __future__ import annotations

import ast
import functools
import textwrap

import hypothesmith
from hypothesis import strategies as st

HEADER = textwrap.dedent("""\
    import time
    from django.contrib.auth import get_user
    from django.core.cache import cache
    from shop.models import Book
""")

#: Statements asynclint reports (most with a fix) inside ``async def``.
ANTI_PATTERNS = (
    "book = Book.objects.get(pk=1)",
    "books = list(Book.objects.filter(title='x'))",
    "time.sleep(1)",
    "user = get_user(request)",
    "value = cache.get('key')",
    "count = Book.objects.count()",
    "name = request.user.get_username()",
    "for book in Book.objects.all():\n    pass",
)


def _indent(code: str) -> str:
    return textwrap.indent(code, "    ") if code.strip() else "    pass\n"


def build(source: str, wrapped: bool, patterns: list[int]) -> str:
    """A module: the header, ``source`` (inside ``async def`` when ``wrapped``), and an async view
    running the chosen anti-patterns."""
    body = source if source.endswith("\n") or not source else source + "\n"
    if wrapped:
        body = "async def generated(request):\n" + _indent(body)
    spliced = "\n".join(ANTI_PATTERNS[i % len(ANTI_PATTERNS)] for i in patterns) or "pass"
    view = "async def view(request):\n" + _indent(spliced + "\n")
    return f"{HEADER}\n{body}\n\n{view}"


@functools.cache
def _grammar():
    """hypothesmith's strategy for Python's grammar: built once (building it takes about a second)."""
    return hypothesmith.from_grammar(auto_target=False)


@st.composite
def modules(draw) -> str:
    source = draw(_grammar())
    wrapped = draw(st.booleans())
    patterns = draw(st.lists(st.integers(0, len(ANTI_PATTERNS) - 1), max_size=4))
    module = build(source, wrapped, patterns)
    try:
        compile(module, "<fuzz>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):  # the wrapping made it invalid (e.g. a `from __future__` inside)
        module = build(source, False, patterns)
    return module
