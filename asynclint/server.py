"""``asynclint server``: a language server (LSP over stdio, on pygls) with asynclint's findings as you type.

- Diagnostics for open documents on open, change (debounced) and save, computed from the buffer
  text: ``source`` "asynclint", ``code`` the rule id, ``codeDescription`` the rule's page (when the
  installed distribution declares a documentation URL), the severity from the rule (remappable), the
  certainty in ``data`` (and "possibly" in the message when it is not definite).
- The chain from the async code down to the sync work as ``relatedInformation``: one location per
  step (each project call, then the sync operation), as the rule recorded it on the ``Finding``.
- Cross-file freshness: every document remembers the project modules its analysis read (imports
  followed, chain steps); a change to one of them re-checks that document, and only it.
- Code actions: a quick fix per fixable finding (safe ones preferred, unsafe ones labelled), all safe
  fixes of a file as ``source.fixAll.asynclint``, and "disable <symbol> for this line".
- Hover on a diagnostic: the rule's documentation.
- Configuration: ``[tool.asynclint]`` of the nearest ``pyproject.toml`` above each document (so per
  workspace folder), overridden by the client's ``initializationOptions`` (or
  ``workspace/didChangeConfiguration`` settings under ``asynclint``)::

      {"djangoVersion": "5.2", "select": ["E57"], "ignore": ["W5712"],
       "severity": {"W5712": "information", "sync-orm-call-in-async": "warning"}, "debounce": 0.1}

Linting runs in this process on the driver's linter (``asynclint.driver``), in one ``RunContext``,
with astroid's trees kept warm between runs: the modules of changed buffers (and of files changed on
disk) are dropped from astroid's cache and the context, and rebuilt from the buffer text under their
real path and module name, so imports resolve as in a CLI run. Findings, fixes and chains are the
structured ``asynclint.finding.Finding`` the rules record.
"""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import gc
import logging
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from asynclint import __version__
from asynclint.driver import SETUP_ERRORS

log = logging.getLogger("asynclint.server")

SOURCE = "asynclint"
FIX_ALL = "source.fixAll.asynclint"
DEBOUNCE = 0.1  # seconds between the last change and the check
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "info": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


class SettingsError(ValueError):
    """Client settings that cannot be used (shown to the user, the previous settings stay)."""


