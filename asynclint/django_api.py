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
#: ``connection.connection``: the DB-API connection Django wraps (psycopg's, sqlite3's).
DBAPI_CONNECTION = "DB-API connection"
PAGINATOR = "paginator"
CACHE = "cache"
REQUEST = "request"
SESSION = "session"
USER = "user"
USER_MANAGER = "user manager"
SIGNAL = "signal"
TASK = "task"
TEMPLATE = "template"
TEST_CLIENT = "test client"
REQUEST_FACTORY = "request factory"
HTTP_CLIENT = "sync HTTP client"
PATH = "path"
SOCKET = "socket"
PROCESS = "child process"
HTTP_CONNECTION = "http.client connection"
EMAIL = "email message"
COROUTINE = "coroutine"
ASYNC_ITERATOR = "async iterator"
FUNCTION = "function"  # receiver of rows that name a module-level function

# --- effects -------------------------------------------------------------------------------------
QUERY = "query"
WRITE = "write"
RAW_SQL = "raw SQL"
CONNECTION_IO = "connection I/O"
TRANSACTION = "transaction"
CACHE_IO = "cache I/O"
AUTH = "auth"
PASSWORD_HASHING = "password hashing"
SESSION_IO = "session I/O"
SIGNAL_SEND = "signal"
TASK_QUEUE = "task queue"
TEMPLATE_RENDER = "template rendering"
BLOCKING_IO = "blocking I/O"
TEST_REQUEST = "test request"
EVALUATION = "QuerySet evaluation"
LOOP_RUNNER = "event loop runner"
REQUEST_USER = "request.user"
CPU_BOUND = "CPU-bound work"

# --- row conditions (``SyncApi.only_if``) ------------------------------------------------------------
#: The model class derives (through project classes, by import path) from one of the library base classes
#: ``SINGLETON_BASES`` names for the row's library: django-solo's ``SingletonModel.get_solo()``.
DERIVES_FROM_LIBRARY_BASE = "the model class derives from the library's base class"
SINGLETON_BASES = frozenset({"solo.models.SingletonModel"})
#: A ModelSerializer (or ModelForm) whose ``Meta.fields`` names a relation or a unique model field (validation
#: queries).
RELATED_OR_UNIQUE_FIELDS = "serializer validates a relation or a unique field"
#: The call is not ``save(commit=False)`` (a model form's save that writes nothing).
UNLESS_COMMIT_FALSE = "not save(commit=False)"
#: The call passes an encoded token to verify: a first positional argument or ``token=`` that is not the
#: literal None, and no literal ``verify=False`` (JWT token classes verify, and check their blacklist, only then).
TOKEN_TO_VERIFY = "an encoded token is passed and verified"
#: django-filter's backend over a view (its third argument) that may filter through a relation: not a
#: view of a known class with neither ``filterset_class`` nor ``filterset_fields`` (no FilterSet at all),
#: or with ``filterset_fields`` naming only plain fields of the QuerySet's model (no model choice filter).
FILTERSET_MAY_QUERY = "the view's FilterSet may look rows up"
#: Decorators that compute a method's value on the first read of the attribute and store it on the object
#: (Django's and functools'): later reads of that object return the stored value and run nothing.
CACHED_PROPERTY_DECORATORS = frozenset({"functools.cached_property", "django.utils.functional.cached_property"})
#: Clock reads: a guard that compares one with a stored timestamp (``if time.monotonic() - self._at < TTL: return
#: self._cached``) makes the work after it a time-bound cache (``core.branches``).
CLOCK_FUNCTIONS = frozenset({
    "time.time", "time.monotonic", "time.perf_counter", "time.time_ns", "time.monotonic_ns",
    "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today", "django.utils.timezone.now",
})
#: Decorators that turn a generator function (or an async generator function) into a sync callable returning
#: a context manager: calling the decorated function runs none of its body (``__enter__`` does).
CONTEXT_MANAGER_DECORATORS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})
#: The call's file argument (its first positional argument, or the keyword ``IN_MEMORY_PARAMETERS`` names)
#: is not an in-memory buffer (``io.BytesIO(...)``, a name bound to one, a parameter a call passes one):
#: on memory the library copies and parses bytes, no file I/O.
NOT_IN_MEMORY = "the file argument is not an in-memory buffer"
IN_MEMORY_FILE = "in-memory file"
#: The keywords a file library's rows take their file as.
IN_MEMORY_PARAMETERS = frozenset({"fp", "filename"})
#: The cache the call reaches is not in-process for certain (``core.caches``: the project's settings give
#: the alias only ``IN_PROCESS_CACHE_BACKENDS``, or set no ``CACHES`` so Django's default applies).
OUT_OF_PROCESS_CACHE = "the project's cache backend is not in-process for certain"
CACHES_SETTING = "CACHES"
#: Backends without I/O: a lock and (un)pickling in memory, or nothing; their a* forms are
#: ``sync_to_async`` of the sync ones (BaseCache), so awaiting them only adds a thread hop.
IN_PROCESS_CACHE_BACKENDS = frozenset({"django.core.cache.backends.locmem.LocMemCache",
                                       "django.core.cache.backends.dummy.DummyCache"})
#: Backends whose methods are sync functions that do I/O (the network, files, the database): awaiting
#: what one returns (``await cache.get(...)``) first blocks the loop, then raises TypeError. Django's own;
#: libraries add theirs (``asynclint.libraries``). A backend outside this set and ``IN_PROCESS_CACHE_BACKENDS``
#: may define its methods as coroutine functions (django-valkey's ``AsyncValkeyCache``).
SYNC_CACHE_BACKENDS = frozenset({"django.core.cache.backends.redis.RedisCache",
                                 "django.core.cache.backends.db.DatabaseCache",
                                 "django.core.cache.backends.filebased.FileBasedCache",
                                 "django.core.cache.backends.memcached.PyMemcacheCache",
                                 "django.core.cache.backends.memcached.PyLibMCCache",
                                 "django.core.cache.backends.memcached.MemcachedCache"})
#: Serialisers that read their argument's data and never await it: a coroutine anywhere in it (``json.dumps(
#: {"message": coro})``) raises TypeError ("Object of type coroutine is not JSON serializable").
VALUE_SERIALISERS = frozenset({"json.dumps", "json.dump"})
#: ``CACHES``' default (django/conf/global_settings.py).
DEFAULT_CACHE_BACKEND = "django.core.cache.backends.locmem.LocMemCache"
#: The call runs inside a loop of its function (``for``/``while``/a comprehension's element): one syscall
#: per item, a cost that grows with the input.
IN_A_LOOP = "called in a loop"
#: ``input()`` whose answer is not handed to an awaited interactive sign-in step of a Telegram user-client
#: library the module imports (``asynclint.libraries.clients.SIGN_IN_STEPS``): a console login prompt waits
#: for the operator, whom the login needs before anything else runs.
NOT_A_SIGN_IN_PROMPT = "the answer is not handed to an awaited sign-in step of a user-client library"

#: How messages describe each effect: "<call> queries the database on the event loop".
EFFECT_VERBS = {
    QUERY: "queries the database",
    WRITE: "writes to the database",
    RAW_SQL: "opens a database cursor",
    CONNECTION_IO: "uses the database connection synchronously (Django raises SynchronousOnlyOperation)",
    TRANSACTION: "uses a database transaction",
    CACHE_IO: "calls the cache backend synchronously (DatabaseCache raises SynchronousOnlyOperation, "
              "the other backends block the loop)",
    AUTH: "runs synchronous auth queries (user, session, permissions)",
    PASSWORD_HASHING: "hashes the password synchronously (PBKDF2: up to a second of CPU)",
    SESSION_IO: "loads the session from its store synchronously (database-backed engines raise "
                "SynchronousOnlyOperation)",
    SIGNAL_SEND: "runs the signal's receivers synchronously",
    TASK_QUEUE: "enqueues the task synchronously",
    TEMPLATE_RENDER: "renders a template synchronously",
    BLOCKING_IO: "is a blocking call",
    CPU_BOUND: "runs CPU-bound work",
    TEST_REQUEST: "runs the request through the sync test client",
}

#: What loading the session does with each of Django's session engines (``SESSION_ENGINE``): how a
#: message says it where a branch fixes the engine (``if settings.SESSION_ENGINE == "...cache":``).
SESSION_ENGINE_SETTING = "SESSION_ENGINE"
SESSION_ENGINE_LOADS = {
    "django.contrib.sessions.backends.db": "loads the session from the database synchronously (Django raises "
                                           "SynchronousOnlyOperation)",
    "django.contrib.sessions.backends.cached_db": "loads the session from the cache synchronously, and from the "
                                                  "database on a miss (where Django raises SynchronousOnlyOperation)",
    "django.contrib.sessions.backends.cache": "loads the session from the cache synchronously (a blocking round trip "
                                              "on the loop; with DatabaseCache Django raises SynchronousOnlyOperation)",
    "django.contrib.sessions.backends.file": "loads the session from a file synchronously (blocking file I/O)",
}

