"""Source edits, named by verb, applied with libcst so that every byte not edited stays as it was
(``apply_edits``; the libcst side is ``asynclint.fixes.applying``, imported when edits are applied:
a run that only reads findings, a warm ``asynclint check`` say, never loads libcst).

An ``Edit`` names a verb, the source span it applies to and the verb's arguments; ``apply_edits``
applies a batch of them to one module in one pass. Spans are libcst coordinates: 1-based lines,
0-based *character* columns, parentheses around the node excluded (astroid's ``col_offset`` counts
UTF-8 bytes: ``Span.of`` converts). Nested edits compose: a node's edits see its children already
edited (``Book.objects.get(pk=1).save()`` → ``await (await Book.objects.aget(pk=1)).asave()``).

Verbs that edit the node at a span (an expression unless said otherwise):

- ``add_await``: ``x`` → ``await x`` (an ``await`` that lands where a primary is needed, as in
  ``(await x.aget()).title``, is parenthesised);
- ``rename_call``: the called name of a call (``qs.get(...)`` → ``qs.aget(...)``);
- ``replace_callee``: the whole callee of a call (``time.sleep(1)`` → ``asyncio.sleep(1)``);
- ``rename_attribute``: ``self.client`` → ``self.async_client``;
- ``call_method``: an expression, a call's argument or a subscript's value becomes the receiver of a
  new call (``qs`` → ``qs.aexists()``, ``len(qs)`` → ``qs.acount()``, ``qs[0]`` → ``qs.afirst()``);
- ``for_to_async_for``: the ``for`` statement iterating the expression at the span;
- ``comprehension_to_async``: the comprehension generator iterating the expression at the span;
  a generator expression can become a list comprehension (an async generator expression would
  be an async generator);
- ``list_to_async_comprehension``: ``list(qs)`` → ``[x async for x in qs]`` (``set`` likewise);
- ``to_async_list``: ``qs`` → ``[x async for x in qs]``;
- ``wrap_in_sync_to_async``: ``f(args)`` → ``sync_to_async(f)(args)``;
- ``remove_adapter``: ``async_to_sync(f)(args)`` → ``f(args)``;
- ``pass_callable``: ``sync_to_async(f(args))`` → ``sync_to_async(f)(args)`` and friends;
- ``remove_keyword``: ``sync_to_async(f, thread_sensitive=False)`` → ``sync_to_async(f)``;
- ``replace_with_name``: an expression → a name;
- ``insert_statement_before``: a statement inserted before the statement starting at the span.

Module-level verbs: ``ensure_import`` (adds a name to an existing ``from module import ...``, or a new
import statement in the import block, once) and ``remove_unused_import`` (drops an import binding
that the other edits left unused).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class EditError(Exception):
    """An edit that cannot be applied to the source (its node is not there, or has another shape)."""


@dataclass(frozen=True, order=True)
class Span:
    """Where a node is: 1-based lines, 0-based character columns (libcst's ``PositionProvider``)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, node, lines: Sequence[str]) -> Span:
        """The span of an astroid node; ``lines`` are the module's source lines (``source_lines``)."""
        return cls(node.lineno, char_column(lines, node.lineno, node.col_offset),
                   node.end_lineno, char_column(lines, node.end_lineno, node.end_col_offset))

    def __str__(self) -> str:
        return f"{self.line}:{self.column}-{self.end_line}:{self.end_column}"


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def source_lines(source: str) -> list[str]:
    """The source's lines as Python's tokenizer counts them (no form feed or U+2028 breaks)."""
    return _LINE_BREAK.split(source)


def char_column(lines: Sequence[str], line: int, byte_column: int) -> int:
    """A UTF-8 byte offset in a line (what ``ast``/astroid report) as a character offset."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text.encode("utf-8")[:byte_column].decode("utf-8", errors="ignore"))


@dataclass(frozen=True)
class Edit:
    verb: str
    span: Span | None = None
    args: tuple = ()

    def __str__(self) -> str:
        where = f" at {self.span}" if self.span else ""
        return f"{self.verb}{where}{self.args if self.args else ''}"


# --- verbs ---------------------------------------------------------------------------------------
def add_await(span: Span) -> Edit:
    return Edit("add_await", span)


def rename_call(span: Span, name: str) -> Edit:
    return Edit("rename_call", span, (name,))


def replace_callee(span: Span, code: str) -> Edit:
    return Edit("replace_callee", span, (code,))


def rename_attribute(span: Span, name: str) -> Edit:
    return Edit("rename_attribute", span, (name,))


def call_method(span: Span, name: str, receiver: str = "self") -> Edit:
    """``receiver``: "self" (the expression), "argument" (a call's only argument), "subscripted"."""
    if receiver not in ("self", "argument", "subscripted"):
        raise ValueError(receiver)
    return Edit("call_method", span, (name, receiver))


def for_to_async_for(iter_span: Span) -> Edit:
    return Edit("for_to_async_for", iter_span)


def comprehension_to_async(iter_span: Span, as_list: bool = False) -> Edit:
    return Edit("comprehension_to_async", iter_span, (as_list,))


def list_to_async_comprehension(span: Span, iter_spans: tuple[Span, ...] = ()) -> Edit:
    """``list(qs)`` → ``[x async for x in qs]``; ``list(g for g in qs)`` → ``[g async for g in qs]``
    (``iter_spans``: the generator expression's iterables to make async)."""
    return Edit("list_to_async_comprehension", span, tuple(iter_spans))


def to_async_list(span: Span) -> Edit:
    return Edit("to_async_list", span)


def wrap_in_sync_to_async(span: Span, adapter: str) -> Edit:
    return Edit("wrap_in_sync_to_async", span, (adapter,))


def remove_adapter(span: Span) -> Edit:
    return Edit("remove_adapter", span)


def pass_callable(span: Span, style: str = "call", index: int = 0) -> Edit:
    """The call at ``span``, whose argument ``index`` is ``f(args)``, passes ``f`` instead:

    - "call": ``adapter(f(args))`` → ``adapter(f)(args)``;
    - "called": the call is ``adapter(f(args))()`` → ``adapter(f)(args)``;
    - "arguments": ``to_thread(f(args))`` → ``to_thread(f, args)``.
    """
    if style not in ("call", "called", "arguments"):
        raise ValueError(style)
    return Edit("pass_callable", span, (style, index))


def remove_keyword(span: Span, keyword: str, unwrap_if_empty: bool = False) -> Edit:
    """``f(x, k=v)`` → ``f(x)``; with ``unwrap_if_empty``, ``f(k=v)`` → ``f`` (a decorator's call)."""
    return Edit("remove_keyword", span, (keyword, unwrap_if_empty))


def replace_with_name(span: Span, name: str) -> Edit:
    return Edit("replace_with_name", span, (name,))


def insert_statement_before(span: Span, code: str) -> Edit:
    """Insert ``code`` (one statement) before the statement that starts at ``span``'s start."""
    return Edit("insert_statement_before", span, (code,))


def ensure_import(module: str, name: str | None = None, replaces: str | None = None) -> Edit:
    """``from module import name`` (or ``import module`` when ``name`` is None), unless already there.

    ``replaces``: the imported name this one takes over from; in an unsorted list of names the new one
    goes right after it (in a sorted one, where it sorts).
    """
    return Edit("ensure_import", None, (module, name, replaces))


def remove_unused_import(module: str, name: str | None = None, local: str | None = None) -> Edit:
    """Remove the top-level import that binds ``local`` (``from module import name as local``, or
    ``import module``) if nothing in the edited module uses it any more."""
    return Edit("remove_unused_import", None, (module, name, local or name or module))


_EXPRESSION_VERBS = frozenset({
    "add_await", "rename_call", "replace_callee", "rename_attribute", "call_method",
    "list_to_async_comprehension", "to_async_list", "wrap_in_sync_to_async", "remove_adapter",
    "pass_callable", "replace_with_name", "remove_keyword",
})
_MODULE_VERBS = frozenset({"ensure_import", "remove_unused_import"})
VERBS = _EXPRESSION_VERBS | _MODULE_VERBS | {"for_to_async_for", "comprehension_to_async",
                                             "insert_statement_before"}
#: Within one node, structural edits first, then the ``await`` around the result.
_ORDER = {"add_await": 1}


# --- applying ------------------------------------------------------------------------------------
def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """The source with every edit applied (in one pass); raises EditError if one cannot be."""
    from asynclint.fixes.applying import apply_edits as apply  # libcst: see the module docstring

    return apply(source, edits)
