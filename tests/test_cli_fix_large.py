"""``fix`` on a large module applies its fixes to the top-level statements they touch
(``fixes.engine._apply_in_parts``): the same text as applying them to the whole module, every
untouched byte kept (line endings, form feeds, comments between statements, no final newline)."""

from __future__ import annotations

import pytest

from asynclint.fixes import engine

TOP = '"""A large module."""\n# a comment before the imports\nimport os\n\nfrom django.contrib.auth.models import User\n'
VIEW = "\n\nasync def view_{n}(request):\n    user = User.objects.get(pk={n})\n    return user\n"
BLOCKING = "\n\ndef count_{n}():\n    return User.objects.count()\n\n\nasync def total_{n}(request):\n    return count_{n}()\n"
HELPER = "\n\n@staticmethod\ndef helper_{n}(value):  # trailing comment\n    total = value + {n}; other = 1\n    return total * 2\n"
FEED = "\n\x0c\n# a comment between statements\n"


# No import at all: sync_to_async's goes after the docstring, below the comments that open the file.
BARE = '# a comment\n\n"""A large module."""\nX = 1\n'
READ = "\n\ndef read_{n}():\n    with open('x') as handle:\n        return handle.read()\n\n\nasync def total_{n}(request):\n    return read_{n}()\n"


def module(lines: int, newline: str, final: bool, top: str = TOP) -> str:
    parts, n = [top], 0
    while sum(part.count("\n") for part in parts) < lines:
        if top == BARE:
            template = READ if n % 41 == 1 else FEED if n % 23 == 0 else HELPER
        else:
            template = VIEW if n % 37 == 0 else BLOCKING if n % 41 == 1 else FEED if n % 23 == 0 else HELPER
        parts.append(template.format(n=n))
        n += 1
    parts.append(VIEW.format(n=n) if top == TOP else READ.format(n=n))
    text = "".join(parts).replace("\n", newline)
    return text if final else text.rstrip("\r\n") + "  # no final newline"


def both_routes(path, monkeypatch) -> str:
    reports = []
    for large in (200, 10**9):  # the parts route, then the whole module
        monkeypatch.setattr(engine, "LARGE", large)
        report = engine.fix_paths([str(path)], unsafe=True, diff=True)
        reports.append((report.diff, report.render()))
    assert reports[0] == reports[1]
    return reports[0][0]


def test_an_import_goes_where_the_whole_module_route_puts_it(tmp_path, monkeypatch):
    path = tmp_path / "big.py"
    path.write_text(module(700, "\n", True, top=BARE))
    diff = both_routes(path, monkeypatch)
    assert "+from asgiref.sync import sync_to_async" in diff and "+    return await sync_to_async(read_" in diff


@pytest.mark.parametrize("newline, final", [("\n", True), ("\r\n", False)])
def test_parts_give_the_whole_module_text(tmp_path, monkeypatch, newline, final):
    path = tmp_path / "big.py"
    text = module(700, newline, final)
    path.write_bytes(text.encode())
    diff = both_routes(path, monkeypatch)
    assert diff.count("+    user = await User.objects.aget(pk=") >= 3
    assert "+from asgiref.sync import sync_to_async" in diff and "+    return await sync_to_async(count_" in diff
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert all("User.objects.get(" in line or "return count_" in line for line in removed), removed


def test_a_fix_across_statements_or_an_unused_import_uses_the_whole_module():
    edits = [engine.edit_verbs.Edit("remove_unused_import", None, ("os", None, "os"))]
    assert engine._apply_in_parts("import os\n", edits, "<t>", True) is None  # pylint: disable=protected-access
