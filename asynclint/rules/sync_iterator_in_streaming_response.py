"""W5716 sync-iterator-in-streaming-response.

## What it does
Flags a `StreamingHttpResponse` built in an `async def` from a lazy sync iterator (a sync generator
expression, a sync generator function, `map()`/`filter()`, `open()`, `iter(callable, sentinel)`;
not an in-memory list, which has nothing to stream), and any `FileResponse`
built in an `async def` (it always wraps the file in a sync iterator). The same responses returned
by a sync view (a plain `def` that returns the response, directly or through a name) when the
project is known to serve HTTP through Django's ASGI handler (`asynclint.core.deployment`: only a
server command, a uvicorn/daphne/hypercorn/granian one or gunicorn with an uvicorn worker, or
`server = "asgi"`; an ASGI router or an ASGI `runserver` alone is not enough): Django's ASGI handler consumes every streaming response the same
way, whichever kind of view built it. Silent for sync views when the server is WSGI or unknown, and
when the content is already whole in memory (`io.BytesIO(...)`, bytes, `decrypted(file.read())`; not a
generator function's call, `events(str(pk))`, which yields lazily whatever its argument).
Silent too (Django 4.2+) for a project sync generator function whose chunks all go out after its
work: it yields a fixed number of times (no `yield` in a loop, no `yield from`) and runs nothing
between its first and its last `yield` but calls that only compute (a builtin, `json`, a project
function without sync work), as an SSE view that runs its agent once and then yields two or three
events. Buffered whole, the client receives the same chunks at about the moment streaming would
send them. A chunk yielded before slow work (a progress event) or in a loop keeps the finding.

## Why is this bad?
Under ASGI, Django 4.2+ cannot stream a sync iterator: it warns "StreamingHttpResponse must consume
synchronous iterators in order to serve them asynchronously" and buffers the whole body in memory
first, which defeats streaming. Before 4.2 the ASGI handler iterated it on the event loop, blocking
the loop for the whole stream.

## Example
```python
async def export(request):
    return StreamingHttpResponse(row_lines())
```

## Use instead
```python
async def export(request):
    return StreamingHttpResponse(arow_lines())  # an async generator
```

## Fix safety
No automatic fix: the generator has to become an async generator.

## Django versions
All; 4.2+ buffers (and warns), 3.1–4.1 block the loop. For sync views, 4.2+ (before, the ASGI handler
iterated the response on the loop for every view, a cost of ASGI itself rather than of the view).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import deployment
from asynclint.core.describe import describe
from asynclint.core.event_loop import enclosing_frame, runs_on_event_loop
from asynclint.core.imports import bindings, definition_of, qualified_name
from asynclint.core.versions import format_version
from asynclint.prefilter import ASYNC, STREAMING
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "sync-iterator-in-streaming-response"
#: Lazy sync iterators over something else (I/O, a generator); ``iter(a_list)`` is only a list.
_SYNC_ITERATING_BUILTINS = frozenset({"builtins.map", "builtins.filter"}) | api.OPEN_FUNCTIONS
_FILE_RESPONSES = frozenset(name for name in api.STREAMING_RESPONSE_CLASSES if name.endswith("FileResponse"))


def _is_sync_iterable(node: nodes.NodeNG | None, _depth: int = 0) -> bool:
    if node is None or _depth > 5:
        return False
    if isinstance(node, nodes.GeneratorExp):
        return not any(generator.is_async for generator in node.generators)  # `async for`: async
    if isinstance(node, nodes.Name):
        found = bindings(node)
        return len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(
            found[0].parent, nodes.Assign) and _is_sync_iterable(found[0].parent.value, _depth + 1)
    if isinstance(node, nodes.Call) and isinstance(node.func, (nodes.Name, nodes.Attribute)):
        called = qualified_name(node.func)
        if called in _SYNC_ITERATING_BUILTINS or called in api.SYNC_ITERABLES:  # ``zipstream.ZipFile(...)``
            return True
        if called == "builtins.iter" and len(node.args) == 2:  # iter(lambda: f.read(n), b"")
            return True
        function = definition_of(node.func)
        return isinstance(function, nodes.FunctionDef) and not isinstance(
            function, nodes.AsyncFunctionDef) and function.is_generator()
    return False


class SyncIteratorInStreamingResponse(AsyncLintRule):
    msgid = "W5716"
    symbol = _SYMBOL
    prefilter = (ASYNC, STREAMING)
    django_versions = DjangoVersions("All")
    summary = (
        "A streaming response in an async view is built from a sync iterator: under ASGI Django buffers "
        "it whole (4.2+) or iterates it on the loop; stream from an async generator."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if not isinstance(node.func, (nodes.Name, nodes.Attribute)):
            return
        response = qualified_name(node.func)
        if response not in api.STREAMING_RESPONSE_CLASSES:
            return
        on_loop = runs_on_event_loop(node)
        if not on_loop and (self.target < (4, 2) or _returning_sync_function(node) is None):
            return
        content = node.args[0] if node.args else next(
            (k.value for k in node.keywords or [] if k.arg in ("streaming_content", "filelike")), None)
        if response not in _FILE_RESPONSES and not _is_sync_iterable(content):
            return
        if self.target >= (4, 2) and _yields_after_its_work(content):
            return  # buffered whole, as it would arrive anyway: its chunks follow the generator's one step
        shown = f"{describe(node.func)}({describe(content) if content is not None else ''})"
        instead = _library_replacement(content)
        if not on_loop:
            if not _in_memory(content):
                self._check_sync_view(node, shown, instead)
            return
        if self.target >= (4, 2):
            effect = ("under ASGI Django consumes the sync iterator by buffering the whole body in memory "
                      "(with a warning)")
        else:
            effect = (f"under ASGI Django {format_version(self.target)} iterates it on the event loop, "
                      "blocking it for the whole stream")
        self.report(node, f"{shown} in an async view streams a sync iterator: {effect}; pass "
                          f"{instead or 'an async generator instead (for files, e.g. one that reads with aiofiles)'}")

    def _check_sync_view(self, node: nodes.Call, shown: str, instead: str | None) -> None:
        """A sync view's streaming response in a project known to be served by ASGI."""
        served = deployment.server_for(getattr(self.linter.config, "server", "auto"), node.root().file)
        if served.server != deployment.ASGI or not served.by_server:
            # WSGI streams a sync iterator. An ASGI router or an ASGI runserver alone says nothing of how
            # production serves HTTP (often WSGI for the sync views, the ASGI server for websockets).
            return
        function = _returning_sync_function(node)
        self.report(node, f"{shown} returned by the sync function {function.name}() streams a sync iterator, and "
                          f"this project serves HTTP through Django's ASGI handler ({served.reasons[0]}"
                          f"{'...' if len(served.reasons) > 1 else ''}): the handler consumes the sync iterator "
                          f"by buffering the whole body in memory (with a warning) before sending it; return "
                          f"{instead or 'an async iterator (for files, e.g. one that reads with aiofiles)'} or "
                          f"serve it through WSGI")


