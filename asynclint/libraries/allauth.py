"""django-allauth's social-login provider adapters: properties and methods that query and fetch.

How they were chosen (the criterion, also in docs/libraries.md): the members of allauth's OAuth2 and
OpenID Connect adapters (``allauth.socialaccount.providers.oauth2.views.OAuth2Adapter``,
``openid_connect.views.OpenIDConnectOAuth2Adapter``) that a project's own code reads or calls (an
async settings or login endpoint listing the providers' URLs, a token exchange in an API), and that do
I/O in the calling thread on every fresh adapter: ``get_provider()`` looks the provider's ``SocialApp``
up (``DefaultSocialAccountAdapter.list_apps()`` always iterates ``SocialApp.objects``, also when the
app is configured in settings), and the OpenID Connect adapter's ``openid_config`` (and
``authorize_url``, ``access_token_url``, ``profile_url``, ``basic_auth``, which read it) calls
``get_provider()`` and then fetches the provider's discovery document through allauth's requests
session (cached on the adapter object afterwards); ``complete_login()`` of that adapter fetches the
userinfo endpoint and ``get_client()`` reads the token endpoint from it; ``get_access_token_data()``
of both posts to the token endpoint (a network request, no query). Read in django-allauth
65.22.1 (``OpenIDConnectAdapter`` is the same class's name before 0.55). Under ASGI the ``SocialApp``
query comes first and raises ``SynchronousOnlyOperation``, so the rows are queries; their note says
the network request follows. Left out: the class attributes most providers set as plain strings
(``GoogleOAuth2Adapter.authorize_url``: no I/O), allauth's views (Django runs them), and the
provider classes' own methods (called by allauth's views, not by project code).
"""

from __future__ import annotations

from asynclint.django_api import BLOCKING_IO, QUERY, SyncApi

OAUTH2_ADAPTER = "django-allauth OAuth2 adapter"
OIDC_ADAPTER = "django-allauth OpenID Connect adapter"

_NETWORK = "then fetches the provider's discovery document over HTTP (allauth's requests session)"


def _row(receiver, name, note, attribute=False, effect=QUERY):
    return SyncApi(receiver, name, effect, None, None, fix=None, attribute=attribute, library="django-allauth",
                   replacement="await sync_to_async(lambda: {func})()" if attribute
                   else "await sync_to_async({func})(...)", note=note)


_PROVIDER_NOTE = "it looks the provider's SocialApp up in the database"
SYNC_APIS: tuple[SyncApi, ...] = (
    *(_row(kind, "get_provider", _PROVIDER_NOTE) for kind in (OAUTH2_ADAPTER, OIDC_ADAPTER)),
    *(_row(kind, "get_access_token_data", "its OAuth2 client posts the code to the token endpoint",
           effect=BLOCKING_IO) for kind in (OAUTH2_ADAPTER, OIDC_ADAPTER)),
    *(_row(OIDC_ADAPTER, name, f"{_PROVIDER_NOTE}, {_NETWORK}", attribute=True)
      for name in ("openid_config", "authorize_url", "access_token_url", "profile_url", "basic_auth")),
    _row(OIDC_ADAPTER, "get_client", f"{_PROVIDER_NOTE}, {_NETWORK} (the token endpoint's URL)"),
    _row(OIDC_ADAPTER, "complete_login", f"{_PROVIDER_NOTE}, {_NETWORK}, and calls the userinfo endpoint"),
)

_PROVIDERS = "allauth.socialaccount.providers"
#: The adapters' classes (constructors, annotations; project subclasses are adapters too).
CALL_RESULT_KINDS = {
    **dict.fromkeys((f"{_PROVIDERS}.oauth2.views.OAuth2Adapter",), OAUTH2_ADAPTER),
    **dict.fromkeys((f"{_PROVIDERS}.openid_connect.views.OpenIDConnectOAuth2Adapter",
                     f"{_PROVIDERS}.openid_connect.views.OpenIDConnectAdapter",
                     f"{_PROVIDERS}.keycloak.views.KeycloakOAuth2Adapter"), OIDC_ADAPTER),
}
SUBCLASS_KINDS = frozenset({OAUTH2_ADAPTER, OIDC_ADAPTER})

VERSIONS = {"django-allauth": "65.22.1"}
