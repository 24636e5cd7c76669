"""W5722 sync-only-middleware-in-settings.

## What it does
In a settings module (one that assigns a literal list to `MIDDLEWARE` at module level, or in the body
of a django-configurations `Configuration` class or its subclasses in the module), flags each
entry that is sync-only middleware:

- project middleware, found through the dotted path and read by the same analysis as
  `sync-only-middleware` (sync-only by default; also a factory whose code branches on
  `iscoroutinefunction(get_response)` but that is not declared hybrid, so Django never takes its
  async path);
- popular third-party middleware whose mode was checked in the package's source
  (`django_api.KNOWN_MIDDLEWARE`: `whitenoise`, `silk` and allauth's `UserSessionsMiddleware` are
  sync-only; `corsheaders`, `debug_toolbar`, `django_htmx`, allauth's `AccountMiddleware`, `axes`,
  `simple_history`, `django_browser_reload`, `csp` are hybrid).

Django's own middleware is hybrid. Entries that are sync-only on purpose (`@sync_only_middleware`,
`async_capable = False`, or project middleware that keeps the state of its worker thread, see
`sync-only-middleware`) are not reported, but count in the total; when such an entry keeps every
switch (the count would not drop were all the other sync-only entries async-capable: Django adapts
once per stretch of sync-only middleware), the list is not reported at all. One finding per entry, on its
line in the list; the message says how many times the whole stack switches between async and sync
per request under ASGI, computed the way `load_middleware` builds the chain, and which entries are
sync-only (or, when the entry is the only one, how many switches remain without it). Unknown entries
count as hybrid ("at least").

Only projects that serve HTTP through Django's ASGI handler pay this cost: the finding is definite
when asynclint detects an ASGI server, *possible* when it cannot tell, and not reported when the
project serves HTTP with WSGI only (`server` option, or its server commands and `asgi.py`; see the
README's Configuration section and `asynclint check -v`). A project with nothing that serves it
through ASGI (no server command, router, daphne, or `ASGI_APPLICATION` with Channels installed;
`startproject`'s `asgi.py` alone does not count, nor an `ASGI_APPLICATION` that nothing reads) runs
with `runserver`, under WSGI: not reported.

## Why is this bad?
Under ASGI Django starts from the async handler and walks `MIDDLEWARE` from the innermost entry out;
a sync-only middleware makes Django wrap the layers below it in `async_to_sync` and (at the top)
the stack in `sync_to_async`. Each switch costs a thread hop per request, and the request holds a
worker thread while the sync part runs. An async view behind sync middleware gains nothing.

## Example
```python
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "shop.middleware.timing_middleware",
]
```

## Use instead
Make project middleware hybrid (see `sync-only-middleware`); for third-party middleware, use a
release that supports async, or serve that concern outside Django under ASGI (for static files, e.g.
the ASGI server or a CDN).

## Fix safety
No automatic fix.

## Django versions
3.1 to 6.1 (the mode logic is unchanged); silent when the targeted Django is older (no middleware
modes). The third-party modes are those of the release named in
the table; other releases may differ.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import middleware
from asynclint.prefilter import MIDDLEWARE
from asynclint.rules.base import AsyncLintRule, DjangoVersions

_SYMBOL = "sync-only-middleware-in-settings"


def _times(count: int) -> str:
    return {0: "no times", 1: "once", 2: "twice"}.get(count, f"{count} times")


class SyncOnlyMiddlewareInSettings(AsyncLintRule):
    msgid = "W5722"
    symbol = _SYMBOL
    prefilter = (MIDDLEWARE,)
    django_versions = DjangoVersions("3.1 to 6.1 (the mode logic is unchanged)", since=(3, 1), silent_before=True)
    summary = (
        "A MIDDLEWARE entry is sync-only middleware; under ASGI the stack switches between async and "
        "sync on every request."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_module(self, node: nodes.Module) -> None:
        for listed in middleware.middleware_lists(node):
            entries = [middleware.entry(element, node) for element in listed.elts]
            if middleware.saves_no_switch([middleware.resolved_entry(element, node) for element in listed.elts],
                                          middleware.must_stay_sync):
                continue  # an entry that must stay sync keeps every switch whatever the others' modes
            modes = [e.mode for e in entries]
            total = middleware.switches(modes)
            bound = "at least " if any(e.mode is None for e in entries) else ""
            sync_only = [e.path.rpartition(".")[2] for e in entries if e.mode == api.SYNC_ONLY]
            for index, found in enumerate(entries):
                why = _why(found, node.file)
                if why is None:
                    continue
                if len(sync_only) > 1:
                    detail = f"sync-only entries: {', '.join(sync_only)}"
                else:
                    without = middleware.switches([*modes[:index], api.HYBRID, *modes[index + 1:]])
                    detail = (f"{bound}{_times(without)} if this entry were async-capable" if without or not bound
                              else "perhaps never if this entry were async-capable")
                self.report_under_asgi(found.node, f"'{found.path}' is sync-only middleware ({why}): under ASGI this "
                                        f"MIDDLEWARE list makes every request switch between async and sync "
                                        f"{bound}{_times(total)} ({detail}); {_fix(found)}", settings=True)

def _why(found: middleware.Entry, settings_file: str | None) -> str | None:
    """Why the entry is reported, or None when it is not."""
    if found.mode != api.SYNC_ONLY or found.chosen:
        return None
    if found.known is not None:
        return found.known.checked + _project_pin(found.known.checked, settings_file)
    factory = found.factory
    if factory is None or factory.mixin or middleware.thread_bound(factory):
        return None  # unknown; hybrid; or sync on purpose (it works on its worker thread's state)
    if factory.async_path and factory.sync_path:
        return (f"{factory.node.name} has an async path, but without @sync_and_async_middleware or "
                f"async_capable = True Django never takes it")
    if factory.async_path:
        return None  # an async def that Django runs as sync: middleware-async-mode-mismatch reports it
    return f"{factory.node.name} sets no async_capable"


def _project_pin(checked: str, settings_file: str | None) -> str:
    """``; the project pins whitenoise 6.5.0 (backend/deploy/requirements.txt)`` when the project pins the
    package (``checked`` starts with its name and the release read) at another release."""
    from asynclint.core import versions

    package, _, rest = checked.partition(" ")
    read = rest.partition(":")[0].strip()
    pinned = versions.pinned_in_project(package, settings_file) if settings_file else None
    if pinned is None:
        return ""
    release = ".".join(str(part) for part in pinned[0])
    return "" if release == read else f"; the project pins {package} {release} ({pinned[1]})"


def _fix(found: middleware.Entry) -> str:
    if found.known is not None:
        return "use a release that supports async, or handle this outside Django under ASGI"
    if found.factory is not None and found.factory.async_path:
        return "declare it hybrid"
    return "make it hybrid (see sync-only-middleware)"
