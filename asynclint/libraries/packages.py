"""Popular Django packages whose public sync API reads the database or the cache.

How they were chosen (the criterion, also in docs/libraries.md): among the most downloaded Django
packages on PyPI, those whose documented, commonly called *functions* (not views, not admin, not
management commands) read the database or the cache on every call, so that calling them from an
async view runs a query on the event loop. Each row was read in the package's source.
"""

from __future__ import annotations

from asynclint.django_api import (BLOCKING_IO, CACHE_IO, DERIVES_FROM_LIBRARY_BASE, FUNCTION, MODEL_CLASS, QUERY,
                                  TOKEN_TO_VERIFY, WILDCARD, WRITE, SyncApi)

GUARDIAN_CHECKER = "django-guardian ObjectPermissionChecker"
CONSTANCE_CONFIG = "django-constance config"

#: JWT token classes with the blacklist mixin (``BlacklistMixin``), per package: djangorestframework-simplejwt
#: and django-ninja-jwt (a port with the same ``tokens.py``), and the token kind each one's instances have.
JWT_PACKAGES = {"rest_framework_simplejwt": ("djangorestframework-simplejwt", "simplejwt token"),
                "ninja_jwt": ("django-ninja-jwt", "django-ninja-jwt token")}
JWT_BLACKLIST_CLASSES = ("RefreshToken", "SlidingToken")
_JWT_APP_NOTE = "only with the package's token_blacklist app in INSTALLED_APPS"


def _jwt_rows(module: str, library: str, kind: str) -> tuple[SyncApi, ...]:
    """The token API that reads or writes the blacklist app's tables in the caller's thread (read in
    simplejwt 5.5.1 and django-ninja-jwt 5.4.5, ``tokens.py``: ``BlacklistMixin`` defines these methods
    only when ``<module>.token_blacklist`` is installed). ``blacklist()`` and ``check_blacklist()`` exist
    only then: definite. ``for_user()`` (an ``OutstandingToken`` INSERT) and the constructor given a token
    (``verify()`` runs ``check_blacklist()``, a ``BlacklistedToken`` query) depend on that setting: possible."""
    def row(receiver, name, effect, **extra):
        return SyncApi(receiver, name, effect, None, None, fix=None, replacement="await sync_to_async({func})(...)",
                       library=library, needs_app=f"{module}.token_blacklist", **extra)

    return (
        *(row(FUNCTION, f"{module}.tokens.{cls}.for_user", WRITE, possible=True,
              note=f"records the new token as an OutstandingToken row, {_JWT_APP_NOTE}") for cls in JWT_BLACKLIST_CLASSES),
        *(row(FUNCTION, f"{module}.tokens.{cls}", QUERY, possible=True, only_if=TOKEN_TO_VERIFY,
              note=f"verifying the token looks it up in BlacklistedToken, {_JWT_APP_NOTE}") for cls in JWT_BLACKLIST_CLASSES),
        row(kind, "blacklist", WRITE, note="get_or_create of its OutstandingToken and BlacklistedToken rows"),
        row(kind, "check_blacklist", QUERY, note="a BlacklistedToken query"),
    )


def _row(receiver, name, library, effect=QUERY, note="", only_if=""):
    return SyncApi(receiver, name, effect, None, None, fix=None, replacement="await sync_to_async({func})(...)",
                   library=library, note=note, only_if=only_if)


#: Library classmethods that build an instance of the project's subclass and run a hook the subclass
#: defines, by (base class, classmethod): the hook. django-service-objects (0.7.1, ``services.py``):
#: ``Service.execute(inputs)`` (``ModelService`` inherits it) validates the inputs and returns
#: ``instance.process()``, inside ``transaction.atomic`` unless the class sets ``db_transaction = False``.
TEMPLATE_METHODS: dict[tuple[str, str], str] = {
    (f"service_objects.services.{base}", "execute"): "process" for base in ("Service", "ModelService")}

