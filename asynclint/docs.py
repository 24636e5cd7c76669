"""The documentation page of every rule: ``docs/rules/<symbol>.md``, in ruff's shape.

One source: a page is generated from the rule's declaration (summary, fix safety and title, Django
versions), the rule module's docstring (What it does / Why is this bad? /
Example / Use instead / Fix safety / Django versions) and from the rule's fixture files
(``tests/fixtures/<symbol>/``: the flagged lines of each ``bad_*.py`` under Example, the ``good_*.py``
files under Use instead). ``asynclint explain`` prints the same page, and the SARIF output carries
it as each rule's help. Without the fixtures (asynclint installed from a wheel) the page is the
docstring part alone.

    python -m asynclint.docs            # (re)write docs/rules/*.md
    python -m asynclint.docs --check    # exit 1 when a page is missing or out of date
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from importlib import metadata
from pathlib import Path

HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Django versions")
#: The repository checkout asynclint runs from, when it does (an editable install).
REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "rules"
FIXTURES = REPO / "tests" / "fixtures"

_ANNOTATION = re.compile(r"#\s*(?:(?P<offset>[+-]\d+):\s*)?\[(?P<symbols>[a-z0-9, -]+)\]\s*$")


def fixtures_dir() -> Path | None:
    return FIXTURES if FIXTURES.is_dir() else None


def sections(rule) -> dict[str, str]:
    """The docstring's sections by heading (text between ``## heading`` lines, stripped)."""
    doc = importlib.import_module(rule.__module__).__doc__ or ""
    found: dict[str, str] = {}
    current = None
    lines: list[str] = []
    for line in doc.splitlines():
        if line.startswith("## "):
            if current is not None:
                found[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        found[current] = "\n".join(lines).strip()
    return found


def fix_line(rule) -> str:
    """What the rule's declaration says about its automatic fix, in one sentence."""
    if rule.fix_safety is None:
        return "No automatic fix."
    return f"Automatic fix ({rule.fix_safety}): {rule.fix_title}."


def severity(rule) -> str:
    return "error" if rule.msgid.startswith(("E", "F")) else "warning"


def _first_line(text: str) -> str:
    """The first sentence-line of a module docstring, or ''."""
    try:
        doc = ast.get_docstring(ast.parse(text)) or ""
    except SyntaxError:
        return ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def _flagged_lines(text: str, symbol: str) -> list[str]:
    lines = text.splitlines()
    flagged = []
    for number, line in enumerate(lines):
        match = _ANNOTATION.search(line)
        if not match or symbol not in [s.strip() for s in match.group("symbols").split(",")]:
            continue
        target = number + int(match.group("offset") or 0)
        if 0 <= target < len(lines):
            code = _ANNOTATION.sub("", lines[target]).rstrip() if target == number else lines[target].rstrip()
            code = code.strip()
            if code and code not in flagged:
                flagged.append(code)
    return flagged


def _options(path: Path, root: Path) -> str:
    for folder in [path.parent, *path.parent.parents]:
        candidate = folder / "options.toml"
        if candidate.is_file():
            return ", ".join(line.strip() for line in candidate.read_text(encoding="utf-8").splitlines()
                             if line.strip() and not line.startswith("#"))
        if folder == root:
            break
    return ""


def _fixture_notes(rule, fixtures: Path | None) -> tuple[str, str]:
    """(text for Example, text for Use instead) from the rule's fixture files."""
    folder = fixtures / rule.symbol if fixtures is not None else None
    if folder is None or not folder.is_dir():
        return "", ""
    link = f"tests/fixtures/{rule.symbol}/"
    bad, good = [], []
    for path in sorted(folder.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        name = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8")
        summary = _first_line(text)
        options = _options(path, folder)
        where = f"`{name}`" + (f" ({options})" if options else "")
        entry = f"- {where}" + (f": {summary}" if summary else "")
        if path.name.startswith("bad_"):
            flagged = _flagged_lines(text, rule.symbol)
            if flagged:
                body = "\n".join(f"  {line}" for line in ["```python", *flagged, "```"])
                bad.append(f"{entry}\n\n{body}")
        elif path.name.startswith("good_"):
            good.append(entry)
    example = f"Flagged in the fixtures (`{link}`):\n\n" + "\n\n".join(bad) if bad else ""
    use = f"Silent in the fixtures (`{link}`):\n\n" + "\n".join(good) if good else ""
    return example, use


def page(rule, fixtures: Path | None = None) -> str:
    """The rule's page (markdown). ``fixtures``: the fixtures folder to draw examples from."""
    found = sections(rule)
    example, use = _fixture_notes(rule, fixtures)
    extra = {"Example": example, "Use instead": use}
    parts = [f"# {rule.symbol} ({rule.msgid})", "",
             f"{rule.summary}", "",
             f"Severity: {severity(rule)}. Disable with `# pylint: disable={rule.symbol}`.", "",
             f"{fix_line(rule)} Django versions: {rule.django_versions}.", ""]
    for heading in HEADINGS:
        parts += [f"## {heading}", ""]
        body = found.get(heading, "").strip()
        if body:
            parts += [body, ""]
        if extra.get(heading):
            parts += [extra[heading], ""]
    return "\n".join(parts).rstrip() + "\n"


def explain(rule) -> str:
    """What ``asynclint explain`` prints: the page, with fixture examples when they are available."""
    return page(rule, fixtures_dir())


def page_path(rule, docs: Path = DOCS) -> Path:
    return docs / f"{rule.symbol}.md"


def help_uri(rule) -> str | None:
    """A link to the rule's page: the ``Documentation`` (or ``Repository``/``Source``) URL of the
    installed distribution's metadata, plus ``docs/rules/<symbol>.md``; None when there is none."""
    try:
        urls = metadata.metadata("asynclint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    by_label = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        by_label[label.strip().lower()] = url.strip().rstrip("/")
    for label in ("documentation", "repository", "source", "homepage"):
        url = by_label.get(label)
        if url:
            if "github.com" in url and "/blob/" not in url and "/tree/" not in url:
                return f"{url}/blob/main/docs/rules/{rule.symbol}.md"
            return f"{url}/{rule.symbol}.md" if label == "documentation" else f"{url}/docs/rules/{rule.symbol}.md"
    return None


def stale_pages(rules, docs: Path = DOCS, fixtures: Path | None = FIXTURES) -> list[str]:
    """Why each missing, outdated or orphaned page is wrong (empty when all are up to date)."""
    problems = []
    for rule in rules:
        path = page_path(rule, docs)
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != page(rule, fixtures):
            problems.append(f"{path}: out of date")
    known = {f"{rule.symbol}.md" for rule in rules}
    if docs.is_dir():
        problems += [f"{path}: no such rule" for path in sorted(docs.glob("*.md")) if path.name not in known]
    return problems


def write_pages(rules, docs: Path = DOCS, fixtures: Path | None = FIXTURES) -> list[Path]:
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in rules:
        path = page_path(rule, docs)
        text = page(rule, fixtures)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    known = {f"{rule.symbol}.md" for rule in rules}
    for path in docs.glob("*.md"):
        if path.name not in known:
            path.unlink()
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    from asynclint.rules import ALL

    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        problems = stale_pages(ALL)
        for problem in problems:
            print(problem)
        if problems:
            print("run: python -m asynclint.docs")
        return 1 if problems else 0
    if args:
        print("usage: python -m asynclint.docs [--check]", file=sys.stderr)
        return 2
    for path in write_pages(ALL):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
