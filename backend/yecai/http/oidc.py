"""Single sign-on through OpenID Connect, with Authlib's Starlette client."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
from authlib.integrations.starlette_client import OAuth, OAuthError
from joserfc.errors import JoseError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from yecai.actor import ANONYMOUS
from yecai.auth import service
from yecai.errors import DomainError
from yecai.http.identity import client_address, request_id, set_session_cookie
from yecai.settings import Settings

log = logging.getLogger("yecai.oidc")

# What a misbehaving or unreachable provider raises: an error response (OAuthError), an id_token
# that fails signature or claim checks (JoseError), or a failed HTTP exchange (httpx.HTTPError).
PROVIDER_ERRORS = (OAuthError, JoseError, httpx.HTTPError)


def oidc_routes(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> list[Route]:
    """The /auth/oidc/login and /auth/oidc/callback routes, when single sign-on is configured."""
    if not settings.oidc_enabled:
        return []
    oauth = OAuth()
    issuer = (settings.oidc_issuer or "").rstrip("/")
    oauth.register(
        "provider",
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": settings.oidc_scope},
    )

    async def login(request: Request) -> Response:
        redirect_uri = str(request.url_for("oidc_callback"))
        try:
            return await oauth.provider.authorize_redirect(request, redirect_uri)
        except httpx.HTTPError as error:  # discovery document unreachable
            log.warning("single sign-on unavailable: %r", error)
            return RedirectResponse("/login?sso=failed", status_code=303)

    async def callback(request: Request) -> Response:
        try:
            token = await oauth.provider.authorize_access_token(request)
        except PROVIDER_ERRORS as error:
            log.warning("single sign-on failed: %r", error)
            return RedirectResponse("/login?sso=failed", status_code=303)
        info = token.get("userinfo") or {}
        subject = str(info.get("sub") or "")
        if not subject:
            return RedirectResponse("/login?sso=failed", status_code=303)
        email = info.get("email")
        if str(info.get("email_verified")).lower() == "false":
            # An address the provider says is unverified must not link to (take over) an existing user.
            email = None
        actor = ANONYMOUS.at(request_id=request_id(request), client_address=client_address(request))
        async with sessions() as session:
            try:
                user = await service.sign_in_external(
                    session, actor=actor, subject=f"{issuer}|{subject}", username=info.get("preferred_username"),
                    email=email, display_name=info.get("name"), default_role=settings.oidc_default_role)
            except DomainError:
                await session.rollback()
                return RedirectResponse("/login?sso=denied", status_code=303)
            token = await service.start_session(session, user=user, secret_key=settings.resolved_secret_key(),
                                                ttl=timedelta(hours=settings.session_hours),
                                                client_address=actor.client_address)
            await session.commit()
        response = RedirectResponse("/", status_code=303)
        set_session_cookie(response, token, settings)
        return response

    return [
        Route("/auth/oidc/login", login, name="oidc_login"),
        Route("/auth/oidc/callback", callback, name="oidc_callback"),
    ]
