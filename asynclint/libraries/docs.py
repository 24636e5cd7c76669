"""Writes docs/libraries.md from the library tables: ``python -m asynclint.libraries.docs``.

tests/test_libraries.py fails when the page is stale, like the rule pages of ``asynclint.docs``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from asynclint import django_api as api
from asynclint.libraries import channels, discord_bots, graphql, loops, ninja, signals, streams, table

#: The families that describe code a library runs on the loop (``COVERED``: library, what, rules, versions).
RUNTIME_FAMILIES = (graphql, channels, ninja, signals)
#: The families that describe loops and threads a library runs the project's code on (``loops.COVERED``).
LOOP_FAMILIES = (loops,)
#: Families of objects whose methods must be awaited, listed by ``asynclint rules --libraries`` too.
AWAITED_FAMILIES = (discord_bots,)

PAGE = Path(__file__).resolve().parents[2] / "docs" / "libraries.md"

#: Which rule reports a row, by its effect.
RULE_OF_EFFECT = {
    api.QUERY: "sync-orm-call-in-async", api.WRITE: "sync-orm-call-in-async",
    api.RAW_SQL: "sync-orm-call-in-async", api.CONNECTION_IO: "sync-orm-call-in-async",
    api.BLOCKING_IO: "blocking-call-in-async", api.TASK_QUEUE: "blocking-call-in-async",
    api.CPU_BOUND: "blocking-call-in-async", api.CACHE_IO: "sync-cache-call-in-async",
    api.TEMPLATE_RENDER: "sync-template-render-in-async", api.AUTH: "sync-auth-call-in-async",
}

INTRO = """# Libraries asynclint knows

Generated from `asynclint/libraries/` by `python -m asynclint.libraries.docs`; do not edit by hand.

Async Django views do not reach the database and the network only through Django's API. Each library
family below is one table module under `asynclint/libraries/`, merged into the same table
(`asynclint/django_api.py`) that every rule reads: a row names the sync call, what it does (its effect
picks the rule) and the async replacement, with the library release that added it. Names resolve by
import path through the project's imports, so the result is the same with and without the library
installed (pre-commit environments have none); a call asynclint cannot tie to a row stays silent.

Projects add their own functions, or a library's that is not listed, with `sync-apis` in
`[tool.asynclint]`:

```toml
[tool.asynclint]
sync-apis = ["acme.flags.is_on -> database -> await acme.flags.ais_on(...)"]
```

The effect is one of `database` (sync-orm-call-in-async), `cache` (sync-cache-call-in-async),
`template` (sync-template-render-in-async), `network`, `file`, `blocking` or `cpu`
(blocking-call-in-async); the replacement is optional (default: `await sync_to_async(f)(...)`). The
older `blocking-calls = ["pkg.mod.f -> replacement"]` is the same with the effect `blocking`.
Entries are comma-separated by pylint, so a replacement cannot contain a comma.

## How the DB-backed packages were chosen

