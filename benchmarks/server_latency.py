"""Latency of ``asynclint server``: from a ``didChange`` notification to the published diagnostics.

Starts the server over stdio (as an editor does) on a generated project in a temporary folder and
times, warm (after the first checks):

1. edits of a 1,000-line async view module (50 views, a third of them with a sync ORM bug);
2. edits of a view whose finding goes through a 3-step chain across files
   (views.py → step1.py → step2.py → step3.py: ``Book.objects.count()``), and edits of the last
   helper, after which the server re-checks the open view that depends on it;
3. with ``--memory N``: the server's resident memory (VmRSS) while one file is edited N times.

    python benchmarks/server_latency.py [--runs 15] [--debounce 0.1] [--memory 1000 [--memory-module big]]

``--debounce`` is the server's wait after the last change (default 0 here, so the numbers are the
analysis; an editor session adds the debounce, 0.1 s by default). Goal: warm ≤ 300 ms on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient
from pygls.uris import from_fs_path

MODELS = textwrap.dedent("""\
    from django.db import models


    class Book(models.Model):
        title = models.CharField(max_length=100)
        stock = models.IntegerField(default=0)
    """)


def view_module(lines: int = 1000) -> str:
    """About ``lines`` lines of async views; every third one calls the sync ORM."""
    out = ['"""Generated views."""', "from django.http import JsonResponse", "", "from .models import Book", "", ""]
    index = 0
    while len(out) < lines - 20:
        bug = "Book.objects.get(pk=pk)" if index % 3 == 0 else "await Book.objects.aget(pk=pk)"
        out += [
            f"async def view_{index}(request, pk):",
            f'    """View number {index}."""',
            f"    book = {bug}",
            "    titles = [b.title async for b in Book.objects.filter(stock__gt=0)]",
            "    total = await Book.objects.filter(stock=0).acount()",
            "    data = {'id': book.pk, 'title': book.title, 'titles': titles, 'total': total}",
            "    if request.GET.get('verbose'):",
            "        data['stock'] = book.stock",
            "    return JsonResponse(data)",
            "", "",
        ]
        index += 1
    return "\n".join(out) + "\n"


CHAIN = {
    "views.py": "from . import step1\n\n\nasync def report(request):\n    return step1.first()\n",
    "step1.py": "from . import step2\n\n\ndef first():\n    return step2.second()\n",
    "step2.py": "from . import step3\n\n\ndef second():\n    return step3.third()\n",
    "step3.py": "from .models import Book\n\n\ndef third():\n    return Book.objects.count()\n",
}


class Client(BaseLanguageClient):
    def __init__(self) -> None:
        super().__init__("server-latency", "1")
        self.published: dict[str, list[tuple[float, int | None, int]]] = {}
        self.arrived = asyncio.Event()


def make_client() -> Client:
    client = Client()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(ls: Client, params: types.PublishDiagnosticsParams) -> None:
        ls.published.setdefault(params.uri, []).append((time.perf_counter(), params.version, len(params.diagnostics)))
        ls.arrived.set()

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def _log(ls: Client, params: types.LogMessageParams) -> None:  # pylint: disable=unused-argument
        pass

    return client


async def wait_for(client: Client, uri: str, after: float, timeout: float = 120) -> tuple[float, int]:
    """The first diagnostics for ``uri`` published after ``after``: (seconds taken, count)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for moment, _version, count in client.published.get(uri, ()):
            if moment > after:
                return moment - after, count
        client.arrived.clear()
        try:
            await asyncio.wait_for(client.arrived.wait(), max(deadline - time.perf_counter(), 0.01))
        except asyncio.TimeoutError:
            break
    raise TimeoutError(f"no diagnostics for {uri}")


