"""Django REST framework and adrf (its async views, serializers and generics).

DRF's serializers and generic views are sync: ``serializer.save()`` runs the model's ``create()``/
``update()``, ``is_valid()`` of a ``ModelSerializer`` runs related-field lookups and unique validators
(queries), ``.data`` of a serializer built with ``many=True`` over a QuerySet iterates it, and
``get_object()``/``paginate_queryset()`` query. In an ``async def`` handler (adrf's ``APIView``,
``GenericAPIView`` and viewsets dispatch to them on the event loop) each raises
``SynchronousOnlyOperation``. adrf's own classes add async twins; each row names the adrf release
that added it (read in adrf's source: ``adata``/``asave`` 0.1.2, ``aget_object``/``apaginate_queryset``
and the mixins' ``acreate``/``alist``/``aretrieve``/``aupdate``/``partial_aupdate``/``adestroy`` 0.1.7,
``afilter_queryset`` 0.1.12; 0.1.14 has no async ``is_valid``).

Possible findings: an authentication class's ``authenticate()`` called by hand (a view's
``authentication_classes`` run by an adapter), a DRF permission's ``has_permission()``/``has_object_permission()`` called by hand
(every built-in class but ``AllowAny`` reads ``request.user``, which authenticates a DRF request not
yet authenticated; the ``Django*Permissions`` query permissions), and django-filter's
``DjangoFilterBackend().filter_queryset()`` (its FilterSet's model choice filters query; silent over a
view of a known class with no FilterSet, or whose ``filterset_fields`` are plain fields of the model).

Not flagged, on purpose: ``.data`` of a single object (it queries only through related fields), a
view's ``filter_queryset()`` (only some filter backends query), ``check_permissions()``/
``check_object_permissions()`` (adrf and DRF run the permissions before the handler, so the user and
the permission cache are loaded by then; runtime checks found nothing that fails with the built-in
classes), ``is_valid()`` of a plain ``Serializer``, and of a ``ModelSerializer`` whose ``Meta.fields``
is not a literal list naming a relation or a ``unique=True`` field of its model, unless the
serializer's own class body declares a field that validates against a QuerySet (a writable related
field given ``queryset=``, a field whose ``validators`` hold a ``UniqueValidator``): its validation
runs ``queryset.get()``/``exists()`` (plain serializers too).
"""

from __future__ import annotations

from asynclint.django_api import AUTH, FILTERSET_MAY_QUERY, QUERY, RELATED_OR_UNIQUE_FIELDS, WRITE, SyncApi

# --- kinds ---------------------------------------------------------------------------------------
SERIALIZER = "DRF serializer"
MODEL_SERIALIZER = "DRF model serializer"
SERIALIZER_OVER_QUERYSET = "DRF serializer over a QuerySet (many=True)"
ADRF_SERIALIZER = "adrf serializer"
ADRF_MODEL_SERIALIZER = "adrf model serializer"
ADRF_SERIALIZER_OVER_QUERYSET = "adrf serializer over a QuerySet (many=True)"
GENERIC_VIEW = "DRF generic view"
PERMISSION = "DRF permission"
AUTHENTICATION = "DRF authentication"
FILTER_BACKEND = "django-filter DRF backend"
ADRF_GENERIC_VIEW = "adrf generic view"

_IN_THREAD = "await sync_to_async({func})(...)"
#: DRF's mixin handlers (``CreateModelMixin.create``...) and adrf's twins (read in adrf 0.1.7's mixins).
_HANDLERS = (("create", WRITE), ("update", WRITE), ("partial_update", WRITE), ("destroy", WRITE),
             ("list", QUERY), ("retrieve", QUERY))
_ADRF_HANDLERS = {"create": "acreate", "update": "aupdate", "partial_update": "partial_aupdate",
                  "destroy": "adestroy", "list": "alist", "retrieve": "aretrieve"}
_HANDLER_NOTE = "DRF's sync mixin handler runs the ORM (validation, save, the serializer's data)"


def _drf(receiver, name, effect, **extra):
    return SyncApi(receiver, name, effect, None, None, fix=None, library=extra.pop("library", "djangorestframework"),
                   replacement=extra.pop("replacement", _IN_THREAD), **extra)


def _adrf(receiver, name, effect, async_name, since, **extra):
    return SyncApi(receiver, name, effect, async_name, None, fix=None, library="adrf", library_since=since,
                   **extra)


