"""The fix engine: findings in, edited files out.

1. pylint runs asynclint's selected rules over the paths (in this process; the sources edited so far
   are handed to it in memory, so ``--diff`` never writes);
2. each finding carries its fix, built by the rule's fixer when the rule reported it, from the tree
   pylint parsed (``asynclint.finding``): a ``Fix`` (safe or unsafe, with edits) or a ``NoFix`` (why
   not); nothing is parsed or analysed again;
3. all fixes of one file are applied in one pass (``edits.apply_edits``); a result that does not
   parse (libcst, ``ast``, ``compile``) is refused; fixes that overlap in incompatible ways are
   deferred to the next round;
4. rounds repeat until nothing changes (a fix may reveal another, e.g. inside a rewritten call),
   then the files are written atomically (temporary file + ``os.replace``) with their encoding
   (PEP 263 cookie, BOM), newline style and permissions — or a unified diff is returned instead.
"""

from __future__ import annotations

import ast
import bisect
import contextlib
import dataclasses
import difflib
import errno
import os
import re
import stat
import sys
import tempfile
import tokenize
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from astroid import MANAGER

from asynclint import django_api as api
from asynclint.core import versions
# SETUP_ERRORS: the pylint messages that mean a file could not be analysed (it is then left alone).
from asynclint.driver import SETUP_ERRORS, on_sys_path, python_files
from asynclint.driver import package_roots as _roots
from asynclint.finding import Finding, Fix, NoFix, collect
from asynclint.fixes import edits as edit_verbs
from asynclint.fixes.base import SAFE, UNSAFE

MAX_ROUNDS = 6

# Why a finding was left (``Left.kind``), besides the ``NoFix`` kinds.
UNSAFE_LEFT = "unsafe fix"
NO_FIXER = "no automatic fix"
CONFLICT = "overlaps another fix"
INVALID = "the edited file would not parse"
NOT_PARSED = "libcst cannot parse the file"


@dataclass(frozen=True)
class Applied:
    finding: Finding
    safety: str
    description: str


@dataclass(frozen=True)
class Left:
    finding: Finding
    kind: str
    reason: str


@dataclass
class FixReport:
    """What ``fix_paths`` did: the fixes applied, the findings left (and why), what remains."""

    fixed: list[Applied] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)  # every finding after the fixes
    changed: list[str] = field(default_factory=list)  # files written (with diff=True: that would be)
    diff: str = ""
    errors: list[str] = field(default_factory=list)  # files not analysed or not written, and why
    dry_run: bool = False  # diff=True: nothing was written, ``changed`` files still need the fixes

    @property
    def unsafe_hidden(self) -> int:
        return sum(1 for left in self.left if left.kind == UNSAFE_LEFT)

    @property
    def exit_code(self) -> int:
        """2: a file could not be analysed or written; 1: findings remain (or, with ``--diff``, fixes
        are still to be written); 0: nothing left."""
        if self.errors:
            return 2
        return 1 if self.remaining or (self.dry_run and self.changed) else 0

    def render(self, cwd: str | None = None) -> str:
        """A human summary: one line per fix and per finding left, then the counts."""
        out = []
        for applied in self.fixed:
            out.append(f"{_where(applied.finding, cwd)}: {'would fix' if self.dry_run else 'fixed'} "
                       f"{applied.finding.symbol} ({applied.safety}): {applied.description}")
        for left in self.left:
            out.append(f"{_where(left.finding, cwd)}: left {left.finding.symbol} ({left.kind}): {left.reason}")
        for error in self.errors:
            out.append(f"error: {error}")
        files = len(self.changed)
        done = "would be fixed" if self.dry_run else "fixed"
        out.append(f"{len(self.fixed)} {done} in {files} file{'s' if files != 1 else ''}, "
                   f"{len(self.remaining)} remaining")
        if self.unsafe_hidden:
            out.append(f"{self.unsafe_hidden} more fixable with --unsafe-fixes")
        return "\n".join(out) + "\n"


def _where(finding: Finding, cwd: str | None = None) -> str:
    return f"{_shown(finding.path, cwd)}:{finding.line}:{finding.column}"


def _shown(path: str, cwd: str | None = None) -> str:
    cwd = cwd or os.getcwd()
    relative = os.path.relpath(path, cwd)
    return (path if relative.startswith("..") else relative).replace(os.sep, "/")


# --- fixers --------------------------------------------------------------------------------------
def fixable() -> tuple[str, ...]:
    """The symbols of the rules with an automatic fix (their ``fix_safety`` declaration)."""
    from asynclint.rules import ALL

    return tuple(rule.symbol for rule in ALL if rule.fix_safety is not None)


