"""Sync HTTP, storage and SDK clients, and the async client each library ships instead.

The async clients are here too (``ASYNC_METHODS``): their methods return coroutines (or awaitables),
so a call whose result is dropped or used as a value never runs (``async-call-not-awaited``).

Every call here does network or file I/O in the calling thread: on the event loop nothing raises,
the loop simply stalls until the server answers. Rows are ``blocking I/O`` (``blocking-call-in-async``)
and name the async alternative with the release of the library that added it. Clients whose every
public method is a request are one wildcard row (name ``*``) plus the methods that do no I/O.
"""

from __future__ import annotations

from asynclint.django_api import BLOCKING_IO, FUNCTION, WILDCARD, SyncApi

# --- kinds ---------------------------------------------------------------------------------------
URLLIB3_POOL = "urllib3 pool manager"
BOTO3_CLIENT = "boto3 client"
BOTO3_SESSION = "boto3 session"
BOTO3_RESOURCE = "boto3 resource"
REDIS_CLIENT = "sync redis client"
PSYCOPG_CONNECTION = "sync psycopg connection"
ELASTICSEARCH_CLIENT = "sync Elasticsearch client"
ELASTICSEARCH_NAMESPACE = "sync Elasticsearch namespace"
OPENAI_CLIENT = "sync OpenAI client"
OPENAI_RESOURCE = "sync OpenAI resource"
OPENAI_STREAM = "sync OpenAI stream"
ANTHROPIC_CLIENT = "sync Anthropic client"
ANTHROPIC_RESOURCE = "sync Anthropic resource"
ANTHROPIC_STREAM = "sync Anthropic stream"
STORAGE = "file storage"
QDRANT_CLIENT = "sync Qdrant client"
REDIS_SCRIPT = "redis-py Lua script"
REDIS_PIPELINE = "sync redis pipeline"
REDIS_LOCK = "sync redis lock"
REDIS_PUBSUB = "sync redis pub/sub"
REDIS_MODULE = "sync redis module command group"
TWILIO_CLIENT = "sync Twilio client"
TWILIO_RESOURCE = "Twilio resource"
SLACK_CLIENT = "sync Slack WebClient"
SLACK_WEBHOOK = "sync Slack webhook client"
SENDGRID_CLIENT = "SendGrid API client"
SENDGRID_ENDPOINT = "SendGrid API endpoint"
GCS_CLIENT = "Google Cloud Storage client"
GCS_BUCKET = "Google Cloud Storage bucket"
GCS_BLOB = "Google Cloud Storage blob"
KOMBU_CONNECTION = "kombu connection"
GENAI_CLIENT = "sync Google Gen AI client"
GENAI_RESOURCE = "sync Google Gen AI resource"
GENAI_CHATS = "Google Gen AI chats"
GENAI_CHAT = "sync Google Gen AI chat"
GENERATIVE_MODEL = "google-generativeai model"
GENERATIVE_CHAT = "google-generativeai chat session"
SPEECH_CLIENT = "sync Google Cloud Speech client"
CLERK_CLIENT = "sync Clerk client"
CLERK_RESOURCE = "sync Clerk resource"


def blocking_row(receiver, name, library, replacement, since="", note="", **extra):
    """A ``blocking I/O`` library row (``blocking-call-in-async``) naming the async alternative and its release."""
    return SyncApi(receiver, name, BLOCKING_IO, None, None, fix=None, replacement=replacement,
                   library=library, library_since=since, note=note, **extra)


_ASYNC_HTTP = "await httpx.AsyncClient().{verb}(...)"
_URLLIB3_VERBS = ("request", "urlopen", "request_encode_url", "request_encode_body")
#: openai 1.0+: the resources' request methods (``images.generate()``/``edit()``/``create_variation()`` too).
#: The helpers that send requests too (openai 3.63, ``resources/``): ``upload_and_poll()`` of vector-store
#: files and file batches uploads then polls with ``time.sleep``, as do ``create_and_run_poll()``,
#: ``submit_tool_outputs_and_poll()`` and ``files.wait_for_processing()``; ``create_and_run()`` and
#: ``files.retrieve_content()`` are one request each. The async client has each as a coroutine.
_OPENAI_METHODS = ("create", "retrieve", "list", "delete", "update", "parse", "stream", "cancel", "upload", "content",
                   "submit_tool_outputs", "create_and_poll", "poll", "generate", "edit", "create_variation",
                   "upload_and_poll", "create_and_run", "create_and_run_poll", "submit_tool_outputs_and_poll",
                   "wait_for_processing", "retrieve_content")
#: openai < 1.0 (0.28.1, ``openai/api_resources/``): the module-level resource classes and their request
#: methods that have an ``a``-prefixed coroutine twin (``acreate``, ``alist``, ``atranscribe``...).
_OPENAI_LEGACY_METHODS = (
    *((resource, ("create",)) for resource in ("Completion", "ChatCompletion", "Embedding", "Edit", "Moderation")),
    ("Image", ("create", "create_variation", "create_edit")),
    ("Audio", ("transcribe", "translate", "transcribe_raw", "translate_raw")),
    ("File", ("create", "download", "find_matching_files", "list", "retrieve", "delete")),
    *((resource, ("create", "list", "retrieve", "delete", "cancel")) for resource in ("FineTune", "FineTuningJob")),
    ("Model", ("list", "retrieve", "delete")),
    ("Deployment", ("create", "list", "retrieve", "delete")),
)
_ANTHROPIC_METHODS = ("create", "retrieve", "list", "delete", "stream", "count_tokens", "cancel", "results")
_STRIPE_METHODS = ("create", "retrieve", "modify", "delete", "list", "search", "cancel", "capture",
                   "confirm", "finalize_invoice", "pay", "void_invoice", "refund", "list_line_items")
