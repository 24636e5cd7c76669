"""Each libcst edit verb of ``asynclint.fixes.edits``, on small sources: what it changes, and that
every other byte stays as it was."""

from __future__ import annotations

import astroid
import pytest
from astroid import nodes

from asynclint.fixes import edits as E
from asynclint.fixes.edits import Span


def span(source: str, text: str, kind=nodes.NodeNG, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th node of ``kind`` whose source is exactly ``text``."""
    lines = E.source_lines(source)
    found = []
    for node in astroid.parse(source).nodes_of_class(kind):
        if getattr(node, "end_lineno", None) is None or node.is_statement and kind is nodes.NodeNG:
            continue
        where = Span.of(node, lines)
        if where.line == where.end_line and lines[where.line - 1][where.column:where.end_column] == text:
            found.append(where)
    return sorted(set(found))[occurrence]


def apply(source: str, *edits: E.Edit) -> str:
    return E.apply_edits(source, edits)


# --- spans ---------------------------------------------------------------------------------------
def test_span_converts_utf8_byte_columns_to_characters():
    source = 'x = ("é", qs.get())\n'
    call = next(astroid.parse(source).nodes_of_class(nodes.Call))
    assert call.col_offset == 11  # bytes: "é" is two
    assert Span.of(call, E.source_lines(source)) == Span(1, 10, 1, 18)
    assert apply(source, E.rename_call(Span.of(call, E.source_lines(source)), "aget")) == 'x = ("é", qs.aget())\n'


def test_unknown_span_raises():
    with pytest.raises(E.EditError):
        apply("x = f()\n", E.add_await(Span(1, 2, 1, 3)))


# --- add_await -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "expected"), [
    ("async def f():\n    x = qs.aget()\n", "async def f():\n    x = await qs.aget()\n"),
    ("async def f():\n    x = qs.aget().title\n", "async def f():\n    x = (await qs.aget()).title\n"),
    ("async def f():\n    x = qs.aget()[0]\n", "async def f():\n    x = (await qs.aget())[0]\n"),
    ("async def f():\n    x = qs.aget()()\n", "async def f():\n    x = (await qs.aget())()\n"),
    ("async def f():\n    x = (qs.aget()).title\n", "async def f():\n    x = (await qs.aget()).title\n"),
    ("async def f():\n    x = qs.aget() + 1\n", "async def f():\n    x = await qs.aget() + 1\n"),
    ("async def f():\n    x = f'{qs.aget()}'\n", "async def f():\n    x = f'{await qs.aget()}'\n"),
])
def test_add_await(source, expected):
    assert apply(source, E.add_await(span(source, "qs.aget()", nodes.Call))) == expected


def test_add_await_twice_is_once():
    source = "async def f():\n    qs.aget()\n"
    where = span(source, "qs.aget()", nodes.Call)
    assert apply(source, E.add_await(where), E.add_await(where)) == "async def f():\n    await qs.aget()\n"


# --- calls ---------------------------------------------------------------------------------------
def test_rename_call_keeps_arguments_comments_and_spacing():
    source = "x = Book.objects . get (  # the one\n    pk=1,\n)\n"
    where = span(source, "x", nodes.AssignName)  # placeholder to prove span() works on names
    assert where.line == 1
    call = Span(1, 4, 3, 1)
    assert apply(source, E.rename_call(call, "aget"), E.add_await(call)) == \
        "x = await Book.objects . aget (  # the one\n    pk=1,\n)\n"


def test_rename_call_of_a_name_and_replace_callee():
    source = "a = get_object_or_404(Book)\nb = time.sleep(1)\n"
    assert apply(source, E.rename_call(span(source, "get_object_or_404(Book)"), "aget_object_or_404")) == \
        "a = aget_object_or_404(Book)\nb = time.sleep(1)\n"
    assert apply(source, E.replace_callee(span(source, "time.sleep(1)"), "asyncio.sleep")) == \
        "a = get_object_or_404(Book)\nb = asyncio.sleep(1)\n"


def test_rename_attribute():
    source = "r = self.client.get('/')\n"
    assert apply(source, E.rename_attribute(span(source, "self.client", nodes.Attribute), "async_client")) == \
        "r = self.async_client.get('/')\n"


def test_nested_edits_compose():
    source = "async def f():\n    Book.objects.get(pk=1).save()\n"
    inner, outer = span(source, "Book.objects.get(pk=1)"), span(source, "Book.objects.get(pk=1).save()")
    result = apply(source, E.rename_call(outer, "asave"), E.add_await(outer), E.rename_call(inner, "aget"),
                   E.add_await(inner))
    assert result == "async def f():\n    await (await Book.objects.aget(pk=1)).asave()\n"


# --- loops and comprehensions ----------------------------------------------------------------------
def test_for_to_async_for_keeps_the_body_and_else():
    source = "async def f(qs):\n    for b in qs:  # loop\n        print(b)\n    else:\n        pass\n"
    assert apply(source, E.for_to_async_for(span(source, "qs", nodes.Name))) == \
        "async def f(qs):\n    async for b in qs:  # loop\n        print(b)\n    else:\n        pass\n"


@pytest.mark.parametrize(("source", "expected"), [
    ("x = [b.t for b in qs if b]\n", "x = [b.t async for b in qs if b]\n"),
    ("x = {b: 1 for b in qs}\n", "x = {b: 1 async for b in qs}\n"),
    ("x = [a for y in ys for a in qs]\n", "x = [a for y in ys async for a in qs]\n"),
])
def test_comprehension_to_async(source, expected):
    assert apply(source, E.comprehension_to_async(span(source, "qs", nodes.Name))) == expected


def test_generator_expression_becomes_a_list_comprehension():
    source = "n = sum(len(b.t) for b in qs)\nm = sum((b for b in qs), 0)\n"
    assert apply(source, E.comprehension_to_async(span(source, "qs", nodes.Name), as_list=True)) == \
        "n = sum([len(b.t) async for b in qs])\nm = sum((b for b in qs), 0)\n"
    assert apply(source, E.comprehension_to_async(span(source, "qs", nodes.Name, 1), as_list=True)) == \
        "n = sum(len(b.t) for b in qs)\nm = sum([b async for b in qs], 0)\n"


def test_list_to_async_comprehension():
    source = "a = list(qs)\nb = set(qs.filter(x=1))\nc = list(b.t for b in qs)\n"
    assert apply(source, E.list_to_async_comprehension(span(source, "list(qs)"))) == \
        "a = [x async for x in qs]\nb = set(qs.filter(x=1))\nc = list(b.t for b in qs)\n"
    assert apply(source, E.list_to_async_comprehension(span(source, "set(qs.filter(x=1))"))) == \
        "a = list(qs)\nb = {x async for x in qs.filter(x=1)}\nc = list(b.t for b in qs)\n"
    iterable = span(source, "qs", nodes.Name, 2)
    assert apply(source, E.list_to_async_comprehension(span(source, "list(b.t for b in qs)"), (iterable,))) == \
        "a = list(qs)\nb = set(qs.filter(x=1))\nc = [b.t async for b in qs]\n"


def test_to_async_list():
    source = "s = sorted(qs, key=k)\n"
    assert apply(source, E.to_async_list(span(source, "qs", nodes.Name))) == \
        "s = sorted([x async for x in qs], key=k)\n"


# --- call_method -----------------------------------------------------------------------------------
def test_call_method_on_the_expression_an_argument_or_a_subscript():
    source = "if qs:\n    n = len(qs)\n    b = qs[0]\n"
    test = span(source, "qs", nodes.Name)
    assert apply(source, E.call_method(test, "aexists"), E.add_await(test)) == \
        "if await qs.aexists():\n    n = len(qs)\n    b = qs[0]\n"
    length = span(source, "len(qs)")
    assert apply(source, E.call_method(length, "acount", "argument"), E.add_await(length)) == \
        "if qs:\n    n = await qs.acount()\n    b = qs[0]\n"
    first = span(source, "qs[0]", nodes.Subscript)
    assert apply(source, E.call_method(first, "afirst", "subscripted"), E.add_await(first)) == \
        "if qs:\n    n = len(qs)\n    b = await qs.afirst()\n"


def test_call_method_parenthesises_a_compound_receiver():
    source = "n = len(a or b)\n"
    assert apply(source, E.call_method(span(source, "len(a or b)"), "acount", "argument")) == \
        "n = (a or b).acount()\n"


# --- adapters --------------------------------------------------------------------------------------
def test_wrap_and_remove_adapters():
    source = "x = helper(1, k=2)\ny = async_to_sync(send)('a')\n"
    wrapped = span(source, "helper(1, k=2)")
    assert apply(source, E.wrap_in_sync_to_async(wrapped, "sync_to_async"), E.add_await(wrapped)) == \
        "x = await sync_to_async(helper)(1, k=2)\ny = async_to_sync(send)('a')\n"
    runner = span(source, "async_to_sync(send)('a')")
    assert apply(source, E.remove_adapter(runner), E.add_await(runner)) == \
        "x = helper(1, k=2)\ny = await send('a')\n"


@pytest.mark.parametrize(("source", "text", "style", "index", "expected"), [
    ("x = sync_to_async(f(1, k=2))\n", "sync_to_async(f(1, k=2))", "call", 0, "x = sync_to_async(f)(1, k=2)\n"),
    ("x = sync_to_async(f(1), thread_sensitive=True)()\n", "sync_to_async(f(1), thread_sensitive=True)()",
     "called", 0, "x = sync_to_async(f, thread_sensitive=True)(1)\n"),
    ("x = to_thread(f(1, 2))\n", "to_thread(f(1, 2))", "arguments", 0, "x = to_thread(f, 1, 2)\n"),
    ("x = loop.run_in_executor(None, f(1))\n", "loop.run_in_executor(None, f(1))", "arguments", 1,
     "x = loop.run_in_executor(None, f, 1)\n"),
    ("x = to_thread(f())\n", "to_thread(f())", "arguments", 0, "x = to_thread(f)\n"),
])
def test_pass_callable(source, text, style, index, expected):
    assert apply(source, E.pass_callable(span(source, text), style, index)) == expected


# --- statements and names --------------------------------------------------------------------------
def test_insert_statement_and_replace_names_keep_indentation_comments_and_crlf():
    source = "async def f(request):\r\n    # comment\r\n    if request.user:\r\n        return request.user\r\n"
    first, second = span(source, "request.user", nodes.Attribute), span(source, "request.user", nodes.Attribute, 1)
    statement = Span(3, 4, 4, 27)
    result = apply(source, E.insert_statement_before(statement, "user = await request.auser()"),
                   E.replace_with_name(first, "user"), E.replace_with_name(second, "user"))
    assert result == ("async def f(request):\r\n    user = await request.auser()\r\n    # comment\r\n"
                      "    if user:\r\n        return user\r\n")


# --- imports ---------------------------------------------------------------------------------------
def test_ensure_import_extends_an_existing_from_import_once():
    source = "from django.shortcuts import get_object_or_404, render\n"
    result = apply(source, E.ensure_import("django.shortcuts", "aget_object_or_404", "get_object_or_404"),
                   E.ensure_import("django.shortcuts", "aget_object_or_404", "get_object_or_404"))
    assert result == "from django.shortcuts import aget_object_or_404, get_object_or_404, render\n"
    unsorted = "from django.shortcuts import render, get_object_or_404, redirect\n"
    assert apply(unsorted, E.ensure_import("django.shortcuts", "aget_object_or_404", "get_object_or_404")) == \
        "from django.shortcuts import render, get_object_or_404, aget_object_or_404, redirect\n"
    assert apply(result, E.ensure_import("django.shortcuts", "render")) == result


def test_ensure_import_in_a_parenthesised_import_keeps_its_layout():
    source = "from x import (\n    a,  # first\n    b,\n)\n"
    assert apply(source, E.ensure_import("x", "c")) == "from x import (\n    a,  # first\n    b,\n    c,\n)\n"
    assert apply(source, E.ensure_import("x", "a2", "a")) == \
        "from x import (\n    a,  # first\n    a2,\n    b,\n)\n"


def test_new_import_statements_go_to_their_section():
    source = '"""Doc."""\n\nimport csv\n\nfrom django.http import JsonResponse\n\nfrom tests import lint\n\nx = 1\n'
    assert apply(source, E.ensure_import("asyncio")) == \
        '"""Doc."""\n\nimport asyncio\nimport csv\n\nfrom django.http import JsonResponse\n\nfrom tests import lint\n\nx = 1\n'
    assert apply(source, E.ensure_import("asgiref.sync", "sync_to_async")) == (
        '"""Doc."""\n\nimport csv\n\nfrom asgiref.sync import sync_to_async\nfrom django.http import JsonResponse\n'
        '\nfrom tests import lint\n\nx = 1\n')
    only_project = '"""Doc."""\n\nfrom tests import lint\n'
    assert apply(only_project, E.ensure_import("asgiref.sync", "sync_to_async")) == \
        '"""Doc."""\n\nfrom asgiref.sync import sync_to_async\n\nfrom tests import lint\n'
    assert apply(only_project, E.ensure_import("asyncio")) == \
        '"""Doc."""\n\nimport asyncio\n\nfrom tests import lint\n'


def test_new_import_in_a_module_without_imports():
    assert apply('"""Doc."""\n\n\nasync def f():\n    pass\n', E.ensure_import("asyncio")) == \
        '"""Doc."""\n\nimport asyncio\n\n\nasync def f():\n    pass\n'


def test_remove_unused_import():
    source = "import time\nfrom time import sleep as nap, monotonic\n\nx = monotonic()\n"
    assert apply(source, E.remove_unused_import("time"), E.remove_unused_import("time", "sleep", "nap")) == \
        "from time import monotonic\n\nx = monotonic()\n"
    used = "import time\n\nx = time.time()\n"
    assert apply(used, E.remove_unused_import("time")) == used
    exported = "from a import b\n\n__all__ = ['b']\n"
    assert apply(exported, E.remove_unused_import("a", "b")) == exported


def test_removing_a_statement_keeps_the_blank_line_before_the_next():
    source = "import csv\n\nfrom asgiref.sync import async_to_sync\nfrom django.http import X\n\nX\ncsv\n"
    assert apply(source, E.remove_unused_import("asgiref.sync", "async_to_sync")) == \
        "import csv\n\nfrom django.http import X\n\nX\ncsv\n"


def test_removing_the_last_name_of_a_parenthesised_import_keeps_the_trailing_comma():
    source = "from x import (\n    a,\n    b,\n)\n\na\n"
    assert apply(source, E.remove_unused_import("x", "b")) == "from x import (\n    a,\n)\n\na\n"
