"""Django's own DB-backed helpers outside the ORM API: sites and content types.

Both cache their answer per process, but the first call (and every call after ``clear_cache()``, as
in tests) queries, which on the event loop raises ``SynchronousOnlyOperation``. Django (up to 6.1)
has no async form of any of them. ``user.has_perm()`` and friends are in ``django_api`` (5.2 added
``ahas_perm()``...).
"""

from __future__ import annotations

from asynclint.django_api import FUNCTION, QUERY, SyncApi

_CACHED = "cached per process after the first call, which queries"


def _row(name, note=_CACHED):
    return SyncApi(FUNCTION, name, QUERY, None, None, fix=None, replacement="await sync_to_async({func})(...)",
                   library="django", note=note)


SYNC_APIS: tuple[SyncApi, ...] = (
    _row("django.contrib.sites.models.Site.objects.get_current"),
    _row("django.contrib.sites.shortcuts.get_current_site",
         note=_CACHED + " (with django.contrib.sites installed)"),
    *(_row(f"django.contrib.contenttypes.models.ContentType.objects.{name}")
      for name in ("get_for_model", "get_for_models", "get_for_id")),
)
