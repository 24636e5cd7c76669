"""The base class of every rule: a pylint checker whose message is built from named attributes."""

from __future__ import annotations

import functools
import importlib
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.interfaces import HIGH, INFERENCE, Confidence

from asynclint import django_api as api
from asynclint import finding as findings
from asynclint import prefilter
from asynclint.core import branches, commands, deployment, django_kinds, event_loop, lazy, suggest, unreached, versions
from asynclint.core.describe import describe
from asynclint.core.event_loop import enclosing_frame, library_loop_reason, runs_on_event_loop
from asynclint.core.mocks import is_patched
from asynclint.core.own_loop import async_unsafe_allowed_in_tests, own_loop_reason, single_chain_loop_reason
from asynclint.libraries import declared

CHECKER_NAME = "asynclint"


@dataclass
class Facts:
    """What a rule knew when it reported, handed to its fixer in the same pass (never stored)."""

    call: django_kinds.ApiCall | None = None  # the table call the finding is about
    row: object | None = None  # its table row (``call.row``), or the row of a non-call finding
    chain: object | None = None  # ``core.chains.Chain``: project calls down to the sync work
    evaluations: list = field(default_factory=list)  # ``core.evaluation.Evaluation``s reported at the node
    unfixable: str = ""  # why the rule's usual fix does not apply to this finding (its fixer says so)


@dataclass(frozen=True)
class DjangoVersions:
    """The Django versions a rule concerns: ``since``, the first version in which what it is about (or
    what it suggests) exists, None for every version asynclint knows; ``text``, how ``asynclint rules``
    and the rule page say it."""

    text: str
    since: tuple[int, int] | None = None
    #: True when what the rule is about does not exist before ``since`` (middleware modes arrived in
    #: 3.1): the rule stays silent when the targeted version is older.
    silent_before: bool = False

    def __str__(self) -> str:
        return self.text


#: Rule-level fix safety (``AsyncLintRule.fix_safety``): every fix is safe, every fix is unsafe, or it
#: depends on the finding and the targeted Django version.
FIX_SAFETIES = ("safe", "unsafe", "safe or unsafe")


