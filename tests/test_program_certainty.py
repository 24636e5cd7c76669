"""Certainty of the whole-program findings (the fixtures only say *where*): a receiver built as exactly
a known class resolves through that class's bases (definite); a receiver declared as a base class
whose method a project subclass overrides, and a callback dispatched on whether it is async, are
possible."""

from __future__ import annotations

import json

import pytest

from asynclint import cli
from tests.lint import FIXTURES, on_sys_path

FOLDER = FIXTURES / "missing-sync-to-async"
EVALUATIONS = FIXTURES / "sync-queryset-evaluation-in-async"


@pytest.mark.parametrize(("fixture", "expected"), [
    ("bad_dispatch_on_declared_receivers.py", {25: "possible", 47: "definite"}),
    ("bad_sync_dispatch_on_stored_flags.py", {29: "possible", 39: "possible", 49: "possible"}),
    ("bad_sync_getattr_default_awaited.py", {18: "possible"}),
    ("bad_bases_built_directly.py", {69: "possible", 74: "possible"}),
    ("bad_optional_value_left_out.py", {22: "definite", 30: "possible"}),
    ("bad_work_behind_an_opt_in_switch.py", {35: "possible", 39: "possible", 43: "possible", 47: "definite"}),
    ("bad_annotated_attributes.py", {28: "definite", 31: "definite", 34: "definite", 37: "definite",
                                     63: "definite"}),
])
def test_certainty(capsys, fixture, expected):
    with on_sys_path(FIXTURES, FOLDER):
        cli.main(["check", "--no-cache", "-f", "json", "--exit-zero", "--select", "missing-sync-to-async",
                  str(FOLDER / fixture)])
    found = {finding["line"]: finding["certainty"] for finding in json.loads(capsys.readouterr().out)}
    assert found == expected


def test_maybe_queryset_evaluation_is_possible(capsys):
    """``Union[List[Book], QuerySet[Book]]``: evaluating it is possible, and offers no fix."""
    with on_sys_path(FIXTURES):
        cli.main(["check", "--no-cache", "-f", "json", "--exit-zero", "--select", "sync-queryset-evaluation-in-async",
                  str(EVALUATIONS / "bad_union_of_list_and_queryset.py")])
    found = json.loads(capsys.readouterr().out)
    assert {(f["line"], f["certainty"]) for f in found} == {(13, "possible"), (19, "possible")}
    assert not any(f.get("fix") for f in found)


def test_querysets_handed_to_project_coroutines(capsys):
    """A QuerySet a project coroutine evaluates: definite, possible where only an undecided branch does.
    (``shelved()`` hands it to ``Shelf.labels``, which every call passes a QuerySet: reported there.)"""
    with on_sys_path(FIXTURES, EVALUATIONS):
        cli.main(["check", "--no-cache", "-f", "json", "--exit-zero", "--select", "sync-queryset-evaluation-in-async",
                  str(EVALUATIONS / "bad_queryset_handed_to_project_coroutines.py")])
    found = {finding["line"]: finding["certainty"] for finding in json.loads(capsys.readouterr().out)}
    assert found == {12: "definite", 17: "definite", 25: "possible"}