SYNC_APIS: tuple[SyncApi, ...] = (
    # DRF: no async API; run the serializer or view method in a thread (or move to adrf).
    _drf(MODEL_SERIALIZER, "save", WRITE),
    _drf(MODEL_SERIALIZER, "is_valid", QUERY, note="its related fields and unique validators query",
         only_if=RELATED_OR_UNIQUE_FIELDS),
    _drf(SERIALIZER, "is_valid", QUERY, note="its related fields and unique validators query",
         only_if=RELATED_OR_UNIQUE_FIELDS),
    _drf(SERIALIZER_OVER_QUERYSET, "data", QUERY, attribute=True,
         replacement="await sync_to_async(lambda: {func})()", note="it iterates the QuerySet"),
    _drf(GENERIC_VIEW, "get_object", QUERY),
    _drf(GENERIC_VIEW, "paginate_queryset", QUERY, note="the paginator counts and slices the QuerySet"),
    # The generic views' sync handlers (DRF's mixins), called from async code (``return super().create(...)``
    # in an adrf viewset's ``async def create``): they validate, save and serialize with the ORM.
    *(_drf(GENERIC_VIEW, name, effect, note=_HANDLER_NOTE) for name, effect in _HANDLERS),
    # adrf: async twins on adrf's own classes.
    _adrf(ADRF_MODEL_SERIALIZER, "save", WRITE, "asave", "0.1.2"),
    _drf(ADRF_MODEL_SERIALIZER, "is_valid", QUERY, only_if=RELATED_OR_UNIQUE_FIELDS,
         note="its related fields and unique validators query; adrf has no async is_valid()"),
    _drf(ADRF_SERIALIZER, "is_valid", QUERY, only_if=RELATED_OR_UNIQUE_FIELDS,
         note="its related fields and unique validators query; adrf has no async is_valid()"),
    _adrf(ADRF_SERIALIZER_OVER_QUERYSET, "data", QUERY, None, "0.1.2", attribute=True,
          replacement="await {receiver}.adata", note="it iterates the QuerySet"),
    _adrf(ADRF_GENERIC_VIEW, "get_object", QUERY, "aget_object", "0.1.7"),
    _adrf(ADRF_GENERIC_VIEW, "paginate_queryset", QUERY, "apaginate_queryset", "0.1.7"),
    # adrf's mixins (0.1.7) keep DRF's sync handlers and add async twins.
    *(_adrf(ADRF_GENERIC_VIEW, name, effect, _ADRF_HANDLERS[name], "0.1.7", note=_HANDLER_NOTE)
      for name, effect in _HANDLERS),
    # A permission called by hand (an adapter that checks a DRF permission from async code): every
    # built-in class but AllowAny reads request.user, which authenticates a DRF Request that has not
    # been yet (SessionAuthentication loads the session and the user; token classes query), and the
    # Django*Permissions check user.has_perms(). Possible: a request authenticated earlier has its
    # user cached. Project subclasses are project code, followed by missing-sync-to-async instead.
    *(_drf(PERMISSION, name, AUTH, possible=True,
           note="it reads request.user (authenticating a DRF request that is not yet) and may query permissions")
      for name in ("has_permission", "has_object_permission")),
    # An authentication class run by hand (a view's ``authentication_classes`` iterated by an adapter):
    # SessionAuthentication resolves request.user (the session and the user are loaded), Basic checks
    # the password against the user table, Token looks the token up, RemoteUser authenticates through
    # the backends. Possible: no credentials in the request means no query.
    _drf(AUTHENTICATION, "authenticate", AUTH, possible=True,
         note="it loads the session and the user, or looks the credentials up in the database"),
    # The credentials check itself, called by hand (a Channels middleware checking a token sent in the
    # websocket's subprotocols): Token looks the token and its user up, Basic runs Django's authenticate().
    _drf(AUTHENTICATION, "authenticate_credentials", AUTH,
         note="it looks the token or the user up in the database"),
    # django-filter's backend validates the FilterSet's form: its model choice filters query. Possible:
    # a FilterSet without such filters does not.
    _drf(FILTER_BACKEND, "filter_queryset", QUERY, possible=True, library="django-filter",
         note="the FilterSet's form validation queries through its model choice filters",
         only_if=FILTERSET_MAY_QUERY),
)