class AsyncLintRule(BaseChecker):
    """One rule: one message id and symbol, one module named after the symbol.

    Subclasses declare everything about themselves (every registry derives from these):

    - ``msgid``, ``symbol``, ``summary`` (pylint's help line);
    - ``prefilter``: the facts a module needs for the rule to fire there (``asynclint.prefilter``);
    - ``fix_safety`` ("safe", "unsafe", "safe or unsafe", or None: no automatic fix) and
      ``fix_title`` (what the fix does, one line); the fixer is ``asynclint.fixes.<module>``;
    - ``django_versions``: the Django versions the rule concerns (``DjangoVersions``: the first
      version, and the ``asynclint rules`` column's text).

    Their docstring is the rule's documentation (What it does / Why is this bad / Example / Use
    instead / Fix safety / Django versions).
    """

    name = CHECKER_NAME
    msgid: str
    symbol: str
    summary: str
    prefilter: tuple[str, ...] = ("any",)
    fix_safety: str | None = None
    fix_title: str = ""
    django_versions: DjangoVersions = DjangoVersions("all")
    #: Whether the rule's findings are work that raises SynchronousOnlyOperation on the loop (queries,
    #: evaluations, transactions) rather than work that only blocks; a chain's own effect decides for
    #: rules that report chains (``_ASYNC_UNSAFE_EFFECTS``).
    raises_on_loop: bool = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "msgid" in cls.__dict__:  # a rule, not an intermediate base such as SyncCallRule
            cls.msgs = {cls.msgid: ("%s", cls.symbol, cls.summary)}
            if set(prefilter.needs(cls)) <= prefilter.LOCAL_FACTS.keys() and not prefilter.every_module():
                for name in dir(cls):
                    if name.startswith(("visit_", "leave_")) and name not in ("visit_module", "leave_module"):
                        setattr(cls, name, _gated(getattr(cls, name)))

    def open(self) -> None:
        self.target = target_version(self.linter)
        self._reported_in = None
        self._fires_here = None
        declared.declare(self.linter.config)  # the project's sync-apis/blocking-calls rows, for this run
        try:
            versions.configure_libraries(getattr(self.linter.config, "library_versions", ()) or ())
        except versions.InvalidRequirement as error:
            print(f"asynclint: error: {error}", file=sys.stderr)
            sys.exit(2)

    def leave_module(self, node: nodes.Module) -> None:  # pylint: disable=unused-argument
        django_kinds.reset()
        self._reported_in = None  # a long-lived linter (the editor server) checks the same tree again
        self._fires_here = None

    @classmethod
    def fixer(cls):
        """The rule's fixer module (``fix(node, ctx, facts) -> Fix | NoFix``), or None."""
        if cls.fix_safety is None:
            return None
        return importlib.import_module(f"asynclint.fixes.{cls.symbol.replace('-', '_')}")

    _reported_in: nodes.Module | None = None
    #: Whether the module being checked has a fact the rule needs (``_gated``), None before its first node.
    _fires_here: bool | None = None
    _reported: set = set()

    def report(self, node: nodes.NodeNG, message: str, confidence: Confidence = HIGH, *,
               facts: Facts | None = None) -> None:
        """Emit the pylint message and, when the run collects them, the structured finding;
        ``confidence``: ``HIGH`` when the finding is definite, ``INFERENCE`` when it is possible. Once
        per position: nested expressions that start at the same place (``request.user`` inside
        ``request.user.has_perm()``) are one problem, one finding."""
        versions_ = self.django_versions
        if versions_.silent_before and versions_.since is not None and self.target < versions_.since:
            return  # the targeted Django has no such thing (no middleware modes before 3.1)
        if event_loop.asserted_to_fail(node) or event_loop.replaced_by_mock(node) or (
                facts is not None and facts.chain is not None and event_loop.mocked(node, facts.chain)):
            return  # a test that asks for the failure, or that patches the work away
        if _effect(facts) in _STARTUP_TOLERATED and (event_loop.startup_only(node) or
                                                      own_loop_reason(node, _local_work(facts))):
            return  # blocking once per process (a management command's set-up), or on a loop of its own
        if _effect(facts) == api.TEMPLATE_RENDER and _renders_no_data(node, facts) and own_loop_reason(node):
            return  # the template's own text, on a loop nothing else shares: nothing to query, nobody waits
        if self._raises(facts) and async_unsafe_allowed_in_tests(node):
            return  # the test run sets DJANGO_ALLOW_ASYNC_UNSAFE: its sync queries run, on purpose
        if _effect(facts) in _ONE_CHAIN_BLOCKING and not self._raises(facts) and \
                single_chain_loop_reason(node, raises=False):
            return  # asyncio.run()'s loop runs this one chain of awaits: the blocking call stalls nothing else
        if (_effect(facts) in _ONE_CHAIN_TOLERATED or (_effect(facts) is None and self._raises(facts))) and \
                single_chain_loop_reason(node):
            return  # asyncio.run()'s loop runs this one chain of awaits, and the project allows sync work on it
        if facts is not None and facts.chain is None and _effect(facts) == api.SIGNAL_SEND and \
                event_loop.quiet_private_signal(node, self._application(node)):
            return  # a signal only the project connects to, whose receivers do no sync work, sent right here
        if unreached.never_run(enclosing_frame(node)):
            return  # an async method nothing in the application runs: its work never reaches the loop
        root = node.root()
        if self._reported_in is not root:
            self._reported_in, self._reported = root, set()
        position = (node.fromlineno, node.col_offset)
        if position in self._reported:
            return
        self._reported.add(position)
        frame = enclosing_frame(node)
        why = library_loop_reason(frame)  # sync code a library runs on the loop: say so
        message = f"{message} ({why})" if why else message
        if why and event_loop.library_loop_possible(frame):
            confidence = INFERENCE  # only some of the targeted library releases run it on the loop
        self.add_message(self.symbol, node=node, args=(message,), confidence=confidence)
        sink = getattr(self.linter, "asynclint_findings", None)
        if sink is not None:
            sink.append(self.finding(node, message, confidence, facts or Facts()))

    def _raises(self, facts: Facts | None) -> bool:
        if facts is not None and facts.chain is not None:
            return facts.chain.operation.effect in _ASYNC_UNSAFE_EFFECTS
        return self.raises_on_loop or _effect(facts) in _ASYNC_UNSAFE_EFFECTS

    def finding(self, node: nodes.NodeNG, message: str, confidence: Confidence, facts: Facts) -> findings.Finding:
        """The structured finding of a report, with its fix built from this very tree."""
        module = node.root()
        source = module_source(module)
        line, column, end_line, end_column = _position(node)
        row = facts.row if facts.row is not None else (facts.call.row if facts.call is not None else None)
        kind = facts.call.kind.name if facts.call is not None and facts.call.kind is not None else None
        lines = source.lines
        return findings.Finding(
            path=module.file or self.linter.current_file or "", line=line, column=column + 1,
            msgid=self.msgid, symbol=self.symbol, message=message, end_line=end_line,
            end_column=None if end_column is None else end_column + 1,
            certainty=findings.certainty(confidence),
            row=row, kind=kind, chain=chain_steps(facts.chain), fix=self._fix(node, source, facts),
            module=module.name, code=lines[line - 1].strip() if 0 < line <= len(lines) else "",
        )

    def _fix(self, node: nodes.NodeNG, source, facts: Facts):
        fixer = self.fixer()
        if fixer is None:
            return None
        from asynclint.fixes.base import AMBIGUOUS, Context

        try:
            return fixer.fix(node, Context(node.root(), source.text, self.target, source.lines), facts)
        except (RecursionError, LookupError, ValueError, AttributeError) as error:
            return findings.NoFix(AMBIGUOUS, f"the fixer failed: {type(error).__name__}: {error}")

    def _application(self, node: nodes.NodeNG) -> bool:
        """Whether ``node``'s project is an application: a server command deploys it (or the ``server``
        option says how it is served), so no user outside it imports its code."""
        return deployment.server_for(getattr(self.linter.config, "server", "auto"), node.root().file).by_server

    def report_under_asgi(self, node: nodes.NodeNG, message: str, *, facts: Facts | None = None,
                          settings: bool = False, possible: bool = False) -> None:
        """Report a cost only ASGI pays: definite under ASGI, possible when the server is unknown (or
        ``possible``: whether the cost is paid at all is unknown), not at all under WSGI
        (``asynclint.core.deployment``; ``settings``: ``node`` is in the project's settings module)."""
        found = deployment.server_for(getattr(self.linter.config, "server", "auto"), node.root().file, settings)
        if found.server != deployment.WSGI:
            definite = found.server == deployment.ASGI and not possible
            self.report(node, message, HIGH if definite else INFERENCE, facts=facts)


