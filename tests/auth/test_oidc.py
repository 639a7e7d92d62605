"""Single sign-on end to end: a real OpenID Connect provider, the real portal over HTTP.

The provider (``tests/support/oidc_provider.py``, Authlib's Flask authorization server with
the OpenID Connect authorization-code grant and RS256 id_tokens) and the portal
(``create_app`` under uvicorn) each listen on 127.0.0.1 and a free port in a thread of
this process. An httpx client plays the browser and follows every redirect by hand:
``/auth/oidc/login`` → the provider's ``/authorize`` (which approves at once) →
``/auth/oidc/callback`` → ``/`` with the ``yecai_session`` cookie, checked with GraphQL.
The portal has its own migrated SQLite database in a temporary directory, which the tests
also read directly (users, roles, audit events).
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import uvicorn
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.support.oidc_provider import OIDCProvider, ProviderUser, run_oidc_provider
from yecai.app import create_app
from yecai.audit.models import AuditEvent
from yecai.auth.models import Role, User, UserRole
from yecai.db import make_engine
from yecai.http.identity import SESSION_COOKIE
from yecai.migrate import upgrade
from yecai.settings import Settings

CLIENT_ID = "yecai-portal"
VIEWER = "{ viewer { id username displayName roles } }"


def _serve_in_thread(app: Any) -> tuple[str, uvicorn.Server, threading.Thread, socket.socket]:
    """Start uvicorn on 127.0.0.1 and a port bound here (no race for it); return its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", loop="asyncio", http="h11", ws="none")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="yecai-portal", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the portal did not start")
        time.sleep(0.01)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread, sock


@dataclass
class Portal:
    url: str
    provider: OIDCProvider
    engine: AsyncEngine

    @property
    def issuer(self) -> str:
        return self.provider.issuer

    def subject(self, sub: str) -> str:
        return f"{self.issuer}|{sub}"


@pytest.fixture(scope="module")
async def portal(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Portal]:
    data_dir: Path = tmp_path_factory.mktemp("oidc")
    database_url = f"sqlite+aiosqlite:///{data_dir / 'portal.sqlite3'}"
    engine = make_engine(database_url)
    await upgrade(engine)
    secret = secrets.token_urlsafe(24)
    with run_oidc_provider(client_id=CLIENT_ID, client_secret=secret) as provider:
        settings = Settings(
            env="test",
            database_url=database_url,
            data_dir=data_dir,
            demo=False,
            secret_key=secrets.token_urlsafe(48),
            frontend_dist=data_dir / "dist",
            oidc_issuer=provider.issuer,
            oidc_client_id=CLIENT_ID,
            oidc_client_secret=secret,
            oidc_scope="openid profile email",
            oidc_default_role="staff",
            cookie_secure=False,
        )
        url, server, thread, sock = _serve_in_thread(create_app(settings))
        provider.client.redirect_uris.append(f"{url}/auth/oidc/callback")
        try:
            yield Portal(url=url, provider=provider, engine=engine)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            sock.close()
            await engine.dispose()
    assert not thread.is_alive(), "the portal's server thread did not stop"


@pytest.fixture
def op(portal: Portal) -> Iterator[OIDCProvider]:
    """The provider, with its knobs reset after each test."""
    yield portal.provider
    portal.provider.user = None
    portal.provider.id_token_overrides = {}
    portal.provider.signing_key = None
    portal.provider.token_endpoint_status = None


@pytest.fixture
async def browser(portal: Portal) -> AsyncIterator[httpx.AsyncClient]:
    """A fresh browser: its own cookie jar, redirects followed by hand."""
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as client:
        yield client


# ----------------------------------------------------------------------------- helpers


