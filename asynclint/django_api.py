"""The one table of Django's sync APIs and their async replacements.

Data only. Every rule, message, doc page and fix reads Django API names from here; no other module
spells them. Facts come from Django's source and release notes (3.0 to 6.1); each row names the
first Django version whose async replacement exists (``since``).

Vocabulary:

- a *kind* is what an expression is (``QUERYSET``, ``INSTANCE``, ...); ``core.django_kinds`` decides it;
- a row's ``receiver`` is the kind the method is called on, or ``FUNCTION`` for a module-level
  function named by its qualified name;
- a row's ``effect`` says what the sync call does; rules select rows by effect.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

Version = tuple[int, int]

# --- kinds ---------------------------------------------------------------------------------------
MODEL_CLASS = "model class"
MANAGER = "manager"
QUERYSET = "queryset"
RELATED_MANAGER = "related manager"
INSTANCE = "model instance"
INSTANCE_TUPLE = "(instance, created) tuple"
CONNECTION = "database connection"
PAGINATOR = "paginator"
CACHE = "cache"
REQUEST = "request"
SESSION = "session"
USER = "user"
USER_MANAGER = "user manager"
SIGNAL = "signal"
TASK = "task"
COROUTINE = "coroutine"
ASYNC_ITERATOR = "async iterator"
FUNCTION = "function"  # receiver of rows that name a module-level function

# --- effects -------------------------------------------------------------------------------------
QUERY = "query"
WRITE = "write"
RAW_SQL = "raw SQL"
TRANSACTION = "transaction"
CACHE_IO = "cache I/O"
AUTH = "auth"
SESSION_IO = "session I/O"
SIGNAL_SEND = "signal"
TASK_QUEUE = "task queue"

#: How messages describe each effect: "<call> queries the database on the event loop".
EFFECT_VERBS = {
    QUERY: "queries the database",
    WRITE: "writes to the database",
    RAW_SQL: "opens a database cursor",
    TRANSACTION: "uses a database transaction",
    CACHE_IO: "calls the cache backend",
    AUTH: "queries the user and session store",
    SESSION_IO: "loads or saves the session",
    SIGNAL_SEND: "runs the signal's receivers synchronously",
    TASK_QUEUE: "enqueues the task synchronously",
}

# --- fix safety ----------------------------------------------------------------------------------
SAFE = "safe"
UNSAFE = "unsafe"


@dataclass(frozen=True)
class SyncApi:
    """One sync Django API and its async replacement."""

    receiver: str
    name: str
    effect: str
    async_name: str | None
    since: Version | None
    returns: str | None = None  # kind of the sync call's result (and of the awaited async one)
    async_returns: str = COROUTINE  # what calling ``async_name`` gives: a coroutine or an async iterator
    queryset_only: bool = False  # not proxied by managers (``Model.objects.delete()`` does not exist)
    fix: str | None = SAFE
    note: str = ""


def _rows(receiver, effect, since, names, **extra):
    """Rows whose async name is the sync name with an ``a`` prefix."""
    return tuple(
        SyncApi(receiver, name, effect, "a" + name, since, returns=returns, **extra)
        for name, returns in names
    )


D41 = (4, 1)
D42 = (4, 2)

SYNC_APIS: tuple[SyncApi, ...] = (
    # ORM: QuerySet methods that do not return QuerySets (managers proxy all but queryset_only ones).
    *_rows(QUERYSET, QUERY, D41, [
        ("aggregate", None), ("contains", None), ("count", None), ("earliest", INSTANCE),
        ("exists", None), ("explain", None), ("first", INSTANCE), ("get", INSTANCE),
        ("in_bulk", None), ("last", INSTANCE), ("latest", INSTANCE),
    ]),
    *_rows(QUERYSET, WRITE, D41, [
        ("bulk_create", None), ("bulk_update", None), ("create", INSTANCE),
        ("get_or_create", INSTANCE_TUPLE), ("update", None), ("update_or_create", INSTANCE_TUPLE),
    ]),
    SyncApi(QUERYSET, "delete", WRITE, "adelete", D41, queryset_only=True,
            note="delete()/adelete() exist on QuerySets only, not on managers"),
    SyncApi(QUERYSET, "iterator", QUERY, "aiterator", D41, async_returns=ASYNC_ITERATOR,
            note="aiterator() is an async generator: 'async for x in qs.aiterator()', never awaited"),
    # ORM: model instances.
    *_rows(INSTANCE, WRITE, D42, [("save", None), ("delete", None)]),
    *_rows(INSTANCE, QUERY, D42, [("refresh_from_db", None)]),
    *(SyncApi(INSTANCE, name, QUERY, None, None, fix=None)
      for name in ("full_clean", "validate_unique", "validate_constraints")),
    # ORM: related managers (reverse FK, both sides of M2M, generic relations).
    *_rows(RELATED_MANAGER, WRITE, D42, [("add", None), ("clear", None), ("remove", None), ("set", None)]),
    *_rows(RELATED_MANAGER, WRITE, D41, [
        ("create", INSTANCE), ("get_or_create", INSTANCE_TUPLE), ("update_or_create", INSTANCE_TUPLE),
    ], note="the related-manager variants crashed until Django 4.1.4"),
    # ORM: shortcuts and module-level helpers.
    SyncApi(FUNCTION, "django.shortcuts.get_object_or_404", QUERY,
            "django.shortcuts.aget_object_or_404", (5, 0), returns=INSTANCE),
    SyncApi(FUNCTION, "django.shortcuts.get_list_or_404", QUERY,
            "django.shortcuts.aget_list_or_404", (5, 0)),
    SyncApi(FUNCTION, "django.db.models.prefetch_related_objects", QUERY,
            "django.db.models.aprefetch_related_objects", (5, 0)),
    SyncApi(PAGINATOR, "page", QUERY, "apage", (6, 0), fix=UNSAFE,
            note="AsyncPaginator replaces Paginator"),
    SyncApi(PAGINATOR, "get_page", QUERY, "aget_page", (6, 0), fix=UNSAFE,
            note="AsyncPaginator replaces Paginator"),
    SyncApi(CONNECTION, "cursor", RAW_SQL, None, None, fix=None),
    # Transactions: no async form in any Django version.
    *(SyncApi(FUNCTION, "django.db.transaction." + name, TRANSACTION, None, None, fix=None)
      for name in ("atomic", "on_commit", "savepoint", "savepoint_commit", "savepoint_rollback",
                   "clean_savepoints", "set_autocommit", "commit", "rollback", "set_rollback",
                   "mark_for_rollback_on_error")),
    # Cache (BaseCache, Django 4.0).
    *_rows(CACHE, CACHE_IO, (4, 0), [
        (name, None) for name in ("add", "clear", "close", "decr", "decr_version", "delete",
                                  "delete_many", "get", "get_many", "get_or_set", "has_key", "incr",
                                  "incr_version", "set", "set_many", "touch")
    ]),
    # Auth (5.0) and user/manager/permission methods (5.2).
    *(SyncApi(FUNCTION, "django.contrib.auth." + name, AUTH, "django.contrib.auth.a" + name, (5, 0))
      for name in ("authenticate", "login", "logout", "get_user", "update_session_auth_hash")),
    SyncApi(FUNCTION, "django.contrib.auth.hashers.check_password", AUTH,
            "django.contrib.auth.hashers.acheck_password", (5, 0)),
    SyncApi(REQUEST, "user", AUTH, "auser", (5, 0), returns=USER, fix=UNSAFE,
            note="an attribute: 'user = await request.auser()'"),
    SyncApi(USER, "check_password", AUTH, "acheck_password", (5, 0)),
    *_rows(USER, AUTH, (5, 2), [
        (name, None) for name in ("has_perm", "has_perms", "has_module_perms", "get_user_permissions",
                                  "get_group_permissions", "get_all_permissions")
    ]),
    *_rows(USER_MANAGER, AUTH, (5, 2), [("create_user", USER), ("create_superuser", USER)]),
    *_rows(USER_MANAGER, AUTH, (5, 2), [("get_by_natural_key", USER)]),
    # Sessions (SessionBase, 5.1).
    *_rows(SESSION, SESSION_IO, (5, 1), [
        (name, None) for name in ("clear_expired", "cycle_key", "delete_test_cookie", "flush", "get",
                                  "get_expire_at_browser_close", "get_expiry_age", "get_expiry_date",
                                  "has_key", "items", "keys", "pop", "set_expiry", "set_test_cookie",
                                  "setdefault", "test_cookie_worked", "update", "values")
    ]),
    # Signals (5.0).
    *_rows(SIGNAL, SIGNAL_SEND, (5, 0), [("send", None), ("send_robust", None)]),
    # Tasks (django.tasks, 6.0).
    *_rows(TASK, TASK_QUEUE, (6, 0), [("enqueue", None), ("get_result", None)]),
)

# Coroutine-returning asgiref/asyncio adapters: calling what they return gives a coroutine.
ADAPTERS_TO_THREAD = frozenset({
    "asgiref.sync.sync_to_async",
    "asgiref.sync.SyncToAsync",
    "channels.db.database_sync_to_async",
    "channels.db.DatabaseSyncToAsync",
})
#: Functions that run their callable argument in a worker thread; (qualified name, argument index).
THREAD_OFFLOADERS = {
    "asgiref.sync.sync_to_async": 0,
    "asgiref.sync.SyncToAsync": 0,
    "channels.db.database_sync_to_async": 0,
    "channels.db.DatabaseSyncToAsync": 0,
    "asyncio.to_thread": 0,
    "asyncio.threads.to_thread": 0,
    "run_in_executor": 1,  # loop.run_in_executor(executor, func, *args): matched by method name
}
#: Coroutine functions of asyncio itself that are commonly left unawaited.
ASYNCIO_COROUTINE_FUNCTIONS = frozenset({"asyncio.to_thread", "asyncio.threads.to_thread"})
#: Where a coroutine may be handed instead of awaited (it is awaited later by the callee).
COROUTINE_CONSUMERS = frozenset({
    "asyncio.gather", "asyncio.wait", "asyncio.wait_for", "asyncio.shield", "asyncio.create_task",
    "asyncio.ensure_future", "asyncio.run", "asyncio.as_completed", "asyncio.timeout",
    "asyncio.run_coroutine_threadsafe", "asgiref.sync.async_to_sync",
})
#: Method names that take a coroutine on any receiver (TaskGroup, loop, anyio/trio nurseries).
COROUTINE_CONSUMER_METHODS = frozenset({"create_task", "ensure_future", "run_until_complete", "start_soon"})

# --- what an expression is: qualified names of Django classes and objects ---------------------------
MODEL_BASES = frozenset({
    "django.db.models.Model",
    "django.db.models.base.Model",
    # Django's own concrete and abstract models (subclass them, or use them directly).
    "django.contrib.auth.models.AbstractUser",
    "django.contrib.auth.models.AbstractBaseUser",
    "django.contrib.auth.base_user.AbstractBaseUser",
    "django.contrib.auth.models.PermissionsMixin",
    "django.contrib.auth.models.User",
    "django.contrib.auth.models.Group",
    "django.contrib.auth.models.Permission",
    "django.contrib.contenttypes.models.ContentType",
    "django.contrib.sessions.models.Session",
    "django.contrib.sessions.base_session.AbstractBaseSession",
    "django.contrib.sites.models.Site",
    "django.contrib.flatpages.models.FlatPage",
    "django.contrib.redirects.models.Redirect",
    "django.contrib.admin.models.LogEntry",
})
USER_MODELS = frozenset({
    "django.contrib.auth.models.AbstractUser",
    "django.contrib.auth.models.AbstractBaseUser",
    "django.contrib.auth.base_user.AbstractBaseUser",
    "django.contrib.auth.models.User",
})
#: Calls that return the (unknown) user model class.
USER_MODEL_FUNCTIONS = frozenset({"django.contrib.auth.get_user_model"})
MANAGER_CLASSES = frozenset({
    "django.db.models.Manager",
    "django.db.models.manager.Manager",
    "django.db.models.manager.BaseManager",
    "django.contrib.auth.models.UserManager",
    "django.contrib.auth.base_user.BaseUserManager",
    "django.contrib.auth.models.BaseUserManager",
})
USER_MANAGER_CLASSES = frozenset({
    "django.contrib.auth.models.UserManager",
    "django.contrib.auth.base_user.BaseUserManager",
    "django.contrib.auth.models.BaseUserManager",
})
QUERYSET_CLASSES = frozenset({"django.db.models.QuerySet", "django.db.models.query.QuerySet"})
#: ``QuerySet.as_manager()`` and ``Manager.from_queryset(QS)`` build managers from QuerySet classes.
MANAGER_FACTORY_METHODS = frozenset({"as_manager"})
MANAGER_CLASS_FACTORIES = frozenset({"from_queryset"})
#: Model attributes that are always managers.
DEFAULT_MANAGER_ATTRIBUTES = frozenset({"objects", "_default_manager", "_base_manager"})
#: Model fields whose accessor is a related manager (both sides), and those whose forward accessor
#: is one instance (their reverse side is a related manager, except for one-to-one).
MANY_TO_MANY_FIELDS = frozenset({
    "django.db.models.ManyToManyField",
    "django.db.models.fields.related.ManyToManyField",
    "django.contrib.contenttypes.fields.GenericRelation",
})
FOREIGN_KEY_FIELDS = frozenset({
    "django.db.models.ForeignKey",
    "django.db.models.fields.related.ForeignKey",
})
ONE_TO_ONE_FIELDS = frozenset({
    "django.db.models.OneToOneField",
    "django.db.models.fields.related.OneToOneField",
})
#: Suffix of the default reverse accessor of a foreign key or many-to-many field (``author.book_set``).
REVERSE_ACCESSOR_SUFFIX = "_set"

#: QuerySet (and manager) methods that return a new QuerySet without running a query.
LAZY_QUERYSET_METHODS = frozenset({
    "alias", "all", "annotate", "complex_filter", "dates", "datetimes", "defer", "difference",
    "distinct", "exclude", "extra", "fetch_mode", "filter", "get_queryset", "intersection", "none",
    "only", "order_by", "prefetch_related", "raw", "reverse", "select_for_update", "select_related",
    "union", "using", "values", "values_list",
})
#: Lazy methods whose rows are not model instances.
ROW_QUERYSET_METHODS = frozenset({"values", "values_list", "dates", "datetimes"})

CONNECTION_OBJECTS = frozenset({"django.db.connection"})
CONNECTION_HANDLERS = frozenset({"django.db.connections"})  # connections[alias] is a connection
PAGINATOR_CLASSES = frozenset({"django.core.paginator.Paginator"})
CACHE_OBJECTS = frozenset({"django.core.cache.cache"})
CACHE_HANDLERS = frozenset({"django.core.cache.caches"})  # caches[alias] is a cache
REQUEST_CLASSES = frozenset({
    "django.http.HttpRequest", "django.http.request.HttpRequest",
    "django.core.handlers.asgi.ASGIRequest", "django.core.handlers.wsgi.WSGIRequest",
})
SIGNAL_CLASSES = frozenset({"django.dispatch.Signal", "django.dispatch.dispatcher.Signal"})
TRANSACTION_ATOMIC = "django.db.transaction.atomic"


@dataclass(frozen=True)
class Evaluation:
    """An operation that evaluates a lazy QuerySet, and what to write instead on the event loop."""

    operation: str
    shows: str  # how a message names the operation; {qs} is the QuerySet's source
    replacement: str
    since: Version = D41


#: Everything that runs a lazy QuerySet's query implicitly (QuerySet.__iter__/__len__/__bool__/...).
EVALUATIONS: dict[str, Evaluation] = {
    e.operation: e
    for e in (
        Evaluation("iteration", "iteration over {qs}", "async for ... in {qs}"),
        Evaluation("comprehension", "a comprehension over {qs}", "[... async for ... in {qs}]"),
        Evaluation("conversion", "{call}({qs})", "[x async for x in {qs}]"),
        Evaluation("len", "len({qs})", "await {qs}.acount()"),
        Evaluation("truth", "the truth value of {qs}", "await {qs}.aexists()"),
        Evaluation("membership", "'in {qs}'", "await {qs}.acontains(obj)"),
        Evaluation("index", "{qs}[{index}]", "await {qs}[{index}:{index}+1].aget()"),
        Evaluation("first", "{qs}[0]", "await {qs}.afirst()"),
        Evaluation("step-slice", "a slice with a step of {qs}", "[x async for x in {qs}[start:stop]][::step]"),
        Evaluation("unpacking", "unpacking {qs}", "[x async for x in {qs}]"),
        Evaluation("repr", "{call} of {qs}", "build a list with 'async for' first"),
    )
}


# --- lookups -------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _index() -> dict[tuple[str, str], SyncApi]:
    return {(row.receiver, row.name): row for row in SYNC_APIS}


@lru_cache(maxsize=None)
def _async_index() -> dict[tuple[str, str], SyncApi]:
    return {(row.receiver, row.async_name): row for row in SYNC_APIS if row.async_name}


def _receivers(kind: str) -> tuple[str, ...]:
    """The receivers whose rows apply to a value of this kind, most specific first."""
    if kind == RELATED_MANAGER:
        return (RELATED_MANAGER, MANAGER, QUERYSET)
    if kind == USER_MANAGER:
        return (USER_MANAGER, MANAGER, QUERYSET)
    if kind == MANAGER:
        return (MANAGER, QUERYSET)
    if kind == USER:
        return (USER, INSTANCE)
    return (kind,)


def lookup(kind: str, name: str) -> SyncApi | None:
    """The sync API ``name`` called on a value of ``kind`` (or a qualified function name with FUNCTION)."""
    for receiver in _receivers(kind):
        row = _index().get((receiver, name))
        if row is not None:
            if row.queryset_only and kind != QUERYSET:
                return None
            return row
    return None


def lookup_async(kind: str, name: str) -> SyncApi | None:
    """The row whose async replacement is ``name`` on a value of ``kind``."""
    for receiver in _receivers(kind):
        row = _async_index().get((receiver, name))
        if row is not None:
            if row.queryset_only and kind != QUERYSET:
                return None
            return row
    return None


def rows_with_effect(*effects: str) -> tuple[SyncApi, ...]:
    return tuple(row for row in SYNC_APIS if row.effect in effects)


def short_name(qualified: str) -> str:
    return qualified.rsplit(".", 1)[-1]
