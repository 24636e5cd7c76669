"""The base class of every rule: a pylint checker whose message is built from named attributes."""

from __future__ import annotations

import sys
from pathlib import Path

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.interfaces import HIGH, INFERENCE, Confidence

from asynclint import django_api as api
from asynclint.core import deployment, django_kinds, lazy, suggest, versions
from asynclint.core.event_loop import runs_on_event_loop

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

    def leave_module(self, node: nodes.Module) -> None:  # pylint: disable=unused-argument
        django_kinds.reset()

    def report(self, node: nodes.NodeNG, message: str, confidence: Confidence = HIGH) -> None:
        """Report ``node``: ``HIGH`` when the finding is definite, ``INFERENCE`` when it is possible."""
        self.add_message(self.symbol, node=node, args=(message,), confidence=confidence)

    def report_under_asgi(self, node: nodes.NodeNG, message: str) -> None:
        """Report a cost only ASGI pays: definite under ASGI, possible when the server is unknown,
        not at all under WSGI (``asynclint.core.deployment``)."""
        found = deployment.server_for(getattr(self.linter.config, "server", "auto"), node.root().file)
        if found.server != deployment.WSGI:
            self.report(node, message, HIGH if found.server == deployment.ASGI else INFERENCE)


class SyncCallRule(AsyncLintRule):
    """A rule that flags calls of table rows with one of ``effects`` made on the event loop."""

    effects: tuple[str, ...] = ()

    def check_sync_call(self, node: nodes.Call) -> None:
        if not runs_on_event_loop(node):
            return
        found = django_kinds.django_call(node)
        if found is None or found.row.effect not in self.effects:
            return
        if found.row.async_returns == api.ASYNC_ITERATOR and lazy.iterated_in_thread(node):
            return  # a lazy iterator (qs.iterator()) that a worker thread iterates
        self.report(node, suggest.sync_call(found, self.target))


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
            "server",
            {
                "default": "auto",
                "type": "choice",
                "choices": ("auto", "asgi", "wsgi"),
                "metavar": "<auto|asgi|wsgi>",
                "help": "How the project serves HTTP. auto: detected from its deployment files and asgi.py. "
                "Under wsgi the middleware rules (a cost only ASGI pays) report nothing; when auto finds "
                "no answer they are possible findings.",
            },
        ),
        (
            "blocking-calls",
            {
                "default": (),
                "type": "csv",
                "metavar": "<name -> suggestion,...>",
                "help": "More blocking calls for blocking-call-in-async, as 'package.module.function -> "
                "what to write instead' (the suggestion is optional).",
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