The criterion: among the most downloaded Django packages on PyPI, those whose documented, commonly
called *functions* (not views, admin, management commands or middleware) read the database or the
cache on every call, so that an async view calling them runs a query or a cache round trip on the
event loop. The resulting list: feature flags (django-waffle), runtime settings stores
(django-constance), object permissions (django-guardian), two-factor devices (django-otp:
`user_has_device()`, `match_token()`, `verify_token()`), rate limits (django-ratelimit:
`is_ratelimited()`, `get_usage()` count the request in the cache; its `@ratelimit` wraps an async
view in a sync function, sync-only-decorator-on-async-view), django-filter's DRF backend (a possible
finding: only model choice filters query), and Django's own `Site.objects.get_current()`,
`get_current_site()`, `ContentType.objects.get_for_model()`/`get_for_models()`/`get_for_id()` and
`user.has_perm()` and friends. django-allauth's public API is mostly views, forms and adapters
that Django runs in threads, except its social-login provider adapters, which projects call
themselves (next section). Considered and left out: django-taggit (its manager would need
taggit-specific replacements, Django's `aadd()` does not exist there), django-simple-history and
django-reversion (history managers are lazy QuerySets, already covered by the ORM rows),
social-auth's storage and django-axes (called by their own views, backends and signal handlers, not
by project code). Measured on 6 December 2026 against the package index's ranking of its 15,000 most
downloaded packages: django-filter 1,193, django-ratelimit 2,323, django-otp 2,550, django-waffle
4,045, django-constance 4,792, django-guardian 4,803 are in; of the Django packages ranked above
django-guardian the others are views, middleware, fields, settings helpers or models whose queries
the ORM rows already cover (django-cors-headers, django-extensions, django-environ, django-model-utils,
django-polymorphic, django-treebeard...), clients with rows of their own (django-redis'
`get_redis_connection()`, django-storages behind `default_storage`), DRF authentication classes
(djangorestframework-simplejwt: the authentication rows), or the ones left out above (social-auth-app-django 2,158,
django-allauth 2,226 but for its provider adapters, django-simple-history 2,329, django-axes 2,935, django-taggit 3,142, django-reversion 3,358).
Added for a measured case although it ranks below the cut (6,856): django-solo, whose `get_solo()`, a
classmethod of every `SingletonModel` subclass (also through a project base class between them), runs
`get_or_create()` in the caller (after `SOLO_CACHE`, when set); the row holds only for classes that derive
from `solo.models.SingletonModel` by import path, so a project model's own `get_solo()` is not one.
Added for a measured case (holdout12): the token API of djangorestframework-simplejwt (1,646) and of its
django-ninja port django-ninja-jwt (same `tokens.py`), with their `token_blacklist` app installed:
`RefreshToken.for_user()` (and `SlidingToken`'s) inserts an `OutstandingToken`, a token built from an encoded
one verifies it against `BlacklistedToken`, and `blacklist()` get_or_creates both rows. The first two hold
only when the app is in INSTALLED_APPS (*possible*; a new token, `RefreshToken()`, or `verify=False` queries
nothing); `blacklist()` and `check_blacklist()` exist only then. All of them are silent in a Django project
folder whose settings module is found and whose Python files never name the app (the row's `needs_app`).

## How django-allauth's provider adapters were chosen

The criterion: the members of allauth's OAuth2 and OpenID Connect adapters that a project's own code
reads or calls (an async settings or login endpoint listing the providers' URLs, a token exchange
in an API) and that do I/O in the calling thread on every fresh adapter. `get_provider()` looks the
provider's `SocialApp` up (`list_apps()` always iterates `SocialApp.objects`, also for apps
configured in settings); the OpenID Connect adapter's `openid_config` property, and `authorize_url`,
`access_token_url`, `profile_url`, `basic_auth`, which read it, call `get_provider()` and then fetch
the provider's discovery document over HTTP (cached on the adapter afterwards); its `get_client()`
and `complete_login()` do the same and more; `get_access_token_data()` posts to the token endpoint.
Under ASGI the query comes first and raises SynchronousOnlyOperation (proven under django-allauth
65.22.1, tests/fixtures/sync-orm-call-in-async/bad_allauth_provider_adapters.py), so these are
query rows whose note names the HTTP request that follows. The adapter is known from its class
(`OAuth2Adapter`, `OpenIDConnectOAuth2Adapter` and its pre-0.55 name `OpenIDConnectAdapter`,
keycloak's subclass), by import path with or without allauth installed, and a project's subclass
is one too (its own overrides are followed instead). Left out: the plain string class attributes
most providers set (`GoogleOAuth2Adapter.authorize_url`), allauth's views, and the provider classes'
methods that only allauth's views call.

## How the file libraries were chosen

The criterion: among the 1,000 most downloaded packages on PyPI (the download ranking of the package
index's list, read on 6 December 2026), the libraries Django projects use for uploads and exports
whose documented entry points take a path (or a file object) and read or write the *whole* document
there, with no async API: pandas (rank 37: `read_csv()` and the other readers, and the `DataFrame`
writers that always take a destination, `to_excel()`, `to_parquet()`, `to_pickle()`...), Pillow (78:
`Image.save()`, which encodes the whole image; `Image.open()` reads only the header, often of bytes
already in memory), openpyxl (129: `load_workbook()`, `Workbook.save()`), pypdf (421) and
PyPDF2 (841: `PdfReader()`, `PdfWriter.write()`), python-docx (456: `Document()`, `Document.save()`);
and pydicom (about 2,500th: `dcmread()`, `dcmwrite()`, `Dataset.save_as()`), the library of a
measured bug (holdout5's adit_received_file_blocking). These rows are content work, never metadata:
definite findings (blocking-call-in-async; missing-sync-to-async for a project helper that makes
them), `local_disk` like `open()` (a worker's loop of its own tolerates them, `asynclint/core/own_loop.py`),
and their replacement runs the call in a thread (`await asyncio.to_thread(f, ...)` or
`sync_to_async`). Left out: `DataFrame.to_csv()`/`to_json()` (without a path they return a string:
CPU work that grows with the frame, not I/O), Pillow's in-memory transforms (`thumbnail()`,
`resize()`...), `pandas.read_sql()` (a query through the project's own connection), lxml,
matplotlib, numpy's `load()`/`save()` (used for data files far more than in Django request code).
pydicom given an in-memory buffer (`dcmread(io.BytesIO(data))`, `dcmwrite(buffer, ds)` with `buffer =
io.BytesIO()`, also through a project helper whose parameter a call passes one) is silent: no file is
touched, and pydicom only copies and parses the elements' bytes (a value is converted when accessed;
holdout5's adit DICOMweb parser and renderer, judged false alarms). The other libraries' in-memory
work is unzipping and XML parsing (openpyxl, python-docx), whole-document parsing (pandas, pypdf) or
image encoding (Pillow's `save()`, khoj's screenshots re-encoded on the loop, judged true): it stays
reported.

## How the SDK clients of hosted services were chosen

The criterion: the client libraries of hosted services (messaging, e-mail, chat, object storage, payments,
LLMs, search) among the 1,500 most downloaded packages on PyPI (hugovk/top-pypi-packages, the 30 days
to 1 April 2026, read on 6 December 2026), whose documented calls a Django view or consumer makes per
request, each call an HTTPS request in the calling thread, and whose client is known by its import path.
Covered by that ranking: boto3 (1), google-cloud-storage (132: the client's, a bucket's and a blob's
requests; `bucket()`, `blob()` and `generate_signed_url()` make none), openai (130), redis (158, its
scripts, pipelines, locks and pub/sub too), anthropic (318), slack-sdk (322: every `WebClient` method, and
`WebhookClient.send()`; `AsyncWebClient` since 3.0.0), elasticsearch (455), sendgrid (680: `send()` and the
fluent client's verbs, no async API), stripe (743), twilio (917: `create`/`fetch`/`update`/`delete`/`list`/
`stream`/`page` of any resource, `*_async` twins since 8.0.0), qdrant-client (1,040); pymongo (299: the
commands of a client, a database and a collection, reached by attribute, subscript or getter; `find()` is
reported for the cursor it returns, whose iteration sends the query; `AsyncMongoClient` since 4.9, the
supported one since 4.13, Motor before it), firebase-admin (1,038: Cloud Messaging's sends and topic
subscriptions, `send_each_async()` since 6.9.0 and `subscribe_to_topic_async()` since 7.7.0, and the
Authentication API, which has no async form; `verify_id_token()`/`verify_session_cookie()` are *possible*:
they fetch Google's keys only when the cached copy has expired), minio (1,364: every client method but the
local ones; `presigned_*` too are left out, they ask for the bucket's region only on a client's first
signature without `region=`; miniopy-async is the async client) (`asynclint/libraries/services.py`); and
the Twilio client of a measured miss (holdout7, remote-office-hours-queue). Google's clients (ranks from the
package index's list of its 15,000 most downloaded packages, read on 6 December 2026): google-api-python-client
(215: its resources are built at run time from discovery documents, so no method has an import path, but every
one of them only builds a request; `execute()` of what `build()` gives, through any chain of resource methods,
and `next_chunk()` of a resumable upload or a `MediaIoBaseDownload` send it; no async API), google-cloud-bigquery
(235: the client's REST calls, `list_*()` for the pages their iterators fetch, and a job's `result()`, which
polls; no async API), google-cloud-firestore (727: the sync client's RPCs on documents, collections, queries and
write batches, also through firebase-admin's `firestore.client()`; `AsyncClient` since 2.0.0, firebase-admin's
`firestore_async.client()` since 5.3.0), google-cloud-speech (309, a measured miss of libsweep13: the v1
`SpeechClient`'s `recognize()`, `long_running_recognize()` and the operations' getters, each one gRPC call;
`SpeechAsyncClient` has them as coroutines; `streaming_recognize()` and the v2 client are left out). Left out: sentry-sdk (218: `capture_*` hand the event to a background
thread, no I/O in the caller); google-cloud-pubsub (314: `publish()` queues the message for a commit thread and
returns a future, no I/O in the caller unless flow control is set to block); PyGithub (370: its objects are lazy,
`Github(lazy=True)` makes `get_repo()` free and an attribute read of an incomplete object makes the request, so
method rows alone would be neither precise nor complete); algoliasearch (2,419) and meilisearch (5,109) rank
below the cut.

## Proofs

Fixtures for every family live under `tests/fixtures/<rule>/` (bad and good), and every library
below is a test dependency, proven under the real package:

- raises `SynchronousOnlyOperation` (tests/runtime/test_calls.py; a fixture file's own Django apps
  and settings come from its folder's `runtime.toml`): DRF and adrf, `Site.objects.get_current()`
  and `get_current_site()` (django.contrib.sites installed for the file), `ContentType` lookups on a
  cold cache, django-waffle, django-guardian, django-otp, django-constance's database backend,
  django-q2's ORM broker, django-filter's backend (a model choice filter), DRF permissions checked by
  hand, `sync-apis` declarations, django-solo's `get_solo()` (a singleton model of the fixture's own app),
  and the sync receivers of library signals sent on the loop (django-cors-headers' middleware,
  django-constance's `await config.aset()` with the memory backend);
- blocks the loop (no exception: the loop stands still): urllib3 and Django's file storage (a
  blocking socket connect or `open()` in the loop's thread, tests/runtime/test_calls.py), the file
  libraries (each flagged call of pandas, Pillow, openpyxl, pypdf, python-docx and pydicom opens a
  file in the loop's thread, tests/fixtures/blocking-call-in-async/bad_document_files.py); the SDK
  clients (boto3, redis with its scripts, pipelines, locks and pub/sub, elasticsearch, stripe, openai,
  anthropic, psycopg, twilio, slack-sdk, sendgrid, google-cloud-storage, google-api-python-client,
  google-cloud-bigquery, pymongo against a MongoDB
  wire-protocol stand-in, minio, firebase-admin's Authentication through its emulator host) and task queues
  (Celery's `delay()`, `apply_async()` and `send_task()`, dramatiq, RQ, django-rq) against local
  stand-ins behind a proxy that holds every request: the loop's heartbeat never ticks while a sync
  client's request is held, and keeps ticking for the async clients and `sync_to_async`
  (tests/runtime/test_held_services.py);
- firebase-admin's Cloud Messaging (its endpoint is fixed, so no stand-in takes the request): every host
  resolves to a closed local port, and each sync send connects with a blocking socket while the loop's
  thread stands at the flagged line, where `send_each_async()` connects with a non-blocking one
  (tests/runtime/test_firebase_messaging.py);
- left unawaited: httpx.AsyncClient, aiohttp's ClientSession and Channels' in-memory layer
  (tests/fixtures/async-call-not-awaited/bad_async_client_coroutines.py); grpc.aio's servicer
  context, served by a real grpc.aio server, and redis.asyncio (fakeredis' async client): nothing is
  streamed, the abort does not abort, the counter stays unset (tests/runtime/test_async_clients.py).

- buffered whole under ASGI (Django's "must consume synchronous iterators" warning, served straight
  through `ASGIHandler`, tests/runtime/test_views.py): zipstream-ng's `ZipStream` and stream-zip's
  `stream_zip()` streamed from async views
  (tests/fixtures/sync-iterator-in-streaming-response/bad_zip_archives.py); `async_stream_zip()` and the
  archive's chunks taken in a thread by an async generator stream without it.
- an async generator iterated with a plain `for`: redis.asyncio's `scan_iter()` raises TypeError
  (tests/fixtures/async-iterator-in-sync-loop/bad_redis_scan_iter.py).

Fixtures only: google-cloud-firestore (it speaks gRPC, which no stand-in serves); python-zipstream's and zipstream-new's `zipstream.ZipFile` (their module name is
zipstream-ng's, so they cannot be installed beside it; tests/test_libraries.py lints it by import path);
the servicer context reached through django-socio-grpc's proxy (that package is not
a test dependency); PyPDF2 (pypdf's former name, the same calls); graphene (3.4 pins graphql-core
below 3.3, which the strawberry and ariadne proofs run on): `benchmarks/graphene_proof.py` proves its
rows by hand against graphene 3.4.3 and graphql-core 3.2.6 installed beside the venv. psycopg's `conn.execute()` is proven with its `connect()`: the PostgreSQL
stand-in speaks enough of the wire protocol for the statement itself to be held.

## Code a library runs on the event loop

Some libraries call the project's *sync* functions from their coroutines, in the loop's thread, or
evaluate what an async function returns there. asynclint treats that code as code on the loop
(`asynclint/core/event_loop.py`), so every rule applies inside it; the value a framework evaluates
after the function returns is reported by sync-queryset-evaluation-in-async. Each case was read in
the library's source and is proven under the real package (tests/runtime/test_graphql_channels.py).

- GraphQL (`asynclint/libraries/graphql.py`): strawberry's async execution (`AsyncGraphQLView`, its
  ASGI and Channels apps, `await schema.execute(...)`) and ariadne's (ASGI `GraphQL`, `await
  graphql(...)`) call a sync resolver (`@strawberry.field`/`@strawberry.mutation` `def`,
  `strawberry.field(resolver=f)`, a sync `BasePermission.has_permission`, a sync `SchemaExtension`
  hook such as `on_execute` or `resolve`, ariadne's `@query.field`/
  `set_field`) on the loop, and iterate a lazy QuerySet a resolver returns there (graphql-core before 3.3; 3.3+ uses `async for`: a
  possible finding). A sync resolver
  counts only when the project evidently serves the library asynchronously (a module imports one of
  those servers, or awaits `schema.execute`); an async resolver always runs under async execution.
  strawberry-graphql-django's fields and `django_resolver` run sync resolvers through
  `sync_to_async`: silent. graphene's `await schema.execute_async(...)` (in a module that imports
  graphene) calls the sync `resolve_<field>` methods of `ObjectType`/`DjangoObjectType` subclasses and
  `mutate` of a `Mutation` on the loop, and iterates a returned QuerySet there for certain (graphene
  3.4 pins graphql-core below 3.3). graphene-django: its only view is sync, and DjangoChannelsGraphqlWs
  runs graphene resolvers through `sync_to_async`: silent.
- Channels (`asynclint/libraries/channels.py`): an old two-step middleware's sync
  `__call__(self, scope)` runs inside the server's coroutine (asgiref's
  `guarantee_single_callable`, as daphne and uvicorn serve it). `BaseMiddleware` and `async def
  __call__(self, scope, receive, send)` are async functions, already covered. A scope entry the
  project's middleware sets to `SimpleLazyObject(lambda: async_to_sync(f)(...))` and an async
  consumer reads (`self.scope["user"].id`) resolves on the loop, where `async_to_sync` raises
  RuntimeError (async-to-sync-in-async); `AuthMiddlewareStack`'s `scope["user"]` is resolved
  asynchronously by Channels, and sync consumers read in their worker thread: silent.
- django-ninja (`asynclint/libraries/ninja.py`): `AsyncOperation.run` validates an async
  operation's return value against its `response=` schema on the loop (0.22.2 to 1.7.1): a lazy
  QuerySet, or a related manager a schema field reads without `prefetch_related`, raises there
  (pydantic reports it as a ValidationError). Not flagged: `@paginate` operations (1.2+ pages them with
  `apaginate_queryset`; before 1.2 `@paginate` made an async operation sync). Sync `auth=` callbacks
  of async operations (a function, or a `HttpBearer`/`APIKey*` subclass's `authenticate`): 0.16 to
  1.4.x call them on the loop (`AsyncOperation._run_authentication`), 1.5.0 (907224c) through
  `sync_to_async`. asynclint reads the project's ninja version (`library-versions`, else the installed
  release the requirement admits, else the requirement's range): every loop rule applies to the
  callback before 1.5.0, possible findings when the range spans 1.5.0, silent from 1.5.0 or when the
  version is unknown.
- pydantic models, django-ninja's `Schema`/`ModelSchema` among them (`asynclint/libraries/pydantic_models.py`):
  constructing one runs its validators (`@validator`, `@root_validator`, `@field_validator`,
  `@model_validator`) in the calling thread, so `Schema(...)` in an async function runs a validator
  that queries on the loop (missing-sync-to-async; the first validator of the class is followed).
  Proven under ninja's pydantic 2 (tests/fixtures/missing-sync-to-async/bad_schema_validator_queries.py).

## Not covered yet

A view's own `filter_queryset()` whose `filter_backends` come from settings (DRF's
`DEFAULT_FILTER_BACKENDS`; with `[DjangoFilterBackend]` in the class the backend's possible finding
is followed into it), `check_permissions()`, serializer `.data` of a single object, and a view's
`authentication_classes` whose classes the project sets elsewhere (an empty list, `None`). Of a pydantic model's validators only the first is followed.
A project's own async `dispatch` over DRF's `APIView` that awaits the handler the method names:
for OPTIONS that is DRF's sync `options()`, whose `Response` cannot be awaited (TypeError;
`http_method_not_allowed()` raises its 405 before anything is awaited). The sync call does no I/O,
so it is no row; what fails is awaiting a non-awaitable, which no rule models
(tests/runtime/test_drf_async_dispatch.py proves both, and that adrf 0.1.14's `APIView` runs the same
handler through `sync_to_async`). A serializer class left `None` by a library base and set by the
project's subclasses (django-socio-grpc's mixins calling `is_valid()` on the loop): the call is in the
library's code and its serializer unknown there, so silent.

An async generator of a library client that is not installed (codecov's `shared.torngit` clients:
`for d in gh.list_webhook_deliveries()` in a coroutine): the project's own code says only that the
object is a `Github` (its import and annotations name the class, never what a method returns), and
other call sites prove nothing (one of them may be the bug). So it is unknown, and silent. What is
known comes from the table, the async generators of the async clients below (redis.asyncio's
`scan_iter()`...), with or without the library installed; from the project's own async generators;
and from the project's own annotations: a sync `def` (a `Protocol` method, a stub, a wrapper)
annotated `-> AsyncIterator[...]` or `-> AsyncGenerator[...]` gives an async iterator
(tests/fixtures/async-iterator-in-sync-loop/bad_annotated_client_async_iterator.py).
Entering a redis-py lock acquires it (a round trip, polling with `time.sleep`) in `__enter__`:
`with r.lock(name):` is reported at the `r.lock()` call, and `with lock:` after `lock = r.lock(name)` at
`lock`; a project helper that enters a kept lock that way is not followed by missing-sync-to-async (the
chains read calls; `with r.lock(name):` inside a helper is followed). A pymongo cursor from a
`find()` that the loop's code does not iterate (handed to a worker thread) is still reported at the
`find()`.
Iterating the sync stream that openai's or anthropic's `create(..., stream=True)` returns reads the
response's events from the socket at each step (`__iter__`; the call itself returns at the headers):
reported where a name holding the stream is iterated by a `for` or a comprehension, also a parameter
every caller hands a stream (or a client) to; a call iterated directly is the call's finding
(tests/fixtures/blocking-call-in-async/bad_openai_streams.py, proven by tests/runtime/test_sdk_streams.py
against a server that sends the events slowly).
ninja-extra's controllers: current releases validate the response through `sync_to_async`
(`AsyncControllerOperation.run`), older ones were not checked.
"""


def _calls(rows: list[api.SyncApi]) -> str:
    row = rows[0]
    if row.receiver == api.FUNCTION:
        return ", ".join(f"`{r.name}()`" for r in rows)
    if row.name == api.WILDCARD:
        return f"every public {'attribute' if row.attribute else 'method'} of a {row.receiver}"
    names = ", ".join(f"`.{r.name}`" if r.attribute else f"`.{r.name}()`" for r in rows)
    return f"{names} of a {row.receiver}"


def _replacement(row: api.SyncApi) -> str:
    if row.replacement:
        use = "`" + row.replacement.replace("{func}", "f").replace("{receiver}", "x") + "`"
    else:
        use = f"`await x.{row.async_name}(...)`" if row.async_name else ""
    return use + (f" ({row.library} {row.library_since}+)" if row.library_since else "")


def _groups(rows: list[api.SyncApi]) -> list[list[api.SyncApi]]:
    """Consecutive rows that differ only by name share one line of the page."""
    groups: list[list[api.SyncApi]] = []
    for row in rows:
        key = (row.receiver, row.effect, row.replacement, row.async_name is None, row.library_since, row.attribute)
        last = groups[-1][0] if groups else None
        if last is not None and row.name != api.WILDCARD and last.name != api.WILDCARD and key == (
                last.receiver, last.effect, last.replacement, last.async_name is None, last.library_since,
                last.attribute) and row.async_name is None:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def render() -> str:
    by_library: dict[str, list[api.SyncApi]] = defaultdict(list)
    for row in table.SYNC_APIS:
        by_library[row.library].append(row)
    out = [INTRO, "## Covered calls\n"]
    out += ["### Sync code and returned values a library runs on the loop\n",
            "| library | what | rules | versions read |", "| --- | --- | --- | --- |"]
    out += [f"| {library} | {what} | {rules} | {versions} |"
            for family in RUNTIME_FAMILIES for library, what, rules, versions in family.COVERED]
    out.append("")
    out += ["### Loops and threads a library runs the project's code on\n",
            "| library | what | rules | versions read |", "| --- | --- | --- | --- |"]
    out += [f"| {library} | {what} | {rules} | {versions} |"
            for family in LOOP_FAMILIES for library, what, rules, versions in family.COVERED]
    out.append("")
    for library in sorted(by_library, key=str.lower):
        out.append(f"### {library} (checked with {table.VERSIONS[library]})\n")
        out.append("| call | effect | rule | use instead |")
        out.append("| --- | --- | --- | --- |")
        for rows in _groups(by_library[library]):
            row = rows[0]
            out.append(f"| {_calls(rows)} | {row.effect} | {RULE_OF_EFFECT.get(row.effect, '')} | "
                       f"{_replacement(row)} |")
        out.append("")
    out.append(_sync_iterables())
    out.append(_async_clients())
    return "\n".join(out).rstrip() + "\n"


def _sync_iterables() -> str:
    """Library iterables streamed as a response body (``streams.LIBRARIES``)."""
    out = ["### Sync iterables streamed as a response body\n",
           "`StreamingHttpResponse(x)` in an async view, or returned by a sync view of a project served by "
           "ASGI, where `x` is made by one of these: sync-iterator-in-streaming-response (Django 4.2+ consumes "
           "it whole in a thread before sending anything).\n",
           "| library (checked with) | made by | stream instead |", "| --- | --- | --- |"]
    out += [f"| {library} ({checked}) | {', '.join(f'`{name}()`' for name in names)} | {instead} |"
            for library, checked, names, instead in streams.LIBRARIES]
    return "\n".join(out) + "\n"


def _async_clients() -> str:
    """The library objects whose methods return coroutines (``ASYNC_METHODS``), and how each is known."""
    out = ["## Async clients whose calls must be awaited\n",
           "A call of one of these methods whose result is dropped or used as a value is "
           "async-call-not-awaited: the coroutine never runs. Methods that are async generators are "
           "consumed with `async for`: a plain `for` over one is async-iterator-in-sync-loop (a TypeError). "
           "The object is known from its constructor, its factory or a parameter's annotation.\n",
           "| object | known from | methods |", "| --- | --- | --- |"]
    for kind, names in table.ASYNC_METHODS.items():
        known = ", ".join([f"`{name}`" for name, result in table.CALL_RESULT_KINDS.items() if result == kind]
                          + [f"`self.{name}` in a subclass of {', '.join(sorted(f'`{b}`' for b in bases))}"
                             for name, (bases, result) in table.INHERITED_ATTRIBUTE_KINDS.items() if result == kind])
        generators = sorted(table.ASYNC_ITERATOR_METHODS.get(kind, ()))
        if api.WILDCARD in names:
            shown = "every public method but " + ", ".join(
                f"`{n}()`" for n in sorted({*table.NO_IO_METHODS[kind], *generators}))
        else:
            shown = ", ".join(f"`{n}()`" for n in sorted(names))
        if generators:
            shown += "; async generators: " + ", ".join(f"`{n}()`" for n in generators)
        out.append(f"| {kind} | {known} | {shown} |")
    out.append("\nA handler's parameters are known from the signature the library calls it with. Commands "
               "(the first parameter after `self`): "
               + ", ".join(f"`@{name}`: {kinds[0]}" for name, kinds in table.HANDLER_DECORATOR_KINDS.items())
               + "; decorator methods: "
               + ", ".join(f"`@<{owner}>.{name}`: {kinds[0]}"
                           for (owner, name), kinds in table.HANDLER_DECORATOR_METHOD_KINDS.items())
               + ". Event listeners (" + ", ".join(f"`@{name}`" for name in sorted(table.EVENT_DECORATORS))
               + ", `@<bot>.event`, `@<bot>.listen()`; the event is the decorator's string argument or the "
               "function's name): "
               + ", ".join(f"`{event}` ({', '.join(kind or 'not known' for kind in kinds)})"
                           for event, kinds in table.EVENT_PARAMETER_KINDS.items())
               + ". Attributes and getters of those objects are objects too (`ctx.guild`, `message.channel`, "
               "`guild.get_member(id)`). A parameter nothing types stays unknown, and silent.")
    return "\n".join(out) + "\n"


def summary() -> list[dict[str, str]]:
    """One entry per library: how many calls are covered, by which rules, and the async form's release."""
    by_library: dict[str, list[api.SyncApi]] = defaultdict(list)
    for row in table.SYNC_APIS:
        by_library[row.library].append(row)
    return [{
        "library": library,
        "calls": str(len(rows)) if all(r.name != api.WILDCARD for r in rows) else "all methods",
        "rules": ", ".join(sorted({RULE_OF_EFFECT[r.effect] for r in rows})),
        "async since": ", ".join(sorted({r.library_since for r in rows if r.library_since})) or "-",
        "versions": table.VERSIONS[library],
    } for library, rows in sorted(by_library.items(), key=lambda item: item[0].lower())] + [{
        "library": library, "calls": what, "rules": rules, "async since": "-", "versions": versions,
    } for family in (*RUNTIME_FAMILIES, *LOOP_FAMILIES, *AWAITED_FAMILIES)
        for library, what, rules, versions in family.COVERED]


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
