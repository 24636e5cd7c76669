"""All library families merged: what ``asynclint.django_api`` adds to its lookups."""

from __future__ import annotations

from asynclint.libraries import allauth, clients, contrib, discord_bots, drf, files, packages, services, streams, tasks

#: The families, in the order the docs list them.
FAMILIES = (clients, services, files, streams, tasks, drf, contrib, packages, allauth, discord_bots)


def _merged(attribute: str) -> dict:
    merged: dict = {}
    for family in FAMILIES:
        merged.update(getattr(family, attribute, {}))
    return merged


def _union(attribute: str) -> frozenset:
    return frozenset(name for family in FAMILIES for name in getattr(family, attribute, ()))


SYNC_APIS = tuple(row for family in FAMILIES for row in family.SYNC_APIS)
OBJECT_KINDS: dict[str, str] = _merged("OBJECT_KINDS")
CALL_RESULT_KINDS: dict[str, str] = _merged("CALL_RESULT_KINDS")
ATTRIBUTE_KINDS: dict[str, str] = _merged("ATTRIBUTE_KINDS")
DECORATOR_KINDS: dict[str, str] = _merged("DECORATOR_KINDS")
DECORATOR_METHOD_KINDS: dict[tuple[str, str], str] = _merged("DECORATOR_METHOD_KINDS")
MANY_KINDS: dict[str, str] = _merged("MANY_KINDS")
NO_IO_METHODS: dict[str, frozenset[str]] = _merged("NO_IO_METHODS")
ASYNC_METHODS: dict[str, frozenset[str]] = _merged("ASYNC_METHODS")
ASYNC_ITERATOR_METHODS: dict[str, frozenset[str]] = _merged("ASYNC_ITERATOR_METHODS")
DERIVED_KINDS: dict[tuple[str, str], str] = _merged("DERIVED_KINDS")
TEMPLATE_METHODS: dict[tuple[str, str], str] = _merged("TEMPLATE_METHODS")
STREAMED_RESULTS: dict[tuple[str, str], str] = _merged("STREAMED_RESULTS")
VIEW_DECORATORS_ASYNC_SINCE: dict[str, None] = _merged("VIEW_DECORATORS_ASYNC_SINCE")
INHERITED_ATTRIBUTE_KINDS: dict[str, tuple[frozenset[str], str]] = _merged("INHERITED_ATTRIBUTE_KINDS")
SYNC_ITERABLES: dict[str, str] = _merged("SYNC_ITERABLES")
HANDLER_PARAMETER_KINDS: dict[tuple[str, str], tuple[str, str]] = _merged("HANDLER_PARAMETER_KINDS")
HANDLER_DECORATOR_KINDS: dict[str, tuple] = _merged("HANDLER_DECORATOR_KINDS")
HANDLER_DECORATOR_METHOD_KINDS: dict[tuple[str, str], tuple] = _merged("HANDLER_DECORATOR_METHOD_KINDS")
EVENT_PARAMETER_KINDS: dict[str, tuple] = _merged("EVENT_PARAMETER_KINDS")
EVENT_DECORATORS = _union("EVENT_DECORATORS")
EVENT_DECORATOR_METHODS = _union("EVENT_DECORATOR_METHODS")
SUBCLASS_KINDS = _union("SUBCLASS_KINDS")
SELF_ENTERING_KINDS = _union("SELF_ENTERING_KINDS")
CLIENT_KINDS = _union("CLIENT_KINDS")
SYNC_CACHE_BACKENDS = _union("SYNC_CACHE_BACKENDS")
AUTHENTICATING_VIEWS = _union("AUTHENTICATING_VIEWS")
AUTHENTICATING_VIEW_DECORATORS = _union("AUTHENTICATING_VIEW_DECORATORS")
AUTHENTICATED_REQUESTS = _union("AUTHENTICATED_REQUESTS")
AUTHENTICATED_HOOKS: dict[str, frozenset[str]] = _merged("AUTHENTICATED_HOOKS")
UNAUTHENTICATED_VIEW_METHODS = _union("UNAUTHENTICATED_VIEW_METHODS")
DRF_HANDLER_DECORATORS = _union("DRF_HANDLER_DECORATORS")
DRF_RESPONSES = _union("DRF_RESPONSES")
#: Library -> the release its rows were checked with (read in its source, proven by the runtime tests).
VERSIONS: dict[str, str] = _merged("VERSIONS")
