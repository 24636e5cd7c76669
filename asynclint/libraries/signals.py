"""Library signals that the library sends with the sync ``Signal.send()`` from its own async path.

A project receiver connected to such a signal (``S.connect(f)`` in its module, ``@receiver(S)``) is
called by ``send()`` in the thread that sends: when that is the library's coroutine, the sync
receiver runs on the event loop, so its sync ORM work raises SynchronousOnlyOperation and its other
sync work blocks the loop. Every rule then treats the receiver's body as loop code
(``asynclint.core.event_loop.library_loop_reason``). An ``async def`` receiver is not such code, and
neither is work a receiver hands to a thread.

The first row was read in the library's source (tags 3.14.0, 4.0.0, 4.3.1, 4.9.0 and main d6a75e4 of
adamchainz/django-cors-headers): until 3.14 ``CorsMiddleware`` is a ``MiddlewareMixin``, whose async
mode runs the hooks (and the send) in a thread; from 4.0.0 it is a hybrid class whose ``__acall__``
calls ``check_preflight()``/``add_response_headers()`` on the loop, which reach ``check_signal()`` and
``check_request_enabled.send(...)`` (for a cross-origin request whose origin no setting allows). No
release awaits ``asend`` yet (a branch does, 353b653, unmerged): ``until`` is None. Proven with the
installed middleware in tests/runtime/test_library_signals.py.

A finding is *definite* when the targeted release is known to send on the loop and the project is
served by ASGI; *possible* when the release or the server is not known; none under WSGI (the
middleware then runs in sync mode) or for a release before ``since``.

The second row, django-constance's ``config_updated``, is sent on the loop only when the project awaits
``config.aset(...)`` (4.3.5+) with the Redis or memory backend: whatever the server, since the project's own
coroutine makes the call. Its receivers are reported only in a project that names ``aset`` somewhere, and
only as *possible* (the backend is configuration). Proven with the memory backend in
tests/fixtures/sync-orm-call-in-async/bad_constance_signal_receiver.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from astroid import nodes


@dataclass(frozen=True)
class LoopSentSignal:
    """A library's signal sent with ``send()`` from the library's async path."""

    signal: str  # the signal's qualified name
    library: str  # the distribution
    sender: str  # what sends it on the loop (for the message)
    since: tuple[int, ...]  # the first release that sends it on the loop
    until: tuple[int, ...] | None = None  # the first release that awaits asend() instead (None: none yet)
    #: The async path is the library's own under an ASGI server (a middleware's ``__acall__``): none under
    #: WSGI. False: the project's own awaited call reaches it (``await config.aset(...)``), on any loop.
    under_asgi: bool = True
    #: An identifier the project's code must name for that path to run at all (the async method it awaits);
    #: a project that names it nowhere never sends the signal on the loop (silent). Empty: no such call.
    trigger: str = ""
    #: Why a receiver is only ever a *possible* finding (the project's configuration decides); empty: definite
    #: when the release and the server are known.
    configured: str = ""
    read: str = ""  # the releases read (docs)


LOOP_SENT_SIGNALS: tuple[LoopSentSignal, ...] = (
    LoopSentSignal("corsheaders.signals.check_request_enabled", "django-cors-headers",
                   "CorsMiddleware.__acall__ (its async path, under ASGI)", since=(4, 0, 0), read="4.9.0"),
    # django-constance 4.3.5 (its async API; read up to 4.4.0): ``await config.aset(key, value)`` reaches the
    # backend's ``aset()``, which sends ``config_updated`` with ``send()`` in the coroutine for the Redis
    # backends (``RedisBackend._aset_internal``) and the memory backend (``aset`` calls ``set``); the
    # database backend runs ``set()`` (and the send) through ``sync_to_async``.
    LoopSentSignal("constance.signals.config_updated", "django-constance",
                   "config.aset() (the Redis and memory backends' async path)", since=(4, 3, 5), under_asgi=False,
                   trigger="aset", configured="the Redis and memory backends send it on the loop, the database "
                   "backend in a thread", read="4.4.0"),
)
_BY_NAME = {row.signal: row for row in LOOP_SENT_SIGNALS}

#: A text test for ``asynclint check``'s prefilter: a module that may connect a receiver to one of them.
TEXT_HINT = re.compile("|".join(rf"\b{re.escape(row.signal.rsplit('.', 1)[1])}\b" for row in LOOP_SENT_SIGNALS))


def loop_reason(function: nodes.FunctionDef) -> tuple[str, bool] | None:
    """(why, definite) when sync ``function`` is a receiver of a signal its library sends on the loop in
    the targeted releases; None when it is not one, or the release or the server rules it out."""
    row = _received(function)
    if row is None:
        return None
    from asynclint.core import deployment, versions

    module_file = function.root().file
    version = versions.library_for(row.library, module_file)
    if version is not None and (version.before(row.since) is True or (
            row.until is not None and version.before(row.until) is False)):
        return None
    if row.trigger and not _project_names(module_file, row.trigger):
        return None
    server = deployment.server_for("auto", module_file).server if module_file and row.under_asgi else deployment.ASGI
    if server == deployment.WSGI:
        return None
    known = version is not None and version.before(row.since) is False and (
        row.until is None or version.before(row.until) is True)
    targeting = f"targeting {version.reason}" if version is not None else "the release is not known"
    since = ".".join(map(str, row.since))
    configured = f"; {row.configured}" if row.configured else ""
    return (f"{function.name}() receives {row.signal}, which {row.library} {since}+ sends with the sync send() "
            f"from {row.sender}, so it runs on the event loop ({targeting}{configured}): make the receiver async, "
            f"or hand its work to sync_to_async", known and server == deployment.ASGI and not row.configured)


def _project_names(module_file: str | None, identifier: str) -> bool:
    """Some file of the project (the receiver's own included) names ``identifier``; a project too large to
    index answers False (unknown: silent)."""
    from asynclint.core import deployment, own_loop

    if not module_file:
        return False
    return bool(own_loop.files_naming(str(deployment.project_root(module_file)), identifier))


def _received(function: nodes.FunctionDef) -> LoopSentSignal | None:
    """The row of the signal sync ``function`` is connected to in its own module, if any."""
    from asynclint.core.imports import qualified_name

    if isinstance(function, nodes.AsyncFunctionDef) or not isinstance(function.parent, nodes.Module):
        return None
    for decorator in function.decorators.nodes if function.decorators else ():
        if isinstance(decorator, nodes.Call) and (qualified_name(decorator.func) or "").endswith(".receiver"):
            for argument in decorator.args:
                row = _BY_NAME.get(qualified_name(argument) or "") if isinstance(
                    argument, (nodes.Name, nodes.Attribute)) else None
                if row is not None:
                    return row
    for call in function.root().nodes_of_class(nodes.Call):
        func = call.func
        if isinstance(func, nodes.Attribute) and func.attrname == "connect" and call.args and \
                isinstance(call.args[0], nodes.Name) and call.args[0].name == function.name and \
                isinstance(func.expr, (nodes.Name, nodes.Attribute)):
            row = _BY_NAME.get(qualified_name(func.expr) or "")
            if row is not None:
                return row
    return None


#: What ``asynclint rules --libraries`` and docs/libraries.md say (see ``graphql.COVERED``).
COVERED = tuple(
    (row.library, f"sync receivers of {row.signal.rsplit('.', 1)[1]}, sent with send() from {row.sender.split(' ')[0]}",
     "every loop rule", f"{'.'.join(map(str, row.since))}+ send it on the loop (read up to {row.read})")
    for row in LOOP_SENT_SIGNALS)