#: redis-py 8.2 (``redis/lock.py``, ``redis/client.py``): each sends a command or a script (``acquire()``
#: polls with ``time.sleep`` until it gets the lock); the ``do_*`` twins are the same round trips.
_REDIS_LOCK_METHODS = ("acquire", "release", "extend", "reacquire", "locked", "owned", "do_acquire", "do_release",
                       "do_extend", "do_reacquire")
#: boto3 1.44 resources (``boto3/data/{s3,dynamodb,sqs,sns}/*/resources-1.json``: each resource's actions,
#: batch actions, waiters and ``load``; S3's transfer methods injected by ``boto3/s3/inject.py``): one or
#: more AWS API calls each. The capitalised methods (``s3.Bucket(name)``, ``bucket.Object(key)``,
#: ``dynamodb.Table(name)``) build a sub-resource and send nothing (``DERIVED_KINDS``).
_BOTO3_RESOURCE_ACTIONS = ("load", "reload", "get", "put", "head", "delete", "create", "update", "copy_from",
                           "put_object", "delete_objects", "restore_object", "initiate_multipart_upload", "upload",
                           "complete", "abort", "create_bucket", "wait_until_exists", "wait_until_not_exists",
                           "upload_file", "download_file", "upload_fileobj", "download_fileobj", "copy",
                           "get_item", "put_item", "update_item", "delete_item", "query", "scan", "batch_get_item",
                           "batch_write_item", "create_table", "send_message", "send_messages", "receive_messages",
                           "delete_messages", "change_visibility", "purge", "create_queue", "get_queue_by_name",
                           "publish", "subscribe", "create_topic", "create_platform_endpoint", "set_attributes")
#: The actions that answer with another resource (``s3.create_bucket(...)``, ``sqs.get_queue_by_name(...)``).
_BOTO3_RESOURCE_RETURNING = ("create_bucket", "create_table", "create_queue", "get_queue_by_name", "create_topic",
                             "create_platform_endpoint", "subscribe", "initiate_multipart_upload")
_REDIS_PIPELINE_METHODS = ("execute", "watch", "unwatch", "immediate_execute_command")
_REDIS_PUBSUB_METHODS = ("subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe",
                         "get_message", "get_sharded_message", "listen", "ping", "check_health")
#: twilio 9.13: a list (``client.messages``) creates, lists, streams and pages; a context
#: (``client.messages(sid)``) fetches, updates and deletes. Each is one HTTPS request (``*_async`` twins
#: since 8.0.0, over an ``AsyncTwilioHttpClient``).
_TWILIO_METHODS = ("create", "fetch", "update", "delete", "list", "stream", "page", "get_page")
#: google-cloud-storage 3.17: the requests of the client, a bucket and a blob (``bucket()``, ``blob()``,
#: ``generate_signed_url()`` with a key and the properties do none; ``list_*`` iterate pages of requests).
_GCS_METHODS = {
    GCS_CLIENT: ("get_bucket", "lookup_bucket", "create_bucket", "list_buckets", "list_blobs",
                 "download_blob_to_file", "get_service_account_email"),
    GCS_BUCKET: ("exists", "create", "reload", "patch", "update", "delete", "get_blob", "list_blobs", "delete_blob",
                 "delete_blobs", "copy_blob", "rename_blob", "make_public", "make_private", "get_iam_policy",
                 "set_iam_policy", "lock_retention_policy"),
    GCS_BLOB: ("exists", "reload", "patch", "update", "delete", "download_to_file", "download_to_filename",
               "download_as_bytes", "download_as_string", "download_as_text", "upload_from_file",
               "upload_from_filename", "upload_from_string", "create_resumable_upload_session", "compose", "rewrite",
               "update_storage_class", "make_public", "make_private", "get_iam_policy", "set_iam_policy", "open"),
}
_STORAGE_METHODS = ("save", "open", "delete", "exists", "listdir", "size", "get_accessed_time",
                    "get_created_time", "get_modified_time", "get_available_name")