class SyncCallRule(AsyncLintRule):
    """A rule that flags calls of table rows with one of ``effects`` made on the event loop."""

    effects: tuple[str, ...] = ()

    def check_sync_call(self, node: nodes.Call) -> None:
        if not runs_on_event_loop(node):
            return
        found = django_kinds.django_call(node)
        guessed = django_kinds.unloaded_models_manager_chain(node) if found is None else None
        if guessed is not None:  # ``Option.objects.filter(...).first()`` outside Django code: maybe Django's
            with django_kinds.assuming_models_convention():
                found = django_kinds.django_call(node)
        if found is None or found.row.effect not in self.effects:
            return
        if found.row.async_returns == api.ASYNC_ITERATOR and lazy.iterated_in_thread(node):
            return  # a lazy iterator (qs.iterator()) that a worker thread iterates
        if found.row.receiver == api.FUNCTION and is_patched(found.row.name, node):
            return  # a test replaced it with a mock (@patch("requests.get"))
        if branches.async_form_absent(node, found.row.async_name):
            return  # the fallback for a version without the async form (else of hasattr(signal, "asend"))
        if guessed is not None:
            self.report(node, f"{suggest.sync_call(found, self.target)} "
                              f"({django_kinds.MODELS_CONVENTION_NOTE.format(guessed)})", INFERENCE,
                        facts=Facts(call=found, unfixable=django_kinds.MODELS_CONVENTION_UNFIXABLE.format(guessed)))
            return
        chain = commands.command_chain(node, found.row)  # call_command(): what the project's command runs
        self.report(node, suggest.sync_call(found, self.target) + commands.command_note(node, chain),
                    INFERENCE if found.row.possible else HIGH, facts=Facts(call=found, chain=chain))

    def check_entered_object(self, node: nodes.With) -> None:
        """A library object kept in a name and entered with ``with`` (``lock = r.lock(k)``, then ``with lock:``)
        whose ``__enter__`` does I/O; ``with r.lock(k):`` itself is a call (``check_sync_call``)."""
        for manager, _alias in node.items:
            row = django_kinds.entered_row(manager)
            if row is not None and row.effect in self.effects and runs_on_event_loop(manager):
                shown = describe(manager)
                does = f"with {shown}: {api.EFFECT_VERBS[row.effect]} on the event loop"
                self.report(manager, suggest.library(row, does, shown, shown, module_file=node.root().file),
                            facts=Facts(row=row))

    def check_iterated_object(self, node: nodes.For | nodes.Comprehension) -> None:
        """A library object kept in a name and iterated synchronously (``for chunk in stream`` over the sync
        stream of ``create(..., stream=True)``) whose ``__iter__`` does I/O at each step."""
        if getattr(node, "is_async", False) or isinstance(node, nodes.AsyncFor):
            return
        row = django_kinds.iterated_row(node.iter)
        if row is not None and row.effect in self.effects and runs_on_event_loop(node.iter):
            shown = describe(node.iter)
            does = f"iterating {shown} blocks the event loop"
            self.report(node.iter, suggest.library(row, does, shown, shown, module_file=node.root().file),
                        facts=Facts(row=row))

    def check_sync_attribute(self, node: nodes.Attribute) -> None:
        """A library attribute whose read does I/O (``serializer.data``, constance's ``config.NAME``)."""
        row = django_kinds.attribute_read(node)
        if row is not None and row.effect in self.effects and runs_on_event_loop(node):
            shown = describe(node)
            does = f"{shown} {api.EFFECT_VERBS[row.effect]} on the event loop"
            self.report(node, suggest.library(row, does, shown, describe(node.expr), module_file=node.root().file),
                        facts=Facts(row=row))


