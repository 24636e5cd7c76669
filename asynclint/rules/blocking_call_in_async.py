"""W5712 blocking-call-in-async.

## What it does
Flags blocking calls common in Django code made on the event loop: `time.sleep`, `requests.*` and
`requests.Session` methods, `urllib.request.urlopen`, module-level `httpx` verbs and `httpx.Client`
methods, `subprocess.*`, `os.system`/`os.popen`, `open()` and `Path.read_*`/`write_*`/`open`,
`smtplib.SMTP`, Django's `send_mail`/`send_mass_mail`/`mail_admins`/`mail_managers` and
`EmailMessage.send()`, `input()`, and a `django.tasks` task's sync `enqueue()`/`get_result()`.
Projects add their own with the `blocking-calls` option:
`blocking-calls = ["shop.pdf.render_invoice -> await sync_to_async(render_invoice)(...)"]`.

## Why is this bad?
Nothing raises: the call simply holds the event loop, so every other request served by that worker
waits until it returns.

## Example
```python
async def notify(request):
    send_mail("Hi", "Body", None, ["a@example.com"])
```

## Use instead
```python
async def notify(request):
    await sync_to_async(send_mail)("Hi", "Body", None, ["a@example.com"])
```

## Fix safety
`time.sleep(x)` to `await asyncio.sleep(x)` is unsafe (code may rely on blocking); a task's
`enqueue()` to `await task.aenqueue()` is safe from Django 6.0. The other replacements use different
libraries or a thread and are not fixed automatically.

## Django versions
All; `task.aenqueue()` exists from Django 6.0.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import suggest
from asynclint.core.django_kinds import ApiCall
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.core.imports import qualified_name
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule, parse_blocking_calls


class BlockingCallInAsync(SyncCallRule):
    msgid = "W5712"
    symbol = "blocking-call-in-async"
    prefilter = (ASYNC,)
    fix_safety = "safe or unsafe"
    fix_title = "Await the async form (asyncio.sleep, task.aenqueue...)"
    django_versions = DjangoVersions("All")
    summary = "A blocking call runs on the event loop and stalls every other request; use its async form."
    effects = (api.BLOCKING_IO, api.TASK_QUEUE)

    def open(self) -> None:
        super().open()
        self.extra = parse_blocking_calls(getattr(self.linter.config, "blocking_calls", ()))

    @only_required_for_messages("blocking-call-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        if self.extra and isinstance(node.func, (nodes.Name, nodes.Attribute)) and runs_on_event_loop(node):
            row = self.extra.get(qualified_name(node.func) or "")
            if row is not None:
                self.report(node, suggest.sync_call(ApiCall(node, row, None, None), self.target))
                return
        self.check_sync_call(node)
