"""``asynclint server`` driven over stdio as an editor drives it (pytest-lsp).

Each test starts a server process and works on its own small Django project in a temporary folder:
a view module with a sync ORM call, and a view that calls a helper module whose helper calls a
second helper, so a finding can go through a chain across files.
"""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="function")

SERVER = [sys.executable, "-m", "asynclint.server"]

VIEWS = textwrap.dedent("""\
    from . import services
    from .models import Book


    async def book_json(request, pk):
        book = Book.objects.get(pk=pk)
        return book.title


    async def summary(request):
        return services.load_summary()
    """)
SERVICES_CLEAN = textwrap.dedent("""\
    from .models import Book


    def load_summary():
        return count_books()


    def count_books():
        return 0
    """)
MODELS = textwrap.dedent("""\
    from django.db import models


    class Book(models.Model):
        title = models.CharField(max_length=100)
    """)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.asynclint]\ndjango-version = "5.2"\n')
    app = tmp_path / "shop"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text(MODELS)
    (app / "services.py").write_text(SERVICES_CLEAN)
    (app / "views.py").write_text(VIEWS)
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=from_fs_path(str(project)),
        workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(project)), name="project")],
        initialization_options={"debounce": 0.02, "severity": {"W57": "information"}},
    ))
    yield
    if lsp_client.capabilities is not None:  # shutdown, exit: the server process ends cleanly
        await asyncio.wait_for(lsp_client.shutdown_session(), 30)
        assert lsp_client._server.returncode == 0  # pylint: disable=protected-access


async def diagnostics(client: LanguageClient, path: Path, until, timeout: float = 30.0) -> list[types.Diagnostic]:
    """The document's diagnostics once ``until(diagnostics)`` holds (fails after ``timeout``)."""
    uri = from_fs_path(str(path))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and until(found):
            return list(found)
        await asyncio.sleep(0.02)
    raise AssertionError(f"diagnostics of {path.name} never matched; last: {client.diagnostics.get(uri)}")


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = from_fs_path(str(path))
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="python", version=1, text=path.read_text() if text is None else text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def send_raw(client: LanguageClient, body: bytes) -> None:
    writer = client.protocol.writer
    result = writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    if asyncio.iscoroutine(result):
        await result


async def raw_request(client: LanguageClient, msg_id: str, method: str, params) -> object:
    """Send a request exactly as given (no type checks on our side) and wait for its answer."""
    future = asyncio.get_running_loop().create_future()
    client.protocol._request_futures[msg_id] = future  # pylint: disable=protected-access
    await send_raw(client, json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method,
                                       "params": params}).encode())
    return await asyncio.wait_for(future, 20)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The text after the edits (non-overlapping, in any order), as an editor applies them."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        return sum(len(line) for line in lines[:position.line]) + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
        lines = text.splitlines(keepends=True)
    return text


async def test_diagnostic_on_the_line_with_source_code_and_certainty(client: LanguageClient, project: Path):
    views = project / "shop" / "views.py"
    open_file(client, views)
    found = await diagnostics(client, views, lambda d: len(d) >= 1)
    [orm] = [d for d in found if d.code == "E5701"]
    assert orm.source == "asynclint"
    assert orm.severity == types.DiagnosticSeverity.Error
    assert (orm.range.start.line, orm.range.start.character) == (5, 11)  # Book.objects.get(pk=pk), 0-based
    assert (orm.range.end.line, orm.range.end.character) == (5, 34)
    assert "aget" in orm.message
    assert orm.data == {"symbol": "sync-orm-call-in-async", "certainty": "definite"}
    assert [d.code for d in found] == ["E5701"]  # the helper does no sync work yet