#: Work that only blocks (never raises on the loop): tolerated in code that runs once per process.
_STARTUP_TOLERATED = frozenset({api.BLOCKING_IO, api.CPU_BOUND})
#: Work Django refuses on the loop (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE is set.
_ASYNC_UNSAFE_EFFECTS = frozenset({api.QUERY, api.WRITE, api.RAW_SQL, api.CONNECTION_IO, api.TRANSACTION,
                                   api.EVALUATION})

#: Sync work that only blocks its own thread, or raises on the loop unless DJANGO_ALLOW_ASYNC_UNSAFE is
#: set: tolerated on a loop that runs one chain of awaits in a project that sets the variable
#: (``own_loop.single_chain_loop_reason``). Not a loop runner (``async_to_sync`` raises on any loop).
_ONE_CHAIN_TOLERATED = _STARTUP_TOLERATED | _ASYNC_UNSAFE_EFFECTS | frozenset({
    api.CACHE_IO, api.AUTH, api.PASSWORD_HASHING, api.SESSION_IO, api.SIGNAL_SEND, api.TASK_QUEUE,
    api.TEMPLATE_RENDER})


#: Sync work that only blocks its thread, never raises on a running loop: tolerated on a loop that runs one
#: chain of awaits without ``DJANGO_ALLOW_ASYNC_UNSAFE`` (nothing else waits on that loop). Not the cache,
#: auth, sessions, signals or templates: their backends and receivers may query the database.
_ONE_CHAIN_BLOCKING = _STARTUP_TOLERATED | frozenset({api.TASK_QUEUE})


