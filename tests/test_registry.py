"""The registry is consistent: one name, four spellings; ids unique across pylint and pylint-django."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import sys
from pathlib import Path

import pytest
from pylint.lint import PyLinter

import asynclint
import pylint.extensions
from asynclint import cli, docs, prefilter
from asynclint import django_api as api
from asynclint.fixes import engine
from asynclint.core.versions import NEWEST
from asynclint.output import sarif
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
    called = r"\b" if row.attribute else r"\("  # library attribute rows: ``serializer.data``
    pattern = re.compile(rf"\b{re.escape(name)}{called}.*# \[[^]]*(sync-orm-call-in-async|sync-transaction-in-async)")
    sources = "\n".join(p.read_text() for p in FIXTURES.rglob("bad_*.py"))
    assert pattern.search(sources), f"no bad_ fixture line calls {name}()"


def test_readme_lists_every_rule():
    readme = (FIXTURES.parent.parent / "README.md").read_text()
    for rule in ALL:
        assert f"| {rule.msgid} | [`{rule.symbol}`](docs/rules/{rule.symbol}.md) |" in readme, rule.symbol


# --- one declaration per rule: every registry derives from it -------------------------------------------
FIXES = Path(asynclint.__file__).parent / "fixes"
ENGINE_MODULES = {"__init__", "__main__", "applying", "base", "calls", "edits", "engine"}


def test_every_rule_declares_itself():
    from asynclint.rules.base import FIX_SAFETIES

    for rule in ALL:
        assert rule.prefilter and set(rule.prefilter) <= set(prefilter.FACTS), rule.symbol
        assert rule.fix_safety is None or rule.fix_safety in FIX_SAFETIES, rule.symbol
        assert bool(rule.fix_title) == (rule.fix_safety is not None), rule.symbol
        versions = rule.django_versions
        assert str(versions) and str(versions) != "all", rule.symbol
        assert versions.since is None or (3, 0) <= versions.since <= NEWEST, rule.symbol


def test_fixers_are_the_rules_that_declare_a_fix():
    """A fixer module exists exactly for the rules whose declaration names a fix safety."""
    fixers = {path.stem for path in FIXES.glob("*.py")} - ENGINE_MODULES
    declared = {module_name(rule.symbol) for rule in ALL if rule.fix_safety is not None}
    assert fixers == declared
    for rule in ALL:
        fixer = rule.fixer()
        assert (fixer is None) == (rule.fix_safety is None)
        assert fixer is None or callable(fixer.fix)
        assert not hasattr(fixer, "SYMBOL") and not hasattr(fixer, "SAFETY"), "the rule declares these"
    assert set(engine.fixable()) == {rule.symbol for rule in ALL if rule.fix_safety is not None}


def test_registries_read_the_declarations(capsys):
    assert cli.main(["rules", "--output-format", "json"]) == 0
    listed = {row["symbol"]: row for row in json.loads(capsys.readouterr().out)}
    entries = {entry["name"]: entry for entry in sarif.document([], ALL)["runs"][0]["tool"]["driver"]["rules"]}
    for rule in ALL:
        assert listed[rule.symbol]["fix"] == (rule.fix_safety or "no")
        assert listed[rule.symbol]["django"] == str(rule.django_versions)
        assert listed[rule.symbol]["summary"] == rule.summary == entries[rule.symbol]["shortDescription"]["text"]
        assert entries[rule.symbol]["properties"]["fixSafety"] == (rule.fix_safety or "none")
        assert prefilter.needs(rule) == tuple(rule.prefilter)
        assert docs.fix_line(rule) in docs.page(rule)
        assert str(rule.django_versions) in docs.page(rule)


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.symbol)
def test_no_rule_imports_another_rule(rule):
    path = Path(sys.modules[rule.__module__].__file__)
    others = {f"asynclint.rules.{module_name(other.symbol)}" for other in ALL if other is not rule}
    assert not _imported_modules(path) & others
    assert not {name for name in _imported_modules(path) if name.startswith("asynclint.fixes")}, \
        "a rule reaches its fixer through its declaration (AsyncLintRule.fixer)"


def test_fixers_read_table_fields_not_display_text():
    """Fixers take names from the row's fields (async_name, async_callable, parameters...), never by
    parsing ``replacement`` text, and never analyse the file again."""
    for path in FIXES.glob("*.py"):
        if path.stem in ("edits", "engine"):  # applying edits and re-parsing the result is their job
            continue
        text = path.read_text(encoding="utf-8")
        for banned in ("ast.parse(", "re.compile(", "re.search(", "re.match(", "django_call(", "nodes_at(",
                       "row_from_replacement", "AstroidBuilder", "ast_from_file"):
            assert banned not in text, (path.name, banned)


def test_one_set_of_iterating_builtins():
    """The builtins that iterate are said once, in the table (grep finds them there only)."""
    package = Path(asynclint.__file__).parent
    spelled = [path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if re.search(r'"enumerate",', path.read_text(encoding="utf-8"))]
    assert spelled == ["django_api.py"]


def test_every_async_name_is_spelled_in_the_table():
    """``grep aget`` finds the row that suggests ``aget``: no async name is built from the sync one."""
    package = Path(asynclint.__file__).parent
    text = "\n".join(path.read_text(encoding="utf-8") for path in
                     [package / "django_api.py", *sorted((package / "libraries").glob("*.py"))])
    for row in api.SYNC_APIS:
        if row.async_name:
            short = api.short_name(row.async_name)
            assert re.search(rf'[".]{re.escape(short)}"', text), f"{row.name} -> {short} is not spelled out"