# --- source files --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceFile:
    path: str
    data: bytes
    encoding: str  # as detected by tokenize: the PEP 263 cookie, "utf-8-sig" with a BOM

    @property
    def text(self) -> str:
        return self.data.decode(self.encoding)

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)


def read_source(path: str) -> SourceFile:
    with open(path, "rb") as handle:
        data = handle.read()
    encoding, _ = tokenize.detect_encoding(iter(data.splitlines(keepends=True)).__next__)
    return SourceFile(path, data, encoding)


class ChangedMeanwhile(OSError):
    """The file's content changed since it was read (the user saved an edit while ``fix`` ran)."""


def write_atomically(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace the file's content at once, keeping its permissions, owner, group, hard links (and the
    symlink pointing to it). ``expected``: the content the fixes were computed from; when the file no
    longer holds it right before the replacement, nothing is written (``ChangedMeanwhile``)."""
    target = os.path.realpath(path)
    status = os.stat(target)
    if status.st_nlink > 1:  # a new inode would break the other names: write through, in place
        with open(target, "r+b") as stream:
            if expected is not None and stream.read() != expected:
                raise ChangedMeanwhile(errno.EAGAIN, "it changed while asynclint fix ran; run fix again")
            stream.seek(0)
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        return
    directory = os.path.dirname(target)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".asynclint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):  # only possible for root (or the group's members)
                os.chown(temporary, status.st_uid, status.st_gid)
        if expected is not None:
            with open(target, "rb") as current:
                if current.read() != expected:
                    raise ChangedMeanwhile(errno.EAGAIN, "it changed while asynclint fix ran; run fix again")
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def keep_final_break(original: str, text: str) -> str:
    """``text`` ending with ``original``'s final line break (libcst drops a final bare ``\\r``)."""
    for ending in ("\r\n", "\r", "\n"):
        if original.endswith(ending):
            return text if text.endswith(("\n", "\r")) else text + ending
    return text


def parses(text: str, path: str = "<fixed>", compiles: bool = True, libcst: bool = True) -> str | None:
    """None when ``text`` is valid Python (libcst — if asked —, ``ast`` and — if asked — the compiler
    agree), else why."""
    import libcst as cst  # pylint: disable=import-outside-toplevel  # a run applying no fix never loads it

    try:
        if libcst:
            cst.parse_module(text)
        ast.parse(text, filename=path)
        if compiles:
            compile(text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, cst.ParserSyntaxError) as error:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    return None