def _local_work(facts: Facts | None) -> bool:
    """The work waits on this machine only (CPU, the local file system), never on a peer."""
    if _effect(facts) == api.CPU_BOUND:
        return True
    if facts is not None and facts.chain is not None:
        return facts.chain.operation.local_disk
    return bool(getattr(_row(facts), "local_disk", False))


def _renders_no_data(node: nodes.NodeNG, facts: Facts | None) -> bool:
    """A rendering call (its row's ``data_parameters``) given no context and no request, or only
    literal constants: it renders the template's own text and evaluates nothing of the project's."""
    parameters = getattr(_row(facts), "data_parameters", ())
    if not parameters or not isinstance(node, nodes.Call) or (facts is not None and facts.chain is not None):
        return False
    if any(isinstance(a, nodes.Starred) for a in node.args) or any(k.arg is None for k in node.keywords or ()):
        return False
    given = [node.args[index] for index, _ in parameters if index < len(node.args)]
    given += [k.value for k in node.keywords or () if k.arg in {keyword for _, keyword in parameters}]
    return all(_constant(value) for value in given)


def _constant(node: nodes.NodeNG) -> bool:
    if isinstance(node, nodes.Const):
        return True
    if isinstance(node, nodes.Dict):
        return all(_constant(key) and _constant(value) for key, value in node.items)
    return isinstance(node, (nodes.List, nodes.Tuple, nodes.Set)) and all(_constant(e) for e in node.elts)


def _effect(facts: Facts | None) -> str | None:
    """The effect of the work a finding is about: its chain's operation, or its table row's."""
    if facts is not None and facts.chain is not None:
        return facts.chain.operation.effect
    return getattr(_row(facts), "effect", None)


def _row(facts: Facts | None):
    """The table row a finding without a chain is about (its own, or its call's), or None."""
    if facts is None:
        return None
    return facts.row if facts.row is not None else (facts.call.row if facts.call is not None else None)


def _position(node: nodes.NodeNG) -> tuple[int, int, int | None, int | None]:
    """Where pylint puts a message about ``node`` (``PyLinter._add_one_message``): 1-based line,
    0-based columns."""
    if node.position:
        position = node.position
        return position.lineno, position.col_offset, position.end_lineno, position.end_col_offset
    return node.fromlineno, node.col_offset, node.end_lineno, node.end_col_offset


@dataclass(frozen=True)
class Source:
    text: str
    lines: list[str]


def module_source(module: nodes.Module) -> Source:
    """The text of the module pylint built and its lines (kept on the tree: read once per module)."""
    found = getattr(module, "_asynclint_source", None)
    if found is None:
        from asynclint.fixes.edits import source_lines

        text = _module_text(module)
        found = Source(text, source_lines(text))
        module._asynclint_source = found  # pylint: disable=protected-access
    return found


def _module_text(module: nodes.Module) -> str:
    """The text of the module pylint built (kept on the tree: the prefilter's facts need no lines)."""
    found = getattr(module, "_asynclint_text", None)
    if found is None:
        stream = module.stream()
        data = stream.read() if stream is not None else b""
        if stream is not None:
            stream.close()
        if isinstance(data, str):
            text = data
        else:
            try:
                encoding, _ = tokenize.detect_encoding(iter(data.splitlines(keepends=True)).__next__)
                text = data.decode(encoding)
            except (SyntaxError, LookupError, UnicodeDecodeError):
                text = data.decode("utf-8", "replace")
        found = module._asynclint_text = text  # pylint: disable=protected-access
    return found


