"""``asynclint``: the command line (``check``, ``rules``, ``explain``).

``asynclint check`` runs asynclint's checkers only, on pylint's ``PyLinter`` (so ``# pylint:
disable=<symbol>`` comments work), over the modules that can produce a finding (``asynclint.prefilter``);
astroid still loads any other module when the analysis follows an import into it.

Exit status: 0 no findings, 1 findings, 2 usage error or a file that could not be analysed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path

from asynclint import __version__
from asynclint.finding import CERTAINTIES
from asynclint.driver import InputError

class UsageError(Exception):
    """One line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line, not the usage block
        raise UsageError(message)


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"invalid value {value!r}: expected 0 (one per CPU) or a positive number")
    return jobs


EXIT_CODES = ("exit status: 0 no findings (fix: nothing remains), 1 findings (fix: findings remain), "
              "2 usage error or a file that could not be analysed (or written)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="asynclint", description="Finds async anti-patterns in Django code.", epilog=EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"asynclint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check files and folders (default: the current folder)",
                                epilog=EXIT_CODES)
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.add_argument("--output-format", "-f", default="text", choices=("text", "json", "github", "sarif", "junit"),
                       help="report format (default: text)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", type=_csv, metavar="RULES", help="only these rules: symbols, ids or id prefixes")
    check.add_argument("--ignore", type=_csv, default=[], metavar="RULES", help="skip these rules")
    check.add_argument("--django-version", default=None, metavar="X.Y", help="the Django version the code targets")
    check.add_argument("--config", metavar="PYPROJECT", help="read [tool.asynclint] from this file")
    check.add_argument("--exclude", type=_csv, default=[], metavar="PATTERNS", help="more exclude patterns")
    check.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                       help="processes (default 1; 0: one per CPU). Each builds its own trees, so memory grows with N; "
                            "on 2 cores it does not pay (Django's package: -j 2 took 28%% more CPU than -j 1, "
                            "no less wall time)")
    check.add_argument("--certainty", choices=CERTAINTIES,
                       help="only definite findings, or only possible ones (default: both)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="color the text report (auto: on a terminal, unless NO_COLOR is set)")
    check.add_argument("-v", "--verbose", action="store_true", help="say what is checked, and why")
    _cache_arguments(check)
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="with '-' as the path: check the source read from stdin as the file PATH")

    fix = commands.add_parser("fix", help="rewrite what check finds into its async form, where that is safe",
                              epilog=EXIT_CODES)
    fix.add_argument("paths", nargs="*", metavar="PATH")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that may change behaviour")
    fix.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    fix.add_argument("--select", type=_csv, metavar="RULES", help="only these rules: symbols, ids or id prefixes")
    fix.add_argument("--ignore", type=_csv, default=[], metavar="RULES", help="skip these rules")
    fix.add_argument("--django-version", default=None, metavar="X.Y", help="the Django version the code targets")
    fix.add_argument("--config", metavar="PYPROJECT", help="read [tool.asynclint] from this file")
    fix.add_argument("--exclude", type=_csv, default=[], metavar="PATTERNS", help="more exclude patterns")
    fix.add_argument("-v", "--verbose", action="store_true", help="say what is checked, and why")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", "-f", default="text", choices=("text", "json"),
                       help="list format (default: text)")
    rules.add_argument("--libraries", action="store_true",
                       help="list the third-party libraries covered, per rule (docs/libraries.md has every call)")

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE", help="a rule symbol or id")

    clean = commands.add_parser("clean", help="remove the cache of 'asynclint check'")
    clean.add_argument("paths", nargs="*", metavar="PATH")
    clean.add_argument("--config", metavar="PYPROJECT", help="read [tool.asynclint] from this file")
    _cache_arguments(clean)

    commands.add_parser("server", help="run the language server (LSP over stdio; needs asynclint[server])")
    return parser


