"""A real OpenID Connect provider for tests, built with Authlib's Flask authorization server.

It serves, on 127.0.0.1 and a free port, in a background thread (werkzeug ``make_server``):

* ``/.well-known/openid-configuration`` — the discovery document;
* ``/jwks`` — the public half of an RSA key generated per provider;
* ``/authorize`` — the OpenID Connect authorization-code grant; there is no login page:
  the configured :attr:`OIDCProvider.user` approves at once (``None`` denies consent,
  which sends ``error=access_denied`` back to the client);
* ``/token`` — code for tokens (``client_secret_basic`` or ``client_secret_post``), with
  an RS256 ``id_token`` carrying the user's claims for the granted scope;
* ``/userinfo`` — the same claims for a bearer access token.

Usage::

    with run_oidc_provider(client_id="portal", client_secret="s3cret",
                           redirect_uris=["http://127.0.0.1:8000/auth/oidc/callback"]) as op:
        op.user = ProviderUser(sub="u-1001", preferred_username="zhang.san", ...)
        ...  # point the client at op.issuer

Knobs for failure tests: :attr:`OIDCProvider.id_token_overrides` (claims forced into the
next id_tokens, e.g. another ``aud``), :attr:`OIDCProvider.signing_key` (sign them with
another key under the published key's ``kid``) and :attr:`OIDCProvider.token_endpoint_status`
(answer the token endpoint with that HTTP status instead). :attr:`OIDCProvider.requests`
records ``(method, path)`` of every request served.
"""

from __future__ import annotations

import contextlib
import hmac
import secrets
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import ClientMixin, TokenMixin, grants
from authlib.oauth2.rfc6749.util import scope_to_list
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oidc.core import UserInfo, UserInfoEndpoint
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.core.models import AuthorizationCodeMixin
from flask import Flask, jsonify, request
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server

SCOPES = ("openid", "profile", "email")


