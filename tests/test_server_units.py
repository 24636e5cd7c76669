"""The parts of ``asynclint server`` that need no client: settings, severities, positions and edits."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402

from asynclint import server  # noqa: E402
from asynclint.finding import Finding  # noqa: E402
from asynclint.rules.blocking_call_in_async import BlockingCallInAsync  # noqa: E402
from asynclint.rules.sync_orm_call_in_async import SyncOrmCallInAsync  # noqa: E402

UTF16, UTF8 = types.PositionEncodingKind.Utf16, types.PositionEncodingKind.Utf8


def test_settings_from_the_client():
    settings = server.Settings.from_client({"djangoVersion": "4.2", "select": ["E57"], "ignore": "W5712",
                                            "severity": {"W57": "hint", "blocking-call-in-async": "Error"},
                                            "debounce": 0})
    assert settings.django_version == "4.2" and settings.select == ("E57",) and settings.ignore == ("W5712",)
    assert settings.debounce == 0
    # the most specific selector wins; rules it does not name keep E -> error, W -> warning
    assert settings.severity_of(BlockingCallInAsync) == types.DiagnosticSeverity.Error
    assert settings.severity_of(SyncOrmCallInAsync) == types.DiagnosticSeverity.Error
    assert server.Settings().severity_of(BlockingCallInAsync) == types.DiagnosticSeverity.Warning
    nested = server.Settings.from_client({"asynclint": {"severity": {"E5701": "information"}}})
    assert nested.severity_of(SyncOrmCallInAsync) == types.DiagnosticSeverity.Information


@pytest.mark.parametrize("raw, says", [
    ({"djangoVersion": "banana"}, "banana"),
    ({"select": ["no-such-rule"]}, "no-such-rule"),
    ({"severity": {"E5701": "loud"}}, "severity"),
    ({"debounce": "soon"}, "debounce"),
    ({"colour": "red"}, "colour"),
    ([1, 2], "object"),
])
def test_bad_settings_say_why(raw, says):
    with pytest.raises(server.SettingsError, match=says):
        server.Settings.from_client(raw)


def test_positions_count_what_the_client_counts():
    line = "    x = 'é😀'; Book.objects.get(pk=1)"
    byte_column = len(line[:line.index("Book")].encode("utf-8"))
    assert server._position([line], 1, byte_column, UTF16).character == line.index("Book") + 1  # 😀: 2 units
    assert server._position([line], 1, byte_column, UTF8).character == byte_column
    assert server._position([line], 1, None, UTF16).character == len(line) + 1
    assert server._position([], 5, 3, UTF16) == types.Position(0, 0)


def test_text_edits_turn_the_old_text_into_the_new():
    old = "import os\n\nasync def v():\n    é = 1\n    return Book.objects.get()\n"
    new = "import os\n\nfrom x import y\n\nasync def v():\n    é = 1\n    return await Book.objects.aget()\n"
    edits = server._text_edits(old, new, UTF16)
    assert len(edits) == 2
    lines = old.splitlines(keepends=True)

    def offset(position):
        return sum(len(line) for line in lines[:position.line]) + position.character

    text = old
    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    assert text == new


def test_disable_comment_is_added_or_extended():
    edit = server._disable_edit("a = 1\nb = Book.objects.get()\n", 2, "sync-orm-call-in-async", UTF16)
    assert edit.range.start == types.Position(1, 22) and edit.new_text == "  # pylint: disable=sync-orm-call-in-async"
    text = "b = get()  # pylint: disable=blocking-call-in-async\n"
    edit = server._disable_edit(text, 1, "sync-orm-call-in-async", UTF16)
    assert edit.range.start == types.Position(0, len(text.rstrip()))
    assert edit.new_text == ",sync-orm-call-in-async"


def test_code_description_only_with_a_documentation_url(monkeypatch, tmp_path):
    from asynclint import docs

    ls = server.AsyncLintServer()
    outcome = server.Outcome(str(tmp_path / "v.py"), "x = Book.objects.get()\n", 1)
    found = Finding(str(tmp_path / "v.py"), 1, 5, "E5701", "sync-orm-call-in-async", "Book.objects.get() queries",
                    1, 23, certainty="possible")
    monkeypatch.setattr(docs, "help_uri", lambda rule: None)
    diagnostic = ls.diagnostic(found, outcome)
    assert (diagnostic.range.start.character, diagnostic.range.end.character) == (4, 22)
    assert diagnostic.code_description is None and diagnostic.code == "E5701" and diagnostic.source == "asynclint"
    assert diagnostic.message.startswith("possibly: ") and diagnostic.data["certainty"] == "possible"
    monkeypatch.setattr(docs, "help_uri", lambda rule: f"https://docs.example/{rule.symbol}.md")
    diagnostic = server.AsyncLintServer().diagnostic(found, outcome)
    assert diagnostic.code_description.href == "https://docs.example/sync-orm-call-in-async.md"