_DRF = "rest_framework"
#: Serializer fields that validate input against the QuerySet they are given (``queryset=``): a related
#: field looks the value up (``PrimaryKeyRelatedField``: ``queryset.get(pk=...)``; ``SlugRelatedField``:
#: ``get(slug=...)``; ``HyperlinkedRelatedField``: ``get()`` after resolving the URL). Read-only related
#: fields take no QuerySet (``StringRelatedField``, ``HyperlinkedIdentityField``).
QUERYSET_VALIDATING_FIELDS = frozenset({
    f"{_DRF}.{module}.{name}" for module in ("relations", "serializers")
    for name in ("RelatedField", "PrimaryKeyRelatedField", "SlugRelatedField", "HyperlinkedRelatedField")
})
#: Related fields whose validated value is the model instance their QuerySet looked up (``to_internal_value``
#: returns ``queryset.get(...)``): ``serializer.validated_data["author"]`` is an Author of that query.
INSTANCE_VALUED_FIELDS = frozenset({
    f"{_DRF}.{module}.{name}" for module in ("relations", "serializers")
    for name in ("PrimaryKeyRelatedField", "SlugRelatedField", "HyperlinkedRelatedField")
})
#: The serializer attribute holding the validated values, by field name (after ``is_valid()``).
VALIDATED_DATA = "validated_data"
#: The kinds of serializers that build ``validated_data`` from their declared fields.
VALIDATING_SERIALIZERS = frozenset({SERIALIZER, MODEL_SERIALIZER, ADRF_SERIALIZER, ADRF_MODEL_SERIALIZER})
#: Validators that query the QuerySet they are given (``UniqueValidator``: ``queryset.filter(...).exists()``).
QUERYSET_VALIDATORS = frozenset({f"{_DRF}.validators.UniqueValidator"})
_GENERIC_VIEWS = ("GenericAPIView", "CreateAPIView", "ListAPIView", "RetrieveAPIView", "DestroyAPIView",
                  "UpdateAPIView", "ListCreateAPIView", "RetrieveUpdateAPIView", "RetrieveDestroyAPIView",
                  "RetrieveUpdateDestroyAPIView")
_GENERIC_VIEWSETS = ("GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet")
CALL_RESULT_KINDS = {
    **dict.fromkeys((f"{_DRF}.serializers.{name}" for name in ("Serializer", "BaseSerializer", "ListSerializer")),
                    SERIALIZER),
    **dict.fromkeys((f"{_DRF}.serializers.{name}" for name in ("ModelSerializer", "HyperlinkedModelSerializer")),
                    MODEL_SERIALIZER),
    **dict.fromkeys((f"adrf.serializers.{name}" for name in ("Serializer", "BaseSerializer", "ListSerializer")),
                    ADRF_SERIALIZER),
    "adrf.serializers.ModelSerializer": ADRF_MODEL_SERIALIZER,
    **dict.fromkeys((f"{_DRF}.generics.{name}" for name in _GENERIC_VIEWS), GENERIC_VIEW),
    **dict.fromkeys((f"{_DRF}.viewsets.{name}" for name in _GENERIC_VIEWSETS), GENERIC_VIEW),
    **dict.fromkeys((f"adrf.generics.{name}" for name in _GENERIC_VIEWS), ADRF_GENERIC_VIEW),
    **dict.fromkeys((f"adrf.viewsets.{name}" for name in _GENERIC_VIEWSETS), ADRF_GENERIC_VIEW),
    **dict.fromkeys((f"{_DRF}.permissions.{name}" for name in (
        "BasePermission", "IsAuthenticated", "IsAdminUser", "IsAuthenticatedOrReadOnly", "DjangoModelPermissions",
        "DjangoModelPermissionsOrAnonReadOnly", "DjangoObjectPermissions")), PERMISSION),
    **dict.fromkeys((f"{_DRF}.authentication.{name}" for name in (
        "BaseAuthentication", "SessionAuthentication", "BasicAuthentication", "TokenAuthentication",
        "RemoteUserAuthentication")), AUTHENTICATION),
    **dict.fromkeys(("django_filters.rest_framework.DjangoFilterBackend",
                     "django_filters.rest_framework.backends.DjangoFilterBackend"), FILTER_BACKEND),
}
#: View classes whose dispatch authenticates the request before it calls a handler: DRF's
#: ``APIView.initial()`` runs ``perform_authentication()``, which reads ``request.user`` (adrf's async
#: dispatch runs ``initial`` through ``sync_to_async``), so in a handler ``request.user`` is the DRF
#: Request's cached user: reading it again queries nothing (tests/runtime/test_drf_authenticated.py).
AUTHENTICATING_VIEWS = frozenset({
    f"{package}.views.APIView" for package in (_DRF, "adrf")} | {
    f"{package}.generics.{name}" for package in (_DRF, "adrf") for name in _GENERIC_VIEWS} | {
    f"{package}.viewsets.{name}" for package in (_DRF, "adrf") for name in ("ViewSet", *_GENERIC_VIEWSETS)})