# --- selection -----------------------------------------------------------------------------------
def select_symbols(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[str]:
    """The symbols of the rules chosen by symbols, message ids or id prefixes (``E57``)."""
    from asynclint.rules import ALL

    def matches(rule, code: str) -> bool:
        code = code.strip()
        return code == rule.symbol or rule.msgid.upper().startswith(code.upper()) if code else False

    select, ignore = list(select or ()), list(ignore or ())
    chosen = [rule for rule in ALL if not select or any(matches(rule, code) for code in select)]
    return [rule.symbol for rule in chosen if not any(matches(rule, code) for code in ignore)]


# --- linting -------------------------------------------------------------------------------------
def lint(paths: Sequence[str], symbols: Sequence[str], *, overlay: dict[str, str] | None = None,
         django_version: str | None = None, options: dict[str, str] | None = None,
         progress: Callable[[int, int], None] | None = None,
         ) -> tuple[list[Finding], list[Finding], api.Version]:
    """asynclint's structured findings for ``paths`` (only ``symbols``; each with its fix, chain, row
    and certainty, built while the rules ran), the setup errors (files that could not be analysed),
    and the targeted Django version. Each file is parsed once. ``overlay``: file contents to lint instead of
    what is on disk, by real path. ``progress(done, total)``: after each chunk of files."""
    from asynclint import driver
    from asynclint.rules import ALL

    overlay = dict(overlay or {})
    try:
        target = versions.detect(django_version or "", os.getcwd()).version
    except versions.InvalidDjangoVersion as error:
        print(f"asynclint: error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    rules = [rule for rule in ALL if rule.symbol in symbols or rule.msgid in symbols]
    _forget(overlay)
    # The same run as ``check`` (the prefilter, one fresh context), so both agree exactly; built with
    # astroid's inference, as the fixers were written for.
    result = driver.lint(paths, rules, target, options, buffers=overlay, lean=False, progress=progress)
    findings, errors = [], []
    for finding in collect(result.linter, result.messages):
        (errors if finding.symbol in SETUP_ERRORS else findings).append(finding)
    _forget(overlay)
    return sorted(set(findings)), errors, target


def _forget(paths: Iterable[str]) -> None:
    """Drop astroid's cached trees of these files (their content changed, or is in memory only)."""
    wanted = {os.path.realpath(p) for p in paths}
    if not wanted:
        return
    for name, module in list(MANAGER.astroid_cache.items()):
        file = getattr(module, "file", None)
        if file and os.path.realpath(file) in wanted:
            del MANAGER.astroid_cache[name]


# --- applying ------------------------------------------------------------------------------------
def _claims(fix: Fix) -> dict[edit_verbs.Span, frozenset]:
    by_span: dict = defaultdict(set)
    for edit in fix.edits:
        if edit.span is not None:
            by_span[(edit.verb == "insert_statement_before", edit.span)].add(edit)
    return {span: frozenset(found) for span, found in by_span.items()}


#: A file of at least this many lines has its fixes applied to the top-level statements they touch
#: (``_apply_in_parts``): libcst on a whole 200,000-line module takes minutes.
LARGE = 2000
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _apply_in_parts(text: str, edits: Sequence[edit_verbs.Edit], path: str, compiles: bool) -> str | None:
    """``edits`` applied to each top-level statement they touch, parsed with libcst on its own: the
    text ``edits.apply_edits`` gives for the whole module (a top-level statement is never on the
    loop, so an edit is always inside one; code generation reproduces untouched text), at the cost
    of the statements touched. Imports (``ensure_import``) go to the part from the first line to the
    statement after the last top-level import, which holds every import it reads or places.
    None when this route does not apply (``remove_unused_import`` reads the whole module's names; a
    span across statements; a part libcst cannot read, or cannot write back byte for byte on its
    own): the caller applies them to the whole text.
    Raises what ``apply_edits`` raises; the result is checked as ``parses`` would check it, libcst
    reading each rewritten part."""
    import libcst as cst  # pylint: disable=import-outside-toplevel  # see ``parses``

    if any(edit.verb == "remove_unused_import" for edit in edits):
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    lines = _LINE.findall(text)
    if "".join(lines) != text:
        return None
    starts = [1]  # the first line of each part: a top-level statement with its decorators
    for statement in tree.body:
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", ()))])
        if first > starts[-1]:
            starts.append(first)
    head = 0
    if any(edit.verb == "ensure_import" for edit in edits) and tree.body:
        # the statement after the last top-level import, or after the first statement (a docstring)
        last = max((i for i, s in enumerate(tree.body) if isinstance(s, (ast.Import, ast.ImportFrom))), default=0)
        after = tree.body[min(len(tree.body) - 1, last + 1)]
        head = bisect.bisect_right(starts, after.lineno) - 1
    groups: dict[int, list] = defaultdict(list)  # first part -> its edits
    for edit in edits:
        if edit.span is None:
            groups[0].append(edit)
            continue
        part = bisect.bisect_right(starts, edit.span.line) - 1
        if part < 0 or bisect.bisect_right(starts, edit.span.end_line) - 1 != part:
            return None
        groups[0 if part <= head else part].append(edit)
    bounds = [*starts, len(lines) + 1]
    pieces, done = [], 1  # done: the next line of the original not yet in pieces
    for part in sorted(groups):
        first, after = bounds[part], bounds[head + 1 if part == 0 else part + 1]
        shifted = [edit if edit.span is None else dataclasses.replace(edit, span=edit_verbs.Span(
            edit.span.line - first + 1, edit.span.column, edit.span.end_line - first + 1, edit.span.end_column))
            for edit in groups[part]]
        original = "".join(lines[first - 1:after - 1])
        try:
            if cst.parse_module(original).code != original:  # libcst loses a blank line before a
                return None  # form feed at the end of a module: such a part is not its own module
        except cst.ParserSyntaxError:
            return None
        rewritten = edit_verbs.apply_edits(original, shifted)
        cst.parse_module(rewritten)
        pieces += [*lines[done - 1:first - 1], rewritten]
        done = after
    pieces += lines[done - 1:]
    result = "".join(pieces)
    if parses(result, path, compiles, libcst=False) is not None:
        raise ValueError("the edited file does not parse")
    return result


def apply_fixes(text: str, fixes: Sequence[Fix], path: str = "<fixed>") -> tuple[str, list[int], dict[int, str]]:
    """Apply the fixes that fit together. Returns the new text, the indexes of the fixes applied,
    and why the others were not."""
    import libcst as cst  # pylint: disable=import-outside-toplevel  # see ``parses``

    claimed: dict = {}
    chosen, refused = [], {}
    for index, fix in enumerate(fixes):
        claims = _claims(fix)
        if any(span in claimed and claimed[span] != found for span, found in claims.items()):
            refused[index] = CONFLICT
            continue
        claimed.update(claims)
        chosen.append(index)
    compiles = parses(text, path, libcst=False) is None
    large = text.count("\n") >= LARGE
    whole = [not large]  # whether libcst read the whole text (a large file's only when its parts do not do)

    def attempt(indexes: list[int]) -> str | None:
        edits = [e for i in indexes for e in fixes[i].edits]
        try:
            result = _apply_in_parts(text, edits, path, compiles) if large else None
            if result is not None:
                return result
        except (edit_verbs.EditError, cst.ParserSyntaxError, ValueError, TypeError):
            return None
        if not whole[0]:
            cst.parse_module(text)  # a ParserSyntaxError here: no fix applies (below)
            whole[0] = True
        try:
            result = edit_verbs.apply_edits(text, edits)
        except (edit_verbs.EditError, cst.ParserSyntaxError, ValueError, TypeError):
            return None
        return result if parses(result, path, compiles) is None else None

    try:
        if not large:
            cst.parse_module(text)
        return _attempts(text, attempt, chosen, refused)
    except cst.ParserSyntaxError as error:  # valid Python that libcst cannot read: no fix applies
        why = f"{NOT_PARSED}: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
        return text, [], {index: why for index in range(len(fixes))}


def _attempts(text: str, attempt, chosen: list[int], refused: dict[int, str]) -> tuple[str, list[int], dict[int, str]]:
    """The chosen fixes applied together, or those that apply one at a time (``apply_fixes``)."""
    result = attempt(chosen)
    if result is None:  # find the fixes that do not apply, one at a time
        accepted = []
        for index in chosen:
            if attempt([*accepted, index]) is not None:
                accepted.append(index)
            else:
                refused[index] = INVALID
        chosen = accepted
        result = attempt(chosen) if chosen else text
    return result, chosen, refused


# --- the public entry points ---------------------------------------------------------------------
def fix_paths(paths: Sequence[str], *, unsafe: bool = False, diff: bool = False, select: Iterable[str] = (),
              ignore: Iterable[str] = (), django_version: str | None = None,
              options: dict[str, str] | None = None, progress: Callable[[str], None] | None = None) -> FixReport:
    """Fix the findings of the selected rules under ``paths``; see the module docstring.

    ``django_version``: the targeted version ("5.2"), else pylint's option, the installed Django, the
    newest known. ``options``: more asynclint options for the run (``{"chain-depth": "3"}``).
    ``progress(text)``: what the run is doing now (a round's analysis, a file's fixes), for a
    progress line; the files are analysed in chunks (``driver.CHUNK``), as ``check`` does.
    """
    symbols = select_symbols(select, ignore)
    paths = python_files(paths)
    report = FixReport(dry_run=diff)
    sources: dict[str, SourceFile] = {}
    overlay: dict[str, str] = {}  # real path -> edited text
    broken: set[str] = set()
    forget_under(paths)
    findings: list[Finding] = []
    first: list[Finding] | None = None  # the findings before any fix (what a file not written keeps)
    not_applied: dict[Finding, str] = {}  # why a fix was refused (apply_fixes), by finding
    for number in range(1, MAX_ROUNDS + 1):
        def analysed(done: int, total: int, number: int = number) -> None:
            progress(f"fix round {number}: analysed {done} of {total} files")  # type: ignore[misc]

        if progress:
            progress(f"fix round {number}: analysing {len(paths)} file{'s' if len(paths) != 1 else ''}")
        findings, errors, _target = lint(paths, symbols, overlay=overlay, django_version=django_version,
                                        options=options, progress=analysed if progress else None)
        first = findings if first is None else first
        for error in errors:
            if error.path not in broken:
                broken.add(error.path)
                report.errors.append(f"{_shown(error.path)}:{error.line}: could not be analysed: "
                                     f"{' '.join(error.message.split())}")
        by_file: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            if finding.fix is not None and finding.path not in broken:
                by_file[finding.path].append(finding)
        changed = False
        for path, found in sorted(by_file.items()):
            real = os.path.realpath(path)
            if real not in sources:
                try:
                    sources[real] = read_source(real)
                except (OSError, SyntaxError, LookupError) as error:
                    report.errors.append(f"{_shown(path)}: cannot read: {error}")
                    broken.add(path)
                    continue
            text = overlay.get(real, sources[real].text)
            wanted = [(finding, finding.fix) for finding in found
                      if isinstance(finding.fix, Fix) and (finding.fix.safety == SAFE or unsafe)]
            if not wanted:
                continue
            if progress:
                progress(f"fix round {number}: applying {len(wanted)} fix{'es' if len(wanted) != 1 else ''} "
                         f"to {_shown(path)} ({text.count(chr(10)) + 1} lines)")
            with on_sys_path(_roots([path])):  # for the import sections (``edits._module_kind``)
                new_text, applied, refused = apply_fixes(text, [f for _, f in wanted], path)
            for index, why in refused.items():  # the real reason, for the findings left
                not_applied[wanted[index][0]] = why
            new_text = keep_final_break(text, new_text)
            if new_text != text:
                overlay[real] = new_text
                changed = True
                for index in applied:
                    finding, fix = wanted[index]
                    report.fixed.append(Applied(finding, fix.safety, fix.description))
        if not changed:
            break
    report.remaining = findings
    report.left = _left(findings, unsafe, not_applied)
    for real, text in sorted(overlay.items()):
        original = sources[real]
        if text == original.text:
            continue
        report.changed.append(real)
        if diff:
            shown = _shown(real)
            report.diff += "".join(difflib.unified_diff(
                original.text.splitlines(keepends=True), text.splitlines(keepends=True),
                fromfile=f"a/{shown}", tofile=f"b/{shown}"))
            continue
        try:
            write_atomically(real, original.encode(text), expected=original.data)
        except (OSError, UnicodeEncodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            report.errors.append(f"{_shown(real)}: not written: {reason}")
            _not_written(report, real, first or [])
    if diff:  # nothing was written: say where what is left is in the files as they are on disk
        report.left = [dataclasses.replace(left, finding=_on_disk(left.finding, sources, overlay))
                       for left in report.left]
        report.remaining = [_on_disk(finding, sources, overlay) for finding in report.remaining]
    _forget(overlay)
    return report


def _on_disk(finding: Finding, sources: dict[str, SourceFile], overlay: dict[str, str]) -> Finding:
    """A finding of an edited (unwritten) text, at the line of the file on disk it comes from."""
    real = os.path.realpath(finding.path)
    if real not in overlay or real not in sources:
        return finding
    matcher = difflib.SequenceMatcher(None, sources[real].text.splitlines(), overlay[real].splitlines(),
                                      autojunk=False)

    def original(line: int | None) -> int | None:
        if line is None:
            return None
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if j1 <= line - 1 < j2:
                return i1 + (line - 1 - j1) + 1 if tag == "equal" else i1 + 1
        return line

    return dataclasses.replace(finding, line=original(finding.line), end_line=original(finding.end_line))


def _not_written(report: FixReport, real: str, before: list[Finding]) -> None:
    """A file that could not be written keeps its findings: its fixes are not counted as done."""
    report.changed.remove(real)
    report.fixed = [a for a in report.fixed if os.path.realpath(a.finding.path) != real]
    report.left = [left for left in report.left if os.path.realpath(left.finding.path) != real]
    report.remaining = [f for f in report.remaining if os.path.realpath(f.path) != real] + \
        [f for f in before if os.path.realpath(f.path) == real]


def _left(findings: list[Finding], unsafe: bool, not_applied: dict[Finding, str] | None = None) -> list[Left]:
    left = []
    for finding in findings:
        result = finding.fix
        if result is None:
            left.append(Left(finding, NO_FIXER, f"{finding.symbol} has no automatic fix"))
        elif isinstance(result, NoFix):
            left.append(Left(finding, result.kind, result.reason))
        elif result.safety == UNSAFE and not unsafe:
            left.append(Left(finding, UNSAFE_LEFT, f"{result.description} (with --unsafe-fixes; "
                                                   f"{result.why_unsafe or 'behaviour may change'})"))
        else:
            why = (not_applied or {}).get(finding, CONFLICT)
            kind = why if why in (CONFLICT, INVALID) else NOT_PARSED
            detail = f": {why[len(NOT_PARSED) + 2:]}" if kind == NOT_PARSED else ""
            left.append(Left(finding, kind, f"{result.description} did not apply{detail}"))
    return left


def forget_under(paths: Sequence[str]) -> None:
    """Drop cached trees of files under ``paths``: they may have changed since they were parsed."""
    prefixes = tuple(os.path.realpath(p) for p in paths)
    for name, module in list(MANAGER.astroid_cache.items()):
        file = getattr(module, "file", None)
        if file and os.path.realpath(file).startswith(prefixes):
            del MANAGER.astroid_cache[name]
