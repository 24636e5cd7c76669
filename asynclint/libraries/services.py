"""A document store, an object store and a push/identity SDK: pymongo, minio and firebase-admin; Google's
discovery-based API client, BigQuery and Firestore.

The next three hosted-service clients by download rank after ``clients`` (docs/libraries.md, "How the
SDK clients of hosted services were chosen"). Every call here is a round trip to the service in the
calling thread: on the event loop nothing raises, the loop stands still until the server answers. Rows
are ``blocking I/O`` (``blocking-call-in-async``) and name the async alternative with the release that
added it, read in each library's source (pymongo 4.20.1, minio 7.2.20, miniopy-async 1.23.6,
firebase-admin 6.5.0 to 7.7.0).
"""

from __future__ import annotations

from asynclint.django_api import FUNCTION, WILDCARD, SyncApi
from asynclint.libraries.clients import blocking_row as _row

# --- kinds ---------------------------------------------------------------------------------------
MONGO_CLIENT = "sync pymongo client"
MONGO_DATABASE = "sync pymongo database"
MONGO_COLLECTION = "sync pymongo collection"
MINIO_CLIENT = "sync MinIO client"
GOOGLE_API_RESOURCE = "Google API client resource"
GOOGLE_MEDIA_DOWNLOAD = "Google API client media download"
BIGQUERY_CLIENT = "sync BigQuery client"
BIGQUERY_JOB = "BigQuery job"
FIRESTORE_CLIENT = "sync Firestore client"
FIRESTORE_COLLECTION = "sync Firestore collection"
FIRESTORE_DOCUMENT = "sync Firestore document"
FIRESTORE_QUERY = "sync Firestore query"
FIRESTORE_BATCH = "sync Firestore write batch"


#: pymongo's async API: ``AsyncMongoClient`` (``from pymongo import AsyncMongoClient``) arrived in 4.9 as a
#: beta and is the supported one since 4.13; Motor, the older async driver, is deprecated since May 2025.
_ASYNC_MONGO = "await {func}(...) on a pymongo.AsyncMongoClient (supported since 4.13; Motor's AsyncIOMotorClient before)"
_ASYNC_MONGO_SINCE = "4.9.0"
#: pymongo 4.20 (``pymongo/synchronous``): the methods that send a command. ``get_database()``,
#: ``get_collection()``, ``with_options()``, ``start_session()`` and ``close()`` send none.
_MONGO_METHODS = {
    MONGO_CLIENT: ("list_database_names", "list_databases", "server_info", "drop_database", "bulk_write", "watch"),
    MONGO_DATABASE: ("command", "cursor_command", "create_collection", "drop_collection", "list_collection_names",
                     "list_collections", "validate_collection", "aggregate", "dereference", "watch"),
    MONGO_COLLECTION: ("find_one", "insert_one", "insert_many", "update_one", "update_many", "replace_one",
                       "delete_one", "delete_many", "bulk_write", "count_documents", "estimated_document_count",
                       "distinct", "aggregate", "aggregate_raw_batches", "find_one_and_update",
                       "find_one_and_replace", "find_one_and_delete", "create_index", "create_indexes",
                       "drop_index", "drop_indexes", "list_indexes", "index_information", "options", "drop",
                       "rename", "watch", "create_search_index", "create_search_indexes", "drop_search_index",
                       "list_search_indexes", "update_search_index"),
}
#: ``find()`` builds a cursor and sends nothing; the query goes out when the cursor is iterated, which is
#: what code does with it (``list(coll.find())``, ``for doc in coll.find()``).
_MONGO_CURSOR_METHODS = ("find", "find_raw_batches")

#: firebase-admin: the Cloud Messaging and Authentication calls of a server, each an HTTPS request (the
#: first one also fetches an OAuth token). ``send_each_async()``/``send_each_for_multicast_async()`` arrived
#: in 6.9.0, ``subscribe_to_topic_async()``/``unsubscribe_from_topic_async()`` in 7.7.0; the Authentication
#: API has no async form.
_FIREBASE_MESSAGING = {
    "send": ("await firebase_admin.messaging.send_each_async([message])", "6.9.0"),
    "send_each": ("await firebase_admin.messaging.send_each_async(...)", "6.9.0"),
    "send_each_for_multicast": ("await firebase_admin.messaging.send_each_for_multicast_async(...)", "6.9.0"),
    "send_all": ("await firebase_admin.messaging.send_each_async(...)", "6.9.0"),
    "send_multicast": ("await firebase_admin.messaging.send_each_for_multicast_async(...)", "6.9.0"),
    "subscribe_to_topic": ("await firebase_admin.messaging.subscribe_to_topic_async(...)", "7.7.0"),
    "unsubscribe_from_topic": ("await firebase_admin.messaging.unsubscribe_from_topic_async(...)", "7.7.0"),
}
_FIREBASE_AUTH = ("get_user", "get_user_by_email", "get_user_by_phone_number", "get_users", "list_users",
                  "create_user", "update_user", "delete_user", "delete_users", "import_users",
                  "set_custom_user_claims", "revoke_refresh_tokens", "create_session_cookie",
                  "generate_password_reset_link", "generate_email_verification_link",
                  "generate_sign_in_with_email_link")
