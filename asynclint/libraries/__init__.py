"""Sync APIs of third-party libraries that Django projects call from async code, one module per family.

Data only, like ``asynclint.django_api``: each family module holds ``SYNC_APIS`` (rows of the same
``SyncApi`` table, with ``library`` and ``library_since`` set) and the names that tell what an
expression is (``OBJECT_KINDS``, ``CALL_RESULT_KINDS``, ``DECORATOR_KINDS``...). ``table`` merges the
families; ``django_api`` merges ``table`` into the lookups every rule uses. Names resolve by import
path only, so the result is the same whether the library is installed or not; a name no row knows
stays silent.
"""

from asynclint import django_api as _api  # noqa: F401  (load the table first: the families import it)
