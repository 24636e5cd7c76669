"""The base class of every rule: a pylint checker whose message is built from named attributes."""

from __future__ import annotations

import sys
from pathlib import Path

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.interfaces import HIGH, Confidence

from asynclint import django_api as api
from asynclint.core import django_kinds, suggest, versions
from asynclint.core.describe import describe
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.libraries import declared

CHECKER_NAME = "asynclint"


class AsyncLintRule(BaseChecker):
    """One rule: one message id and symbol, one module named after the symbol.

    Subclasses set ``msgid``, ``symbol`` and ``summary`` (pylint's help line); their docstring is the
    rule's documentation (What it does / Why is this bad / Example / Use instead / Fix safety /
    Django versions).
    """

    name = CHECKER_NAME
    msgid: str
    symbol: str
    summary: str

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "msgid" in cls.__dict__:  # a rule, not an intermediate base such as SyncCallRule
            cls.msgs = {cls.msgid: ("%s", cls.symbol, cls.summary)}

    def open(self) -> None:
        self.target = target_version(self.linter)
        declared.declare(self.linter.config)  # the project's sync-apis/blocking-calls rows, for this run

    def leave_module(self, node: nodes.Module) -> None:  # pylint: disable=unused-argument
        django_kinds.reset()

    def report(self, node: nodes.NodeNG, message: str, confidence: Confidence = HIGH) -> None:
        self.add_message(self.symbol, node=node, args=(message,), confidence=confidence)


class SyncCallRule(AsyncLintRule):
    """A rule that flags calls of table rows with one of ``effects`` made on the event loop."""

    effects: tuple[str, ...] = ()

    def check_sync_call(self, node: nodes.Call) -> None:
        if not runs_on_event_loop(node):
            return
        found = django_kinds.django_call(node)
        if found is not None and found.row.effect in self.effects:
            self.report(node, suggest.sync_call(found, self.target))

    def check_sync_attribute(self, node: nodes.Attribute) -> None:
        """A library attribute whose read does I/O (``serializer.data``, constance's ``config.NAME``)."""
        row = django_kinds.attribute_read(node)
        if row is not None and row.effect in self.effects and runs_on_event_loop(node):
            shown = describe(node)
            does = f"{shown} {api.EFFECT_VERBS[row.effect]} on the event loop"
            self.report(node, suggest.library(row, does, shown, describe(node.expr)))


class Options(BaseChecker):
    """asynclint's options (pylint's ``[asynclint]`` section / ``--django-version``)."""

    name = CHECKER_NAME
    msgs: dict = {}
    options = (
        (
            "django-version",
            {
                "default": "",
                "type": "string",
                "metavar": "<major.minor>",
                "help": "The Django version the code targets, e.g. 5.2. Messages only suggest async "
                "APIs that exist in it. Default: the installed Django's version, else the newest "
                "version asynclint knows.",
            },
        ),
        (
            "chain-depth",
            {
                "default": 5,
                "type": "int",
                "metavar": "<hops>",
                "help": "How many project function calls missing-sync-to-async and async-to-sync-in-async "
                "follow from async code down to a sync operation.",
            },
        ),
        (
            "blocking-calls",
            {
                "default": (),
                "type": "csv",
                "metavar": "<name -> suggestion,...>",
                "help": "More blocking calls for blocking-call-in-async, as 'package.module.function -> "
                "what to write instead' (the suggestion is optional). Same as sync-apis with the effect "
                "'blocking'.",
            },
        ),
        (
            "sync-apis",
            {
                "default": (),
                "type": "csv",
                "metavar": "<name -> effect -> suggestion,...>",
                "help": "The project's own (or a library's) sync functions that must not run on the event "
                "loop, as 'package.module.function -> effect -> what to write instead'; the effect is "
                "database, cache, network, file, blocking, template or cpu (it picks the rule), the "
                "suggestion is optional.",
            },
        ),
    )

    def open(self) -> None:
        target_version(self.linter)


def target_version(linter) -> tuple[int, int]:
    """The targeted Django version; an invalid option ends the run with one clear line (exit 2)."""
    cached = getattr(linter, "_asynclint_target", None)
    option = getattr(linter.config, "django_version", "") or ""
    if cached is not None and cached[0] == option:
        return cached[1]
    try:
        target = versions.detect(option, Path.cwd())
    except versions.InvalidDjangoVersion as error:
        print(f"asynclint: error: {error}", file=sys.stderr)
        sys.exit(2)
    linter._asynclint_target = (option, target.version)  # pylint: disable=protected-access
    return target.version