async def start_login(portal: Portal, browser: httpx.AsyncClient) -> str:
    """GET /auth/oidc/login; return the provider's authorization URL it redirects to."""
    response = await browser.get(f"{portal.url}/auth/oidc/login")
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(f"{portal.issuer}/authorize?"), location
    params = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    assert params["client_id"] == CLIENT_ID
    assert params["response_type"] == "code"
    assert set(params["scope"].split()) == {"openid", "profile", "email"}
    assert params["redirect_uri"] == f"{portal.url}/auth/oidc/callback"
    assert params["state"] and params["nonce"]
    return location


async def at_provider(portal: Portal, browser: httpx.AsyncClient, authorize_url: str) -> str:
    """GET the provider's authorization URL; return the callback URL it redirects back to."""
    response = await browser.get(authorize_url)
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(f"{portal.url}/auth/oidc/callback?"), location
    return location


async def finish(browser: httpx.AsyncClient, callback_url: str) -> httpx.Response:
    response = await browser.get(callback_url)
    assert response.status_code == 303, response.text
    return response


async def sign_in(portal: Portal, browser: httpx.AsyncClient) -> httpx.Response:
    """The whole browser round trip; returns the callback's response."""
    return await finish(browser, await at_provider(portal, browser, await start_login(portal, browser)))


def session_cookie_set(response: httpx.Response) -> bool:
    return any(
        h.startswith(f"{SESSION_COOKIE}=") and not h.startswith(f'{SESSION_COOKIE}=""')
        for h in response.headers.get_list("set-cookie")
    )