SYNC_APIS: tuple[SyncApi, ...] = (
    # urllib3 (2.0 added the module-level urllib3.request()).
    blocking_row(FUNCTION, "urllib3.request", "urllib3", _ASYNC_HTTP.format(verb="request")),
    *(blocking_row(URLLIB3_POOL, verb, "urllib3", _ASYNC_HTTP.format(verb="request")) for verb in _URLLIB3_VERBS),
    # boto3: every client method is an AWS API call (aioboto3/aiobotocore are the async clients).
    blocking_row(BOTO3_CLIENT, WILDCARD, "boto3", "an aiobotocore/aioboto3 client, or 'await sync_to_async({func})(...)'"),
    # boto3's resources (``boto3.resource("s3")``, ``session.resource(...)`` and their sub-resources): each
    # action is an AWS API call (aioboto3 has async resources).
    *(blocking_row(BOTO3_RESOURCE, name, "boto3", "an aioboto3 resource, or 'await sync_to_async({func})(...)'",
                   **({"returns": BOTO3_RESOURCE} if name in _BOTO3_RESOURCE_RETURNING else {}))
      for name in _BOTO3_RESOURCE_ACTIONS),
    # redis-py: redis.asyncio (4.2.0) has the same methods as coroutines.
    blocking_row(REDIS_CLIENT, WILDCARD, "redis", "await {func}(...) on a redis.asyncio.Redis client", since="4.2.0"),
    # redis-py's helper objects: calling a registered Lua script is EVALSHA (``Script.__call__``), a pipeline
    # sends its buffered commands on execute(), a lock is held and released with scripts, pub/sub reads
    # the socket. redis.asyncio (4.2.0) has each of them with coroutines.
    blocking_row(REDIS_SCRIPT, "__call__", "redis", "await {func}(...) of a script registered on a redis.asyncio.Redis client",
         since="4.2.0"),
    *(blocking_row(REDIS_PIPELINE, name, "redis", "await {func}(...) on a redis.asyncio pipeline", since="4.2.0")
      for name in _REDIS_PIPELINE_METHODS),
    *(blocking_row(REDIS_LOCK, name, "redis", "await {func}(...) on a redis.asyncio lock", since="4.2.0",
           note="acquire() polls with time.sleep() until the lock is free" if name == "acquire" else "")
      for name in _REDIS_LOCK_METHODS),
    # ``with r.lock("k"):`` acquires the lock on entry and releases it on exit (``Lock.__enter__``).
    blocking_row(REDIS_LOCK, "__enter__", "redis", "async with redis.asyncio.Redis(...).lock(...)", since="4.2.0",
         note="entering the lock acquires it, polling with time.sleep() until it is free"),
    *(blocking_row(REDIS_PUBSUB, name, "redis", "await {func}(...) on a redis.asyncio PubSub", since="4.2.0")
      for name in _REDIS_PUBSUB_METHODS),
    # A module command group (``r.ts()``, ``r.json()``, ``r.ft(index)``, ``r.bf()``...): each command is a round
    # trip on the client's connection (redis/commands/{timeseries,json,search,bf,vectorset}, read in 8.2.0).
    blocking_row(REDIS_MODULE, WILDCARD, "redis", "await {func}(...) on the group of a redis.asyncio.Redis client",
                 since="4.2.0"),
    # Twilio's REST client: every create/fetch/update/delete/list of a resource is an HTTPS request.
    *(blocking_row(TWILIO_RESOURCE, name, "twilio", "await {func}_async(...) with a Twilio client built on "
           "twilio.http.async_http_client.AsyncTwilioHttpClient", since="8.0.0") for name in _TWILIO_METHODS),
    # slack_sdk: every WebClient method is a Web API call (AsyncWebClient, 3.0.0, has them all as coroutines);
    # a webhook client posts.
    blocking_row(SLACK_CLIENT, WILDCARD, "slack_sdk", "await {func}(...) on a slack_sdk.web.async_client.AsyncWebClient",
         since="3.0.0"),
    *(blocking_row(SLACK_WEBHOOK, name, "slack_sdk", "await {func}(...) on a slack_sdk.webhook.async_client.AsyncWebhookClient",
           since="3.0.0") for name in ("send", "send_dict")),
    # sendgrid: send() and the fluent client's verbs (sg.client.mail.send.post(...)) are HTTPS requests; no
    # async client.
    blocking_row(SENDGRID_CLIENT, "send", "sendgrid", "await sync_to_async({func})(...)", note="sendgrid has no async API"),
    *(blocking_row(SENDGRID_ENDPOINT, verb, "sendgrid", "await sync_to_async({func})(...)", note="sendgrid has no async API")
      for verb in ("get", "post", "put", "patch", "delete")),
    # google-cloud-storage: no async client (gcloud-aio-storage is a separate project).
    *(blocking_row(kind, name, "google-cloud-storage", "await sync_to_async({func})(...)",
           note="google-cloud-storage has no async API") for kind, names in _GCS_METHODS.items() for name in names),
    # psycopg 3 (and psycopg2): connecting and executing.
    blocking_row(FUNCTION, "psycopg.connect", "psycopg", "await psycopg.AsyncConnection.connect(...)", since="3.0",
         returns=PSYCOPG_CONNECTION),
    blocking_row(FUNCTION, "psycopg.Connection.connect", "psycopg", "await psycopg.AsyncConnection.connect(...)",
         since="3.0", returns=PSYCOPG_CONNECTION),
    blocking_row(FUNCTION, "psycopg2.connect", "psycopg2", "await psycopg.AsyncConnection.connect(...) (psycopg 3)",
         returns=PSYCOPG_CONNECTION),
    *(blocking_row(PSYCOPG_CONNECTION, name, "psycopg", f"await conn.{name}(...) on a psycopg.AsyncConnection",
           since="3.0") for name in ("execute", "commit", "rollback")),
    # elasticsearch-py: AsyncElasticsearch (7.8.0) mirrors every API and namespace.
    blocking_row(ELASTICSEARCH_CLIENT, WILDCARD, "elasticsearch", "await {func}(...) on an AsyncElasticsearch client",
         since="7.8.0"),
    blocking_row(ELASTICSEARCH_NAMESPACE, WILDCARD, "elasticsearch",
         "await {func}(...) on an AsyncElasticsearch client", since="7.8.0"),
    # qdrant-client: every QdrantClient method is a request to the vector store (REST or gRPC);
    # AsyncQdrantClient (1.6.1) has the same methods as coroutines.
    blocking_row(QDRANT_CLIENT, WILDCARD, "qdrant_client", "await {func}(...) on a qdrant_client.AsyncQdrantClient",
         since="1.6.1"),
    # stripe: resource class methods call the API (stripe.Customer.create...); the *_async twins need
    # an async HTTP client configured (stripe.HTTPXClient or AIOHTTPClient).
    *(blocking_row(FUNCTION, f"stripe.{WILDCARD}.{name}", "stripe", f"await {{func}}_async(...) with an async HTTP "
           f"client (stripe.HTTPXClient)") for name in _STRIPE_METHODS),
    # openai (1.0 clients) and anthropic: the Async* client has the same resources as coroutines.
    *(blocking_row(OPENAI_RESOURCE, name, "openai", "await {func}(...) on an openai.AsyncOpenAI client", since="1.0.0")
      for name in _OPENAI_METHODS),
    # openai before 1.0: module-level resource classes (``openai.ChatCompletion.create(...)``), each method
    # one request (read in 0.28.1's ``api_resources/``), each with an ``a``-prefixed coroutine twin. openai
    # 1.0 removed them: there the name is a proxy whose use raises APIRemovedInV1 (a fix is due either way).
    *(blocking_row(FUNCTION, f"openai.{resource}.{name}", "openai", f"await openai.{resource}.a{name}(...) (openai < 1.0)",
                   note="openai 1.0 removed this API (using it raises APIRemovedInV1): there, await the resource's "
                   "method on an openai.AsyncOpenAI client")
      for resource, names in _OPENAI_LEGACY_METHODS for name in names),
    *(blocking_row(ANTHROPIC_RESOURCE, name, "anthropic", "await {func}(...) on an anthropic.AsyncAnthropic client")
      for name in _ANTHROPIC_METHODS),
    # The Stream that ``create(..., stream=True)`` returns (``STREAMED_RESULTS``): each step of iterating it
    # reads the next server-sent events from the HTTP response in the calling thread, for as long as the
    # model generates (openai ``_streaming.Stream.__iter__``, anthropic's the same). The async client's
    # create(stream=True) gives an AsyncStream to consume with ``async for``.
    blocking_row(OPENAI_STREAM, "__iter__", "openai", "async for ... in (await <resource>.create(..., stream=True)) "
                 "on an openai.AsyncOpenAI client", since="1.0.0",
                 note="each step reads the streamed response from the network"),
    blocking_row(ANTHROPIC_STREAM, "__iter__", "anthropic", "async for ... in (await <resource>.create(..., stream=True)) "
                 "on an anthropic.AsyncAnthropic client",
                 note="each step reads the streamed response from the network"),
    # kombu 5.x (``kombu/connection.py``): connect() and ensure_connection() open the transport (the AMQP
    # handshake, or the Redis transport's PING), channel() connects first, drain_events() reads the socket.
    # kombu has no asyncio API (aio-pika for AMQP, redis.asyncio for Redis are the async clients).
    *(blocking_row(KOMBU_CONNECTION, name, "kombu", "an aio-pika connection (AMQP) or a redis.asyncio client, or "
           "'await sync_to_async({func})(...)'", note="kombu has no asyncio API")
      for name in ("connect", "ensure_connection", "channel", "drain_events")),
    # Google Gen AI SDK (google-genai, the Gemini API): every method of ``client.models``/``files``/
    # ``caches``/``batches``/``tunings``/``operations`` is a request, and so is a chat's
    # ``send_message``; ``client.aio`` (0.1.0, read in its source) has the same as coroutines.
    blocking_row(GENAI_RESOURCE, WILDCARD, "google-genai", "the same method under client.aio, awaited (await client.aio.models.generate_content(...))",
                 since="0.1.0"),
    *(blocking_row(GENAI_CHAT, name, "google-genai", "await {func}(...) on a chat made by client.aio.chats.create()", since="0.1.0")
      for name in ("send_message", "send_message_stream")),
    # google-generativeai (the older Gemini SDK): GenerativeModel's requests and a chat session's
    # messages; the *_async twins arrived with the model class itself (0.3.0, read in its source).
    *(blocking_row(GENERATIVE_MODEL, name, "google-generativeai", f"await {{receiver}}.{name}_async(...)",
                   since="0.3.0") for name in ("generate_content", "count_tokens")),
    blocking_row(GENERATIVE_CHAT, "send_message", "google-generativeai", "await {receiver}.send_message_async(...)",
                 since="0.3.0"),
    # google-cloud-speech (2.41.0, ``speech_v1/services/speech/client.py``): recognize() and
    # long_running_recognize() are one gRPC call each (the latter returns the operation), as are the
    # operations' list_operations()/get_operation(); the path helpers make none. SpeechAsyncClient has them
    # as coroutines.
    *(blocking_row(SPEECH_CLIENT, name, "google-cloud-speech", "await {func}(...) on a google.cloud.speech.SpeechAsyncClient")
      for name in ("recognize", "long_running_recognize", "list_operations", "get_operation")),
    # Clerk's Backend API SDK (clerk-backend-api, a Speakeasy client; read in 7.0.0's source, the twins checked
    # in 1.0.0): every method of a resource (``clerk.users.get()``, ``clerk.sessions.list()``...) is one
    # HTTPS request through the SDK's sync httpx client, and each has an ``*_async`` twin on the same object.
    # ``authenticate_request()`` (of the client, or ``clerk_backend_api.security``) verifies the session
    # token: with no ``options.jwt_key`` it fetches the JWKS from Clerk's API (cached per key in the process;
    # re-fetched on a rotated key), and a machine token or API key is verified by a request every time, so
    # it is a *possible* finding; the async twins arrived in 5.0.1.
    blocking_row(CLERK_RESOURCE, WILDCARD, "clerk-backend-api", "await {func}_async(...)", since="1.0.0"),
    *(blocking_row(receiver, name, "clerk-backend-api", "await {func}_async(...)", since="5.0.1", possible=True,
                   note="it fetches Clerk's JWKS over HTTP unless options.jwt_key is given (cached per key in the "
                   "process), and verifies a machine token or API key with a request every time")
      for receiver, name in ((CLERK_CLIENT, "authenticate_request"),
                             (FUNCTION, "clerk_backend_api.security.authenticate_request"),
                             (FUNCTION, "clerk_backend_api.security.authenticaterequest.authenticate_request"),
                             (FUNCTION, "clerk_backend_api.security.verify_token"),
                             (FUNCTION, "clerk_backend_api.security.verifytoken.verify_token"))),
    # chromadb (read in 1.5.9's source; AsyncHttpClient looked for in 0.5.0 and 0.5.1): building a client
    # starts its system and checks the tenant and database. HttpClient() asks the server (the user identity,
    # the tenant, the database: HTTP requests); PersistentClient() opens its SQLite store on disk (created
    # and migrated on first use) and reads them there. AsyncHttpClient (0.5.1) is awaited instead; a
    # persistent store has no async client.
    blocking_row(FUNCTION, "chromadb.HttpClient", "chromadb", "await chromadb.AsyncHttpClient(...)", since="0.5.1",
                 note="building it sends requests to the Chroma server"),
    blocking_row(FUNCTION, "chromadb.PersistentClient", "chromadb", "await sync_to_async({func})(...), once per "
                 "process rather than per request", local_disk=True,
                 note="it opens (on first use creates) its SQLite store on disk; chromadb has no async client for "
                 "a persistent store"),
    # Django's file storage: the default FileSystemStorage opens files, S3 and co. make requests.
    *(blocking_row(STORAGE, name, "django", "await sync_to_async({func})(...)",
           note="Django's storage API has no async form") for name in _STORAGE_METHODS),
)

