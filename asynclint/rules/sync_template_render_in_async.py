"""W5711 sync-template-render-in-async.

## What it does
Flags template rendering on the event loop: `render()`, `render_to_string()`, `Template(...).render()`,
`get_template(...).render()` and `select_template(...).render()`.

Silent for a `get_template(...).render()` or `render_to_string(name)` given no context and no request
(or only literal constants) in a coroutine that runs on a loop of its own: an async test, or one that
its sync caller drives to completion (`asyncio.run(build())`, `loop.run_until_complete(build())`, every
use of the coroutine being such a call). Nothing else waits on that loop, and the template's own text
evaluates nothing of the project's. A context there is still reported: a lazy QuerySet in it raises
`SynchronousOnlyOperation` whatever loop runs.

## Why is this bad?
Django has no async template API: rendering runs in the caller's thread. Loading the template file
blocks the loop, and anything the template evaluates (a lazy QuerySet in the context, `user` from
the auth context processor, an unloaded foreign key) raises `SynchronousOnlyOperation`. A
`TemplateResponse` returned from an async view is rendered by Django in a worker thread instead.

## Example
```python
async def book_list(request):
    return render(request, "books.html", {"books": Book.objects.all()})
```

## Use instead
```python
async def book_list(request):
    return TemplateResponse(request, "books.html", {"books": Book.objects.all()})
```

## Fix safety
Unsafe: `TemplateResponse` renders later (after response middleware's `process_template_response`),
which changes behaviour for code that inspects `response.content` right away.

## Django versions
All versions with async views (3.1+).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class SyncTemplateRenderInAsync(SyncCallRule):
    msgid = "W5711"
    symbol = "sync-template-render-in-async"
    prefilter = (ASYNC,)
    fix_safety = "unsafe"
    fix_title = "Return a TemplateResponse instead of render()"
    django_versions = DjangoVersions("All versions with async views (3.1+)", since=(3, 1))
    summary = (
        "A template is rendered on the event loop; return a TemplateResponse (rendered in a worker "
        "thread) or render it with sync_to_async."
    )
    effects = (api.TEMPLATE_RENDER,)

    @only_required_for_messages("sync-template-render-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)