async def viewer(portal: Portal, browser: httpx.AsyncClient) -> dict[str, Any] | None:
    response = await browser.post(
        f"{portal.url}/graphql", json={"query": VIEWER}, headers={"Accept": "application/graphql-response+json"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["viewer"]


async def signed_in_viewer(portal: Portal, browser: httpx.AsyncClient) -> dict[str, Any]:
    response = await sign_in(portal, browser)
    assert response.headers["location"] == "/"
    assert session_cookie_set(response), response.headers.get_list("set-cookie")
    assert browser.cookies.get(SESSION_COOKIE)
    me = await viewer(portal, browser)
    assert me is not None, "the session cookie from single sign-on does not sign the viewer in"
    return me


async def users_where(portal: Portal, *criteria: Any) -> list[User]:
    async with AsyncSession(portal.engine) as session:
        return list((await session.execute(select(User).where(*criteria).order_by(User.id))).scalars())


async def user_count(portal: Portal) -> int:
    async with AsyncSession(portal.engine) as session:
        return (await session.execute(select(func.count()).select_from(User))).scalar_one()


async def roles_of(portal: Portal, user: User) -> list[str]:
    async with AsyncSession(portal.engine) as session:
        stmt = select(Role.code).join(UserRole, UserRole.role_id == Role.id).where(UserRole.user_id == user.id)
        return sorted((await session.execute(stmt)).scalars())


async def audit_of(portal: Portal, user: User) -> list[tuple[str, Any]]:
    async with AsyncSession(portal.engine) as session:
        stmt = (
            select(AuditEvent.action, AuditEvent.after)
            .where(AuditEvent.subject_type == "user", AuditEvent.subject_id == str(user.id))
            .order_by(AuditEvent.seq)
        )
        return [(a, after) for a, after in (await session.execute(stmt)).all()]


async def add_user(portal: Portal, *, username: str, email: str, roles: tuple[str, ...], active: bool = True) -> User:
    async with AsyncSession(portal.engine, expire_on_commit=False) as session:
        user = User(username=username, display_name=username, email=email, active=active)
        session.add(user)
        await session.flush()
        for code in roles:
            role = (await session.execute(select(Role).where(Role.code == code))).scalar_one()
            session.add(UserRole(user_id=user.id, role_id=role.id))
        await session.commit()
        return user


async def set_active(portal: Portal, user: User, active: bool) -> None:
    async with AsyncSession(portal.engine) as session:
        await session.execute(update(User).where(User.id == user.id).values(active=active))
        await session.commit()


# ----------------------------------------------------------------------------- tests

ZHANG_SAN = ProviderUser(sub="u-1001", preferred_username="zhang.san", email="zhang.san@example.com", name="张三")


async def test_first_sign_in_creates_a_staff_user_and_second_reuses_it(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    op.user = ZHANG_SAN
    assert await viewer(portal, browser) is None
    users_before = await user_count(portal)
    served_before = len(op.paths_served())

    me = await signed_in_viewer(portal, browser)

    assert me["username"] == "zhang.san"
    assert me["displayName"] == "张三"
    assert me["roles"] == ["staff"]
    # A real round trip: code exchanged at the token endpoint, id_token checked against the JWKS.
    served = op.paths_served()[served_before:]
    assert "/token" in served and "/authorize" in served
    assert "/jwks" in op.paths_served()
    [user] = await users_where(portal, User.oidc_subject == portal.subject("u-1001"))
    assert user.email == "zhang.san@example.com"
    assert user.active and user.password_hash is None and user.last_login_at is not None
    assert await user_count(portal) == users_before + 1
    assert await roles_of(portal, user) == ["staff"]
    audit = await audit_of(portal, user)
    assert [a for a, _ in audit] == ["user.create_sso", "auth.login"]
    assert audit[-1][1] == {"method": "oidc"}

    # Signing in again, in another browser, finds the same user by its subject.
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as other:
        again = await signed_in_viewer(portal, other)
    assert again == me
    assert await user_count(portal) == users_before + 1
    assert len(await users_where(portal, User.oidc_subject == portal.subject("u-1001"))) == 1
    audit = await audit_of(portal, user)
    assert [a for a, _ in audit] == ["user.create_sso", "auth.login", "auth.login"]
    assert [after for a, after in audit if a == "auth.login"] == [{"method": "oidc"}] * 2


async def test_a_taken_username_gets_a_suffix(portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient) -> None:
    await add_user(portal, username="wang.wu", email="wang.wu@old.example.com", roles=("finance",))
    op.user = ProviderUser(sub="u-1003", preferred_username="wang.wu", email="wang.wu@example.com", name="王五")
    me = await signed_in_viewer(portal, browser)
    assert me["username"] == "wang.wu2"
    assert me["roles"] == ["staff"]


async def test_an_existing_user_with_the_same_email_is_linked(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    existing = await add_user(portal, username="li.si", email="Li.Si@example.com", roles=("finance",))
    users_before = await user_count(portal)
    op.user = ProviderUser(sub="u-2002", preferred_username="lisi", email="li.si@example.com", name="李四")

    me = await signed_in_viewer(portal, browser)

    assert me["username"] == "li.si"
    assert me["roles"] == ["finance"], "linking must not add the default role"
    assert await user_count(portal) == users_before
    [user] = await users_where(portal, User.id == existing.id)
    assert user.oidc_subject == portal.subject("u-2002")
    assert [a for a, _ in await audit_of(portal, user)] == ["user.link_sso", "auth.login"]

    # From now on the subject finds the user, whatever email the provider reports.
    op.user = ProviderUser(sub="u-2002", preferred_username="lisi", email="si.li@example.com", name="李四")
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as other:
        assert (await signed_in_viewer(portal, other))["username"] == "li.si"
    assert await user_count(portal) == users_before


async def test_an_unverified_email_does_not_link_an_existing_user(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    admin = await add_user(portal, username="boss", email="boss@example.com", roles=("admin",))
    op.user = ProviderUser(
        sub="u-6666", preferred_username="mallory", email="boss@example.com", name="Mallory", email_verified=False
    )

    me = await signed_in_viewer(portal, browser)

    assert me["username"] == "mallory"
    assert me["roles"] == ["staff"]
    [user] = await users_where(portal, User.id == admin.id)
    assert user.oidc_subject is None


async def test_a_deactivated_user_is_refused(portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient) -> None:
    op.user = ProviderUser(sub="u-3003", preferred_username="zhao.liu", email="zhao.liu@example.com", name="赵六")
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as first:
        await signed_in_viewer(portal, first)
    [user] = await users_where(portal, User.oidc_subject == portal.subject("u-3003"))
    await set_active(portal, user, False)
    audit_before = await audit_of(portal, user)

    response = await sign_in(portal, browser)

    assert response.headers["location"] == "/login?sso=denied"
    assert not session_cookie_set(response)
    assert await viewer(portal, browser) is None
    assert await audit_of(portal, user) == audit_before
    [after] = await users_where(portal, User.id == user.id)
    assert after.last_login_at == user.last_login_at


async def test_a_deactivated_user_matched_by_email_is_refused_and_not_linked(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    gone = await add_user(portal, username="qian.qi", email="qian.qi@example.com", roles=("staff",), active=False)
    users_before = await user_count(portal)
    op.user = ProviderUser(sub="u-3004", preferred_username="qianqi", email="qian.qi@example.com", name="钱七")

    response = await sign_in(portal, browser)

    assert response.headers["location"] == "/login?sso=denied"
    assert not session_cookie_set(response)
    assert await user_count(portal) == users_before
    [user] = await users_where(portal, User.id == gone.id)
    assert user.oidc_subject is None
    assert await audit_of(portal, user) == []


async def test_denied_consent_fails(portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient) -> None:
    op.user = None  # the end user says no
    users_before = await user_count(portal)
    callback = await at_provider(portal, browser, await start_login(portal, browser))
    assert parse_qs(urlsplit(callback).query)["error"] == ["access_denied"]

    response = await finish(browser, callback)

    assert response.headers["location"] == "/login?sso=failed"
    assert not session_cookie_set(response)
    assert await viewer(portal, browser) is None
    assert await user_count(portal) == users_before


async def test_a_forged_state_fails(portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient) -> None:
    op.user = ProviderUser(sub="u-4004", preferred_username="sun.ba", email="sun.ba@example.com", name="孙八")
    authorize = await start_login(portal, browser)
    state = parse_qs(urlsplit(authorize).query)["state"][0]
    callback = await at_provider(portal, browser, authorize.replace(f"state={state}", "state=forged"))
    assert parse_qs(urlsplit(callback).query)["state"] == ["forged"]

    response = await finish(browser, callback)

    assert response.headers["location"] == "/login?sso=failed"
    assert not session_cookie_set(response)
    assert await users_where(portal, User.oidc_subject == portal.subject("u-4004")) == []


async def test_a_callback_from_another_browser_fails(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    """Login CSRF: a victim's browser must not accept a code obtained in the attacker's."""
    op.user = ProviderUser(sub="u-4005", preferred_username="attacker", email="attacker@example.com", name="攻击者")
    callback = await at_provider(portal, browser, await start_login(portal, browser))
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as victim:
        response = await finish(victim, callback)
        assert response.headers["location"] == "/login?sso=failed"
        assert not session_cookie_set(response)
        assert await viewer(portal, victim) is None
    # The attacker's own browser can use it once, and only once.
    assert (await finish(browser, callback)).headers["location"] == "/"
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as replay:
        replay.cookies.update(browser.cookies)
        assert (await finish(replay, callback)).headers["location"] == "/login?sso=failed"


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"aud": ["another-client"]}, id="audience"),
        pytest.param({"iss": "http://127.0.0.1:1/evil"}, id="issuer"),
        pytest.param({"nonce": "not-the-nonce"}, id="nonce"),
        pytest.param({"exp": 1_000_000_000}, id="expired"),
    ],
)
async def test_an_invalid_id_token_fails(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient, claims: dict[str, Any]
) -> None:
    sub = f"u-5{secrets.token_hex(3)}"
    op.user = ProviderUser(sub=sub, preferred_username="bad.token", email=f"{sub}@example.com", name="坏令牌")
    op.id_token_overrides = claims

    response = await sign_in(portal, browser)

    assert response.headers["location"] == "/login?sso=failed"
    assert not session_cookie_set(response)
    assert await users_where(portal, User.oidc_subject == portal.subject(sub)) == []


async def test_an_id_token_with_a_bad_signature_fails(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    op.user = ProviderUser(sub="u-5005", preferred_username="forged", email="forged@example.com", name="伪造")
    op.signing_key = RSAKey.generate_key(2048)  # not the key the JWKS publishes, under its kid

    response = await sign_in(portal, browser)

    assert response.headers["location"] == "/login?sso=failed"
    assert not session_cookie_set(response)
    assert await users_where(portal, User.oidc_subject == portal.subject("u-5005")) == []


@pytest.mark.parametrize("status", [400, 503])
async def test_a_failing_token_endpoint_fails(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient, status: int
) -> None:
    op.user = ZHANG_SAN
    op.token_endpoint_status = status

    response = await sign_in(portal, browser)

    assert response.headers["location"] == "/login?sso=failed"
    assert not session_cookie_set(response)


async def test_a_wrong_client_secret_fails(portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient) -> None:
    op.user = ZHANG_SAN
    secret = op.client.client_secret
    op.client.client_secret = "not-what-the-portal-has"
    try:
        response = await sign_in(portal, browser)
    finally:
        op.client.client_secret = secret
    assert response.headers["location"] == "/login?sso=failed"
    assert not session_cookie_set(response)


async def test_an_unreachable_provider_fails(tmp_path: Path) -> None:
    """Discovery fails before any redirect, so the app needs no real server here."""
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = Settings(
        env="test",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'x.sqlite3'}",
        data_dir=tmp_path,
        secret_key=secrets.token_urlsafe(48),
        frontend_dist=tmp_path / "dist",
        oidc_issuer=dead,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret="s",
    )
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as client:
        response = await client.get("/auth/oidc/login")
        assert response.status_code == 303
        assert response.headers["location"] == "/login?sso=failed"
        response = await client.get("/auth/oidc/callback?code=x&state=y")
        assert response.status_code == 303
        assert response.headers["location"] == "/login?sso=failed"


async def test_the_provider_issues_signed_id_tokens_and_userinfo(
    portal: Portal, op: OIDCProvider, browser: httpx.AsyncClient
) -> None:
    """The test provider itself, driven as a client would: code → tokens → userinfo."""
    op.user = ZHANG_SAN
    discovery = (await browser.get(f"{op.issuer}/.well-known/openid-configuration")).json()
    assert discovery["issuer"] == op.issuer
    callback = await at_provider(portal, browser, await start_login(portal, browser))
    code = parse_qs(urlsplit(callback).query)["code"][0]

    response = await browser.post(
        discovery["token_endpoint"],
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": f"{portal.url}/auth/oidc/callback"},
        auth=(CLIENT_ID, op.client.client_secret),
    )
    assert response.status_code == 200, response.text
    tokens = response.json()
    assert tokens["token_type"].lower() == "bearer"
    keys = KeySet.import_key_set((await browser.get(discovery["jwks_uri"])).json())
    id_token = jwt.decode(tokens["id_token"], keys, algorithms=["RS256"])
    assert id_token.header["alg"] == "RS256"
    claims = id_token.claims
    assert claims["iss"] == op.issuer
    assert claims["aud"] == [CLIENT_ID]
    assert claims["sub"] == "u-1001"
    assert (claims["preferred_username"], claims["email"], claims["name"]) == (
        "zhang.san",
        "zhang.san@example.com",
        "张三",
    )
    assert claims["nonce"]

    response = await browser.get(
        discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "sub": "u-1001",
        "preferred_username": "zhang.san",
        "email": "zhang.san@example.com",
        "email_verified": True,
        "name": "张三",
    }
    assert (await browser.get(discovery["userinfo_endpoint"])).status_code == 401