#: What only a DRF (or adrf) view's handler can be or return: a viewset action (``@action`` routes only
#: in a ViewSet) and a DRF ``Response`` (rendered by the view's ``finalize_response()``; a plain Django
#: view returning one fails with ``.accepted_renderer not set on Response``). A handler showing either
#: in a class whose base comes from a package asynclint cannot read (not installed, not the project)
#: is a DRF view's handler all the same (tests/runtime/test_drf_authenticated.py).
DRF_HANDLER_DECORATORS = frozenset({f"{_DRF}.decorators.action"})
DRF_RESPONSES = frozenset({f"{_DRF}.response.Response"})
#: The Request classes of those views: only a view's ``initialize_request()`` builds one, and its dispatch
#: runs ``initial()`` (``perform_authentication()`` reads ``request.user``) before any handler, so a
#: coroutine that receives a parameter annotated with one (a helper the handler awaits with its
#: request) reads the cached user: nothing is queried (tests/fixtures/sync-auth-call-in-async/
#: good_drf_request_handed_to_helper.py, run under SQLite by the calls harness).
AUTHENTICATED_REQUESTS = frozenset({f"{_DRF}.request.Request", "adrf.requests.AsyncRequest"})
#: Permission and throttle hooks a DRF (or adrf) view calls with its Request only after ``initial()`` ran
#: ``perform_authentication()`` (which reads ``request.user``): ``check_permissions()`` and
#: ``check_throttles()`` follow it in ``initial()``, ``check_object_permissions()`` runs from
#: ``get_object()`` in the handler (read in DRF 3.16 ``views.py`` and adrf 0.1.12 ``views.py``, whose
#: ``async_dispatch`` runs ``initial`` in ``sync_to_async`` and awaits async hooks through ``async_to_sync``).
#: In those methods of a project subclass the request parameter's user is cached: reading it queries
#: nothing (tests/fixtures/sync-auth-call-in-async/good_drf_permission_hooks_read_user.py).
AUTHENTICATED_HOOKS = {
    **dict.fromkeys((f"{_DRF}.permissions.{name}" for name in (
        "BasePermission", "AllowAny", "IsAuthenticated", "IsAdminUser", "IsAuthenticatedOrReadOnly",
        "DjangoModelPermissions", "DjangoModelPermissionsOrAnonReadOnly", "DjangoObjectPermissions")),
        frozenset({"has_permission", "has_object_permission"})),
    **dict.fromkeys((f"{_DRF}.throttling.{name}" for name in (
        "BaseThrottle", "SimpleRateThrottle", "AnonRateThrottle", "UserRateThrottle", "ScopedRateThrottle")),
        frozenset({"allow_request"})),
}
#: Decorators that turn a function into such a view (``@api_view(["GET"])``).
AUTHENTICATING_VIEW_DECORATORS = frozenset({f"{_DRF}.decorators.api_view", "adrf.decorators.api_view"})
#: The methods of those views that run before the authentication (or are it): there the request's
#: user is not resolved yet.
UNAUTHENTICATED_VIEW_METHODS = frozenset({
    "__init__", "setup", "as_view", "dispatch", "sync_dispatch", "async_dispatch", "initialize_request",
    "initial", "perform_authentication", "get_authenticators", "get_parser_context", "get_exception_handler"})
SUBCLASS_KINDS = frozenset({SERIALIZER, MODEL_SERIALIZER, ADRF_SERIALIZER, ADRF_MODEL_SERIALIZER, GENERIC_VIEW,
                            ADRF_GENERIC_VIEW})
#: ``BookSerializer(Book.objects.all(), many=True)``: a list serializer that iterates the QuerySet.
MANY_KINDS = {
    SERIALIZER: SERIALIZER_OVER_QUERYSET, MODEL_SERIALIZER: SERIALIZER_OVER_QUERYSET,
    ADRF_SERIALIZER: ADRF_SERIALIZER_OVER_QUERYSET, ADRF_MODEL_SERIALIZER: ADRF_SERIALIZER_OVER_QUERYSET,
}

#: The release the runtime proofs of each library's rows ran under (docs/libraries.md, ``asynclint rules
#: --libraries``); older releases were read where a row says so.
VERSIONS = {"djangorestframework": "3.18.3", "adrf": "0.1.14", "django-filter": "26.2"}