OBJECT_KINDS = {
    "django.core.files.storage.default_storage": STORAGE,
    **dict.fromkeys(("openai.chat", "openai.completions", "openai.embeddings", "openai.images", "openai.audio",
                     "openai.files", "openai.moderations", "openai.responses"), OPENAI_RESOURCE),
}
#: Django cache backends whose methods are plain sync functions doing network I/O (``core.caches``:
#: ``await cache.get(...)`` on them blocks the loop, then awaits a value: TypeError). django-redis's
#: client-side backend; its async access is Django's ``a*`` forms (``BaseCache``'s ``sync_to_async``).
SYNC_CACHE_BACKENDS = frozenset({"django_redis.cache.RedisCache"})
CALL_RESULT_KINDS = {
    **dict.fromkeys(("urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.HTTPConnectionPool",
                     "urllib3.HTTPSConnectionPool", "urllib3.poolmanager.PoolManager"), URLLIB3_POOL),
    **dict.fromkeys(("boto3.client", "boto3.session.Session.client"), BOTO3_CLIENT),
    **dict.fromkeys(("boto3.resource", "boto3.session.Session.resource"), BOTO3_RESOURCE),
    **dict.fromkeys(("boto3.Session", "boto3.session.Session"), BOTO3_SESSION),
    **dict.fromkeys(("redis.Redis", "redis.StrictRedis", "redis.client.Redis", "redis.client.StrictRedis",
                     "redis.from_url", "redis.Redis.from_url", "redis.StrictRedis.from_url",
                     "django_redis.get_redis_connection"), REDIS_CLIENT),
    **dict.fromkeys(("elasticsearch.Elasticsearch", "elasticsearch.client.Elasticsearch"), ELASTICSEARCH_CLIENT),
    **dict.fromkeys(("qdrant_client.QdrantClient", "qdrant_client.qdrant_client.QdrantClient"), QDRANT_CLIENT),
    **dict.fromkeys(("django_rq.get_connection", "django_rq.queues.get_connection"), REDIS_CLIENT),
    **dict.fromkeys(("redis.commands.core.Script", "redis.client.Script"), REDIS_SCRIPT),
    **dict.fromkeys(("redis.lock.Lock", "redis.Lock"), REDIS_LOCK),
    **dict.fromkeys(("twilio.rest.Client", "twilio.rest.client.Client"), TWILIO_CLIENT),
    **dict.fromkeys(("slack_sdk.WebClient", "slack_sdk.web.WebClient", "slack_sdk.web.client.WebClient"), SLACK_CLIENT),
    **dict.fromkeys(("slack_sdk.webhook.WebhookClient", "slack_sdk.webhook.client.WebhookClient"), SLACK_WEBHOOK),
    **dict.fromkeys(("sendgrid.SendGridAPIClient", "sendgrid.sendgrid.SendGridAPIClient"), SENDGRID_CLIENT),
    **dict.fromkeys(("google.cloud.storage.Client", "google.cloud.storage.client.Client"), GCS_CLIENT),
    **dict.fromkeys(("google.cloud.storage.Bucket", "google.cloud.storage.bucket.Bucket"), GCS_BUCKET),
    **dict.fromkeys(("google.cloud.storage.Blob", "google.cloud.storage.blob.Blob"), GCS_BLOB),
    **dict.fromkeys(("openai.OpenAI", "openai.AzureOpenAI", "openai.Client"), OPENAI_CLIENT),
    **dict.fromkeys(("anthropic.Anthropic", "anthropic.Client", "anthropic.AnthropicBedrock",
                     "anthropic.AnthropicVertex"), ANTHROPIC_CLIENT),
    **dict.fromkeys(("kombu.Connection", "kombu.connection.Connection", "kombu.BrokerConnection",
                     "kombu.connection.BrokerConnection"), KOMBU_CONNECTION),
    **dict.fromkeys(("google.cloud.speech.SpeechClient", "google.cloud.speech_v1.SpeechClient",
                     "google.cloud.speech_v1p1beta1.SpeechClient"), SPEECH_CLIENT),
    **dict.fromkeys(("google.genai.Client", "google.genai.client.Client"), GENAI_CLIENT),
    **dict.fromkeys(("clerk_backend_api.Clerk", "clerk_backend_api.sdk.Clerk"), CLERK_CLIENT),
    **dict.fromkeys(("google.generativeai.GenerativeModel", "google.generativeai.generative_models.GenerativeModel"),
                    GENERATIVE_MODEL),
    **dict.fromkeys(("django.core.files.storage.FileSystemStorage",
                     "django.core.files.storage.filesystem.FileSystemStorage"), STORAGE),
}
#: A resource method whose result, when the call passes ``stream=True`` (a literal), is a sync stream that
#: reads the response as it is iterated (openai's and anthropic's ``Stream``); without it, a parsed object.
STREAMED_RESULTS = {(OPENAI_RESOURCE, "create"): OPENAI_STREAM, (ANTHROPIC_RESOURCE, "create"): ANTHROPIC_STREAM}
#: ``client.chat.completions``, ``es.indices``: any attribute of these is a namespace of requests.
ATTRIBUTE_KINDS = {
    OPENAI_CLIENT: OPENAI_RESOURCE, OPENAI_RESOURCE: OPENAI_RESOURCE,
    ANTHROPIC_CLIENT: ANTHROPIC_RESOURCE, ANTHROPIC_RESOURCE: ANTHROPIC_RESOURCE,
    ELASTICSEARCH_CLIENT: ELASTICSEARCH_NAMESPACE,
    TWILIO_CLIENT: TWILIO_RESOURCE, TWILIO_RESOURCE: TWILIO_RESOURCE,
    SENDGRID_ENDPOINT: SENDGRID_ENDPOINT,  # sg.client.mail.send
    CLERK_CLIENT: CLERK_RESOURCE,  # clerk.users, clerk.organizations...
}
#: What a client's no-I/O factory methods return: ``r.register_script(lua)``, ``r.pipeline()``, ``r.lock(name)``,
#: ``r.pubsub()``; a Twilio resource called or got by id (``client.messages(sid)``, ``services.get(sid)``) is
#: its context, another resource (``"*()"``: any method without a row; ``"()"``: the object itself called).
DERIVED_KINDS = {
    (REDIS_CLIENT, "register_script()"): REDIS_SCRIPT,
    (REDIS_CLIENT, "pipeline()"): REDIS_PIPELINE,
    (REDIS_CLIENT, "lock()"): REDIS_LOCK,
    (REDIS_CLIENT, "pubsub()"): REDIS_PUBSUB,
    **{(REDIS_CLIENT, f"{group}()"): REDIS_MODULE for group in ("ts", "json", "ft", "bf", "cf", "cms", "topk",
                                                                 "tdigest", "vset")},
    (REDIS_MODULE, "pipeline()"): REDIS_PIPELINE,
    (REDIS_PIPELINE, "*()"): REDIS_PIPELINE,  # a command queued on a pipeline returns the pipeline
    # A boto3 session builds its clients and resources without a request; a resource's methods without a
    # row are its sub-resource constructors (``s3.Bucket(name)``, ``bucket.Object(key)``), no request either.
    (BOTO3_SESSION, "client()"): BOTO3_CLIENT,
    (BOTO3_SESSION, "resource()"): BOTO3_RESOURCE,
    (BOTO3_RESOURCE, "*()"): BOTO3_RESOURCE,
    (TWILIO_CLIENT, "*()"): TWILIO_RESOURCE,
    (TWILIO_RESOURCE, "*()"): TWILIO_RESOURCE,
    (TWILIO_RESOURCE, "()"): TWILIO_RESOURCE,  # ``messages = client.messages; messages(sid)``: called by id
    (SENDGRID_ENDPOINT, "_()"): SENDGRID_ENDPOINT,  # sg.client.templates._(template_id)
    (GCS_CLIENT, "bucket()"): GCS_BUCKET,
    (GCS_CLIENT, "get_bucket()"): GCS_BUCKET,
    (GCS_CLIENT, "lookup_bucket()"): GCS_BUCKET,
    (GCS_BUCKET, "blob()"): GCS_BLOB,
    (GCS_BUCKET, "get_blob()"): GCS_BLOB,
}
#: google-genai: ``client.models``... are resources of requests, ``client.chats.create()`` builds a chat
#: (no I/O); ``client.aio`` is the async client (no rows). google-generativeai: ``model.start_chat()``
#: builds a chat session (no I/O).
DERIVED_KINDS.update({
    **{(GENAI_CLIENT, name): GENAI_RESOURCE for name in ("models", "files", "caches", "batches", "tunings",
                                                         "operations")},
    (GENAI_CLIENT, "chats"): GENAI_CHATS,
    (GENAI_CHATS, "create()"): GENAI_CHAT,
    (GENERATIVE_MODEL, "start_chat()"): GENERATIVE_CHAT,
})
#: ``sg.client``: the fluent client of a SendGrid API client (an attribute, read without I/O).
DERIVED_KINDS[(SENDGRID_CLIENT, "client")] = SENDGRID_ENDPOINT
NO_IO_METHODS = {
    BOTO3_CLIENT: frozenset({"get_paginator", "get_waiter", "can_paginate", "generate_presigned_url",
                             "generate_presigned_post", "close"}),
    REDIS_CLIENT: frozenset({"pipeline", "pubsub", "lock", "register_script", "get_encoder",
                             "get_connection_kwargs", "get_retry", "set_retry", "set_response_callback",
                             "load_external_module", "monitor", "close",
                             # module command groups: ``r.ts()`` builds ``TimeSeries(client=r)`` and sends nothing
                             # (redis/commands/redismodules.py, read in 8.2.0); their commands do the I/O
                             "ts", "json", "ft", "bf", "cf", "cms", "topk", "tdigest", "vset"}),
    #: what a module command group does without a command: its pipeline, search's batch indexer and query
    #: helpers, the probabilistic groups' static argument builders (``append_*``)
    REDIS_MODULE: frozenset({"pipeline", "batch_indexer", "get_params_args", "commandmixin", "append_bucket_size",
                             "append_capacity", "append_cell_size", "append_error", "append_expansion", "append_items",
                             "append_items_and_increments", "append_max_iterations", "append_no_create",
                             "append_no_scale", "append_values_and_weights", "append_weights"}),
    ELASTICSEARCH_CLIENT: frozenset({"options", "close"}),
    ELASTICSEARCH_NAMESPACE: frozenset({"options"}),
    QDRANT_CLIENT: frozenset({"close"}),
    SLACK_CLIENT: frozenset({"validate_slack_signature"}),
    CLERK_RESOURCE: frozenset({"dynamic_import"}),
}
#: ``with psycopg.connect() as conn``, ``with PoolManager() as pool``: the client itself.
SELF_ENTERING_KINDS = frozenset({PSYCOPG_CONNECTION, URLLIB3_POOL, REDIS_CLIENT, ELASTICSEARCH_CLIENT, OPENAI_CLIENT,
                                 ANTHROPIC_CLIENT, REDIS_PIPELINE, REDIS_PUBSUB, REDIS_LOCK, KOMBU_CONNECTION,
                                 OPENAI_STREAM, ANTHROPIC_STREAM, SPEECH_CLIENT, CLERK_CLIENT})
