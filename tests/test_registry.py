"""The registry is consistent: one name, four spellings; ids unique across pylint and pylint-django."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from pylint.lint import PyLinter

import asynclint
import pylint.extensions
from asynclint import django_api as api
from asynclint.rules import ALL
from tests.lint import FIXTURES

HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety",
            "## Django versions")


def module_name(symbol: str) -> str:
    return symbol.replace("-", "_")


def test_ids_and_symbols_are_unique_and_well_formed():
    ids = [rule.msgid for rule in ALL]
    symbols = [rule.symbol for rule in ALL]
    assert len(set(ids)) == len(ids)
    assert len(set(symbols)) == len(symbols)
    assert ids == sorted(ids, key=lambda msgid: msgid[1:]), "rules.ALL is sorted by message number"
    for rule in ALL:
        assert re.fullmatch(r"[EW]57\d\d", rule.msgid), rule.msgid
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.symbol), rule.symbol
        assert not rule.symbol.startswith(("no-", "avoid-")), rule.symbol


def test_no_collision_with_pylint_its_extensions_and_pylint_django():
    """Registering everything together raises on any duplicate id or symbol; check ours are there."""
    linter = PyLinter()
    linter.load_default_plugins()
    extensions = [f"pylint.extensions.{m.name}" for m in pkgutil.iter_modules(pylint.extensions.__path__)
                  if not m.name.startswith("_")]
    linter.load_plugin_modules([*extensions, "pylint_django", "asynclint"])
    others = {
        (definition.msgid, definition.symbol)
        for definition in linter.msgs_store.messages
        if not definition.msgid[1:3] == "57"
    }
    assert others, "pylint's own messages were not registered"
    for rule in ALL:
        assert linter.msgs_store.get_message_definitions(rule.msgid)[0].symbol == rule.symbol
        assert all(rule.msgid != msgid and rule.symbol != symbol for msgid, symbol in others)


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.symbol)
def test_rule_lives_in_the_module_named_after_its_symbol(rule):
    assert rule.__module__ == f"asynclint.rules.{module_name(rule.symbol)}"
    assert rule.__name__ == "".join(part.capitalize() for part in rule.symbol.split("-"))


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.symbol)
def test_rule_has_fixtures_that_fire_and_fixtures_that_stay_silent(rule):
    folder = FIXTURES / rule.symbol
    assert list(folder.rglob("bad_*.py")), f"no bad_ fixture for {rule.symbol}"
    assert list(folder.rglob("good_*.py")), f"no good_ fixture for {rule.symbol}"
    annotated = "".join(p.read_text() for p in folder.rglob("bad_*.py"))
    assert f"[{rule.symbol}" in annotated or f", {rule.symbol}" in annotated


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.symbol)
def test_rule_documentation_has_every_heading(rule):
    doc = importlib.import_module(rule.__module__).__doc__
    assert doc.startswith(f"{rule.msgid} {rule.symbol}.")
    positions = [doc.find(heading) for heading in HEADINGS]
    assert -1 not in positions, f"missing: {[h for h, p in zip(HEADINGS, positions) if p == -1]}"
    assert positions == sorted(positions), "headings out of order"


def test_plugin_registers_every_rule():
    linter = PyLinter()
    asynclint.register(linter)
    registered = {definition.symbol for definition in linter.msgs_store.messages}
    assert {rule.symbol for rule in ALL} <= registered


ORM_EFFECTS = (api.QUERY, api.WRITE, api.RAW_SQL, api.TRANSACTION)


@pytest.mark.parametrize(
    "row", [r for r in api.SYNC_APIS if r.effect in ORM_EFFECTS], ids=lambda r: f"{r.receiver}.{r.name}"
)
def test_every_orm_row_is_shown_by_a_firing_fixture(row):
    """The table has no row that no fixture exercises."""
    name = api.short_name(row.name) if row.receiver == api.FUNCTION else row.name
    pattern = re.compile(rf"\b{re.escape(name)}\(.*# \[[^]]*(sync-orm-call-in-async|sync-transaction-in-async)")
    sources = "\n".join(p.read_text() for p in FIXTURES.rglob("bad_*.py"))
    assert pattern.search(sources), f"no bad_ fixture line calls {name}()"


def test_readme_lists_every_rule():
    readme = (FIXTURES.parent.parent / "README.md").read_text()
    for rule in ALL:
        assert f"| {rule.msgid} | [`{rule.symbol}`](docs/rules/{rule.symbol}.md) |" in readme, rule.symbol