async def test_quick_fix_applied_makes_the_diagnostic_go_away(client: LanguageClient, project: Path):
    views = project / "shop" / "views.py"
    uri = open_file(client, views)
    [orm] = await diagnostics(client, views, lambda d: len(d) == 1)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=orm.range,
        context=types.CodeActionContext(diagnostics=[orm])))
    fixes = [a for a in actions if a.is_preferred]
    assert len(fixes) == 1 and "aget" in fixes[0].title
    disable = [a for a in actions if "disable sync-orm-call-in-async" in a.title]
    assert len(disable) == 1
    fixed = apply(VIEWS, fixes[0].edit.changes[uri])
    assert "book = await Book.objects.aget(pk=pk)" in fixed
    change(client, uri, 2, fixed)
    await diagnostics(client, views, lambda d: not d)

    # "disable for this line" silences it as pylint does
    change(client, uri, 3, VIEWS)
    await diagnostics(client, views, lambda d: len(d) == 1)
    change(client, uri, 4, apply(VIEWS, disable[0].edit.changes[uri]))
    await diagnostics(client, views, lambda d: not d)


async def test_fix_all_and_hover(client: LanguageClient, project: Path):
    views = project / "shop" / "views.py"
    uri = open_file(client, views)
    [orm] = await diagnostics(client, views, lambda d: len(d) == 1)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.asynclint"])))
    assert [a.kind for a in actions] == ["source.fixAll.asynclint"]
    assert "await Book.objects.aget(pk=pk)" in apply(VIEWS, actions[0].edit.changes[uri])

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri), position=types.Position(5, 20)))
    assert "sync-orm-call-in-async" in hover.contents.value and "## Use instead" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri), position=types.Position(0, 0)))
    assert nothing is None


async def test_editing_a_helper_rechecks_the_view_that_depends_on_it(client: LanguageClient, project: Path):
    views, services = project / "shop" / "views.py", project / "shop" / "services.py"
    open_file(client, views)
    await diagnostics(client, views, lambda d: [x.code for x in d] == ["E5701"])
    services_uri = open_file(client, services)
    await diagnostics(client, services, lambda d: not d)
    # The second helper starts to query: the view's call of the first helper now reaches the database.
    change(client, services_uri, 2, SERVICES_CLEAN.replace("return 0", "return Book.objects.count()"))
    found = await diagnostics(client, views, lambda d: "E5730" in [x.code for x in d])
    [chain] = [d for d in found if d.code == "E5730"]
    assert chain.range.start.line == 10  # return services.load_summary()
    related = [(Path(r.location.uri).name, r.location.range.start.line, r.message) for r in chain.related_information]
    assert [(name, line) for name, line, _ in related] == [
        ("views.py", 10),  # return services.load_summary()
        ("services.py", 4),  # load_summary(): return count_books()
        ("services.py", 8),  # count_books(): return Book.objects.count()
    ]
    assert "load_summary()" in related[0][2] and "count_books()" in related[1][2]
    assert "Book.objects.count()" in related[2][2]
    # and back: the helper stops querying, the finding goes away
    change(client, services_uri, 3, SERVICES_CLEAN)
    await diagnostics(client, views, lambda d: [x.code for x in d] == ["E5701"])


async def test_a_helper_changed_on_disk_rechecks_its_dependents(client: LanguageClient, project: Path):
    views, services = project / "shop" / "views.py", project / "shop" / "services.py"
    open_file(client, views)
    await diagnostics(client, views, lambda d: [x.code for x in d] == ["E5701"])
    services.write_text(SERVICES_CLEAN.replace("return 0", "return len(Book.objects.all())"))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=from_fs_path(str(services)), type=types.FileChangeType.Changed)]))
    await diagnostics(client, views, lambda d: "E5730" in [x.code for x in d])


async def test_settings_and_syntax_errors(client: LanguageClient, project: Path):
    views = project / "shop" / "views.py"
    uri = open_file(client, views, VIEWS + "\nasync def broken(:\n")
    await diagnostics(client, views, lambda d: not d)
    change(client, uri, 2, VIEWS + "\n\nasync def page(request):\n    import time\n    time.sleep(1)\n")
    found = await diagnostics(client, views, lambda d: "W5712" in [x.code for x in d])
    [blocking] = [d for d in found if d.code == "W5712"]
    assert blocking.severity == types.DiagnosticSeverity.Information  # remapped by the client's settings