#: Clients a class keeps on ``self`` (``self.client = OpenAI()`` in ``__init__``) and calls in its methods; also
#: the library objects a project function may be handed by every caller (``moderate(text, self.client)``).
CLIENT_KINDS = frozenset({URLLIB3_POOL, BOTO3_CLIENT, REDIS_CLIENT, PSYCOPG_CONNECTION, ELASTICSEARCH_CLIENT,
                          OPENAI_CLIENT, ANTHROPIC_CLIENT, STORAGE, QDRANT_CLIENT, REDIS_SCRIPT, REDIS_LOCK,
                          TWILIO_CLIENT, SLACK_CLIENT, SLACK_WEBHOOK, SENDGRID_CLIENT, GCS_CLIENT, GCS_BUCKET, GCS_BLOB,
                          KOMBU_CONNECTION, GENAI_CLIENT, GENAI_CHAT, GENERATIVE_MODEL, GENERATIVE_CHAT,
                          OPENAI_STREAM, ANTHROPIC_STREAM, CLERK_CLIENT, REDIS_PIPELINE, REDIS_PUBSUB,
                          BOTO3_SESSION, BOTO3_RESOURCE, REDIS_MODULE})


# --- async clients: methods whose result must be awaited -------------------------------------------
GRPC_AIO_CONTEXT = "grpc.aio servicer context"
ASYNC_REDIS_CLIENT = "redis.asyncio client"
ASYNC_HTTPX_CLIENT = "httpx async client"
AIOHTTP_SESSION = "aiohttp client session"
CHANNEL_LAYER = "Channels channel layer"
ASYNC_SLACK_CLIENT = "Slack AsyncWebClient"
SLACK_SOCKET_MODE_CLIENT = "Slack Socket Mode client (asyncio)"

