"""W5717 sync-test-client-in-async-test.

## What it does
Flags the sync test client in an `async def test_*`: `self.client.get()`/`post()`/...,
`Client().get()`, `self.client.login()`/`force_login()`/`logout()`. `RequestFactory()` is not
reported: it only builds a request object (no handler runs, no I/O), which an async test may hand to
an async view.

## Why is this bad?
The sync client runs the WSGI handler in the test's thread, which has a running event loop: the
request's ORM work raises `SynchronousOnlyOperation`, an async view is run through `async_to_sync`
in the same thread, and the request is a `WSGIRequest`, so the ASGI path is not tested at all.

## Example
```python
class BookTests(TestCase):
    async def test_list(self):
        response = self.client.get("/books/")
```

## Use instead
```python
class BookTests(TestCase):
    async def test_list(self):
        response = await self.async_client.get("/books/")
```

## Fix safety
Unsafe: the async client goes through the ASGI handler, which can change behaviour (headers are
passed without the `HTTP_` prefix, for instance).

## Django versions
`async_client`/`AsyncRequestFactory` 3.1+; `alogin`/`aforce_login`/`alogout` 5.0+.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core.event_loop import enclosing_frame
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class SyncTestClientInAsyncTest(SyncCallRule):
    msgid = "W5717"
    symbol = "sync-test-client-in-async-test"
    prefilter = (ASYNC,)
    fix_safety = "unsafe"
    fix_title = "Await self.async_client instead of self.client"
    django_versions = DjangoVersions("`async_client`/`AsyncRequestFactory` 3.1+", since=(3, 1))
    summary = "The sync test client is used in an async test; await self.async_client.<verb>() instead."
    effects = (api.TEST_REQUEST,)

    @only_required_for_messages("sync-test-client-in-async-test")
    def visit_call(self, node: nodes.Call) -> None:
        if isinstance(node.parent, nodes.Await):
            return  # awaited: an async client, whatever its name
        frame = enclosing_frame(node)
        if isinstance(frame, nodes.AsyncFunctionDef) and frame.name.startswith("test"):
            self.check_sync_call(node)