#: ``verify_id_token()``/``verify_session_cookie()`` check the signature against Google's public keys, which
#: they fetch over HTTPS when their cached copy has expired (and ask the server again with
#: ``check_revoked=True``): a request on some calls only.
_FIREBASE_VERIFY = ("verify_id_token", "verify_session_cookie")

#: google-api-python-client 2.202 (``googleapiclient/http.py``): ``build()`` reads the discovery document
#: bundled with the package (``static_discovery`` defaults to True) and every resource method
#: (``service.files().list(...)``) only builds an ``HttpRequest``; ``execute()`` (of a request or a
#: ``BatchHttpRequest``) and ``next_chunk()`` (a resumable upload's, a ``MediaIoBaseDownload``'s) send it over
#: httplib2 in the calling thread. There is no async form (aiogoogle is a separate project).
_GOOGLE_API_NOTE = "google-api-python-client has no async API"
#: google-cloud-bigquery 3.47 (``google/cloud/bigquery/client.py``, ``job/``): the client methods that call
#: the REST API (``dataset()``, ``close()``, the properties and ``schema_*_json()`` make none); ``list_*()``
#: return iterators whose pages are fetched as they are iterated. A job's ``result()`` polls until the job
#: ends; ``done()`` reloads it. No async client.
_BIGQUERY_METHODS = {
    BIGQUERY_CLIENT: ("get_service_account_email", "create_dataset", "create_routine", "create_table", "get_dataset",
                      "get_iam_policy", "set_iam_policy", "test_iam_permissions", "get_model", "get_routine",
                      "get_table", "update_dataset", "update_model", "update_routine", "update_table",
                      "delete_dataset", "delete_model", "delete_job_metadata", "delete_routine", "delete_table",
                      "create_job", "get_job", "cancel_job", "load_table_from_uri", "load_table_from_file",
                      "load_table_from_dataframe", "load_table_from_json", "copy_table", "extract_table", "query",
                      "query_and_wait", "insert_rows", "insert_rows_from_dataframe", "insert_rows_json",
                      "list_partitions", "list_projects", "list_datasets", "list_models", "list_routines",
                      "list_tables", "list_jobs", "list_rows"),
    BIGQUERY_JOB: ("result", "reload", "cancel", "exists", "done", "to_dataframe", "to_arrow", "to_geodataframe"),
}
_BIGQUERY_NOTE = "google-cloud-bigquery has no async API"
#: google-cloud-firestore 2.34 (``google/cloud/firestore_v1``): the sync client's RPCs. ``collection()``,
#: ``document()``, ``batch()`` and the query builders (``where()``, ``order_by()``, ``limit()``, ``count()``...)
#: send nothing; ``stream()`` returns a generator whose iteration runs the query. ``AsyncClient`` (2.0.0) has the
#: same references with coroutines; firebase-admin's ``firestore.client()`` is the sync client,
#: ``firestore_async.client()`` (5.3.0) the async one.
_FIRESTORE_METHODS = {
    FIRESTORE_CLIENT: ("get_all", "collections", "recursive_delete"),
    FIRESTORE_DOCUMENT: ("create", "set", "update", "delete", "get", "collections"),
    FIRESTORE_COLLECTION: ("add", "list_documents", "get", "stream"),
    FIRESTORE_QUERY: ("get", "stream", "get_partitions"),
    FIRESTORE_BATCH: ("commit",),
}
_ASYNC_FIRESTORE = "await {func}(...) on a google.cloud.firestore.AsyncClient (firebase_admin.firestore_async.client())"