def _local_facts(module: nodes.Module) -> set[str]:
    """The prefilter's facts that the module's own text decides (kept on the tree, asked once)."""
    found = getattr(module, "_asynclint_local_facts", None)
    if found is None:
        found = module._asynclint_local_facts = prefilter.local_facts(_module_text(module))  # pylint: disable=protected-access
    return found


def _gated(method):
    """``method`` run only in modules that have one of the rule's prefilter facts, as ``asynclint check``
    hands a module only the rules that can fire there; so a plain pylint run (``--load-plugins``) skips
    the same modules, where most of Django code is sync and no rule needing ``ASYNC`` can fire."""
    @functools.wraps(method)
    def gated(self, node):
        fires = self._fires_here
        if fires is None:
            fires = self._fires_here = not _local_facts(node.root()).isdisjoint(prefilter.needs(type(self)))
        if fires:
            method(self, node)
    return gated


def chain_steps(chain) -> tuple[findings.Step, ...]:
    """A ``core.chains.Chain`` as plain steps: each project call, then the sync operation."""
    if chain is None:
        return ()
    steps = [findings.Step(step.call.root().file or "", step.call.lineno or 0, f"{step.function.name}()")
             for step in chain.steps]
    operation = chain.operation
    steps.append(findings.Step(operation.node.root().file or "", operation.node.lineno or 0,
                               f"{operation.shown}: {operation.effect}"))
    return tuple(steps)


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
                "APIs that exist in it. Default: the installed Django's version when the project's "
                "django requirement admits it, else the lowest version the requirement admits, else "
                "the installed one, else the newest version asynclint knows.",
            },
        ),
        (
            "library-versions",
            {
                "default": (),
                "type": "csv",
                "metavar": "<distribution==version,...>",
                "help": "The releases of libraries the code targets, e.g. 'django-ninja==1.4.5', where "
                "what asynclint reports depends on them. Default: the installed release when the "
                "project's requirement admits it, else the range the requirement declares.",
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

    # With -j, rules run in pylint's worker processes: their structured findings come back here.
    def get_map_data(self):
        sink = getattr(self.linter, "asynclint_findings", None)
        if not sink:
            return None
        found = list(sink)
        sink.clear()
        return found

    def reduce_map_data(self, linter, data) -> None:
        sink = getattr(linter, "asynclint_findings", None)
        if sink is not None:
            for found in data:
                sink.extend(found)


def target_version(linter) -> tuple[int, int]:
    """The targeted Django version; an invalid option ends the run with one clear line (exit 2)."""
    cached = getattr(linter, "_asynclint_target", None)
    option = getattr(linter.config, "django_version", "") or ""
    if cached is not None and cached[0] == option:
        return cached[1]
    try:
        target = versions.detect(option, Path.cwd())
    except (versions.InvalidDjangoVersion, versions.InvalidRequirement) as error:
        print(f"asynclint: error: {error}", file=sys.stderr)
        sys.exit(2)
    linter._asynclint_target = (option, target.version)  # pylint: disable=protected-access
    linter._asynclint_target_range = target  # pylint: disable=protected-access
    return target.version


def target_admits_from(linter, release: tuple[int, int]) -> bool:
    """Whether the project may run Django ``release`` or later (``versions.Target.admits_from``): the
    targeted version is, or the requirement it is the lowest admitted release of admits one."""
    version = target_version(linter)
    if version >= release:
        return True
    target = getattr(linter, "_asynclint_target_range", None)
    if target is None or not target.specifier:  # the command line passes the version it detected as the option
        if not hasattr(linter, "_asynclint_detected"):
            try:
                linter._asynclint_detected = versions.detect("", Path.cwd())  # pylint: disable=protected-access
            except (versions.InvalidDjangoVersion, versions.InvalidRequirement):
                linter._asynclint_detected = None  # pylint: disable=protected-access
        detected = linter._asynclint_detected  # pylint: disable=protected-access
        target = detected if detected is not None and detected.version == version else None
    return target is not None and target.admits_from(release)
