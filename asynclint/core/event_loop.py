"""Which code runs on the event loop.

The body of an ``async def`` (and the async comprehensions and generators in it) runs on the loop;
the bodies of nested sync ``def``s, ``lambda``s and classes do not, so neither does a callable handed
to ``sync_to_async``/``database_sync_to_async``/``asyncio.to_thread``/``run_in_executor``: it is
always one of those. Comprehensions run inline in the function that contains them.
Decorators, default values and annotations of a function run where the function is defined.
A few sync functions run on the loop too, because a library calls them from its coroutines: the sync
resolvers of a GraphQL schema served asynchronously (``asynclint.libraries.graphql``) and the
``__call__(self, scope)`` of an old two-step Channels middleware (``asynclint.libraries.channels``).
"""

from __future__ import annotations

from astroid import nodes



def enclosing_frame(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The function, lambda, class or module whose execution runs ``node``."""
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, (nodes.FunctionDef, nodes.Lambda)):
            # Defaults and annotations (in ``args``), decorators and the return annotation are
            # evaluated by the enclosing frame, not by the function's body.
            if child is parent.args or child is getattr(parent, "decorators", None) or child is getattr(
                parent, "returns", None
            ):
                child, parent = parent, parent.parent
                continue
            return parent
        if isinstance(parent, nodes.ClassDef):
            if child in parent.bases or child is parent.decorators or child in parent.keywords:
                child, parent = parent, parent.parent
                continue
            return parent
        if isinstance(parent, nodes.Module):
            return parent
        child, parent = parent, parent.parent
    return None


def runs_on_event_loop(node: nodes.NodeNG) -> bool:
    """Whether ``node`` is executed by a coroutine, i.e. on the event loop."""
    frame = enclosing_frame(node)
    return isinstance(frame, nodes.AsyncFunctionDef) or (
        isinstance(frame, nodes.FunctionDef) and library_runs_on_loop(frame))


def library_runs_on_loop(function: nodes.FunctionDef) -> bool:
    """Whether a library calls sync ``function`` from its coroutines, in the loop's thread."""
    return library_loop_reason(function) is not None


def library_loop_reason(function: nodes.NodeNG | None) -> str | None:
    """Why a library runs sync ``function`` on the loop (one clause for a message), or None."""
    if not isinstance(function, nodes.FunctionDef) or isinstance(function, nodes.AsyncFunctionDef):
        return None
    from asynclint.libraries import channels, graphql  # noqa: PLC0415 (the libraries import the core)

    return channels.loop_reason(function) or graphql.loop_reason(function)


def module_has_async_code(module: nodes.Module) -> bool:
    """Cheap gate: a module without ``async def`` has nothing on the event loop."""
    return next(module.nodes_of_class(nodes.AsyncFunctionDef), None) is not None


def may_have_library_loop_code(text: str) -> bool:
    """A cheap text test (the CLI's prefilter): the module may define sync code a library runs on the loop."""
    from asynclint.libraries import channels, graphql  # noqa: PLC0415

    return graphql.TEXT_HINT.search(text) is not None or channels.TEXT_HINT.search(text) is not None