#: Read in each library's source: grpc.aio's ``ServicerContext`` (its abstract async methods; the
#: metadata/code/details setters are sync), ``redis.asyncio.Redis`` (every command; the no-I/O
#: helpers of the sync client are sync there too), ``httpx.AsyncClient`` (``stream()`` is an async
#: context manager, not a coroutine), ``aiohttp.ClientSession`` (awaitable request context managers)
#: and Channels' layers (``BaseChannelLayer``: in-memory and Redis alike).
ASYNC_METHODS = {
    GRPC_AIO_CONTEXT: frozenset({"read", "write", "send_initial_metadata", "abort"}),
    ASYNC_REDIS_CLIENT: frozenset({WILDCARD}),
    ASYNC_HTTPX_CLIENT: frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "send",
                                   "aclose"}),
    AIOHTTP_SESSION: frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "ws_connect",
                                "close"}),
    CHANNEL_LAYER: frozenset({"send", "receive", "new_channel", "group_add", "group_discard", "group_send", "flush",
                              "close"}),
    # slack_sdk 3.48: every public method of AsyncWebClient is ``async def`` (358 of them; BASE_URL and logger are
    # attributes); the asyncio Socket Mode clients' connection methods are too.
    ASYNC_SLACK_CLIENT: frozenset({WILDCARD}),
    SLACK_SOCKET_MODE_CLIENT: frozenset({"connect", "disconnect", "close", "send_message", "send_socket_mode_response",
                                         "connect_to_new_endpoint", "is_connected"}),
}
NO_IO_METHODS[ASYNC_REDIS_CLIENT] = NO_IO_METHODS[REDIS_CLIENT] - {"close"}
#: Methods of async clients that are async generators (``async def`` with ``yield``): called, they give an
#: async iterator to consume with ``async for``; a plain ``for`` or ``await`` raises TypeError. Read in
#: redis 8.2 (``redis.commands.core.AsyncScanCommands``; ``scan_iter`` is an async generator since 4.2).
ASYNC_ITERATOR_METHODS = {
    ASYNC_REDIS_CLIENT: frozenset({"scan_iter", "sscan_iter", "hscan_iter", "zscan_iter"}),
}
CALL_RESULT_KINDS.update({
    **dict.fromkeys(("grpc.aio.ServicerContext", "grpc.aio._base_server.ServicerContext"), GRPC_AIO_CONTEXT),
    **dict.fromkeys(("redis.asyncio.Redis", "redis.asyncio.StrictRedis", "redis.asyncio.client.Redis",
                     "redis.asyncio.from_url", "redis.asyncio.Redis.from_url", "redis.asyncio.client.Redis.from_url"),
                    ASYNC_REDIS_CLIENT),
    "httpx.AsyncClient": ASYNC_HTTPX_CLIENT,
    **dict.fromkeys(("slack_sdk.web.async_client.AsyncWebClient", "slack_sdk.web.async_client.AsyncSlackClient"),
                    ASYNC_SLACK_CLIENT),
    **dict.fromkeys(("slack_sdk.socket_mode.aiohttp.SocketModeClient", "slack_sdk.socket_mode.websockets.SocketModeClient",
                     "slack_sdk.socket_mode.async_client.AsyncBaseSocketModeClient"), SLACK_SOCKET_MODE_CLIENT),
    **dict.fromkeys(("aiohttp.ClientSession", "aiohttp.client.ClientSession"), AIOHTTP_SESSION),
    **dict.fromkeys(("channels.layers.get_channel_layer", "channels.layers.InMemoryChannelLayer",
                     "channels_redis.core.RedisChannelLayer", "channels_redis.pubsub.RedisPubSubChannelLayer"),
                    CHANNEL_LAYER),
})
SELF_ENTERING_KINDS |= {ASYNC_REDIS_CLIENT, ASYNC_HTTPX_CLIENT, AIOHTTP_SESSION}
CLIENT_KINDS |= {ASYNC_REDIS_CLIENT, ASYNC_HTTPX_CLIENT, AIOHTTP_SESSION, CHANNEL_LAYER, ASYNC_SLACK_CLIENT,
                 SLACK_SOCKET_MODE_CLIENT}
