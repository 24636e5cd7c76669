"""A document store, an object store and a push/identity SDK: pymongo, minio and firebase-admin.

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

SYNC_APIS: tuple[SyncApi, ...] = (
    *(_row(kind, name, "pymongo", _ASYNC_MONGO, since=_ASYNC_MONGO_SINCE) for kind, names in _MONGO_METHODS.items()
      for name in names),
    *(_row(MONGO_COLLECTION, name, "pymongo", "async for ... in {func}(...) (or 'await {func}(...).to_list()') on a "
           "pymongo.AsyncMongoClient (supported since 4.13; Motor's AsyncIOMotorClient before)",
           since=_ASYNC_MONGO_SINCE, note="the query is sent when the cursor is iterated") for name in _MONGO_CURSOR_METHODS),
    # minio: every client method is an S3 request; miniopy-async (a separate package) has them as coroutines.
    _row(MINIO_CLIENT, WILDCARD, "minio", "await {func}(...) on a miniopy_async.Minio client (the miniopy-async "
         "package)"),
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
CLIENT_KINDS = frozenset({MONGO_CLIENT, MONGO_DATABASE, MONGO_COLLECTION, MINIO_CLIENT})

VERSIONS = {"pymongo": "4.20.1", "minio": "7.2.20 (miniopy-async 1.23.6 for the async form)",
            "firebase-admin": "7.7.0 (6.5.0 to 7.6.0 read for the async forms)"}
