"""W5715 sync-signal-send-in-async.

## What it does
Flags `Signal.send()`/`send_robust()` on the event loop, for Django's built-in signals
(`post_save`, `request_started`, `user_logged_in`...) and for project signals (`Signal()` objects,
also imported from other modules). Not for a project signal nobody outside the project connects to
(a private one, `_created = Signal()`; or any of an application, a project a server command deploys:
it has no users who import it) whose receivers, all connected in the project by name (imported
receivers included; a public one needs at least one), do no sync work; a library's public signal is
reported, for the receivers its users connect. Not on
the branch where the signal was probed for `asend` and lacks it (`else` of
`if callable(getattr(signal, "asend", None)):`, or `if not hasattr(signal, "asend"):`): that is the
fallback for Django before 5.0, where the replacement does not exist (every table-driven sync-call
rule treats such a probe of the async form alike).

## Why is this bad?
`send()` runs every sync receiver right there, on the loop: a receiver that touches the ORM raises
`SynchronousOnlyOperation`, any other blocks. If any receiver is async, `send()` runs them through
`async_to_sync`, which raises `RuntimeError` inside a running event loop.

## Example
```python
async def publish(request):
    book_published.send(sender=Book, book=book)
```

## Use instead
```python
async def publish(request):
    await book_published.asend(sender=Book, book=book)
```

## Fix safety
Safe from Django 5.0: `asend()` runs sync receivers in a thread and async ones concurrently. The
order between sync and async receivers is not kept.

## Django versions
5.0+ for `asend`/`asend_robust`; below, `await sync_to_async(signal.send)(...)`.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class SyncSignalSendInAsync(SyncCallRule):
    msgid = "W5715"
    symbol = "sync-signal-send-in-async"
    prefilter = (ASYNC,)
    fix_safety = "safe or unsafe"
    fix_title = "Await signal.asend() (sync_to_async below Django 5.0)"
    django_versions = DjangoVersions("5.0+ for `asend`/`asend_robust`", since=(5, 0))
    summary = "A signal is sent synchronously on the event loop; await signal.asend(...) (Django 5.0+)."
    effects = (api.SIGNAL_SEND,)

    @only_required_for_messages("sync-signal-send-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)