SYNC_APIS: tuple[SyncApi, ...] = (
    *(_row(kind, name, "pymongo", _ASYNC_MONGO, since=_ASYNC_MONGO_SINCE) for kind, names in _MONGO_METHODS.items()
      for name in names),
    *(_row(MONGO_COLLECTION, name, "pymongo", "async for ... in {func}(...) (or 'await {func}(...).to_list()') on a "
           "pymongo.AsyncMongoClient (supported since 4.13; Motor's AsyncIOMotorClient before)",
           since=_ASYNC_MONGO_SINCE, note="the query is sent when the cursor is iterated") for name in _MONGO_CURSOR_METHODS),
    # minio: every client method is an S3 request; miniopy-async (a separate package) has them as coroutines.
    _row(MINIO_CLIENT, WILDCARD, "minio", "await {func}(...) on a miniopy_async.Minio client (the miniopy-async "
         "package)"),
    *(_row(kind, name, "google-api-python-client", "await sync_to_async({func})(...)", note=_GOOGLE_API_NOTE)
      for kind, name in ((GOOGLE_API_RESOURCE, "execute"), (GOOGLE_API_RESOURCE, "next_chunk"),
                         (GOOGLE_MEDIA_DOWNLOAD, "next_chunk"))),
    *(_row(kind, name, "google-cloud-bigquery", "await sync_to_async({func})(...)",
           note=f"{_BIGQUERY_NOTE}; the pages are fetched as the iterator is consumed" if name.startswith("list_")
           else "it polls until the job ends" if name == "result" else _BIGQUERY_NOTE)
      for kind, names in _BIGQUERY_METHODS.items() for name in names),
    *(_row(kind, name, "google-cloud-firestore", _ASYNC_FIRESTORE, since="2.0.0")
      for kind, names in _FIRESTORE_METHODS.items() for name in names if name != "stream"),
    *(_row(kind, "stream", "google-cloud-firestore", "async for ... in {func}(...) on a google.cloud.firestore.AsyncClient "
           "(firebase_admin.firestore_async.client())", since="2.0.0", note="the query runs as the generator is iterated")
      for kind in (FIRESTORE_COLLECTION, FIRESTORE_QUERY)),
    *(_row(FUNCTION, f"firebase_admin.messaging.{name}", "firebase-admin", replacement, since=since)
      for name, (replacement, since) in _FIREBASE_MESSAGING.items()),
    *(_row(FUNCTION, f"firebase_admin.auth.{name}", "firebase-admin", "await sync_to_async({func})(...)",
           note="firebase-admin's Authentication API has no async form") for name in _FIREBASE_AUTH),
    *(_row(FUNCTION, f"firebase_admin.auth.{name}", "firebase-admin", "await sync_to_async({func})(...)",
           note="it fetches Google's public keys when its cached copy has expired, and asks the server with "
           "check_revoked=True", possible=True) for name in _FIREBASE_VERIFY),
)

