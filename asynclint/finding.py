"""The one structured finding: what a rule knew when it reported, for every consumer.

A rule reports once (``rules.base.AsyncLintRule.report``); pylint gets its message as before, and —
when the run asks for them (``linter.asynclint_collect``) — a ``Finding`` is recorded beside it with
the facts the rule had: the span, the table row, the receiver's kind, the chain of project calls,
the certainty, and the fix (concrete edits, built right then from the same tree). Text, JSON,
SARIF, GitHub, JUnit, the baseline and ``asynclint fix`` read this object; none of them analyses the
file again.

Everything here is plain data (picklable): with ``-j N`` the findings are built in pylint's worker
processes and travel back through pylint's map/reduce (``rules.base.Options.get_map_data``).

Columns are 1-based (as in ruff, flake8, SARIF and GitHub annotations; pylint counts from 0), in
UTF-8 bytes of the line as pylint's are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFINITE = "definite"
POSSIBLE = "possible"
CERTAINTIES = (DEFINITE, POSSIBLE)


def certainty(confidence) -> str:
    """A pylint confidence as asynclint's certainty: HIGH (and pylint's UNDEFINED) are definite, the
    inferred levels (INFERENCE, INFERENCE_FAILURE, CONTROL_FLOW) possible."""
    name = getattr(confidence, "name", "HIGH")
    return POSSIBLE if name.startswith("INFERENCE") or name == "CONTROL_FLOW" else DEFINITE


@dataclass(frozen=True, order=True)
class Step:
    """One hop of a chain: ``text`` happens at ``path:line`` (a call of a project function, or the
    sync operation it ends in)."""

    path: str
    line: int
    text: str


@dataclass(frozen=True)
class Fix:
    """A fix: apply ``edits`` (``fixes.edits.Edit``) to the file. ``safety``: "safe" or "unsafe"."""

    safety: str
    description: str
    edits: tuple = ()
    why_unsafe: str = ""


@dataclass(frozen=True)
class NoFix:
    """Why a finding has no automatic fix (``kind`` is one of ``fixes.base``'s reasons)."""

    kind: str
    reason: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.reason}"


@dataclass(frozen=True, order=True)
class Finding:
    """One finding. ``path`` is absolute where it comes from a run; the command line shows it
    relative (``output.shown``)."""

    path: str
    line: int
    column: int  # 1-based
    msgid: str
    symbol: str
    message: str
    end_line: int | None = None
    end_column: int | None = None  # 1-based, exclusive
    certainty: str = field(default=DEFINITE, compare=False)
    row: object | None = field(default=None, compare=False)  # the django_api.SyncApi row, if any
    kind: str | None = field(default=None, compare=False)  # what the receiver is (django_api kinds)
    chain: tuple[Step, ...] = field(default=(), compare=False)
    fix: Fix | NoFix | None = field(default=None, compare=False)  # None: the rule has no fixer
    module: str = field(default="", compare=False)  # the dotted module name pylint gave the file
    code: str = field(default="", compare=False)  # the flagged source line, stripped (for the baseline)

    @property
    def severity(self) -> str:
        return "error" if self.msgid.startswith(("E", "F")) else "warning"

    @property
    def fix_safety(self) -> str | None:
        """"safe" or "unsafe" when ``asynclint fix`` can fix it (text output marks safe ones ``[*]``)."""
        return self.fix.safety if isinstance(self.fix, Fix) else None

    @property
    def key(self) -> tuple:
        """What joins a finding to its pylint message: path, line, 0-based column, symbol, message (two
        findings may share a span: ``Book.objects.get(...).save()``)."""
        return (self.path, self.line, self.column - 1, self.symbol, self.message)

    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


def message_key(message) -> tuple:
    """A pylint ``Message``'s ``Finding.key``."""
    return (message.abspath or message.path, message.line, message.column or 0, message.symbol, message.msg)


def from_message(message, structured: dict | None = None) -> Finding:
    """The ``Finding`` of a pylint ``Message``: the one the rule recorded (``structured``, by key)
    with pylint's message text, else one built from the message alone."""
    found = (structured or {}).get(message_key(message))
    if found is not None:
        return found
    return Finding(
        path=message.abspath or message.path, line=message.line or 1, column=(message.column or 0) + 1,
        msgid=message.msg_id, symbol=message.symbol, message=message.msg, end_line=message.end_line,
        end_column=None if message.end_column is None else message.end_column + 1,
        certainty=certainty(getattr(message, "confidence", None)),
        module=message.module or "",
    )


def record(linter) -> None:
    """Ask the rules registered on ``linter`` to record their structured findings (``collect``)."""
    linter.asynclint_findings = []


def collect(linter, messages) -> list[Finding]:
    """The ``Finding`` of each pylint message of a run on ``linter`` (after ``record(linter)``)."""
    structured = {found.key: found for found in getattr(linter, "asynclint_findings", None) or ()}
    return [from_message(message, structured) for message in messages]