@dataclass(frozen=True)
class Settings:
    """What the client may set (``initializationOptions`` / ``didChangeConfiguration``)."""

    django_version: str = ""
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule symbol, id or id prefix, severity name)
    debounce: float = DEBOUNCE

    @classmethod
    def from_client(cls, raw) -> Settings:
        if raw is None:
            return cls()
        if not isinstance(raw, dict):
            raise SettingsError("asynclint settings must be an object")
        raw = raw.get("asynclint", raw) if isinstance(raw.get("asynclint"), dict) else raw
        known = {"djangoVersion", "django-version", "select", "ignore", "severity", "debounce"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise SettingsError(f"unknown asynclint setting(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        version = raw.get("djangoVersion", raw.get("django-version", "")) or ""
        if version:
            from asynclint.core import versions

            try:
                versions.parse(str(version))
            except versions.InvalidDjangoVersion as error:
                raise SettingsError(str(error)) from None

        def rules(key: str):
            value = raw.get(key)
            if value is None:
                return None
            if isinstance(value, str):
                value = [part for part in value.split(",")]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SettingsError(f"'{key}' must be a list of rule symbols, ids or id prefixes")
            return tuple(v.strip() for v in value if v.strip())

        severity = raw.get("severity") or {}
        if not isinstance(severity, dict) or not all(
                isinstance(v, str) and v.lower() in SEVERITIES for v in severity.values()):
            raise SettingsError(f"'severity' must map rules to one of: {', '.join(SEVERITIES)}")
        debounce = raw.get("debounce", DEBOUNCE)
        if isinstance(debounce, bool) or not isinstance(debounce, (int, float)) or not 0 <= debounce <= 10:
            raise SettingsError("'debounce' must be a number of seconds between 0 and 10")
        from asynclint.config import ConfigError, select_rules
        from asynclint.rules import ALL

        try:  # unknown rule names: one clear message now, not at every check
            select_rules(ALL, rules("select"), [*(rules("ignore") or ()), *severity], "settings: ")
        except ConfigError as error:
            raise SettingsError(str(error)) from None
        return cls(str(version), rules("select"), rules("ignore") or (),
                   tuple((k, v.lower()) for k, v in severity.items()), float(debounce))

    def severity_of(self, rule) -> types.DiagnosticSeverity:
        chosen = None
        for selector, name in self.severity:  # the most specific selector wins: symbol, id, prefix
            if selector == rule.symbol or selector.upper() == rule.msgid:
                return SEVERITIES[name]
            if rule.msgid.startswith(selector.upper()) and (chosen is None or len(selector) > len(chosen[0])):
                chosen = (selector, name)
        if chosen is not None:
            return SEVERITIES[chosen[1]]
        return types.DiagnosticSeverity.Error if rule.msgid.startswith(("E", "F")) \
            else types.DiagnosticSeverity.Warning


# --- the analysis ----------------------------------------------------------------------------------
def rule_of(finding):
    """The rule class of a finding."""
    from asynclint.rules import ALL

    return next(rule for rule in ALL if rule.msgid == finding.msgid)


@dataclass
class Outcome:
    """One check of one buffer."""

    path: str
    text: str
    version: int | None
    findings: list = field(default_factory=list)  # asynclint.finding.Finding, in the buffer's order
    depends_on: frozenset = frozenset()  # real paths of the project modules the analysis read
    error: str = ""  # why the buffer could not be analysed (a syntax error...)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()


@contextlib.contextmanager
def _reading(path: str):
    """The project modules the analysis of ``path`` reads (imports followed, chain steps), as
    ``asynclint.cache`` records them for its entries: real paths, into the set this yields."""
    from asynclint import cache
    from asynclint.core.django_kinds import is_project_file

    cache._install()  # pylint: disable=protected-access  # its hook on astroid's module lookups
    cache._recording.append(cache._Reads({path}))  # pylint: disable=protected-access
    read: set[str] = set()
    try:
        yield read
    finally:
        noted = cache._recording.pop()  # pylint: disable=protected-access
        read.update(os.path.realpath(p) for p in noted if p.endswith(".py") and is_project_file(p))


class Analyzer:
    """One pylint linter (``driver.make_linter``) and one ``RunContext`` kept warm in this process,
    fed with buffer texts.

    A change drops what depends on the changed files: their astroid trees and the context's caches
    (``RunContext.invalidate``); astroid's cache keeps every module whose file and buffer did not change.
    """

    def __init__(self) -> None:
        from asynclint.driver import RunContext
        from asynclint.lean import lean_astroid

        self.buffers: dict[str, str] = {}  # real path -> text of open documents
        self.context = RunContext()
        self._linters: dict[tuple, object] = {}
        self._roots: list[str] = []
        self._frozen = False
        self._lean = contextlib.ExitStack()
        self._lean.enter_context(lean_astroid())  # for the server's life, as pylint's -j workers do
        self._hook_astroid()

    # astroid: buffers instead of files, and a record of what each check read
    def _hook_astroid(self) -> None:
        from astroid import builder

        buffers = self.buffers
        file_build = builder.AstroidBuilder.file_build

        def build_from_buffer(self, path, modname=None):
            text = buffers.get(os.path.realpath(path))
            if text is not None:
                return self.string_build(text, modname or "", path)
            return file_build(self, path, modname)

        builder.AstroidBuilder.file_build = build_from_buffer

        def unhook() -> None:
            builder.AstroidBuilder.file_build = file_build

        self._lean.callback(unhook)

    def close(self) -> None:
        """Put astroid back as it was (for a process that goes on without the server: tests)."""
        self._lean.close()
        self.buffers.clear()

    def forget(self, paths) -> None:
        """Drop what depends on these files: their trees and the analysis caches."""
        from asynclint.fixes.engine import _forget

        _forget(paths)
        self.context.invalidate([])  # the per-module and per-function answers (not the file index:
        for path in paths:  # an edit adds no file), and the relations the edited files declared
            self.context.relations.pop(os.path.abspath(path), None)

    def files_changed(self) -> None:
        """Files were created or deleted: the project's file index and the import lookups are redone."""
        from astroid import MANAGER, modutils
        from astroid.interpreter._import import spec, util

        # where astroid found each module, and that it found none ("no module named ..."), in the
        # caches AstroidManager.clear_cache empties (without dropping the built modules)
        MANAGER._mod_file_cache.clear()  # pylint: disable=protected-access
        for cached in (modutils._has_init, modutils.cached_os_path_isfile,  # pylint: disable=protected-access
                       modutils._cache_normalize_path_, util.is_namespace,  # pylint: disable=protected-access
                       spec._find_spec, spec._is_setuptools_namespace):  # pylint: disable=protected-access
            cached.cache_clear()
        for finder in spec._SPEC_FINDERS:  # pylint: disable=protected-access
            finder.find_module.cache_clear()
        self.context.invalidate()

    def settle(self) -> None:
        """Collect garbage now, after the diagnostics went out, not in the middle of the next check:
        astroid's trees are large, and a full collection walks all of them. The first time, what is
        alive (pylint, astroid's cache, the project's modules) is moved out of the collector's sight."""
        gc.collect()
        if not self._frozen:
            gc.freeze()
            self._frozen = True

    def _linter(self, options: dict, target: tuple[int, int]):
        key = (tuple(sorted((k, str(v)) for k, v in options.items())), target)
        linter = self._linters.get(key)
        if linter is None:
            linter = _make_linter(options, target)
            self._linters = {key: linter}  # one configuration at a time is kept warm
        return linter

    def check(self, path: str, text: str, version: int | None, rules, target, options: dict) -> Outcome:
        from asynclint import finding as findings
        from asynclint.driver import package_roots, run_linter

        real = os.path.realpath(path)
        outcome = Outcome(path, text, version)
        if not rules:
            return outcome
        self.buffers[real] = text
        linter = self._linter(options, target)
        self._roots = list(dict.fromkeys([*package_roots([path]), *self._roots]))
        self.context.invalidate([])  # per-function answers: the trees they hold may be replaced
        linter.reporter.messages = []
        findings.record(linter)
        try:
            with _reading(path) as read:
                # by symbol: enabled by id, pylint keeps a note per call (it grows in a long session)
                messages = run_linter(linter, [([rule.symbol for rule in rules], [path])], self._roots,
                                      self.context)
        except SystemExit as exit_:  # an option a checker rejected
            outcome.error = f"asynclint stopped (exit {exit_.code}): check the configuration"
            return outcome
        for message in messages:
            if message.symbol in SETUP_ERRORS:
                outcome.error = f"line {message.line}: {' '.join(str(message.msg).split())}"
        wanted = {rule.msgid for rule in rules}
        outcome.findings = findings.collect(linter, [m for m in messages if m.msg_id in wanted])
        linter.asynclint_findings = None  # the fixes hold the trees: keep them in the outcome only
        read.update(os.path.realpath(step.path) for found in outcome.findings for step in found.chain if step.path)
        read.discard(real)
        outcome.depends_on = frozenset(read)
        _release_lookups()
        return outcome


def _release_lookups() -> None:
    """Empty astroid's per-node lru caches: each entry keeps a whole tree alive, and after an edit
    most of them belong to trees no longer in use."""
    from astroid.nodes import ClassDef
    from astroid.nodes._base_nodes import LookupMixIn

    LookupMixIn.lookup.cache_clear()  # pylint: disable=no-member  # an lru_cache
    ClassDef._metaclass_lookup_attribute.cache_clear()  # pylint: disable=protected-access


def _make_linter(options: dict, target: tuple[int, int]):
    from asynclint.driver import make_linter
    from asynclint.rules import ALL

    return make_linter([rule.symbol for rule in ALL], django_version=f"{target[0]}.{target[1]}", options=options)


# --- positions -----------------------------------------------------------------------------------
def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _client_column(line_text: str, byte_column: int, encoding: str) -> int:
    """pylint's column (UTF-8 bytes) as the client counts it."""
    chars = line_text.encode("utf-8")[:byte_column].decode("utf-8", errors="ignore")
    return _units(chars, encoding)


def _position(lines: list[str], line: int, byte_column: int | None, encoding: str) -> types.Position:
    """A 1-based line and a byte column as an LSP position (clamped to the text)."""
    index = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    column = len(text.encode("utf-8")) if byte_column is None else byte_column
    return types.Position(line=index, character=_client_column(text, column, encoding))


def _offset_position(text: str, offset: int, encoding: str) -> types.Position:
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return types.Position(line=line, character=_units(text[start:offset], encoding))


def _text_edits(old: str, new: str, encoding: str) -> list[types.TextEdit]:
    """Line-based edits turning ``old`` into ``new``."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(
            range=types.Range(_offset_position(old, starts[i1], encoding), _offset_position(old, starts[i2], encoding)),
            new_text="".join(new_lines[j1:j2])))
    return edits


def _read_lines(path: str, buffers: dict[str, str]) -> list[str]:
    text = buffers.get(os.path.realpath(path))
    if text is None:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            return []
    return text.splitlines()


# --- the server ----------------------------------------------------------------------------------
@dataclass
class Document:
    uri: str
    path: str
    outcome: Outcome | None = None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    timer: asyncio.TimerHandle | None = None


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, except that a request whose params do not fit its method is answered with
    an InvalidParams error (pygls only logs it, and the client would wait for ever)."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "method" in data and isinstance(data.get("id"), (int, str)):
                self._send_response(data["id"], error=types.ResponseError(
                    code=error.code, message=f"{error.message}: the params of {data['method']} do not match the "
                                             f"LSP specification"))
            return _Ignored()


@dataclass
class _Ignored:
    jsonrpc: str = "answered"  # handle_message drops messages of another JSON-RPC version


class AsyncLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("asynclint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.settings = Settings()
        self.analyzer: Analyzer | None = None
        self.documents: dict[str, Document] = {}  # by URI
        self._configs: dict[str, tuple] = {}
        self._links: dict[str, str | None] = {}  # rule symbol -> its documentation page

    @property
    def encoding(self) -> str:
        """How the client counts columns (negotiated at initialization; UTF-16 by default)."""
        try:
            return self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        except RuntimeError:  # not initialized yet
            return types.PositionEncodingKind.Utf16

    # configuration
    def configure(self, raw) -> None:
        try:
            self.settings = Settings.from_client(raw)
        except SettingsError as error:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"asynclint: {error}"))

    def rules_for(self, path: str):
        """(config, rules, target Django version, pylint options, error) for a document, from its
        ``[tool.asynclint]`` and the client's settings; a bad configuration is shown once (``error``)
        and leaves the document unchecked."""
        from asynclint import config as configuration
        from asynclint.rules import ALL

        found = configuration.find_pyproject([path])
        stamp = None
        if found is not None:
            with contextlib.suppress(OSError):
                stamp = os.stat(found).st_mtime_ns
        key = (str(found), stamp, self.settings)
        cached = self._configs.get(key)
        if cached is None:
            try:
                config = configuration.load([path])
                select = list(self.settings.select) if self.settings.select is not None else config.select
                rules = configuration.select_rules(ALL, select, [*config.ignore, *self.settings.ignore])
                target = configuration.target(self.settings.django_version or None, config, path).version
                cached = (config, rules, target, dict(config.linter), "")
            except configuration.ConfigError as error:
                cached = (None, (), None, {}, str(error))
                self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"asynclint: {error}"))
            if len(self._configs) > 16:
                self._configs.clear()
            self._configs[key] = cached
        return cached

    # checking
    def schedule(self, uri: str, delay: float | None = None) -> None:
        document = self.documents.get(uri)
        if document is None:
            return
        if document.timer is not None:
            document.timer.cancel()
        delay = self.settings.debounce if delay is None else delay
        document.timer = asyncio.get_running_loop().call_later(delay, self.check_and_publish, uri)

    def check_and_publish(self, uri: str) -> None:
        """Check one open document, publish its diagnostics, then re-check the open documents that
        depend on it (their findings may go through it)."""
        changed = self._check(uri)
        if changed is None:
            return
        for other in list(self.documents.values()):
            if other.uri != uri and other.outcome is not None and changed in other.outcome.depends_on:
                self._check(other.uri)
        self.analyzer.settle()

    def _check(self, uri: str) -> str | None:
        document = self.documents.get(uri)
        if document is None:
            return None
        if document.timer is not None:
            document.timer.cancel()
            document.timer = None
        text_document = self.workspace.get_text_document(uri)
        text, version = text_document.source, text_document.version
        config, rules, target, options, error = self.rules_for(document.path)
        if config is not None and config.excluded(Path(document.path)):
            rules = ()
        if self.analyzer is None:
            self.analyzer = Analyzer()
        real = os.path.realpath(document.path)
        previous = self.analyzer.buffers.get(real)
        if previous != text:
            self.analyzer.forget([real])
        try:
            outcome = self.analyzer.check(document.path, text, version, rules, target, options) if not error \
                else Outcome(document.path, text, version, error=error)
        except Exception as failure:  # pylint: disable=broad-except  # never let one file stop the server
            log.exception("asynclint failed on %s", document.path)
            outcome = Outcome(document.path, text, version, error=f"internal error: {failure!r}")
        document.outcome = outcome
        document.diagnostics = [self.diagnostic(found, outcome) for found in outcome.findings]
        if outcome.error:
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning,
                                                           f"asynclint: {document.path}: {outcome.error}"))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=document.diagnostics))
        return real

    def diagnostic(self, found, outcome: Outcome) -> types.Diagnostic:
        """The LSP diagnostic of a ``Finding`` (1-based columns in UTF-8 bytes, as pylint counts)."""
        from asynclint import docs

        encoding, rule = self.encoding, rule_of(found)
        lines = outcome.lines
        start = _position(lines, found.line, found.column - 1, encoding)
        end = _position(lines, found.end_line, found.end_column - 1, encoding) \
            if found.end_line is not None and found.end_column is not None \
            else _position(lines, found.line, None, encoding)
        if rule.symbol not in self._links:  # reading the distribution's metadata takes ~2 ms
            self._links[rule.symbol] = docs.help_uri(rule)
        href = self._links[rule.symbol]
        message = found.message if found.certainty == "definite" else f"possibly: {found.message}"
        return types.Diagnostic(
            range=types.Range(start, end), message=message, severity=self.settings.severity_of(rule),
            code=found.msgid, source=SOURCE,
            code_description=types.CodeDescription(href=href) if href else None,
            related_information=self.related(found, encoding) or None,
            data={"symbol": found.symbol, "certainty": found.certainty},
        )

    def related(self, found, encoding: str) -> list[types.DiagnosticRelatedInformation]:
        """The chain as locations: each project call down to the sync operation, with file and line."""
        buffers = self.analyzer.buffers if self.analyzer else {}
        info = []
        for index, step in enumerate(found.chain):
            if not step.path:
                continue
            lines = _read_lines(step.path, buffers)
            text = lines[step.line - 1] if 0 < step.line <= len(lines) else ""
            indent = len(text.encode("utf-8")) - len(text.lstrip().encode("utf-8"))
            last = index == len(found.chain) - 1
            info.append(types.DiagnosticRelatedInformation(
                location=types.Location(uri=from_fs_path(step.path), range=types.Range(
                    _position(lines, step.line, indent, encoding), _position(lines, step.line, None, encoding))),
                message=step.text if last else f"calls {step.text}"))
        return info

    # lookups for requests
    def document(self, uri: str) -> Document:
        document = self.documents.get(uri)
        if document is None:
            raise JsonRpcInvalidParams(f"asynclint: {uri} is not an open document")
        return document

    def findings_at(self, document: Document, range_: types.Range) -> list[tuple]:
        outcome = document.outcome
        if outcome is None:
            return []

        def key(position: types.Position):
            return (position.line, position.character)

        return [(found, diag) for found, diag in zip(outcome.findings, document.diagnostics)
                if key(diag.range.start) <= key(range_.end) and key(range_.start) <= key(diag.range.end)]


server = AsyncLintServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: AsyncLintServer, params: types.InitializeParams) -> None:
    ls.configure(params.initialization_options)


@server.feature(types.INITIALIZED)
def _initialized(ls: AsyncLintServer, params: types.InitializedParams) -> None:  # pylint: disable=unused-argument
    """Ask the client to report changes of Python files and pyproject.toml made outside the editor."""
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace else None
    if watched is not None and watched.dynamic_registration:
        ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="asynclint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                types.FileSystemWatcher(glob_pattern="**/*.py"),
                types.FileSystemWatcher(glob_pattern="**/pyproject.toml")]))]))


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def _did_change_configuration(ls: AsyncLintServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get("asynclint"), dict):
        ls.configure(settings["asynclint"])
        ls._configs.clear()  # pylint: disable=protected-access
        for uri in list(ls.documents):
            ls.schedule(uri, 0)


def _path_of(uri: str) -> str | None:
    if urlparse(uri).scheme != "file":
        return None
    path = to_fs_path(uri)
    return os.path.abspath(path) if path else None


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: AsyncLintServer, params: types.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = _path_of(uri)
    if path is None or not path.endswith((".py", ".pyi")):
        return  # untitled buffers and other schemes: nothing to resolve imports against
    ls.documents[uri] = Document(uri, path)
    ls.check_and_publish(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: AsyncLintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: AsyncLintServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri in ls.documents:
        ls._configs.clear()  # pylint: disable=protected-access  # a saved pyproject.toml applies now
        ls.check_and_publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: AsyncLintServer, params: types.DidCloseTextDocumentParams) -> None:
    document = ls.documents.pop(params.text_document.uri, None)
    if document is None:
        return
    if document.timer is not None:
        document.timer.cancel()
    if ls.analyzer is not None:  # the file on disk is what other modules import from now on
        real = os.path.realpath(document.path)
        if ls.analyzer.buffers.pop(real, None) is not None:
            ls.analyzer.forget([real])
            _recheck_dependents(ls, {real})
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=document.uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _did_change_watched_files(ls: AsyncLintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if ls.analyzer is None:
        return
    changed, created_or_deleted = set(), False
    for event in params.changes:
        path = _path_of(event.uri)
        if path is None:
            continue
        if event.type != types.FileChangeType.Changed:
            created_or_deleted = True
        real = os.path.realpath(path)
        if real not in ls.analyzer.buffers:  # an open buffer wins over its file
            changed.add(real)
    ls.analyzer.forget(changed)
    ls._configs.clear()  # pylint: disable=protected-access
    if created_or_deleted:
        ls.analyzer.files_changed()
    # a new configuration, or a module that an import may now find (or no longer find): check all again
    if created_or_deleted or any(os.path.basename(path) == "pyproject.toml" for path in changed):
        for uri in list(ls.documents):
            ls.schedule(uri, 0)
        return
    _recheck_dependents(ls, changed)


def _recheck_dependents(ls: AsyncLintServer, changed: set[str]) -> None:
    for document in list(ls.documents.values()):
        if document.outcome is not None and document.outcome.depends_on & changed:
            ls.schedule(document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: AsyncLintServer, params: types.HoverParams) -> types.Hover | None:
    from asynclint import docs

    document = ls.document(params.text_document.uri)
    position = params.position
    found = ls.findings_at(document, types.Range(position, position))
    if not found:
        return None
    texts, seen = [], set()
    for finding, _diagnostic in found:
        if finding.symbol not in seen:
            seen.add(finding.symbol)
            texts.append(docs.explain(rule_of(finding)))
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n---\n".join(texts)),
                       range=found[0][1].range)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
def _code_action(ls: AsyncLintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    from asynclint.finding import Fix
    from asynclint.fixes.base import SAFE
    from asynclint.fixes.engine import apply_fixes

    document = ls.document(params.text_document.uri)
    outcome = document.outcome
    if outcome is None:
        return []
    encoding = ls.encoding
    only = params.context.only
    wanted = (lambda kind: True) if not only else (lambda kind: any(kind == o or kind.startswith(f"{o}.")
                                                                   for o in only))
    uri = document.uri
    actions = []

    def edit(new_text: str) -> types.WorkspaceEdit:
        return types.WorkspaceEdit(changes={uri: _text_edits(outcome.text, new_text, encoding)})

    if wanted(types.CodeActionKind.QuickFix):
        for found, diagnostic in ls.findings_at(document, params.range):
            fix = found.fix if isinstance(found.fix, Fix) else None
            if fix is not None:
                new_text, applied, _refused = apply_fixes(outcome.text, [fix], outcome.path)
                if applied:
                    unsafe = fix.safety != SAFE
                    title = f"asynclint: {fix.description}" + (
                        f" (unsafe: {fix.why_unsafe or 'behaviour may change'})" if unsafe else "")
                    actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                                                    diagnostics=[diagnostic], is_preferred=not unsafe,
                                                    edit=edit(new_text)))
            actions.append(types.CodeAction(
                title=f"asynclint: disable {found.symbol} for this line", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic], edit=types.WorkspaceEdit(changes={uri: [
                    _disable_edit(outcome.text, found.line, found.symbol, encoding)]})))
    if wanted(FIX_ALL):
        fixes = [found.fix for found in outcome.findings if isinstance(found.fix, Fix) and found.fix.safety == SAFE]
        if fixes:
            new_text, applied, _refused = apply_fixes(outcome.text, fixes, outcome.path)
            if applied and new_text != outcome.text:
                actions.append(types.CodeAction(title="asynclint: fix all safe fixes in this file",
                                                kind=FIX_ALL, edit=edit(new_text)))
    return actions


def _disable_edit(text: str, line: int, symbol: str, encoding: str) -> types.TextEdit:
    """``# pylint: disable=<symbol>`` at the end of ``line`` (added to a disable comment already there)."""
    import re

    lines = text.splitlines()
    index = min(max(line - 1, 0), max(len(lines) - 1, 0))
    current = lines[index] if lines else ""
    existing = re.search(r"#\s*pylint:\s*disable=([\w, -]+?)\s*$", current)
    if existing:
        start = _units(current[:existing.end(1)], encoding)
        return types.TextEdit(range=types.Range(types.Position(index, start), types.Position(index, start)),
                              new_text=f",{symbol}")
    end = _units(current, encoding)
    return types.TextEdit(range=types.Range(types.Position(index, end), types.Position(index, end)),
                          new_text=f"  # pylint: disable={symbol}")


def main(argv: list[str] | None = None) -> int:  # pylint: disable=unused-argument
    """Serve LSP on stdin/stdout until the client says exit."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="asynclint server: %(message)s")
    server.start_io()
    return 0


if __name__ == "__main__":
    sys.exit(main())
