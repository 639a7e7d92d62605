"""Who is asking: the actor of a request, from a bearer token or the browser's session cookie."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from starlette.responses import Response

from yecai.actor import ANONYMOUS, Actor
from yecai.auth import service
from yecai.auth.models import User
from yecai.auth.tokens import API_TOKEN_PREFIX, read_session_token
from yecai.settings import Settings

SESSION_COOKIE = "yecai_session"


@dataclass(frozen=True)
class Identity:
    actor: Actor
    # A bearer credential was given and is not valid: the request is refused, not run anonymously.
    bad_credentials: bool = False
    # A stale session cookie to clear on the way out.
    clear_cookie: bool = False


def request_id(conn: HTTPConnection) -> str:
    given = conn.headers.get("x-request-id", "")
    return given[:64] if given and given.isascii() and given.isprintable() else uuid.uuid4().hex


def language(conn: HTTPConnection) -> str:
    """The viewer's language for messages: English when the browser asks for it first, else Chinese."""
    first = conn.headers.get("accept-language", "").lower().split(",")[0].strip()
    return "en" if first.startswith("en") else "zh"


def client_address(conn: HTTPConnection) -> str:
    return (conn.client.host if conn.client else "unknown")[:64]


def _same_origin(conn: HTTPConnection) -> bool:
    """Whether a cookie-carrying request comes from our own pages (CSRF defence)."""
    site = conn.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = conn.headers.get("origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == conn.headers.get("host", "")
    return True


async def identify(conn: HTTPConnection, session: AsyncSession, settings: Settings, req_id: str) -> Identity:
    """Resolve the actor: ``Authorization: Bearer`` first, else the session cookie from our own origin."""
    address = client_address(conn)
    authorization = conn.headers.get("authorization")
    if authorization:
        return await identify_bearer(session, settings, authorization, req_id, address)

    cookie = conn.cookies.get(SESSION_COOKIE)
    if cookie and _same_origin(conn):
        user, session_id = await _session_user(session, settings, cookie)
        if user is None:
            return Identity(ANONYMOUS.at(request_id=req_id, client_address=address), clear_cookie=True)
        return Identity(await service.actor_for(session, user, request_id=req_id, client_address=address,
                                                session_id=session_id))
    return Identity(ANONYMOUS.at(request_id=req_id, client_address=address))


async def identify_bearer(session: AsyncSession, settings: Settings, authorization: str, req_id: str,
                          address: str) -> Identity:
    """The actor of an ``Authorization`` value (``Bearer <API token or sign-in token>``), from a header or a
    WebSocket's ``connection_init`` payload."""
    scheme, _, credential = authorization.partition(" ")
    credential = credential.strip()
    if scheme.lower() != "bearer" or not credential:
        return Identity(ANONYMOUS.at(request_id=req_id, client_address=address), bad_credentials=True)
    session_id = token_id = None
    if credential.startswith(API_TOKEN_PREFIX):
        found = await service.user_for_api_token(session, secret=credential)
        user, token_id = found if found else (None, None)
    else:
        user, session_id = await _session_user(session, settings, credential)
    if user is None:
        return Identity(ANONYMOUS.at(request_id=req_id, client_address=address), bad_credentials=True)
    return Identity(await service.actor_for(session, user, request_id=req_id, client_address=address,
                                            session_id=session_id, api_token_id=token_id))


async def _session_user(session: AsyncSession, settings: Settings, token: str) -> tuple[User | None, str | None]:
    """The user of a session token (cookie or bearer) whose session has not ended, and that session."""
    claims = read_session_token(settings.resolved_secret_key(), token)
    if claims is None:
        return None, None
    user = await service.user_for_session(session, user_id=claims.user_id, session_id=claims.session_id)
    return user, claims.session_id if user else None



def set_session_cookie(response: Response, token: str, settings: Settings) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=settings.session_hours * 3600, httponly=True,
                        samesite="lax", secure=settings.cookie_secure or settings.production, path="/")


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=settings.cookie_secure or settings.production)