async def test_unknown_documents_and_malformed_requests_are_errors_not_crashes(client: LanguageClient,
                                                                               project: Path):
    unknown = from_fs_path(str(project / "shop" / "nowhere.py"))
    with pytest.raises(JsonRpcException):
        await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(unknown), range=types.Range(types.Position(0, 0),
                                                                                    types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[])))
    with pytest.raises(JsonRpcException):
        await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(unknown), position=types.Position(0, 0)))
    # on the wire: params of the wrong shape, an unknown method, then bytes that are not JSON
    with pytest.raises(JsonRpcException):
        await raw_request(client, "bad-1", "textDocument/hover", {"textDocument": 42})
    with pytest.raises(JsonRpcException):
        await raw_request(client, "bad-2", "asynclint/noSuchMethod", {})
    await send_raw(client, b"{this is not json")
    # notifications about files it does not know are ignored
    change(client, unknown, 2, "x = 1\n")
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(unknown)))
    # and the server still works
    views = project / "shop" / "views.py"
    open_file(client, views)
    await diagnostics(client, views, lambda d: [x.code for x in d] == ["E5701"])


async def test_client_settings_and_per_folder_configuration(client: LanguageClient, project: Path):
    views = project / "shop" / "views.py"
    uri = open_file(client, views)
    [orm] = await diagnostics(client, views, lambda d: len(d) == 1)
    assert "aget" in orm.message  # django-version = "5.2" from [tool.asynclint]
    # the client's settings win over [tool.asynclint]
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"asynclint": {"djangoVersion": "4.0"}}))
    [old] = await diagnostics(client, views, lambda d: len(d) == 1 and "4.0" in d[0].message)
    assert "sync_to_async" in old.message
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"asynclint": {"select": ["W57"]}}))
    await diagnostics(client, views, lambda d: not d)
    # a bad setting is reported, and the settings before it stay
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"asynclint": {"select": ["no-such-rule"]}}))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while not any("no-such-rule" in m.message for m in client.messages) and loop.time() < deadline:
        await asyncio.sleep(0.02)
    assert any(m.type == types.MessageType.Error and "no-such-rule" in m.message for m in client.messages)
    change(client, uri, 2, VIEWS + "\n")
    await asyncio.sleep(0.3)
    assert not client.diagnostics[uri]

    # another folder with its own [tool.asynclint]: its ignore applies there only
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"asynclint": {}}))
    other = project / "other"
    (other / "shop").mkdir(parents=True)
    (other / "pyproject.toml").write_text('[tool.asynclint]\nignore = ["E5701"]\n')
    for name in ("__init__.py", "models.py", "services.py", "views.py"):
        (other / "shop" / name).write_text((project / "shop" / name).read_text())
    open_file(client, other / "shop" / "views.py")
    await diagnostics(client, views, lambda d: [x.code for x in d] == ["E5701"])
    await asyncio.sleep(0.3)
    assert not client.diagnostics[from_fs_path(str(other / "shop" / "views.py"))]


async def test_a_module_created_on_disk_is_found_by_the_imports_that_missed_it(client: LanguageClient,
                                                                               project: Path):
    views = project / "shop" / "views.py"
    text = VIEWS + "\n\nasync def report(request):\n    from . import reports\n    return reports.build()\n"
    uri = open_file(client, views, text)
    await diagnostics(client, views, lambda d: [x.code for x in d] == ["E5701"])  # shop.reports: not yet
    reports = project / "shop" / "reports.py"
    reports.write_text("from .models import Book\n\n\ndef build():\n    return list(Book.objects.all())\n")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=from_fs_path(str(reports)), type=types.FileChangeType.Created)]))
    found = await diagnostics(client, views, lambda d: "E5730" in [x.code for x in d])
    [chain] = [d for d in found if d.code == "E5730"]
    assert chain.range.start.line == 15
    # saving re-checks the buffer as it is
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await diagnostics(client, views, lambda d: sorted(x.code for x in d) == ["E5701", "E5730"])