CALL_RESULT_KINDS = {
    **dict.fromkeys(("pymongo.MongoClient", "pymongo.mongo_client.MongoClient",
                     "pymongo.synchronous.mongo_client.MongoClient"), MONGO_CLIENT),
    # the classes themselves, for annotations (``coll: Collection``) and direct construction
    **dict.fromkeys(("pymongo.database.Database", "pymongo.synchronous.database.Database"), MONGO_DATABASE),
    **dict.fromkeys(("pymongo.collection.Collection", "pymongo.synchronous.collection.Collection"), MONGO_COLLECTION),
    **dict.fromkeys(("minio.Minio", "minio.api.Minio"), MINIO_CLIENT),
    # ``apiclient`` is the package's old name, still shipped as an alias of ``googleapiclient``.
    **dict.fromkeys(("googleapiclient.discovery.build", "googleapiclient.discovery.build_from_document",
                     "apiclient.discovery.build", "apiclient.discovery.build_from_document",
                     "googleapiclient.http.HttpRequest", "googleapiclient.http.BatchHttpRequest"), GOOGLE_API_RESOURCE),
    **dict.fromkeys(("googleapiclient.http.MediaIoBaseDownload", "apiclient.http.MediaIoBaseDownload"),
                    GOOGLE_MEDIA_DOWNLOAD),
    **dict.fromkeys(("google.cloud.bigquery.Client", "google.cloud.bigquery.client.Client"), BIGQUERY_CLIENT),
    **dict.fromkeys(("google.cloud.bigquery.QueryJob", "google.cloud.bigquery.job.QueryJob",
                     "google.cloud.bigquery.LoadJob", "google.cloud.bigquery.job.LoadJob"), BIGQUERY_JOB),
    **dict.fromkeys(("google.cloud.firestore.Client", "google.cloud.firestore_v1.Client",
                     "google.cloud.firestore_v1.client.Client", "firebase_admin.firestore.client"), FIRESTORE_CLIENT),
}
#: ``client.shop``, ``db.orders``: any attribute of a client is a database, of a database a collection
#: (and of a collection its sub-collection, ``db.logs.errors``).
ATTRIBUTE_KINDS = {MONGO_CLIENT: MONGO_DATABASE, MONGO_DATABASE: MONGO_COLLECTION, MONGO_COLLECTION: MONGO_COLLECTION}
#: ``client["shop"]["orders"]`` (``"[]"``: a subscript) and the getters, which send nothing.
DERIVED_KINDS = {
    (MONGO_CLIENT, "[]"): MONGO_DATABASE,
    (MONGO_DATABASE, "[]"): MONGO_COLLECTION,
    (MONGO_CLIENT, "get_database()"): MONGO_DATABASE,
    (MONGO_CLIENT, "get_default_database()"): MONGO_DATABASE,
    (MONGO_DATABASE, "get_collection()"): MONGO_COLLECTION,
    (MONGO_DATABASE, "with_options()"): MONGO_DATABASE,
    (MONGO_COLLECTION, "with_options()"): MONGO_COLLECTION,
    # ``service.files().list(...)``: a resource's methods give resources and requests (``"*()"``: any method
    # without a row), ``execute()`` sends the request.
    (GOOGLE_API_RESOURCE, "*()"): GOOGLE_API_RESOURCE,
    **{(BIGQUERY_CLIENT, f"{name}()"): BIGQUERY_JOB for name in ("query", "load_table_from_uri", "load_table_from_file",
                                                                 "load_table_from_dataframe", "load_table_from_json",
                                                                 "copy_table", "extract_table", "get_job",
                                                                 "create_job")},
    (FIRESTORE_CLIENT, "collection()"): FIRESTORE_COLLECTION,
    (FIRESTORE_CLIENT, "document()"): FIRESTORE_DOCUMENT,
    (FIRESTORE_CLIENT, "collection_group()"): FIRESTORE_QUERY,
    (FIRESTORE_CLIENT, "batch()"): FIRESTORE_BATCH,
    (FIRESTORE_COLLECTION, "document()"): FIRESTORE_DOCUMENT,
    (FIRESTORE_DOCUMENT, "collection()"): FIRESTORE_COLLECTION,
    (FIRESTORE_COLLECTION, "*()"): FIRESTORE_QUERY,  # where(), order_by(), limit(), count()...
    (FIRESTORE_QUERY, "*()"): FIRESTORE_QUERY,
}
#: minio 7.2.20: what builds a request or changes the client without sending one. ``presigned_*`` and
#: ``get_presigned_url()`` sign locally, but ask the server for the bucket's region the first time a
#: client without ``region=`` signs for a bucket: not reported (a request on one call in many).
NO_IO_METHODS = {
    MINIO_CLIENT: frozenset({"presigned_get_object", "presigned_put_object", "presigned_post_policy",
                             "get_presigned_url", "set_app_info", "trace_on", "trace_off",
                             "enable_accelerate_endpoint", "disable_accelerate_endpoint", "enable_dualstack_endpoint",
                             "disable_dualstack_endpoint", "enable_virtual_style_endpoint",
                             "disable_virtual_style_endpoint"}),
}
SELF_ENTERING_KINDS = frozenset({MONGO_CLIENT})
CLIENT_KINDS = frozenset({MONGO_CLIENT, MONGO_DATABASE, MONGO_COLLECTION, MINIO_CLIENT, GOOGLE_API_RESOURCE,
                          BIGQUERY_CLIENT, FIRESTORE_CLIENT, FIRESTORE_COLLECTION, FIRESTORE_DOCUMENT})

VERSIONS = {"pymongo": "4.20.1", "minio": "7.2.20 (miniopy-async 1.23.6 for the async form)",
            "firebase-admin": "7.7.0 (6.5.0 to 7.6.0 read for the async forms; 5.2.0 and 5.3.0 for firestore_async)",
            "google-api-python-client": "2.202.0", "google-cloud-bigquery": "3.47.0",
            "google-cloud-firestore": "2.34.1 (read in its source; AsyncClient since 2.0.0, its changelog)"}