def _library_replacement(content: nodes.NodeNG | None, _depth: int = 0) -> str | None:
    """What to stream instead of a library's sync iterable (``api.SYNC_ITERABLES``), else None."""
    if isinstance(content, nodes.Name) and _depth < 5:
        found = bindings(content)
        return _library_replacement(found[0].parent.value, _depth + 1) if len(found) == 1 and isinstance(
            found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign) else None
    if isinstance(content, nodes.Call) and isinstance(content.func, (nodes.Name, nodes.Attribute)):
        return api.SYNC_ITERABLES.get(qualified_name(content.func) or "")
    return None


def _returning_sync_function(node: nodes.Call) -> nodes.FunctionDef | None:
    """The plain ``def`` that returns the response ``node`` builds (``return FileResponse(...)``, or
    ``response = FileResponse(...)`` ... ``return response``), else None."""
    frame = enclosing_frame(node)
    if not isinstance(frame, nodes.FunctionDef) or isinstance(frame, nodes.AsyncFunctionDef) or frame.is_generator():
        return None
    parent = node.parent
    if isinstance(parent, nodes.Return):
        return frame
    if not (isinstance(parent, nodes.Assign) and len(parent.targets) == 1
            and isinstance(parent.targets[0], nodes.AssignName)):
        return None
    target = parent.targets[0]
    for returned in frame.nodes_of_class(nodes.Return, skip_klass=(nodes.FunctionDef, nodes.Lambda)):
        if isinstance(returned.value, nodes.Name) and target in bindings(returned.value):
            return frame
    return None


def _generator_call(node: nodes.Call) -> bool:
    """A call of a sync generator function (the project's, or one astroid can read)."""
    if not isinstance(node.func, (nodes.Name, nodes.Attribute)):
        return False
    function = definition_of(node.func)
    return isinstance(function, nodes.FunctionDef) and not isinstance(
        function, nodes.AsyncFunctionDef) and function.is_generator()