#: How the call-chain rules name the work a helper does: "load_books() runs a database query".
WORK_NOUNS = {
    QUERY: "runs a database query", EVALUATION: "runs a database query", WRITE: "writes to the database",
    RAW_SQL: "opens a database cursor", TRANSACTION: "uses a database transaction",
    CONNECTION_IO: "uses the database connection",
    CACHE_IO: "calls the cache", AUTH: "runs a sync auth query (user, session or permissions)",
    REQUEST_USER: "reads request.user",
    PASSWORD_HASHING: "hashes a password",
    SESSION_IO: "loads the session", SIGNAL_SEND: "sends a signal synchronously",
    TEMPLATE_RENDER: "renders a template", BLOCKING_IO: "makes a blocking call",
    TASK_QUEUE: "enqueues a task synchronously", LOOP_RUNNER: "runs a nested event loop",
    CPU_BOUND: "runs CPU-bound work",
}
#: Effects that touch Django's database connection (what a thread without request-cycle cleanup leaks).
ORM_EFFECTS = frozenset({QUERY, WRITE, RAW_SQL, CONNECTION_IO, TRANSACTION, EVALUATION})

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
    #: A replacement that is not ``await <receiver>.<async_name>(...)``, e.g. ``await asyncio.sleep(...)``
    #: (shown in messages and docs; code reads the structured fields below, never this text).
    #: In library rows, ``{func}`` stands for the called expression (``send_report.delay``).
    replacement: str = ""
    #: The qualified callable the rewrite calls instead of the sync one, when it is not
    #: ``<receiver>.<async_name>``: ``asyncio.sleep`` for ``time.sleep``.
    async_callable: str | None = None
    #: The argument mapping: the parameters ``async_callable`` takes, in the sync call's positional order.
    parameters: tuple[str, ...] = ()
    #: Those of ``parameters`` that the two callables name differently (not passed by keyword).
    renamed: tuple[str, ...] = ()
    #: For receivers the rewrite replaces: the attribute of ``self`` to call instead (``async_client``).
    async_receiver: str | None = None
    #: For a read the rewrite hoists: the local name bound once (``user = await request.auser()``).
    binds: str | None = None
    #: Library rows (``asynclint.libraries``): the distribution the API belongs to, e.g. ``"adrf"``...
    library: str = ""
    #: ...and the first release of it that has the async replacement, e.g. ``"0.1.7"``.
    library_since: str = ""
    #: Reached by reading an attribute (``serializer.data``), not by calling a method.
    attribute: bool = False
    #: An attribute that, read on the event loop, is an awaitable: ``await <attribute>`` is its async
    #: form (django-constance's ``await config.NAME``, ``library_since`` on), silent.
    awaitable: bool = False
    #: A condition on the receiver's class that must hold for the row to apply (``core.django_kinds``
    #: knows each by name), e.g. ``RELATED_OR_UNIQUE_FIELDS``.
    only_if: str = ""
    #: The Django app (dotted module path) that must be in INSTALLED_APPS for the call to touch the
    #: database (simplejwt's ``token_blacklist``): silent where the project's settings are read for certain
    #: and nothing in the project names that app (``core.caches.app_absent``).
    needs_app: str = ""
    #: Reported as a *possible* finding only: a cost a maintainer may reasonably keep on the loop (one
    #: metadata syscall on local disk, ``os.path.exists``); ``note`` says when it does hurt.
    possible: bool = False
    #: Work on the local file system only (reading a file, listing or copying a directory): it waits on
    #: the disk, never on a peer. A worker's loop of its own tolerates it (``core.own_loop``), not a
    #: request to another machine or a sleep, which stall that loop's other coroutines for as long as the
    #: peer takes.
    local_disk: bool = False
    #: A session row whose call, once the session is loaded, reads or writes only its in-memory cache
    #: (``SessionBase._get_session()`` returns ``_session_cache``): silent after a call of
    #: ``SESSION_LOADING_CALLS`` on every path to it.
    served_from_cache: bool = False
    #: Where a rendering call takes the data it renders, as (position, keyword) pairs: the context and
    #: the request (whose context processors read the user). A call that passes none of them, or only
    #: literal constants, renders the template's own text; on a loop of its own (``core.own_loop``:
    #: an async test, a script's or a sync caller's ``asyncio.run``) that is tolerated like local work.
    #: Empty: not known, never tolerated (``render(request, ...)`` always has a request).
    data_parameters: tuple[tuple[int, str], ...] = ()


#: Awaited calls that leave ``request.session`` loaded (its ``_session_cache`` set): the receiver's kind and
#: the method names. The session's own ``a*`` methods that go through ``_aget_session()`` (``aflush()`` sets
#: an empty cache, ``acycle_key()`` keeps the loaded one), and ``request.auser()``, whose ``aget_user()``
#: reads the user's id with ``session.aget()``. Not ``aload()`` (returns the data, caches nothing),
#: ``asave()``/``acreate()``/``adelete()``/``aexists()``/``aclear_expired()``.
SESSION_LOADING_CALLS: dict[str, frozenset[str]] = {
    REQUEST: frozenset({"auser"}),
    SESSION: frozenset({
        "aget", "aset", "apop", "asetdefault", "aupdate", "ahas_key", "akeys", "avalues", "aitems",
        "aset_test_cookie", "atest_cookie_worked", "adelete_test_cookie", "aset_expiry",
        "aget_expire_at_browser_close", "aflush", "acycle_key",
    }),
}


def _rows(receiver, effect, since, names, **extra):
    """Rows of one receiver, effect and version: ``(name, async_name, returns)`` each (the async name
    spelled out, so that searching the table for ``aget`` finds its row); a ``(name, returns)`` pair
    means the async name is ``"a" + name``."""
    return tuple(
        SyncApi(receiver, entry[0], effect, entry[1] if len(entry) == 3 else "a" + entry[0], since,
                returns=entry[-1], **extra)
        for entry in names
    )


D41 = (4, 1)
D42 = (4, 2)

#: ``django.core.management.call_command``: runs a management command by name, in the caller's thread.
CALL_COMMAND = "django.core.management.call_command"
#: An instance reloading itself: ``refresh_from_db``/``arefresh_from_db`` load no relation (they drop a
#: cached one) unless given ``from_queryset=`` (Django 5.1+), a QuerySet that may select it.
RELOADING_METHODS = frozenset({"refresh_from_db", "arefresh_from_db"})
RELOAD_QUERYSET_KEYWORD = "from_queryset"