@dataclass
class ProviderUser:
    """The end user the provider signs in."""

    sub: str
    preferred_username: str | None = None
    email: str | None = None
    name: str | None = None
    email_verified: bool | None = True

    def claims(self, scope: str) -> UserInfo:
        info = UserInfo(
            sub=self.sub,
            name=self.name,
            preferred_username=self.preferred_username,
            email=self.email,
            email_verified=self.email_verified,
        )
        info = UserInfo({k: v for k, v in info.items() if v is not None})
        return info.filter(scope)


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str
    redirect_uris: list[str]
    client_metadata: dict[str, Any] = field(default_factory=dict)

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in scope_to_list(scope or "") if s in SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return hmac.compare_digest(client_secret.encode(), self.client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint == "token" and method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class AuthorizationCode(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: ProviderUser
    nonce: str | None
    auth_time: int

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time


@dataclass
class Token(TokenMixin):
    access_token: str
    scope: str
    client: Client
    user: ProviderUser
    expires_at: float

    def check_client(self, client: ClientMixin) -> bool:
        return client.get_client_id() == self.client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return int(self.expires_at - time.time())

    def is_expired(self) -> bool:
        return time.time() >= self.expires_at

    def is_revoked(self) -> bool:
        return False

    def get_user(self) -> ProviderUser:
        return self.user

    def get_client(self) -> Client:
        return self.client


class OIDCProvider:
    """State of one provider: its client, key, user, and what it has stored and served."""

    def __init__(self, *, client_id: str, client_secret: str, redirect_uris: Sequence[str]) -> None:
        self.client = Client(client_id, client_secret, list(redirect_uris))
        self.key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"}, auto_kid=True)
        self.issuer = ""  # set once the server is bound
        self.user: ProviderUser | None = None
        self.id_token_overrides: dict[str, Any] = {}
        self.signing_key: RSAKey | None = None  # sign id_tokens with this key instead (same kid)
        self.token_endpoint_status: int | None = None
        self.codes: dict[str, AuthorizationCode] = {}
        self.tokens: dict[str, Token] = {}
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def paths_served(self) -> list[str]:
        with self.lock:
            return [path for _, path in self.requests]

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": list(SCOPES),
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "claims_supported": [
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "auth_time",
                "nonce",
                "name",
                "preferred_username",
                "email",
                "email_verified",
            ],
        }


def _grant_classes(provider: OIDCProvider) -> tuple[type, OpenIDCode]:
    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

        def save_authorization_code(self, code: str, request: Any) -> None:
            item = AuthorizationCode(
                code=code,
                client_id=request.client.client_id,
                redirect_uri=request.payload.redirect_uri,
                scope=request.scope,
                user=request.user,
                nonce=request.payload.data.get("nonce"),
                auth_time=int(time.time()),
            )
            with provider.lock:
                provider.codes[code] = item

        def query_authorization_code(self, code: str, client: Client) -> AuthorizationCode | None:
            with provider.lock:
                item = provider.codes.get(code)
            return item if item is not None and item.client_id == client.client_id else None

        def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
            with provider.lock:
                provider.codes.pop(authorization_code.code, None)

        def authenticate_user(self, authorization_code: AuthorizationCode) -> ProviderUser:
            return authorization_code.user

    class Code(OpenIDCode):
        def exists_nonce(self, nonce: str, request: Any) -> bool:
            with provider.lock:
                return any(c.nonce == nonce for c in provider.codes.values())

        def resolve_client_private_key(self, client: Client) -> RSAKey:
            return provider.signing_key or provider.key

        def get_client_algorithm(self, client: Client) -> str:
            return "RS256"

        def get_encode_header(self, client: Client) -> dict[str, str]:
            return {"alg": "RS256", "kid": provider.key.kid, "typ": "JWT"}

        def get_client_claims(self, client: Client) -> dict[str, Any]:
            return {"iss": provider.issuer, "aud": [client.client_id]}

        def generate_user_info(self, user: ProviderUser, scope: str) -> UserInfo:
            info = user.claims(scope)
            info.update(provider.id_token_overrides)
            return info

    return CodeGrant, Code(require_nonce=True)


def create_provider_app(provider: OIDCProvider) -> Flask:
    """The Flask app of ``provider``: discovery, JWKS, authorize, token, userinfo."""
    app = Flask("oidc-test-provider")

    def save_token(token: dict[str, Any], req: Any) -> None:
        with provider.lock:
            provider.tokens[token["access_token"]] = Token(
                access_token=token["access_token"],
                scope=token.get("scope", ""),
                client=req.client,
                user=req.user,
                expires_at=time.time() + int(token.get("expires_in", 3600)),
            )

    server = AuthorizationServer(
        app,
        query_client=lambda cid: provider.client if cid == provider.client.client_id else None,
        save_token=save_token,
    )
    code_grant, openid_code = _grant_classes(provider)
    server.register_grant(code_grant, [openid_code])

    class TokenValidator(BearerTokenValidator):
        def authenticate_token(self, token_string: str) -> Token | None:
            with provider.lock:
                return provider.tokens.get(token_string)

    protector = ResourceProtector()
    protector.register_token_validator(TokenValidator())

    class UserInfoEndpoint_(UserInfoEndpoint):
        def get_issuer(self) -> str:
            return provider.issuer

        def generate_user_info(self, user: ProviderUser, scope: str) -> UserInfo:
            return user.claims(scope)

        def resolve_private_key(self) -> RSAKey:
            return provider.key

    server.register_endpoint(UserInfoEndpoint_(resource_protector=protector))

    @app.before_request
    def record() -> None:
        with provider.lock:
            provider.requests.append((request.method, request.path))

    @app.get("/.well-known/openid-configuration")
    def discovery():
        return jsonify(provider.metadata())

    @app.get("/jwks")
    def jwks():
        return jsonify(KeySet([provider.key]).as_dict(private=False))

    @app.get("/authorize")
    def authorize():
        user = provider.user
        try:
            grant = server.get_consent_grant(end_user=user)
        except OAuth2Error as error:
            return server.handle_error_response(None, error)
        return server.create_authorization_response(grant_user=user, grant=grant)

    @app.post("/token")
    def issue_token():
        if provider.token_endpoint_status is not None:
            return jsonify({"message": "provider unavailable"}), provider.token_endpoint_status
        return server.create_token_response()

    @app.route("/userinfo", methods=["GET", "POST"])
    def userinfo():
        return server.create_endpoint_response("userinfo")

    return app


@contextlib.contextmanager
def run_oidc_provider(
    *, client_id: str, client_secret: str, redirect_uris: Sequence[str] = (), host: str = "127.0.0.1"
) -> Iterator[OIDCProvider]:
    """Serve a provider on ``host`` and a free port in a thread; yield it; stop it on exit.

    ``redirect_uris`` may also be appended to ``provider.client.redirect_uris`` later (when
    the relying party's port is known only afterwards).
    """
    provider = OIDCProvider(client_id=client_id, client_secret=client_secret, redirect_uris=redirect_uris)
    httpd = make_server(host, 0, create_provider_app(provider), threaded=True)
    provider.issuer = f"http://{host}:{httpd.server_port}"
    thread = threading.Thread(
        target=httpd.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"oidc-provider-{httpd.server_port}",
        daemon=True,
    )
    thread.start()
    try:
        yield provider
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def new_client_secret() -> str:
    return secrets.token_urlsafe(24)