#: Calls whose result is the whole content, in memory: buffering it again costs nothing more.
_IN_MEMORY_CALLS = frozenset({"io.BytesIO", "io.StringIO", "builtins.bytes", "builtins.str", "builtins.bytearray"})
_IN_MEMORY_METHODS = frozenset({"read", "getvalue", "encode", "tobytes", "decode"})


def _in_memory(node: nodes.NodeNG | None, _depth: int = 0) -> bool:
    """Whether a sync view's streamed content is already whole in memory (``FileResponse(io.BytesIO(data))``,
    ``FileResponse(decrypted(file.read()))``): the ASGI handler's buffering copies what is there."""
    if node is None or _depth > 4:
        return False
    if isinstance(node, nodes.Const):
        return isinstance(node.value, (str, bytes))
    if isinstance(node, nodes.Name):
        found = bindings(node)
        return len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(
            found[0].parent, nodes.Assign) and _in_memory(found[0].parent.value, _depth + 1)
    if not isinstance(node, nodes.Call):
        return False
    if isinstance(node.func, nodes.Attribute) and node.func.attrname in _IN_MEMORY_METHODS:
        return True
    if isinstance(node.func, (nodes.Name, nodes.Attribute)) and qualified_name(node.func) in _IN_MEMORY_CALLS:
        return True
    if _generator_call(node):
        return False  # ``events(str(pk))``: a generator yields lazily, whatever its argument
    # ``decrypted(file.read())``: a transformation of content already read whole (not ``path.open("rb")``)
    return len(node.args) == 1 and not node.keywords and isinstance(node.args[0], (nodes.Call, nodes.Name)) \
        and _in_memory(node.args[0], _depth + 1)


#: Calls of these modules only compute (formatting a chunk: ``json.dumps``, ``str``, ``len``).
_COMPUTING_MODULES = ("builtins.", "json.")


def _yields_after_its_work(content: nodes.NodeNG | None, _depth: int = 0) -> bool:
    """``content`` is a call of a project sync generator function whose chunks all go out after its
    work: it yields a fixed number of times (no ``yield`` in a loop, no ``yield from``), and between its
    first and its last ``yield`` it runs nothing but calls that only compute (a builtin, ``json``, or a
    project function without sync work, ``chains.sync_work``). Buffered whole (Django 4.2+ under ASGI),
    the client receives the same few chunks at about the moment streaming would send them: no
    streaming is lost (work after the last chunk, bookkeeping, delays only the end of the body). A chunk
    yielded before slow work (progress) or yielded in a loop (a body made over time) keeps the finding."""
    if isinstance(content, nodes.Name) and _depth < 5:
        found = bindings(content)
        return len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(
            found[0].parent, nodes.Assign) and _yields_after_its_work(found[0].parent.value, _depth + 1)
    if not (isinstance(content, nodes.Call) and isinstance(content.func, (nodes.Name, nodes.Attribute))):
        return False
    function = definition_of(content.func)
    if not isinstance(function, nodes.FunctionDef) or isinstance(function, nodes.AsyncFunctionDef) or \
            not function.is_generator():
        return False
    from asynclint.core import chains  # noqa: PLC0415 (the sync-work walk, for the chunks' own calls)

    body = list(chains.body_nodes(function))
    if any(isinstance(node, nodes.YieldFrom) for node in body):
        return False
    yields = [node for node in body if isinstance(node, nodes.Yield)]
    if not yields or any(_in_loop(found, function) for found in yields):
        return False
    first = min(found.statement().fromlineno for found in yields)
    last = max(found.statement().fromlineno for found in yields)
    for call in body:
        if isinstance(call, nodes.Call) and first < call.statement().fromlineno <= last and \
                not _only_computes(call, chains):
            return False
    return True


def _in_loop(node: nodes.NodeNG, function: nodes.FunctionDef) -> bool:
    parent = node.parent
    while parent is not None and parent is not function:
        if isinstance(parent, (nodes.For, nodes.While, nodes.Comprehension)):
            return True
        parent = parent.parent
    return False


def _only_computes(call: nodes.Call, chains) -> bool:
    if next(iter(chains.operations_at(call)), None) is not None:
        return False
    if isinstance(call.func, (nodes.Name, nodes.Attribute)) and \
            (qualified_name(call.func) or "").startswith(_COMPUTING_MODULES):
        return True
    function = chains.callee(call)
    return function is not None and not isinstance(function, nodes.AsyncFunctionDef) and \
        not function.is_generator() and chains.sync_work(function) is None