SYNC_APIS: tuple[SyncApi, ...] = (
    # ORM: QuerySet methods that do not return QuerySets (managers proxy all but queryset_only ones).
    *_rows(QUERYSET, QUERY, D41, [
        ("aggregate", "aaggregate", None), ("contains", "acontains", None), ("count", "acount", None),
        ("earliest", "aearliest", INSTANCE),
        ("exists", "aexists", None), ("explain", "aexplain", None), ("first", "afirst", INSTANCE),
        ("get", "aget", INSTANCE),
        ("in_bulk", "ain_bulk", None), ("last", "alast", INSTANCE), ("latest", "alatest", INSTANCE),
    ]),
    *_rows(QUERYSET, WRITE, D41, [
        ("bulk_create", "abulk_create", None), ("bulk_update", "abulk_update", None),
        ("create", "acreate", INSTANCE),
        ("get_or_create", "aget_or_create", INSTANCE_TUPLE), ("update", "aupdate", None),
        ("update_or_create", "aupdate_or_create", INSTANCE_TUPLE),
    ]),
    SyncApi(QUERYSET, "delete", WRITE, "adelete", D41, queryset_only=True,
            note="delete()/adelete() exist on QuerySets only, not on managers"),
    SyncApi(QUERYSET, "iterator", QUERY, "aiterator", D41, async_returns=ASYNC_ITERATOR,
            note="aiterator() is an async generator: 'async for x in qs.aiterator()', never awaited"),
    # ORM: model instances.
    *_rows(INSTANCE, WRITE, D42, [("save", "asave", None), ("delete", "adelete", None)]),
    *_rows(INSTANCE, QUERY, D42, [("refresh_from_db", "arefresh_from_db", None)]),
    *(SyncApi(INSTANCE, name, QUERY, None, None, fix=None)
      for name in ("full_clean", "validate_unique", "validate_constraints")),
    # ORM: related managers (reverse FK, both sides of M2M, generic relations).
    *_rows(RELATED_MANAGER, WRITE, D42, [
        ("add", "aadd", None), ("clear", "aclear", None), ("remove", "aremove", None), ("set", "aset", None),
    ]),
    *_rows(RELATED_MANAGER, WRITE, D41, [
        ("create", "acreate", INSTANCE), ("get_or_create", "aget_or_create", INSTANCE_TUPLE),
        ("update_or_create", "aupdate_or_create", INSTANCE_TUPLE),
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
    # Cached properties that count the QuerySet (a COUNT query); page_range reads num_pages. Possible:
    # a page() run in a thread before may have cached them (validate_number reads num_pages, except
    # for a number below 1).
    *(SyncApi(PAGINATOR, name, QUERY, None, None, fix=None, attribute=True, possible=True,
              replacement=f"await sync_to_async(lambda: {{receiver}}.{name})()",
              note="a cached property that counts the QuerySet; AsyncPaginator (Django 6.0) has acount()/anum_pages()")
      for name in ("count", "num_pages", "page_range")),
    SyncApi(CONNECTION, "cursor", RAW_SQL, None, None, fix=None),
    # The raw driver connection's cursor (pulpcore's pg_notify): the driver's blocking I/O in the
    # loop's thread, past Django's async-safety check (on the loop it is None unless opened there).
    SyncApi(DBAPI_CONNECTION, "cursor", RAW_SQL, None, None, fix=None,
            note="the DB-API connection of the loop's thread: blocking driver I/O, or None when not opened there"),
    SyncApi(CONNECTION, "chunked_cursor", RAW_SQL, None, None, fix=None),
    # BaseDatabaseWrapper: @async_unsafe (raises on the loop's thread whatever the connection's state),
    # or ensure_connection() first (get_autocommit, set_autocommit). Not listed: close_if_unusable_or_obsolete()
    # and close_old_connections(), which touch only connections opened in the calling thread (on the
    # loop, none: they do nothing there, and raise nothing).
    *(SyncApi(CONNECTION, name, CONNECTION_IO, None, None, fix=None,
              note="the connection belongs to the loop's thread; do it in the sync code that uses the connection")
      for name in ("connect", "ensure_connection", "close", "commit", "rollback", "get_autocommit", "set_autocommit",
                   "savepoint", "savepoint_commit", "savepoint_rollback", "clean_savepoints")),
    SyncApi(FUNCTION, "django.db.transaction.get_autocommit", CONNECTION_IO, None, None, fix=None),
    # Transactions: no async form in any Django version.
    *(SyncApi(FUNCTION, "django.db.transaction." + name, TRANSACTION, None, None, fix=None)
      for name in ("atomic", "on_commit", "savepoint", "savepoint_commit", "savepoint_rollback",
                   "clean_savepoints", "set_autocommit", "commit", "rollback", "set_rollback",
                   "mark_for_rollback_on_error")),
    # Cache (BaseCache, Django 4.0).
    *_rows(CACHE, CACHE_IO, (4, 0), only_if=OUT_OF_PROCESS_CACHE, names=[
        # close() is not listed: it does no I/O on locmem, file, db or redis (verified at runtime).
        ("add", "aadd", None), ("clear", "aclear", None), ("decr", "adecr", None),
        ("decr_version", "adecr_version", None), ("delete", "adelete", None),
        ("delete_many", "adelete_many", None), ("get", "aget", None), ("get_many", "aget_many", None),
        ("get_or_set", "aget_or_set", None), ("has_key", "ahas_key", None), ("incr", "aincr", None),
        ("incr_version", "aincr_version", None), ("set", "aset", None), ("set_many", "aset_many", None),
        ("touch", "atouch", None)
    ]),
    # Auth (5.0) and user/manager/permission methods (5.2).
    *(SyncApi(FUNCTION, "django.contrib.auth." + name, AUTH, "django.contrib.auth." + async_name, (5, 0))
      for name, async_name in (("authenticate", "aauthenticate"), ("login", "alogin"), ("logout", "alogout"),
                               ("get_user", "aget_user"),
                               ("update_session_auth_hash", "aupdate_session_auth_hash"))),
    SyncApi(FUNCTION, "django.contrib.auth.hashers.check_password", PASSWORD_HASHING,
            "django.contrib.auth.hashers.acheck_password", (5, 0)),
    SyncApi(REQUEST, "user", AUTH, "auser", (5, 0), returns=USER, fix=UNSAFE, binds="user",
            replacement="user = await request.auser()"),  # binds, async_name: the fix's two names
    SyncApi(USER, "check_password", PASSWORD_HASHING, "acheck_password", (5, 0)),
    # Setting a password hashes it (``set_password()`` calls ``make_password()``): no async form through
    # Django 5.2 (read in its source: only the checks have one). ``set_unusable_password()`` hashes nothing.
    SyncApi(FUNCTION, "django.contrib.auth.hashers.make_password", PASSWORD_HASHING, None, None, fix=None,
            replacement="await sync_to_async(make_password)(...)"),
    SyncApi(USER, "set_password", PASSWORD_HASHING, None, None, fix=None,
            replacement="await sync_to_async(user.set_password)(...)"),
    *_rows(USER, AUTH, (5, 2), [
        ("has_perm", "ahas_perm", None), ("has_perms", "ahas_perms", None),
        ("has_module_perms", "ahas_module_perms", None),
        ("get_user_permissions", "aget_user_permissions", None),
        ("get_group_permissions", "aget_group_permissions", None),
        ("get_all_permissions", "aget_all_permissions", None)
    ]),
    *_rows(USER_MANAGER, AUTH, (5, 2), [
        ("create_user", "acreate_user", USER), ("create_superuser", "acreate_superuser", USER),
    ]),
    *_rows(USER_MANAGER, AUTH, (5, 2), [("get_by_natural_key", "aget_by_natural_key", USER)]),
    # Sessions (SessionBase, 5.1). These reach the store only to load the session (``_get_session()``):
    # once it is loaded they read or write its in-memory cache (``served_from_cache``).
    *_rows(SESSION, SESSION_IO, (5, 1), [
        ("delete_test_cookie", "adelete_test_cookie", None),
        ("get", "aget", None), ("get_expire_at_browser_close", "aget_expire_at_browser_close", None),
        ("get_expiry_age", "aget_expiry_age", None), ("get_expiry_date", "aget_expiry_date", None),
        ("has_key", "ahas_key", None), ("items", "aitems", None), ("keys", "akeys", None),
        ("pop", "apop", None), ("set_expiry", "aset_expiry", None),
        ("set_test_cookie", "aset_test_cookie", None), ("setdefault", "asetdefault", None),
        ("test_cookie_worked", "atest_cookie_worked", None), ("update", "aupdate", None),
        ("values", "avalues", None)
    ], served_from_cache=True),
    # These reach the store whatever is loaded: delete() (flush), create() (cycle_key), a bulk delete.
    *_rows(SESSION, SESSION_IO, (5, 1), [
        ("clear_expired", "aclear_expired", None), ("cycle_key", "acycle_key", None), ("flush", "aflush", None),
    ]),
    SyncApi(SESSION, "__getitem__", SESSION_IO, "aget", (5, 1), replacement="await request.session.aget(key)",
            served_from_cache=True),
    SyncApi(SESSION, "__setitem__", SESSION_IO, "aset", (5, 1),
            replacement="await request.session.aset(key, value)", served_from_cache=True),
    SyncApi(SESSION, "__delitem__", SESSION_IO, "apop", (5, 1), replacement="await request.session.apop(key)",
            served_from_cache=True),
    SyncApi(SESSION, "__contains__", SESSION_IO, "ahas_key", (5, 1),
            replacement="await request.session.ahas_key(key)", served_from_cache=True),
    # clear() and is_empty() never touch the session store (verified at runtime): not listed.
    # Signals (5.0).
    *_rows(SIGNAL, SIGNAL_SEND, (5, 0), [("send", "asend", None), ("send_robust", "asend_robust", None)]),
    # Tasks (django.tasks, 6.0).
    *_rows(TASK, TASK_QUEUE, (6, 0), [("enqueue", "aenqueue", None), ("get_result", "aget_result", None)]),
    # Templates: Django has no async template API; TemplateResponse is rendered in a worker thread.
    SyncApi(FUNCTION, "django.shortcuts.render", TEMPLATE_RENDER, None, None, fix=UNSAFE,
            async_callable="django.template.response.TemplateResponse",
            parameters=("request", "template_name", "context"), renamed=("template_name",),
            replacement="return TemplateResponse(request, template_name, context)",
            note="Django renders it in a worker thread; or 'await sync_to_async(render)(...)'"),
    SyncApi(FUNCTION, "django.template.loader.render_to_string", TEMPLATE_RENDER, None, None, fix=None,
            replacement="await sync_to_async(render_to_string)(...)",
            note="or return a TemplateResponse, which Django renders in a worker thread",
            data_parameters=((1, "context"), (2, "request"))),
    SyncApi(TEMPLATE, "render", TEMPLATE_RENDER, None, None, fix=None,
            replacement="await sync_to_async(template.render)(...)",
            note="or return a TemplateResponse, which Django renders in a worker thread",
            data_parameters=((0, "context"), (1, "request"))),
    # Email: no async API in any version.
    *(SyncApi(FUNCTION, "django.core.mail." + name, BLOCKING_IO, None, None, fix=UNSAFE,
              replacement=f"await sync_to_async({name})(...)")
      for name in ("send_mail", "send_mass_mail", "mail_admins", "mail_managers")),
    SyncApi(EMAIL, "send", BLOCKING_IO, None, None, fix=UNSAFE,
            replacement="await sync_to_async(message.send)()"),
    # Management commands: call_command() runs the command's handle() in the caller's thread (no async
    # form in any version); a command that queries raises SynchronousOnlyOperation there.
    SyncApi(FUNCTION, CALL_COMMAND, BLOCKING_IO, None, None, fix=None,
            replacement="await sync_to_async(call_command)(...)",
            note="the command's handle() runs in the caller's thread: its queries raise SynchronousOnlyOperation "
                 "on the loop, its other work blocks it"),
    # Test clients in async tests.
    *(SyncApi(TEST_CLIENT, name, TEST_REQUEST, None, (3, 1), fix=UNSAFE, async_receiver="async_client",
              replacement=f"await self.async_client.{name}(...)")
      for name in ("get", "post", "put", "patch", "delete", "head", "options", "trace", "generic")),
    *(SyncApi(TEST_CLIENT, name, TEST_REQUEST, async_name, (5, 0), fix=UNSAFE, async_receiver="async_client",
              replacement=f"await self.async_client.{async_name}(...)")
      for name, async_name in (("login", "alogin"), ("force_login", "aforce_login"), ("logout", "alogout"))),
    # RequestFactory is not listed: it only builds a request (no handler, no I/O); runtime proofs
    # found nothing that fails, so an async test may use it.
)

#: Builtins that iterate an iterable argument whole, right away (``list(qs)``, ``sorted(it)``...). Rules
#: and fixes extend it where one element at a time also matters (``iter``, ``next``, ``reversed``).
ITERATING_BUILTINS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "dict", "any", "all", "sum", "min",
                                "max", "enumerate", "zip", "map", "filter"})

