"""``docs/rules/<symbol>.md``: one page per rule, generated from the rule module's docstring and its
fixture files (``python -m asynclint.docs``); a missing or stale page fails here."""

from __future__ import annotations

import pytest

from asynclint import docs
from asynclint.rules import ALL


def test_every_page_exists_and_is_up_to_date():
    problems = docs.stale_pages(ALL)
    assert not problems, "\n".join(problems) + "\nrun: python -m asynclint.docs"


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.symbol)
def test_page_has_ruffs_shape(rule):
    text = docs.page(rule, docs.FIXTURES)
    assert text.startswith(f"# {rule.symbol} ({rule.msgid})\n\n{rule.summary}\n")
    positions = [text.find(f"\n## {heading}\n") for heading in docs.HEADINGS]
    assert -1 not in positions and positions == sorted(positions)
    # The examples come from the fixtures too: each bad_ file with a flagged line is listed.
    folder = docs.FIXTURES / rule.symbol
    for path in folder.rglob("bad_*.py"):
        if docs._flagged_lines(path.read_text(encoding="utf-8"), rule.symbol):
            assert f"`{path.relative_to(folder).as_posix()}`" in text


def test_check_mode_reports_a_stale_page(tmp_path):
    rule = ALL[0]
    docs.write_pages(ALL, tmp_path)
    assert docs.stale_pages(ALL, tmp_path) == []
    docs.page_path(rule, tmp_path).write_text("old\n")
    (tmp_path / "gone-rule.md").write_text("old\n")
    problems = docs.stale_pages(ALL, tmp_path)
    assert problems == [f"{tmp_path / (rule.symbol + '.md')}: out of date", f"{tmp_path / 'gone-rule.md'}: no such rule"]
    docs.page_path(rule, tmp_path).unlink()
    assert f"{tmp_path / (rule.symbol + '.md')}: missing" in docs.stale_pages(ALL, tmp_path)