def _cache_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="the cache directory (default: $ASYNCLINT_CACHE_DIR, else .asynclint_cache "
                             "beside the pyproject.toml with [tool.asynclint], else in the current folder)")


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
        if args.command == "check":
            return _check(args)
        if args.command == "fix":
            return _fix(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "clean":
            return _clean(args)
        if args.command == "server":
            return _server()
        _parser().print_help()
        return 2
    except (UsageError, InputError) as error:
        print(f"asynclint: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `asynclint rules | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# --- rules / explain --------------------------------------------------------------------------------
def _rules(args) -> int:
    from asynclint.rules import ALL

    if getattr(args, "libraries", False):
        return _libraries(args)
    rows = [{"id": r.msgid, "symbol": r.symbol, "fix": r.fix_safety or "no", "django": str(r.django_versions),
             "summary": r.summary} for r in ALL]
    if args.output_format == "json":
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(r["symbol"]) for r in rows)
    fix_width = max(len(r["fix"]) for r in rows)
    print(f"{'id':<6} {'symbol':<{width}}  {'fix':<{fix_width}}  django")
    for row in rows:
        print(f"{row['id']:<6} {row['symbol']:<{width}}  {row['fix']:<{fix_width}}  {row['django']}")
    return 0


def _libraries(args) -> int:
    from asynclint.libraries.docs import summary

    rows = summary()
    if args.output_format == "json":
        print(json.dumps(rows, indent=2))
        return 0
    widths = {key: max(len(key), *(len(row[key]) for row in rows)) for key in rows[0]}
    print("  ".join(f"{key:<{widths[key]}}" for key in widths).rstrip())
    for row in rows:
        print("  ".join(f"{row[key]:<{widths[key]}}" for key in widths).rstrip())
    return 0


def find_rule(name: str):
    from asynclint.rules import ALL

    for rule in ALL:
        if name in (rule.symbol, rule.msgid) or name.upper() == rule.msgid:
            return rule
    raise UsageError(f"unknown rule '{name}': expected a rule symbol or id (see 'asynclint rules')")


def _explain(args) -> int:
    from asynclint import docs

    print(docs.explain(find_rule(args.rule)), end="")
    return 0


def _server() -> int:
    try:
        from asynclint import server
    except ImportError as error:
        raise UsageError(f"asynclint server needs pygls ({error}): pip install 'asynclint[server]'") from None
    return server.main()


# --- check ------------------------------------------------------------------------------------------
def _log(verbose: bool, text: str) -> None:
    if verbose:
        print(f"asynclint: {text}", file=sys.stderr)


def _configure(args):
    """What check and fix share: the paths, [tool.asynclint] with the command-line additions, the
    selected rules and the targeted Django version; bad input is a UsageError (one line, exit 2)."""
    from asynclint import config as configuration
    from asynclint.rules import ALL

    from asynclint.driver import check_named

    paths = args.paths or ["."]
    if getattr(args, "stdin_filename", None) is not None or paths == ["-"]:
        if paths != ["-"] or not args.stdin_filename:
            raise UsageError("--stdin-filename PATH goes with '-' as the only path (the source is read from stdin)")
        paths = args.paths = [args.stdin_filename]
    for raw in paths:
        check_named(Path(raw), raw)
    try:
        config = configuration.load(paths, args.config)
        config.exclude += args.exclude
        select = args.select if args.select is not None else config.select
        rules = configuration.select_rules(ALL, select, [*config.ignore, *args.ignore])
        target = configuration.target(args.django_version, config, paths[0])
    except configuration.ConfigError as error:
        raise UsageError(str(error)) from None
    return paths, config, rules, target


def _check(args) -> int:
    from asynclint import baseline as baselines
    from asynclint import driver, output
    from asynclint.rules import ALL

    started = time.perf_counter()
    paths, config, rules, target = _configure(args)
    verbose = args.verbose
    _log(verbose, f"configuration: {config.path} [tool.asynclint]" if config.path
         else "configuration: no [tool.asynclint] in a pyproject.toml above the checked paths")
    _log(verbose, f"targeting Django {target.version[0]}.{target.version[1]}: {target.reason}")
    _log(verbose, f"rules: {len(rules)} of {len(ALL)} selected")

    log = (lambda text: _log(True, text)) if verbose else None
    buffers = cache = None
    if args.stdin_filename:  # one file, its source from stdin (editors that pipe their buffer); not cached
        files = [Path(args.stdin_filename)]
        buffers = {args.stdin_filename: sys.stdin.read()}
    else:
        files = driver.discover(paths, config, log)
        cache = None if args.no_cache else _open_cache(args.cache_dir, config, rules, target)
    try:
        result = driver.lint(files, rules, target.version, config.linter, jobs=args.jobs, log=log, cache=cache,
                             progress=_progress() if len(files) > driver.CHUNK else None, buffers=buffers)
    except SystemExit as exit_:  # an option a checker rejected (it printed one line)
        return int(exit_.code) if isinstance(exit_.code, int) else 2
    errors, findings = result.errors, result.findings
    _report_unparsable(driver.unparsable_imports(result))
    if cache is not None:
        cache.prune()
        if verbose:
            count, size = cache.size()
            _log(True, f"cache {cache.directory}: {count} files, {size / 1e6:.1f} MB")
    _log(verbose, f"analysed in {time.perf_counter() - started:.2f}s")
    findings = _scope(findings, config, rules, args.certainty, verbose)

    if args.write_baseline:
        try:
            count = baselines.write(args.write_baseline, findings)
        except baselines.BaselineError as error:
            raise UsageError(str(error)) from None
        print(f"asynclint: wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}",
              file=sys.stderr)
        return 2 if errors and _report_errors(errors) else 0
    hidden = 0
    if args.baseline:
        try:
            findings, hidden = baselines.apply(args.baseline, findings)
        except baselines.BaselineError as error:
            raise UsageError(str(error)) from None
    report = output.Report(findings, [output.shown_path(str(p)) for p in files], rules, hidden)
    color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    text = output.render(args.output_format, report, color=color)
    if args.output_format == "text" and not findings and (errors or not files):
        # Say what happened, not "All checks passed!", when nothing (or not everything) was checked.
        broken = len({m.abspath or m.path for m in errors})
        said = f"{broken} file{'s' if broken != 1 else ''} could not be analysed." if errors \
            else "No Python files found."
        text = text.replace("All checks passed!", said, 1)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if errors:
        _report_errors(errors)
        return 2
    if findings and not args.exit_zero:
        return 1
    return 0


def _cache_directory(option: str | None, config) -> Path:
    from asynclint import cache

    return Path(option) if option else cache.default_directory(config.path)


def _open_cache(option: str | None, config, rules, target):
    """The cache for this configuration (``asynclint.cache``)."""
    from asynclint import cache

    from asynclint.core import versions

    with contextlib.suppress(versions.InvalidRequirement):  # the rules report it, once they are set up
        # the library versions an entry recorded are asked again (``cache.TEXT_QUERIES``) with this option
        versions.configure_libraries(config.linter.get("library-versions", ()) or ())
    version = f"{target.version[0]}.{target.version[1]}"
    if target.specifier:  # the lowest release the requirement admits: findings may ask for the later ones
        version = f"{version} {target.specifier}"
    return cache.Cache(_cache_directory(option, config), cache.settings_key(rules, version, config.linter))


def _clean(args) -> int:
    from asynclint import cache
    from asynclint import config as configuration

    try:
        config = configuration.load(args.paths or ["."], args.config)
    except configuration.ConfigError as error:
        raise UsageError(str(error)) from None
    directory = _cache_directory(args.cache_dir, config)
    try:
        removed = cache.clean(directory)
    except (ValueError, OSError) as error:
        raise UsageError(f"cannot remove {directory}: {error}") from None
    print(f"asynclint: {'removed' if removed else 'no cache at'} {directory}", file=sys.stderr)
    return 0


def _fix(args) -> int:
    from asynclint import driver
    from asynclint.fixes import fix_paths

    paths, config, rules, target = _configure(args)
    _log(args.verbose, f"targeting Django {target.version[0]}.{target.version[1]}: {target.reason}")
    files = driver.discover(paths, config, (lambda text: _log(True, text)) if args.verbose else None)
    from asynclint.config import linter_options as known_options

    known = known_options()
    options = {name: driver.option_value(name, known[name], value) for name, value in config.linter.items()}
    line = _status_line()
    try:
        with driver.on_sys_path(driver.package_roots(files)), driver.using(driver.RunContext()):
            report = fix_paths([str(p) for p in files], unsafe=args.unsafe_fixes, diff=args.diff,
                               select=[r.symbol for r in rules],
                               django_version=f"{target.version[0]}.{target.version[1]}", options=options,
                               progress=(lambda text: line.show(f"asynclint: {text}")) if line else None)
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else 2
    finally:
        if line:
            line.clear()
    if args.diff and report.diff:
        sys.stdout.write(report.diff)
    sys.stderr.write(report.render())
    return report.exit_code


class _StatusLine:
    """One line saying what a long run is doing, on a terminal (stderr) only, erased when the run ends."""

    def __init__(self) -> None:
        self.shown = False

    def show(self, text: str) -> None:
        sys.stderr.write(f"\r\033[K{text}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.shown = False


def _status_line() -> _StatusLine | None:
    return _StatusLine() if sys.stderr.isatty() else None


def _progress():
    """``progress(done, total)`` for ``driver.lint``: a progress line on a terminal, erased when the
    run ends; None (nothing shown) otherwise."""
    line = _status_line()
    if line is None:
        return None

    def show(done: int, total: int) -> None:
        if done >= total:
            line.clear()
        else:
            line.show(f"asynclint: analysed {done} of {total} files")

    return show


def _scope(findings: list, config, rules, certainty: str | None, verbose: bool) -> list:
    """The findings ``per-file-ignores`` and ``--certainty`` keep; ``-v`` says what the deployment
    detection decided for the middleware rules."""
    from asynclint.core import deployment

    if verbose and any(rule.symbol in ("sync-only-middleware", "sync-only-middleware-in-settings") for rule in rules):
        root = config.root if config.path is not None else None
        for path in sorted({f.path for f in findings}) or ([str(root)] if root else []):
            found = deployment.server_for(config.server, path)
            _log(True, f"deployment ({deployment.project_root(path)}): {found.describe()}")
            break
    off: dict[str, set[str]] = {}
    kept = []
    for finding in findings:
        if finding.path not in off:
            off[finding.path] = config.ignored_rules(finding.path, rules) if config.per_file_ignores else set()
        if finding.msgid in off[finding.path] or certainty is not None and finding.certainty != certainty:
            continue
        kept.append(finding)
    return kept


def _report_unparsable(modules: list[tuple[str, int]]) -> None:
    """One line per module the analysis followed an import into but could not parse: what it defines
    (its models...) is unknown, so findings that need it are missing. Not an error of the checked files."""
    from asynclint.driver import newer_python_needed
    from asynclint.output import shown_path

    for path, line in modules:
        newer = newer_python_needed(path, line)
        why = (f"its syntax needs Python {newer[0]}.{newer[1]} or newer and asynclint runs on Python "
               f"{sys.version_info[0]}.{sys.version_info[1]}: run asynclint with the project's Python") if newer \
            else "it has a syntax error"
        print(f"asynclint: warning: {shown_path(path)}:{line}: imported module could not be parsed, so what it "
              f"defines is unknown to the analysis ({why})", file=sys.stderr)


def _report_errors(errors) -> bool:
    from asynclint.output import shown_path

    from asynclint.driver import newer_python_needed

    for message in sorted(errors, key=lambda m: (m.abspath or m.path, m.line)):
        text = " ".join(str(message.msg).split())
        path = message.abspath or message.path
        newer = newer_python_needed(path, message.line) if message.symbol == "syntax-error" else None
        if newer:
            running = ".".join(map(str, sys.version_info[:2]))
            text += (f" (this syntax needs Python {newer[0]}.{newer[1]} or newer and asynclint runs on Python "
                     f"{running}: run asynclint with the project's Python)")
        print(f"asynclint: error: {shown_path(path)}:{message.line}: could not be analysed: {text}",
              file=sys.stderr)
    return True


def run() -> None:
    """The command's entry point: ``main``, then the process ends without tearing the interpreter down.

    A check leaves millions of objects (astroid's trees, pylint, the run's memos); Python's shutdown
    collects and frees every one of them, which cost 2.3 s CPU after a cold check of django/ had
    finished (10.7 s in all). Everything the command writes is written when ``main`` returns (the
    cache atomically, files closed), so what remains is flushing the standard streams. Under a
    profiler or a tracer (cProfile, coverage) the process exits as usual: they write at exit."""
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader left, or a stream was closed: nothing to say
        pass
    os._exit(code)  # pylint: disable=protected-access


if __name__ == "__main__":
    run()