def cpu_seconds(pid: int) -> float:
    """The server's CPU time so far (user + system): unlike wall time, not inflated by a busy machine."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Session:
    def __init__(self, client: Client, root: Path) -> None:
        self.client, self.root, self.versions = client, root, {}

    def open(self, path: Path) -> str:
        uri = from_fs_path(str(path))
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            uri=uri, language_id="python", version=1, text=path.read_text())))
        return uri

    def change(self, uri: str, text: str) -> float:
        self.versions[uri] += 1
        started = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return started


async def run(args) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text('[tool.asynclint]\ndjango-version = "5.2"\n')
        app = root / "shop"
        app.mkdir()
        (app / "__init__.py").write_text("")
        (app / "models.py").write_text(MODELS)
        big = view_module()
        (app / "big_views.py").write_text(big)
        for name, text in CHAIN.items():
            (app / name).write_text(text)

        client = make_client()
        await client.start_io(sys.executable, "-m", "asynclint.server", cwd=str(root))
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=from_fs_path(str(root)),
            initialization_options={"debounce": args.debounce}))
        client.initialized(types.InitializedParams())
        session = Session(client, root)
        pid = client._server.pid  # pylint: disable=protected-access

        cpu: list[float] = []

        async def timed(uri: str, edited: str, text: str) -> tuple[float, int]:
            """Change ``edited`` to ``text``; the wait for ``uri``'s diagnostics (and the server's CPU)."""
            before = cpu_seconds(pid)
            started = session.change(edited, text)
            took, count = await wait_for(client, uri, started)
            await asyncio.sleep(0.05)  # let any follow-up work (dependents) finish before reading the CPU
            cpu.append(cpu_seconds(pid) - before)
            return took, count

        def report(name: str, times: list[float], count: int) -> None:
            warm, warm_cpu = times[2:] or times, cpu[2:] or cpu
            print(f"{name}: first {times[0] * 1000:.0f} ms; warm median {statistics.median(warm) * 1000:.0f} ms, "
                  f"max {max(warm) * 1000:.0f} ms over {len(warm)} edits ({count} diagnostics); server CPU "
                  f"per edit, warm median {statistics.median(warm_cpu) * 1000:.0f} ms")
            cpu.clear()

        # 1. the 1,000-line view module
        started = time.perf_counter()
        uri = session.open(app / "big_views.py")
        first, count = await wait_for(client, uri, started - 1e-6)
        times = [first]
        cpu.append(0.0)
        for run_index in range(args.runs):
            text = big.replace('"""Generated views."""', f'"""Generated views (edit {run_index})."""')
            took, count = await timed(uri, uri, text)
            times.append(took)
        print(f"1,000-line view module ({len(big.splitlines())} lines):")
        report("  didChange -> publishDiagnostics", times, count)

        # 2. the 3-step chain across files
        started = time.perf_counter()
        views_uri = session.open(app / "views.py")
        first, count = await wait_for(client, views_uri, started - 1e-6)
        times = [first]
        cpu.append(0.0)
        for run_index in range(args.runs):
            took, count = await timed(views_uri, views_uri, CHAIN["views.py"] + f"# edit {run_index}\n")
            times.append(took)
        print("3-step chain across files (views -> step1 -> step2 -> step3):")
        report("  edit the view", times, count)
        step3_uri = session.open(app / "step3.py")
        await wait_for(client, step3_uri, 0)
        await asyncio.sleep(0.5)  # opening it re-checked the view too
        times = []
        for run_index in range(args.runs):
            text = CHAIN["step3.py"] if run_index % 2 else CHAIN["step3.py"].replace("Book.objects.count()", "0")
            took, count = await timed(views_uri, step3_uri, text)
            times.append(took)
        report("  edit step3.py, the view re-checked", times, count)

        # 3. memory across many edits of one file
        if args.memory:
            edited, base = (uri, big) if args.memory_module == "big" else (views_uri, CHAIN["views.py"])
            name = "big_views.py" if args.memory_module == "big" else "views.py"
            print(f"memory while {name} is edited {args.memory} times (server VmRSS):")
            before = rss_kib(pid)
            print(f"  before: {before / 1024:.1f} MiB")
            for index in range(1, args.memory + 1):
                started = session.change(edited, base + f"x = {index}\n")
                await wait_for(client, edited, started)
                if index in (10, 100, 250, 500, 750, 1000) or index == args.memory:
                    print(f"  after {index:5d} edits: {rss_kib(pid) / 1024:.1f} MiB")

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12, help="timed edits per scenario")
    parser.add_argument("--debounce", type=float, default=0.0, help="the server's debounce, seconds")
    parser.add_argument("--memory", type=int, default=0, metavar="N", help="also edit a file N times, RSS")
    parser.add_argument("--memory-module", choices=("chain", "big"), default="chain",
                        help="the file --memory edits: the chain's view (default) or the 1,000-line module")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