#: ``client.web_client`` of a Socket Mode client: the AsyncWebClient it was given.
DERIVED_KINDS[(SLACK_SOCKET_MODE_CLIENT, "web_client")] = ASYNC_SLACK_CLIENT
NO_IO_METHODS[ASYNC_SLACK_CLIENT] = frozenset({"validate_slack_signature"})
#: Attributes a library base class sets on its instances: ``self.channel_layer`` of a Channels consumer.
_CONSUMERS = frozenset(f"channels.{module}.{name}" for module, names in {
    "consumer": ("AsyncConsumer", "SyncConsumer"),
    "generic.websocket": ("AsyncWebsocketConsumer", "AsyncJsonWebsocketConsumer", "WebsocketConsumer",
                          "JsonWebsocketConsumer"),
    "generic.http": ("AsyncHttpConsumer",),
}.items() for name in names)
#: ``self.scope`` of a Channels consumer: the connection's ASGI scope. Its ``"user"`` is the user that
#: ``AuthMiddlewareStack`` resolved before the consumer runs (a user instance: its fields are loaded, its
#: permission checks and relations query).
CONSUMER_SCOPE = "Channels consumer scope"
INHERITED_ATTRIBUTE_KINDS = {"channel_layer": (_CONSUMERS, CHANNEL_LAYER), "scope": (_CONSUMERS, CONSUMER_SCOPE)}
CONSUMERS = _CONSUMERS
#: The coroutine methods (plain ``async def``) a project class inherits from Channels' async consumers, by
#: base class: called through ``self`` or ``super()`` without ``await`` they never run
#: (``async-call-not-awaited``). The sync consumers (``WebsocketConsumer``...) define the same names as
#: plain methods.
_ASYNC_CONSUMER = frozenset({"dispatch", "send"})
_ASYNC_WEBSOCKET_CONSUMER = _ASYNC_CONSUMER | {"websocket_connect", "connect", "accept", "websocket_receive",
                                               "receive", "close", "websocket_disconnect", "disconnect"}