SYNC_APIS: tuple[SyncApi, ...] = (
    # django-waffle: flags, switches and samples are read from the cache, else the database.
    *(_row(FUNCTION, f"waffle.{name}", "django-waffle", note="waffle reads the cache, then the database")
      for name in ("flag_is_active", "switch_is_active", "sample_is_active")),
    # django-guardian: object permissions live in their own tables.
    # (get_user_perms(), get_objects_for_user()... return lazy QuerySets: the ORM rows cover them.)
    _row(FUNCTION, "guardian.shortcuts.get_perms", "django-guardian"),
    *(_row(FUNCTION, f"guardian.shortcuts.{name}", "django-guardian", effect=WRITE)
      for name in ("assign_perm", "remove_perm")),
    *(_row(GUARDIAN_CHECKER, name, "django-guardian") for name in ("has_perm", "get_perms")),
    # django-otp: whether a user has a device reads every device table; token checks lock the user's
    # devices in a transaction and save each one's throttling state.
    _row(FUNCTION, "django_otp.user_has_device", "django-otp"),
    *(_row(FUNCTION, f"django_otp.{name}", "django-otp", effect=WRITE) for name in ("match_token", "verify_token")),
    # django-ratelimit (4.1.0): every check counts the request in the cache (``cache.add``/``incr``/``get``).
    *(_row(FUNCTION, f"django_ratelimit.core.{name}", "django-ratelimit", effect=CACHE_IO,
           note="django-ratelimit has no async API; DatabaseCache raises SynchronousOnlyOperation")
      for name in ("is_ratelimited", "get_usage")),
    # django-solo (2.5.1, ``solo/models.py``): ``get_solo()``, a classmethod every ``SingletonModel`` subclass
    # inherits, runs ``get_or_create(pk=...)`` (an INSERT the first time); with ``SOLO_CACHE`` set it reads
    # that cache first and queries on a miss. No release has an async form.
    _row(MODEL_CLASS, "get_solo", "django-solo", only_if=DERIVES_FROM_LIBRARY_BASE,
         note="django-solo has no async API; with SOLO_CACHE set it reads that cache first"),
    # django-constance: every ``config.NAME`` read asks the backend (Redis, or the database). 4.3.5
    # (its "async support") makes the attribute an awaitable proxy on the loop: ``await config.NAME``
    # reads it asynchronously; used as a value (bool(), str(), a comparison) it still reads synchronously.
    # djangorestframework-simplejwt / django-ninja-jwt with their blacklist app: tokens are rows.
    *(row for module, (library, kind) in JWT_PACKAGES.items() for row in _jwt_rows(module, library, kind)),
    SyncApi(CONSTANCE_CONFIG, WILDCARD, BLOCKING_IO, None, None, fix=None, attribute=True, awaitable=True,
            replacement="await {func}", library="django-constance", library_since="4.3.5",
            note="before 4.3.5, read it in 'await sync_to_async(lambda: ...)()'; constance's database backend "
                 "raises SynchronousOnlyOperation there"),
)

#: View decorators whose wrapper is sync in every release read (Django's ``VIEW_DECORATORS_ASYNC_SINCE``
#: with None): ``@ratelimit`` on an ``async def`` hands Django the coroutine unawaited, in every release up
#: to 4.1.0 (the latest, July 2023). The repository's main branch adds an async wrapper and
#: ``ais_ratelimited()``, unreleased: once a release ships them, this entry (and the rows' replacement)
#: must read the project's django-ratelimit version, as ``ninja`` does for its auth callbacks.
VIEW_DECORATORS_ASYNC_SINCE = dict.fromkeys(("django_ratelimit.decorators.ratelimit",), None)

OBJECT_KINDS = {"constance.config": CONSTANCE_CONFIG}
CALL_RESULT_KINDS = {
    **dict.fromkeys(("guardian.core.ObjectPermissionChecker",), GUARDIAN_CHECKER),
    # ``token = RefreshToken(raw)``, ``refresh = RefreshToken.for_user(user)``: a token of the package.
    **{f"{module}.tokens.{cls}{method}": kind for module, (_library, kind) in JWT_PACKAGES.items()
       for cls in JWT_BLACKLIST_CLASSES for method in ("", ".for_user")},
}

#: The release the runtime proofs of each library's rows ran under (docs/libraries.md, ``asynclint rules
#: --libraries``); older releases were read where a row says so.
VERSIONS = {"django-solo": "2.5.1", "django-waffle": "5.0.0", "django-guardian": "3.5.2", "django-otp": "1.7.5", "django-constance": "4.4.0",
            "django-ratelimit": "4.1.0", "djangorestframework-simplejwt": "5.5.1", "django-ninja-jwt": "5.4.5"}
