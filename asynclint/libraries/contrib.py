"""Django's own DB-backed helpers outside the ORM API: sites, content types and model forms.

Both cache their answer per process, but the first call (and every call after ``clear_cache()``, as
in tests) queries, which on the event loop raises ``SynchronousOnlyOperation``. Django (up to 6.1)
has no async form of any of them. ``user.has_perm()`` and friends are in ``django_api`` (5.2 added
``ahas_perm()``...).

A ``ModelForm`` (Django has no async forms API, up to 6.1): ``save()`` writes (not with
``commit=False``), and ``is_valid()`` queries when its ``Meta.fields`` names a relation (its model
choice field looks the chosen row up) or a unique field (the unique check is a query).
"""

from __future__ import annotations

from asynclint.django_api import FUNCTION, QUERY, RELATED_OR_UNIQUE_FIELDS, UNLESS_COMMIT_FALSE, WRITE, SyncApi

MODEL_FORM = "Django model form"

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
SYNC_APIS += (
    SyncApi(MODEL_FORM, "is_valid", QUERY, None, None, fix=None, library="django",
            replacement="await sync_to_async({func})()", only_if=RELATED_OR_UNIQUE_FIELDS,
            note="its model choice fields look the chosen rows up, and unique fields are checked with a query"),
    SyncApi(MODEL_FORM, "save", WRITE, None, None, fix=None, library="django",
            replacement="await sync_to_async({func})()", only_if=UNLESS_COMMIT_FALSE,
            note="or save(commit=False) and then 'await instance.asave()' (Django 4.2+)"),
)
CALL_RESULT_KINDS = dict.fromkeys(("django.forms.ModelForm", "django.forms.models.ModelForm"), MODEL_FORM)
SUBCLASS_KINDS = frozenset({MODEL_FORM})