#: ``open()``: astroid's builtins re-export it from io (Python <= 3.11) or _io (3.12+).
OPEN_FUNCTIONS = frozenset({"builtins.open", "io.open", "_io.open"})
#: Blocking functions with a drop-in async callable (``await <callable>(same arguments)``).
_ASYNC_CALLABLES = {"time.sleep": "asyncio.sleep"}
_IN_THREAD = "await asyncio.to_thread({name}, ...)"
#: Blocking calls common in Django code that are not Django's, and what to write instead.
_BLOCKING_FUNCTIONS = {
    **{name: f"await {callable_}(...)" for name, callable_ in _ASYNC_CALLABLES.items()},
    **{f"requests.{verb}": f"await httpx.AsyncClient().{verb}(...)"
       for verb in ("get", "post", "put", "patch", "delete", "head", "options", "request")},
    **{f"httpx.{verb}": f"await httpx.AsyncClient().{verb}(...)"
       for verb in ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")},
    "urllib.request.urlopen": "await httpx.AsyncClient().get(...)",
    "urllib.request.urlretrieve": "await httpx.AsyncClient().get(...)",
    **{f"subprocess.{name}": "await asyncio.create_subprocess_exec(...)"
       for name in ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput", "Popen")},
    "os.system": "await asyncio.create_subprocess_shell(...)",
    "os.popen": "await asyncio.create_subprocess_shell(...)",
    **{name: "await sync_to_async(a_function_that_reads_the_file)() (or aiofiles.open)"
       for name in OPEN_FUNCTIONS},
    # Whole files and directory trees copied, moved or removed.
    **{f"shutil.{name}": _IN_THREAD.format(name=f"shutil.{name}") for name in (
        "copy", "copy2", "copyfile", "copyfileobj", "copytree", "move", "rmtree", "make_archive", "unpack_archive")},
    # Network: DNS lookups and connections.
    **{f"socket.{name}": "await asyncio.get_running_loop().getaddrinfo(...)"
       for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn")},
    "socket.create_connection": "await asyncio.open_connection(...)",
    "builtins.input": "read input before the event loop starts",
    "smtplib.SMTP": "await sync_to_async(send_mail)(...)",
    "smtplib.SMTP_SSL": "await sync_to_async(send_mail)(...)",
}
_LOCAL_DISK_FUNCTIONS = frozenset({*OPEN_FUNCTIONS, *(name for name in _BLOCKING_FUNCTIONS if name.startswith("shutil."))})
#: File-system calls that read no file: only *possible* findings. A directory listing (its cost grows with
#: the directory) always; one syscall on one path (metadata, an entry created or removed) only when made
#: in a loop: maintainers kept a single ``os.stat`` on the loop (reactpy-django's web-module view, after
#: moving the read off it) but moved a per-request search that stats candidate files (ServeStatic).
_DIRECTORY_LISTINGS = ("os.listdir", "os.scandir", "os.walk", "glob.glob", "glob.iglob")
_FILE_SYSTEM_CALLS = (
    *(f"os.path.{name}" for name in ("exists", "lexists", "isfile", "isdir", "islink", "ismount", "getsize",
                                     "getmtime", "getatime", "getctime", "samefile")),
    *(f"os.{name}" for name in ("stat", "lstat", "mkdir", "makedirs", "remove", "unlink", "rmdir", "removedirs",
                                "rename", "renames", "replace", "utime", "chmod", "access")),
)
_FILE_SYSTEM_NOTE = ("file-system calls: cheap on local disk, but they block the loop for as long as the disk "
                     "(or network storage) takes")
HTTP_CLIENT_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream")
#: pathlib: reading or writing a file (definite)...
PATH_METHODS = ("read_text", "read_bytes", "write_text", "write_bytes", "open")
#: ...listing a directory (possible, as ``_DIRECTORY_LISTINGS``), and one syscall (possible in a loop).
PATH_LISTINGS = ("iterdir", "glob", "rglob", "walk")
PATH_FILE_SYSTEM_METHODS = ("exists", "is_file", "is_dir", "is_symlink", "is_mount", "stat", "lstat", "mkdir",
                            "touch", "unlink", "rmdir", "rename", "replace", "chmod", "samefile", "owner", "group")
#: Sockets (``socket.socket()``, ``socket.create_connection()``): each call waits for the peer. Not
#: ``sendto``: a datagram (UDP, raw ICMP) send returns once the kernel has queued it; the wait is the
#: ``recv``/``recvfrom`` that follows.
SOCKET_METHODS = ("connect", "accept", "recv", "recv_into", "recvfrom", "send", "sendall", "sendfile")
#: A started child process (``subprocess.Popen``): waiting for it.
PROCESS_METHODS = ("communicate", "wait")
#: ``http.client`` connections: sending the request and reading the response.
HTTP_CONNECTION_METHODS = ("request", "getresponse", "connect")
#: Results of blocking functions that are objects with blocking methods of their own.
_BLOCKING_RESULTS = {"subprocess.Popen": PROCESS, "socket.create_connection": SOCKET}
#: The kinds of those results: a parameter or a function's return annotated with the class that makes
#: one (``executor: subprocess.Popen``) is such an object.
BLOCKING_RESULT_KINDS = frozenset(_BLOCKING_RESULTS.values())
BLOCKING_APIS: tuple[SyncApi, ...] = (
    *(SyncApi(FUNCTION, name, BLOCKING_IO, None, None, fix=UNSAFE if name in _ASYNC_CALLABLES else None,
              replacement=replacement, async_callable=_ASYNC_CALLABLES.get(name), returns=_BLOCKING_RESULTS.get(name),
              local_disk=name in _LOCAL_DISK_FUNCTIONS, only_if=NOT_A_SIGN_IN_PROMPT if name == "builtins.input" else "")
      for name, replacement in _BLOCKING_FUNCTIONS.items()),
    *(SyncApi(FUNCTION, name, BLOCKING_IO, None, None, fix=None, replacement=_IN_THREAD.format(name=name),
              possible=True, note=_FILE_SYSTEM_NOTE, local_disk=True) for name in _DIRECTORY_LISTINGS),
    *(SyncApi(FUNCTION, name, BLOCKING_IO, None, None, fix=None, replacement=_IN_THREAD.format(name=name),
              possible=True, note=_FILE_SYSTEM_NOTE, local_disk=True, only_if=IN_A_LOOP) for name in _FILE_SYSTEM_CALLS),
    *(SyncApi(HTTP_CLIENT, name, BLOCKING_IO, None, None, fix=None,
              replacement=f"await httpx.AsyncClient().{name}(...)") for name in HTTP_CLIENT_METHODS),
    *(SyncApi(PATH, name, BLOCKING_IO, None, None, fix=None,
              replacement=f"await asyncio.to_thread(path.{name}, ...)", local_disk=True) for name in PATH_METHODS),
    *(SyncApi(PATH, name, BLOCKING_IO, None, None, fix=None, replacement=f"await asyncio.to_thread(path.{name}, ...)",
              possible=True, note=_FILE_SYSTEM_NOTE, local_disk=True) for name in PATH_LISTINGS),
    *(SyncApi(PATH, name, BLOCKING_IO, None, None, fix=None, replacement=f"await asyncio.to_thread(path.{name}, ...)",
              possible=True, note=_FILE_SYSTEM_NOTE, local_disk=True, only_if=IN_A_LOOP) for name in PATH_FILE_SYSTEM_METHODS),
    *(SyncApi(SOCKET, name, BLOCKING_IO, None, None, fix=None,
              replacement="asyncio.open_connection() streams, or 'await loop.sock_{name}(sock, ...)'".replace(
                  "{name}", name)) for name in SOCKET_METHODS),
    *(SyncApi(PROCESS, name, BLOCKING_IO, None, None, fix=None,
              replacement=f"await (await asyncio.create_subprocess_exec(...)).{name}()") for name in PROCESS_METHODS),
    *(SyncApi(HTTP_CONNECTION, name, BLOCKING_IO, None, None, fix=None,
              replacement="await httpx.AsyncClient().request(...)") for name in HTTP_CONNECTION_METHODS),
)
#: What a pathlib operation that does no I/O returns: another path (``Path(__file__).parent / "x"``).
#: Keys are (kind, attribute) for attributes, (kind, "name()") for methods, (kind, "/") for operators.
DERIVED_KINDS: dict[tuple[str, str], str] = {
    (CONNECTION, "connection"): DBAPI_CONNECTION,
    (PATH, "parent"): PATH,
    **{(PATH, f"{name}()"): PATH for name in ("joinpath", "with_name", "with_suffix", "with_stem", "with_segments",
                                                "relative_to", "absolute", "resolve", "expanduser")},
    (PATH, "/"): PATH,
}
SYNC_APIS += BLOCKING_APIS

TASK_DECORATORS = frozenset({"django.tasks.task", "django.tasks.base.task"})

TEMPLATE_RESPONSE_CLASSES = frozenset({"django.template.response.TemplateResponse",
                                       "django.template.response.SimpleTemplateResponse"})
STREAMING_RESPONSE_CLASSES = frozenset({
    "django.http.StreamingHttpResponse", "django.http.response.StreamingHttpResponse",
    "django.http.FileResponse", "django.http.response.FileResponse",
})

#: Model signals that pass the saved/deleted/initialised object as ``instance``, an instance of the
#: ``sender`` model (``m2m_changed`` passes the through model as sender: not among them).
INSTANCE_SIGNALS = frozenset(f"django.db.models.signals.{name}" for name in (
    "post_init", "pre_save", "post_save", "pre_delete", "post_delete"))
RECEIVER_DECORATORS = frozenset({"django.dispatch.receiver", "django.dispatch.dispatcher.receiver"})

SIGNAL_OBJECTS = frozenset({
    *(f"django.db.models.signals.{name}" for name in (
        "class_prepared", "pre_init", "post_init", "pre_save", "post_save", "pre_delete", "post_delete",
        "m2m_changed", "pre_migrate", "post_migrate")),
    *(f"django.core.signals.{name}" for name in (
        "request_started", "request_finished", "got_request_exception", "setting_changed")),
    *(f"django.contrib.auth.signals.{name}" for name in ("user_logged_in", "user_login_failed", "user_logged_out")),
    "django.db.backends.signals.connection_created",
    "django.test.signals.template_rendered",
})

TEST_CASE_CLASSES = frozenset({
    "django.test.SimpleTestCase", "django.test.TestCase", "django.test.TransactionTestCase",
    "django.test.LiveServerTestCase", "django.test.testcases.SimpleTestCase",
    "django.test.testcases.TestCase", "django.test.testcases.TransactionTestCase",
})
#: Test-case attributes that are sync clients (their async twins: ``async_client``).
TEST_CLIENT_ATTRIBUTES = frozenset({"client"})

#: HTTP method handlers that View.as_view() requires to be all sync or all async (``options`` excepted).
HTTP_HANDLERS = ("get", "post", "put", "patch", "delete", "head", "trace")
#: Django's class-based views and mixins, and the sync HTTP handlers they define or inherit.
_VIEWS = {
    "base": {"View": (), "TemplateView": ("get",),
             "RedirectView": ("get", "head", "post", "delete", "put", "patch")},
    "list": {"ListView": ("get",), "BaseListView": ("get",)},
    "detail": {"DetailView": ("get",), "BaseDetailView": ("get",)},
    "edit": {name: ("get", "post", "put") for name in (
        "FormView", "BaseFormView", "ProcessFormView", "CreateView", "BaseCreateView", "UpdateView",
        "BaseUpdateView")} | {"DeleteView": ("get", "post", "delete"), "BaseDeleteView": ("get", "post", "delete"),
                              "DeletionMixin": ("post", "delete")},
    "dates": {name: ("get",) for name in (
        "ArchiveIndexView", "YearArchiveView", "MonthArchiveView", "WeekArchiveView", "DayArchiveView",
        "TodayArchiveView", "DateDetailView", "BaseArchiveIndexView", "BaseYearArchiveView",
        "BaseMonthArchiveView", "BaseWeekArchiveView", "BaseDayArchiveView", "BaseTodayArchiveView",
        "BaseDateDetailView", "BaseDateListView")},
}
VIEW_HANDLERS: dict[str, tuple[str, ...]] = {
    qualified: handlers
    for module, views in _VIEWS.items()
    for name, handlers in views.items()
    for qualified in (f"django.views.generic.{module}.{name}", f"django.views.generic.{name}")
} | {"django.views.View": ()}
#: Mixins whose dispatch() is sync in every version (they break views with async handlers).
SYNC_ONLY_VIEW_MIXINS = frozenset({
    f"django.contrib.auth.mixins.{name}"
    for name in ("LoginRequiredMixin", "PermissionRequiredMixin", "UserPassesTestMixin", "AccessMixin")
})

#: View decorators and the first Django version whose decorator accepts an ``async def`` view
#: (None: never). Before that version the decorator wraps the coroutine function in a sync wrapper.
VIEW_DECORATORS_ASYNC_SINCE: dict[str, Version | None] = {
    **{f"django.views.decorators.{module}.{name}": (5, 0) for module, names in {
        "cache": ("cache_control", "never_cache", "cache_page"),
        "common": ("no_append_slash",),
        "csrf": ("csrf_exempt", "csrf_protect", "ensure_csrf_cookie", "requires_csrf_token"),
        "debug": ("sensitive_variables", "sensitive_post_parameters"),
        "gzip": ("gzip_page",),
        "http": ("condition", "conditional_page", "etag", "last_modified", "require_http_methods",
                 "require_GET", "require_POST", "require_safe"),
        "vary": ("vary_on_cookie", "vary_on_headers"),
        "clickjacking": ("xframe_options_deny", "xframe_options_sameorigin", "xframe_options_exempt"),
    }.items() for name in names},
    **{f"django.contrib.auth.decorators.{name}": (5, 1)
       for name in ("login_required", "permission_required", "user_passes_test")},
    "django.contrib.admin.views.decorators.staff_member_required": (5, 1),
    "django.utils.decorators.method_decorator": (5, 2),
    "rest_framework.decorators.api_view": None,
}
#: Django's auth view decorators whose sync wrapper calls ``test_func(request.user)`` before it calls the
#: view (``user_passes_test``; ``login_required``/``permission_required``/``staff_member_required`` are
#: built on it): the request's lazy user is resolved in that thread first. Over ``async_to_sync(view)``
#: (a sync callable, so the sync wrapper on every version) the coroutine starts with the user loaded.
USER_RESOLVING_VIEW_DECORATORS = frozenset({
    *(f"django.contrib.auth.decorators.{name}" for name in ("login_required", "permission_required",
                                                             "user_passes_test")),
    "django.contrib.admin.views.decorators.staff_member_required",
})
#: View decorators that pass the view's return value through untouched, so wrapping a coroutine is
#: harmless where Django already treats the view as async (method_decorator(..., name="dispatch") on
#: a view with async handlers; non_atomic_requests only marks the callable and returns it). Verified
#: at runtime on 4.2, 5.2 and 6.1.
PASS_THROUGH_VIEW_DECORATORS = frozenset({"django.views.decorators.csrf.csrf_exempt",
                                          "django.db.transaction.non_atomic_requests"})

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
#: Calls that run a coroutine to completion from sync code: inside a running loop they raise
#: ``RuntimeError`` (asgiref: "You cannot use AsyncToSync in the same thread as an async event loop").
LOOP_RUNNERS = frozenset({"asgiref.sync.async_to_sync", "asgiref.sync.AsyncToSync", "asyncio.run"})
LOOP_RUNNER_METHODS = frozenset({"run_until_complete"})
#: Adapters whose wrapped callable is sync (sync_to_async: calling the result gives a coroutine) or
#: async (async_to_sync).
SYNC_TO_ASYNC = frozenset({"asgiref.sync.sync_to_async", "asgiref.sync.SyncToAsync",
                           "channels.db.database_sync_to_async", "channels.db.DatabaseSyncToAsync"})
ASYNC_TO_SYNC = frozenset({"asgiref.sync.async_to_sync", "asgiref.sync.AsyncToSync"})
#: The class the thread adapters above derive from: a project subclass of one of them (``class
#: Offload(DatabaseSyncToAsync)``, ``core.imports.thread_adapter_of``) is this one, or the
#: connection-closing adapter it derives from while it leaves ``thread_handler`` alone.
SYNC_TO_ASYNC_BASE = "asgiref.sync.SyncToAsync"
#: Adapters that close the thread's obsolete database connections before and after each call
#: (channels' ``DatabaseSyncToAsync.thread_handler`` runs ``close_old_connections()`` around it): a
#: pool thread they use leaks no connection, whatever ``thread_sensitive`` says.
CONNECTION_CLOSING_ADAPTERS = frozenset({"channels.db.database_sync_to_async", "channels.db.DatabaseSyncToAsync"})
#: Calls that close Django's database connections (a thread-insensitive helper that runs them in a
#: ``finally`` cleans up after itself).
CONNECTION_CLOSERS = frozenset({"django.db.close_old_connections", "django.db.connections.close_all",
                                "django.db.connection.close",
                                "channels.db.aclose_old_connections"})
#: Calls that return a callable (so ``sync_to_async(partial(f, x))`` passes a callable, correctly).
CALLABLE_FACTORIES = frozenset({"functools.partial", "builtins.getattr", "operator.attrgetter",
                                "operator.methodcaller", "operator.itemgetter"})
#: Django decorators that, called with the function itself as their first argument, return the decorated
#: function and run nothing (``transaction.atomic(f)``: ``if callable(using): return Atomic(...)(using)``,
#: read in Django 4.2-5.2): ``sync_to_async(transaction.atomic(self.save_all))`` passes a function.
DECORATING_CALLS = frozenset({"django.db.transaction.atomic"})
#: Calls that bind their arguments into a new callable and use none of them (``partial(f, user)``): a
#: bound value is read only when that callable is called.
ARGUMENT_BINDERS = frozenset({"functools.partial"})
#: Coroutine functions of asyncio itself that are commonly left unawaited.
#: (``asyncio.shield``/``gather``/``create_task`` are left out: they schedule their argument at once.)
ASYNCIO_COROUTINE_FUNCTIONS = frozenset({
    "asyncio.to_thread", "asyncio.threads.to_thread", "asyncio.sleep", "asyncio.tasks.sleep",
    "asyncio.wait_for", "asyncio.tasks.wait_for", "asyncio.wait", "asyncio.tasks.wait",
})
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
#: ``apps.get_model("library", "Book")`` / ``("library.Book")``: the model class the label names.
GET_MODEL_FUNCTIONS = frozenset({"django.apps.apps.get_model", "django.apps.registry.apps.get_model"})
#: ``apps.get_models()``: every installed model class (iterating it gives model classes).
GET_MODELS_FUNCTIONS = frozenset({"django.apps.apps.get_models", "django.apps.registry.apps.get_models"})
#: Attributes that hold a model class: ``qs.model`` / ``Book.objects.model`` on a QuerySet or manager, and
#: ``self.model`` of the admin's ``ModelAdmin``/inlines (set by ``__init__``, from ``admin.site.register``).
MODEL_CLASS_ATTRIBUTE = "model"
MODEL_ADMIN_BASES = frozenset({
    "django.contrib.admin.ModelAdmin", "django.contrib.admin.options.ModelAdmin",
    "django.contrib.admin.options.BaseModelAdmin", "django.contrib.admin.options.InlineModelAdmin",
    "django.contrib.admin.TabularInline", "django.contrib.admin.StackedInline",
    "django.contrib.admin.options.TabularInline", "django.contrib.admin.options.StackedInline",
})
#: Methods of Django's own models that return a model class: ``ContentType.model_class()`` (None when
#: the model is gone). The analysis does not tell library models apart (their class is not read).
MODEL_CLASS_METHODS = frozenset({"model_class"})
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
#: Loading a class named by a dotted string (``import_string(settings.X)``), and the settings object.
IMPORT_STRING_FUNCTIONS = frozenset({"django.utils.module_loading.import_string"})
SETTINGS_OBJECT = "django.conf.settings"
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
#: Where Django's model fields live, and how their names end (``models.UUIDField``, ``models.ForeignKey``,
#: ``GenericRelation``): a class declaring one is a model (``forms.CharField`` and DRF's
#: ``serializers.CharField`` live elsewhere).
MODEL_FIELD_MODULES = ("django.db.models.", "django.contrib.postgres.fields.", "django.contrib.contenttypes.fields.",
                       "django.contrib.gis.db.models.")
MODEL_FIELD_SUFFIXES = ("Field", "ForeignKey", "Relation")
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
#: ``connections.all()``: every connection (a list).
CONNECTION_LISTS = frozenset({"all"})
PAGINATOR_CLASSES = frozenset({"django.core.paginator.Paginator"})
CACHE_OBJECTS = frozenset({"django.core.cache.cache"})
CACHE_HANDLERS = frozenset({"django.core.cache.caches"})  # caches[alias] is a cache
REQUEST_CLASSES = frozenset({
    "django.http.HttpRequest", "django.http.request.HttpRequest",
    "django.core.handlers.asgi.ASGIRequest", "django.core.handlers.wsgi.WSGIRequest",
})
#: Packages whose request classes are (or wrap) Django's: a ``request`` annotated with a class of any
#: other package (``fastapi.Request``, ``starlette.websockets.WebSocket``) is not Django's request.
DJANGO_REQUEST_PACKAGES = frozenset({"django", "rest_framework", "ninja", "adrf", "channels", "graphene_django",
                                     "strawberry_django", "wagtail"})
SIGNAL_CLASSES = frozenset({"django.dispatch.Signal", "django.dispatch.dispatcher.Signal",
                            "django.db.models.signals.ModelSignal"})
TRANSACTION_ATOMIC = "django.db.transaction.atomic"

#: Module-level objects, by qualified name, and their kind.
OBJECT_KINDS: dict[str, str] = {
    **dict.fromkeys(CONNECTION_OBJECTS, CONNECTION),
    **dict.fromkeys(CACHE_OBJECTS, CACHE),
    **dict.fromkeys(SIGNAL_OBJECTS, SIGNAL),
}
#: Classes and factory functions, by qualified name, and the kind of what calling them returns.
CALL_RESULT_KINDS: dict[str, str] = {
    **dict.fromkeys(("requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client"),
                    HTTP_CLIENT),
    **dict.fromkeys(("pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath"), PATH),
    **dict.fromkeys(("socket.socket", "socket.socket.socket"), SOCKET),
    **dict.fromkeys(("http.client.HTTPConnection", "http.client.HTTPSConnection"), HTTP_CONNECTION),
    **dict.fromkeys(("django.core.mail.EmailMessage", "django.core.mail.EmailMultiAlternatives",
                     "django.core.mail.message.EmailMessage",
                     "django.core.mail.message.EmailMultiAlternatives"), EMAIL),
    **dict.fromkeys(("django.template.Template", "django.template.base.Template",
                     "django.template.loader.get_template", "django.template.loader.select_template"),
                    TEMPLATE),
    **dict.fromkeys(("django.test.Client", "django.test.client.Client"), TEST_CLIENT),
    **dict.fromkeys(("django.test.RequestFactory", "django.test.client.RequestFactory"), REQUEST_FACTORY),
    **dict.fromkeys(SIGNAL_CLASSES, SIGNAL),
}


@dataclass(frozen=True)
class Evaluation:
    """An operation that evaluates a lazy QuerySet, and what to write instead on the event loop."""

    operation: str
    shows: str  # how a message names the operation; {qs} is the QuerySet's source
    replacement: str
    since: Version = D41
    async_name: str | None = None  # the async QuerySet method the rewrite awaits (``acount``)
    #: It runs the QuerySet itself and keeps the rows in its result cache (``_fetch_all``), so a later
    #: evaluation of the same QuerySet object reads them without a query. ``qs[0]``, ``qs[i]``, a step
    #: slice and ``repr()`` query a sliced clone and leave the cache empty.
    fills_cache: bool = True


#: Everything that runs a lazy QuerySet's query implicitly (QuerySet.__iter__/__len__/__bool__/...).
EVALUATIONS: dict[str, Evaluation] = {
    e.operation: e
    for e in (
        Evaluation("iteration", "iteration over {qs}", "async for ... in {qs}"),
        Evaluation("comprehension", "a comprehension over {qs}", "[... async for ... in {qs}]"),
        Evaluation("conversion", "{call}({qs})", "[x async for x in {qs}]"),
        Evaluation("len", "len({qs})", "await {qs}.acount()", async_name="acount"),
        Evaluation("truth", "the truth value of {qs}", "await {qs}.aexists()", async_name="aexists"),
        Evaluation("membership", "'in {qs}'", "await {qs}.acontains(obj)"),
        Evaluation("index", "{qs}[{index}]", "await {qs}[{index}:{index}+1].aget()", fills_cache=False),
        Evaluation("first", "{qs}[0]", "await {qs}.afirst()", async_name="afirst", fills_cache=False),
        Evaluation("step-slice", "a slice with a step of {qs}", "[x async for x in {qs}[start:stop]][::step]",
                   fills_cache=False),
        Evaluation("unpacking", "unpacking {qs}", "[x async for x in {qs}]"),
        Evaluation("repr", "{call} of {qs}", "build a list with 'async for' first", fills_cache=False),
        # ``str({"items": qs})``: a container's repr is its elements' reprs (json's ``default=str`` too)
        Evaluation("held-repr", "{call} of a container holding {qs}", "build a list with 'async for' first",
                   fills_cache=False),
    )
}


# --- middleware ----------------------------------------------------------------------------------
# ``BaseHandler.load_middleware`` (3.1 to 6.1, unchanged) reads each factory's mode with
# ``getattr(mw, "sync_capable", True)`` and ``getattr(mw, "async_capable", False)``: sync-only unless
# said otherwise. Both False raises RuntimeError when the chain is built.

#: The setting that lists the middleware, outermost first.
MIDDLEWARE_SETTING = "MIDDLEWARE"
#: The parameter Django passes the next layer in (``mw(get_response)``).
MIDDLEWARE_PARAMETER = "get_response"
#: The two attributes Django reads, and their defaults.
SYNC_CAPABLE = "sync_capable"
ASYNC_CAPABLE = "async_capable"
MIDDLEWARE_DEFAULT_FLAGS = (True, False)  # (sync_capable, async_capable)
#: ``django.utils.decorators`` (3.1+): they only set the two attributes.
MIDDLEWARE_MODE_DECORATORS: dict[str, tuple[bool, bool]] = {
    "django.utils.decorators.sync_only_middleware": (True, False),
    "django.utils.decorators.async_only_middleware": (False, True),
    "django.utils.decorators.sync_and_async_middleware": (True, True),
}
#: Hybrid base (``sync_capable = async_capable = True``): marks the instance and routes ``__call__`` to
#: ``__acall__`` when ``get_response`` is async. 6.2 (unreleased) moves it to ``django.middleware``.
MIDDLEWARE_MIXINS = frozenset({"django.utils.deprecation.MiddlewareMixin", "django.middleware.MiddlewareMixin"})
#: MiddlewareMixin hooks that ``__acall__`` runs through ``sync_to_async`` (an ``async def`` one raises
#: ``TypeError`` under ASGI) and ``__call__`` calls directly (under WSGI it returns a coroutine).
MIDDLEWARE_MIXIN_SYNC_HOOKS = ("process_request", "process_response")
#: The async entry point MiddlewareMixin's ``__call__`` routes to.
MIDDLEWARE_ASYNC_CALL = "__acall__"
#: Django's lazy proxies: the first attribute read or method call on an instance runs the subclass's
#: ``_setup()`` (which builds ``self._wrapped``), synchronously, wherever that first access happens.
LAZY_OBJECT_CLASSES = frozenset({"django.utils.functional.LazyObject"})
LAZY_OBJECT_SETUP = "_setup"
#: The attribute ``MiddlewareMixin.__init__`` sets (``iscoroutinefunction(get_response)``) and, from
#: Django 5.1, ``MiddlewareMixin.__call__`` reads on every request: a subclass whose own ``__init__``
#: skips the mixin's fails with ``AttributeError`` there (under WSGI and ASGI). Before 5.1 ``__call__``
#: asks ``get_response`` itself, and only the unmarked instance is wrong (under ASGI Django wraps it as
#: sync, so ``process_response`` receives the coroutine of the async layer below).
MIDDLEWARE_MIXIN_MODE_ATTRIBUTE = "async_mode"
MIDDLEWARE_MIXIN_MODE_READ_FROM = (5, 1)
#: How Django and asgiref tell a coroutine function (Django 3.1-4.1: asyncio's; 4.2-6.0: asgiref's;
#: 6.1: inspect's), and how an instance with an ``async def __call__`` is marked as one.
ISCOROUTINEFUNCTION = frozenset({
    "asgiref.sync.iscoroutinefunction", "inspect.iscoroutinefunction", "asyncio.iscoroutinefunction",
    "asyncio.coroutines.iscoroutinefunction",
})
#: Predicates that tell any async callable (a coroutine function, or an object with ``async def __call__``).
ASYNC_CALLABLE_CHECKS = ISCOROUTINEFUNCTION | {"asgiref.sync.is_async_callable"}
MARKCOROUTINEFUNCTION = frozenset({"asgiref.sync.markcoroutinefunction", "inspect.markcoroutinefunction"})
#: The marker attribute Django 3.1-4.1 set by hand (``self._is_coroutine = asyncio.coroutines._is_coroutine``).
#: Only ``asyncio.iscoroutinefunction`` reads it: asgiref's on Python < 3.12, never inspect's. Django 3.1-4.1
#: ask asyncio's; from 4.2 Django asks asgiref's (``django.utils.deprecation``, ``core.handlers.base``), which
#: on Python 3.12+ is inspect's: the marker works there only on Python 3.10/3.11. Django 6.0+ needs Python
#: 3.12+, so from 6.0 on it marks nothing.
LEGACY_COROUTINE_MARKER = "_is_coroutine"
LEGACY_COROUTINE_MARKER_PYTHON_DEPENDENT_FROM: Version = (4, 2)
LEGACY_COROUTINE_MARKER_IGNORED_FROM: Version = (6, 0)
#: What Django logs (logger ``django.request``, DEBUG level, settings.DEBUG on, 4.1+) when it wraps the
#: inner handler of a sync middleware in an async chain.
MIDDLEWARE_ADAPTED_LOG = "Asynchronous handler adapted for middleware {path}."
#: Django's own middleware are all hybrid: every class in django/middleware/*.py and
#: django/contrib/*/middleware.py subclasses MiddlewareMixin, except RemoteUserMiddleware (and its
#: subclass), which implements both modes itself since 5.2 (checked in 4.2.30, 5.2 and 6.1.3).
DJANGO_MIDDLEWARE_PREFIX = "django."

SYNC_ONLY = "sync-only"
ASYNC_ONLY = "async-only"
HYBRID = "hybrid"


@dataclass(frozen=True)
class KnownMiddleware:
    """A third-party middleware whose mode was read in its package's source."""

    path: str
    mode: str  # SYNC_ONLY, ASYNC_ONLY or HYBRID
    checked: str  # the release read, and how its source declares the mode


#: Popular third-party middleware, each checked in the named release's source (nothing else is listed).
KNOWN_MIDDLEWARE: dict[str, KnownMiddleware] = {m.path: m for m in (
    KnownMiddleware("whitenoise.middleware.WhiteNoiseMiddleware", SYNC_ONLY,
                    "whitenoise 6.12.0: no sync_capable/async_capable, sync __call__"),
    KnownMiddleware("silk.middleware.SilkyMiddleware", SYNC_ONLY,
                    "django-silk 5.6.0: no sync_capable/async_capable, sync __call__"),
    KnownMiddleware("allauth.usersessions.middleware.UserSessionsMiddleware", SYNC_ONLY,
                    "django-allauth 65.21.1: no sync_capable/async_capable, sync __call__"),
    KnownMiddleware("allauth.account.middleware.AccountMiddleware", HYBRID,
                    "django-allauth 65.21.1: @sync_and_async_middleware, branches on iscoroutinefunction"),
    KnownMiddleware("corsheaders.middleware.CorsMiddleware", HYBRID,
                    "django-cors-headers 4.9.0: both flags, markcoroutinefunction, __acall__"),
    KnownMiddleware("debug_toolbar.middleware.DebugToolbarMiddleware", HYBRID,
                    "django-debug-toolbar 8.0.0: both flags, markcoroutinefunction, __acall__"),
    KnownMiddleware("django_htmx.middleware.HtmxMiddleware", HYBRID,
                    "django-htmx 1.29.0: both flags, markcoroutinefunction, __acall__"),
    KnownMiddleware("django_browser_reload.middleware.BrowserReloadMiddleware", HYBRID,
                    "django-browser-reload 1.21.0: both flags, markcoroutinefunction, __acall__"),
    KnownMiddleware("axes.middleware.AxesMiddleware", HYBRID,
                    "django-axes 8.3.1: both flags, markcoroutinefunction, __acall__"),
    KnownMiddleware("simple_history.middleware.HistoryRequestMiddleware", HYBRID,
                    "django-simple-history 3.13.0: @sync_and_async_middleware, branches on iscoroutinefunction"),
    KnownMiddleware("csp.middleware.CSPMiddleware", HYBRID, "django-csp 4.0: MiddlewareMixin subclass"),
)}

# --- third-party libraries: their tables are merged into the lookups below ---------------------------
#: The name of a library row that covers every public method of its receiver (see ``lookup``).
WILDCARD = "*"
from asynclint.libraries import table as _libraries  # noqa: E402  (the library tables import this module)

SYNC_APIS += _libraries.SYNC_APIS
OBJECT_KINDS.update(_libraries.OBJECT_KINDS)
CALL_RESULT_KINDS.update(_libraries.CALL_RESULT_KINDS)
DERIVED_KINDS.update(_libraries.DERIVED_KINDS)
VIEW_DECORATORS_ASYNC_SINCE.update(_libraries.VIEW_DECORATORS_ASYNC_SINCE)
#: (receiver kind, method) -> the kind of its result when the call passes ``stream=True``: a sync stream.
STREAMED_RESULTS: dict[tuple[str, str], str] = dict(_libraries.STREAMED_RESULTS)
#: Receiver kinds whose every attribute is another object of a kind (``client.chat.completions``).
ATTRIBUTE_KINDS: dict[str, str] = dict(_libraries.ATTRIBUTE_KINDS)
#: Decorators (qualified) that make a function an object of a kind (``@shared_task``: a Celery task)...
DECORATOR_KINDS: dict[str, str] = dict(_libraries.DECORATOR_KINDS)
#: ...and decorator methods, by the kind of their receiver (``@app.task`` on a Celery app).
DECORATOR_METHOD_KINDS: dict[tuple[str, str], str] = dict(_libraries.DECORATOR_METHOD_KINDS)
#: Kinds whose project subclasses are still of that kind (``class BookSerializer(ModelSerializer)``).
SUBCLASS_KINDS = frozenset(_libraries.SUBCLASS_KINDS)
#: Kinds built with ``many=True`` over a QuerySet become another kind (a list serializer over it).
MANY_KINDS: dict[str, str] = dict(_libraries.MANY_KINDS)
#: Library clients a class may keep on ``self`` (``self.client = OpenAI()``) and use in its methods.
CLIENT_KINDS = frozenset({HTTP_CLIENT, *_libraries.CLIENT_KINDS})
SYNC_CACHE_BACKENDS = SYNC_CACHE_BACKENDS | _libraries.SYNC_CACHE_BACKENDS
#: Clients that ``with`` enters as themselves (``with psycopg.connect() as conn``).
SELF_ENTERING_KINDS = frozenset({HTTP_CLIENT, *_libraries.SELF_ENTERING_KINDS})
#: Methods of a wildcard row's receiver (name ``"*"``) that do no I/O.
NO_IO_METHODS: dict[str, frozenset[str]] = dict(_libraries.NO_IO_METHODS)
#: Library objects whose methods return coroutines (``context.abort()`` of grpc.aio): by kind, the method
#: names, or ``WILDCARD`` for every public method but the kind's ``NO_IO_METHODS``.
ASYNC_METHODS: dict[str, frozenset[str]] = dict(_libraries.ASYNC_METHODS)
#: Library kinds -> their methods that are async generators (``async for``, never ``await``).
ASYNC_ITERATOR_METHODS: dict[str, frozenset[str]] = dict(_libraries.ASYNC_ITERATOR_METHODS)
#: ``self.<attribute>`` in a class derived from one of the library classes: an object of a kind
#: (``self.channel_layer`` of a Channels consumer).
INHERITED_ATTRIBUTE_KINDS: dict[str, tuple[frozenset[str], str]] = dict(_libraries.INHERITED_ATTRIBUTE_KINDS)
#: An unannotated parameter of an ``async def`` after another (``(request, context)`` of a gRPC
#: handler): its kind, when the file imports a package whose name contains the library's.
HANDLER_PARAMETER_KINDS: dict[tuple[str, str], tuple[str, str]] = dict(_libraries.HANDLER_PARAMETER_KINDS)
#: Decorators (qualified) that register a function as a library's command handler: the kinds of its
#: parameters after ``self`` (``@commands.slash_command()``: the first is py-cord's context)...
HANDLER_DECORATOR_KINDS: dict[str, tuple] = dict(_libraries.HANDLER_DECORATOR_KINDS)
#: ...and decorator methods, by the kind of their receiver (``@bot.command()``, ``@group.command()``).
HANDLER_DECORATOR_METHOD_KINDS: dict[tuple[str, str], tuple] = dict(_libraries.HANDLER_DECORATOR_METHOD_KINDS)
#: Decorators (qualified, or methods by receiver kind) registering an event listener, whose event is the
#: decorator's first string argument or the function's name; and each event's parameter kinds.
EVENT_DECORATORS = frozenset(_libraries.EVENT_DECORATORS)
EVENT_DECORATOR_METHODS = frozenset(_libraries.EVENT_DECORATOR_METHODS)
EVENT_PARAMETER_KINDS: dict[str, tuple] = dict(_libraries.EVENT_PARAMETER_KINDS)
#: Library callables whose result is a lazy sync iterable (``zipstream.ZipFile(...)``): streamed as a
#: response body, Django's ASGI handler consumes it in a thread; the value says what to stream instead.
SYNC_ITERABLES: dict[str, str] = dict(_libraries.SYNC_ITERABLES)

#: Library view classes (and function-view decorators) whose dispatch resolves ``request.user`` before
#: it calls a handler, and their methods that run before that (where the user is not resolved yet).
AUTHENTICATING_VIEWS = _libraries.AUTHENTICATING_VIEWS
AUTHENTICATING_VIEW_DECORATORS = _libraries.AUTHENTICATING_VIEW_DECORATORS
#: The Request classes those views build and authenticate before a handler runs (DRF's, adrf's).
AUTHENTICATED_REQUESTS = _libraries.AUTHENTICATED_REQUESTS
#: Permission and throttle classes whose hooks (method names) those views call only after authenticating.
AUTHENTICATED_HOOKS: dict[str, frozenset[str]] = dict(_libraries.AUTHENTICATED_HOOKS)
UNAUTHENTICATED_VIEW_METHODS = _libraries.UNAUTHENTICATED_VIEW_METHODS
#: What shows a handler belongs to such a view when its base class cannot be read: ``@action``, a DRF
#: ``Response`` returned.
DRF_HANDLER_DECORATORS = _libraries.DRF_HANDLER_DECORATORS
DRF_RESPONSES = _libraries.DRF_RESPONSES
#: Library classmethods that run a hook of the project's subclass (``Service.execute()`` runs ``process()``),
#: by (base class, classmethod).
TEMPLATE_METHODS: dict[tuple[str, str], str] = dict(_libraries.TEMPLATE_METHODS)

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


#: The project's own rows for this run (``sync-apis`` and ``blocking-calls``, see ``libraries.declared``).
DECLARED: dict[str, SyncApi] = {}


def lookup(kind: str, name: str) -> SyncApi | None:
    """The sync API ``name`` called on a value of ``kind`` (or a qualified function name with FUNCTION)."""
    if kind == FUNCTION and name in DECLARED:
        return DECLARED[name]
    for receiver in _receivers(kind):
        row = _index().get((receiver, name))
        if row is not None:
            if row.queryset_only and kind != QUERYSET:
                return None
            return row
    return _wildcard(kind, name)


def _wildcard(kind: str, name: str) -> SyncApi | None:
    """A library row that covers every public method of its receiver but the listed no-I/O ones
    (``boto3.client(...)``), or every ``<package>.<Resource>.<method>`` function (``stripe``)."""
    if kind == FUNCTION:
        package, _, rest = name.partition(".")
        if "." not in rest:
            return None
        return _index().get((FUNCTION, f"{package}.{WILDCARD}.{rest.rpartition('.')[2]}"))
    if name.startswith("_") or name in NO_IO_METHODS.get(kind, ()) or name.endswith(ASYNC_TWIN_SUFFIX):
        return None
    return _index().get((kind, WILDCARD))


#: ``users.get_async()`` next to ``users.get()``: the async twin a sync SDK object carries (Clerk, Twilio,
#: Stripe, google-generativeai), a coroutine, never one of the wildcard's blocking requests.
ASYNC_TWIN_SUFFIX = "_async"


def is_library_coroutine(kind: str, name: str) -> bool:
    """Whether ``name`` called on a library object of ``kind`` returns a coroutine (``ASYNC_METHODS``)."""
    names = ASYNC_METHODS.get(kind, frozenset())
    if name in ASYNC_ITERATOR_METHODS.get(kind, ()):
        return False
    if name in names:
        return True
    return WILDCARD in names and not name.startswith("_") and name not in NO_IO_METHODS.get(kind, ())


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


def is_django_middleware(qualified: str) -> bool:
    """One of Django's middleware classes (``django.middleware.*``, ``django.contrib.*.middleware``)."""
    module = qualified.rpartition(".")[0]
    return module == "django.middleware" or module.startswith("django.middleware.") or (
        module.startswith("django.contrib.") and module.endswith(".middleware"))


def short_name(qualified: str) -> str:
    return qualified.rsplit(".", 1)[-1]