INHERITED_COROUTINE_METHODS = {
    "channels.consumer.AsyncConsumer": _ASYNC_CONSUMER,
    "channels.generic.websocket.AsyncWebsocketConsumer": _ASYNC_WEBSOCKET_CONSUMER,
    "channels.generic.websocket.AsyncJsonWebsocketConsumer": _ASYNC_WEBSOCKET_CONSUMER | {
        "receive_json", "send_json", "decode_json", "encode_json"},
    "channels.generic.http.AsyncHttpConsumer": _ASYNC_CONSUMER | {
        "send_headers", "send_body", "send_response", "handle", "disconnect", "http_request", "http_disconnect"},
}
#: What a Channels consumer's own send methods put on the wire (by method: the first positional
#: parameter, then the keywords): values, serialised at once, never awaited (``async-call-not-awaited``).
CONSUMER_SENT_VALUES = {"send": ("text_data", "bytes_data"), "send_json": ("content",)}
#: Unannotated parameters of an ``async def`` known by the handler signature a library calls: by
#: (previous parameter, parameter), the kind and the library whose import (a module of the file
#: importing a package whose name contains it) makes the signature that library's. grpc.aio calls
#: every servicer method (and a generic handler) as ``(request, context)``; django-socio-grpc's
#: services and proxies keep that signature.
HANDLER_PARAMETER_KINDS = {("request", "context"): (GRPC_AIO_CONTEXT, "grpc")}

#: The release the runtime proofs of each library's rows ran under (docs/libraries.md, ``asynclint rules
#: --libraries``); older releases were read where a row says so.
VERSIONS = {"urllib3": "2.8.0", "boto3": "1.44.18", "redis": "8.2.0", "psycopg": "3.3.9", "elasticsearch": "9.5.1",
            "qdrant_client": "1.20.0 (read in its source; 1.6.0 and 1.6.1 compared for the async client)",
            "stripe": "16.1.0", "twilio": "9.13.0", "slack_sdk": "3.48.0", "sendgrid": "6.12.5",
            "google-cloud-storage": "3.17.2", "openai": "3.63.0",
            "google-genai": "read in its source (0.1.0 and the current release); fixtures only",
            "google-generativeai": "read in its source (0.3.0 and 0.8.6); fixtures only", "anthropic": "2.17.0", "psycopg2": "not installed (fixtures only)",
            "django": "5.2.19", "kombu": "5.7.0",
            "google-cloud-speech": "2.41.0 (read in its source; not installed: fixtures only)",
            "chromadb": "1.5.9 (read in its source; 0.5.0 and 0.5.1 compared for AsyncHttpClient; not installed: "
                        "fixtures only)",
            "clerk-backend-api": "7.0.0 (read in its source, 1.0.0, 5.0.0 and 5.0.1 compared for the async twins; "
                                 "not installed: fixtures only)"}


#: The interactive sign-in steps of Telegram user-client libraries, by the top-level package a module
#: imports them from: a coroutine that reads the operator's answer with ``input()`` and awaits one of
#: these with it is a console login (phone, code, 2FA password) that cannot go on without the human --
#: the library's own ``start()`` prompts with ``input()`` on its loop the same way (Telethon's
#: ``code_callback``/``password`` defaults).
SIGN_IN_STEPS = {
    "telethon": frozenset({"send_code_request", "sign_in", "sign_up"}),
    "pyrogram": frozenset({"send_code", "sign_in", "sign_up", "check_password", "recover_password"}),
}
