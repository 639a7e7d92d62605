"""Sessions end server-side: signing out, changing one's password, a reset, a deactivation, a change of roles.

Every path is checked with the session carried both ways: as the browser's cookie and as a bearer
token (the token ``login`` returns). A "device" is an HTTP client of its own (its own cookie jar).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import PASSWORD
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import mutation
from yecai.auth.models import LoginAttempt, User, UserSession
from yecai.auth.passwords import verify_password

LOGIN = """mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename
  ... on LoginSuccess { token } ... on LoginError { code } } }"""
LOGOUT = "mutation { logout { __typename ... on LogoutSuccess { ok } } }"
CHANGE = mutation("changePassword", "ChangePasswordInput", "ok")
RESET = mutation("resetPassword", "ResetPasswordInput", "user { id }")
SET_ACTIVE = mutation("setUserActive", "SetUserActiveInput", "user { active }")
ASSIGN = mutation("assignRoles", "AssignRolesInput", "user { id }")
UPDATE_ROLE = mutation("updateRole", "UpdateRoleInput", "role { id }")
VIEWER = "{ viewer { username } }"
NEW_PASSWORD = "Chang3d!pw"
HOW = pytest.mark.parametrize("how", ["cookie", "bearer"])


class Device:
    """One browser (its session in its cookie jar) or one script (its session as a bearer token)."""

    def __init__(self, transport: httpx.AsyncBaseTransport, how: str) -> None:
        self.http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        self.how = how
        self.token: str | None = None

    async def post(self, query: str, variables: dict | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.how == "bearer" and self.token else {}
        return await self.http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)

    async def data(self, query: str, variables: dict | None = None) -> dict:
        r = await self.post(query, variables)
        assert r.status_code == 200 and "errors" not in r.json(), r.text
        return r.json()["data"]

    async def sign_in(self, username: str, password: str = PASSWORD) -> Device:
        r = await self.http.post("/graphql", json={"query": LOGIN, "variables": {"u": username, "p": password}})
        result = r.json()["data"]["login"]
        assert result["__typename"] == "LoginSuccess", result
        self.token = result["token"]
        if self.how == "bearer":
            self.http.cookies.clear()  # a script keeps the token, not the cookie
        else:
            assert self.http.cookies.get("yecai_session") == self.token
        return self

    async def signed_in_as(self) -> str | None:
        """Who the server sees; None when the session no longer works (401 for a bearer token)."""
        had_cookie = self.http.cookies.get("yecai_session") is not None
        r = await self.post(VIEWER)
        if self.how == "bearer" and r.status_code == 401:
            assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            return None
        assert r.status_code == 200, r.text
        viewer = r.json()["data"]["viewer"]
        if viewer is None and had_cookie:
            assert 'yecai_session=""' in r.headers["set-cookie"]  # the dead cookie is cleared
        return viewer["username"] if viewer else None


@pytest.fixture
async def devices(client: httpx.AsyncClient) -> AsyncIterator[Callable[[str], Device]]:
    made: list[Device] = []

    def make(how: str) -> Device:
        made.append(Device(client._transport, how))
        return made[-1]

    yield make
    for device in made:
        await device.http.aclose()


async def _token_works_both_ways(devices: Callable[[str], Device], token: str) -> tuple[str | None, str | None]:
    """Replay a session token as a cookie and as a bearer token on fresh devices."""
    cookie, bearer = devices("cookie"), devices("bearer")
    cookie.http.cookies.set("yecai_session", token)
    bearer.token = token
    return await cookie.signed_in_as(), await bearer.signed_in_as()


async def _admin(sign_in: SignIn, devices: Callable[[str], Device]) -> Device:
    admin, token = await sign_in("admin")
    device = devices("bearer")
    device.token = token
    return device


@HOW
async def test_signing_out_ends_that_session_only(how: str, world: World, devices) -> None:
    here = await devices(how).sign_in("target.user")
    elsewhere = await devices("cookie").sign_in("target.user")
    script = await devices("bearer").sign_in("target.user")
    assert await here.signed_in_as() == "target.user"
    out = await here.post(LOGOUT)
    assert out.json()["data"]["logout"] == {"__typename": "LogoutSuccess", "ok": True}
    assert 'yecai_session=""' in out.headers["set-cookie"]
    assert here.token is not None
    # The token of the ended session works neither as a cookie nor as a bearer token.
    assert await _token_works_both_ways(devices, here.token) == (None, None)
    assert await elsewhere.signed_in_as() == "target.user" and await script.signed_in_as() == "target.user"


@HOW
async def test_changing_ones_password_ends_every_other_session(how: str, world: World, devices,
                                                              session: AsyncSession) -> None:
    here = await devices(how).sign_in("target.user")
    others = [await devices("cookie").sign_in("target.user"), await devices("bearer").sign_in("target.user")]
    data = await here.data(CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}})
    assert data["changePassword"] == {"__typename": "ChangePasswordSuccess", "ok": True}
    assert await here.signed_in_as() == "target.user"  # the one it was changed from stays signed in
    assert [await d.signed_in_as() for d in others] == [None, None]
    assert [await _token_works_both_ways(devices, d.token or "") for d in others] == [(None, None)] * 2
    assert await devices("bearer").sign_in("target.user", NEW_PASSWORD)
    rows = (await session.execute(select(func.count()).where(UserSession.user_id == world.target.id))).scalar_one()
    assert rows == 2  # here, and the sign-in with the new password


async def test_changing_ones_password_with_an_api_token_ends_every_session(world: World, devices) -> None:
    sessions = [await devices("cookie").sign_in("target.user"), await devices("bearer").sign_in("target.user")]
    script = devices("bearer")
    script.token = world.target_token_secret
    data = await script.data(CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}})
    assert data["changePassword"]["ok"] is True
    assert [await d.signed_in_as() for d in sessions] == [None, None]
    assert await script.signed_in_as() == "target.user"  # an API token is not a session: revoke it to end it


@HOW
async def test_a_password_reset_ends_every_session(how: str, world: World, sign_in: SignIn, devices) -> None:
    target = [await devices(how).sign_in("target.user"), await devices(how).sign_in("target.user")]
    admin = await _admin(sign_in, devices)
    await admin.data(RESET, {"input": {"userId": gid("User", world.target.id), "newPassword": "Reset!Pass9"}})
    assert [await d.signed_in_as() for d in target] == [None, None]
    assert await admin.signed_in_as() is not None


@HOW
async def test_deactivation_ends_every_session_and_reactivation_does_not_revive_them(
        how: str, world: World, sign_in: SignIn, devices) -> None:
    target = await devices(how).sign_in("target.user")
    admin = await _admin(sign_in, devices)
    user = {"id": gid("User", world.target.id)}
    await admin.data(SET_ACTIVE, {"input": {**user, "active": False}})
    assert await target.signed_in_as() is None
    await admin.data(SET_ACTIVE, {"input": {**user, "active": True}})
    assert await target.signed_in_as() is None
    assert await devices(how).sign_in("target.user")


@HOW
async def test_a_change_of_roles_ends_every_session_and_applies_at_once(
        how: str, world: World, sign_in: SignIn, devices) -> None:
    target = await devices(how).sign_in("target.user")
    script = devices("bearer")
    script.token = world.target_token_secret  # the target's API token: not a session
    assert (await script.post("{ auditEvents { totalCount } }")).json()["data"] == {"auditEvents": None}
    admin = await _admin(sign_in, devices)
    auditor = next(e["node"]["id"] for e in (await admin.data("{ roles(first: 50) { edges { node { id code } } } }"))
                   ["roles"]["edges"] if e["node"]["code"] == "auditor")
    unchanged = [gid("Role", world.custom_role.id),
                 *[e["node"]["id"] for e in (await admin.data("{ roles(first: 50) { edges { node { id code } } } }"))
                   ["roles"]["edges"] if e["node"]["code"] == "staff"]]
    # The same roles again change nothing: the sessions go on.
    await admin.data(ASSIGN, {"input": {"userId": gid("User", world.target.id), "roleIds": unchanged}})
    assert await target.signed_in_as() == "target.user"
    await admin.data(ASSIGN, {"input": {"userId": gid("User", world.target.id), "roleIds": [auditor]}})
    assert await target.signed_in_as() is None
    # The API token carries the new rights at the next request.
    assert (await script.data("{ auditEvents { totalCount } }"))["auditEvents"]["totalCount"] > 0
    again = await devices(how).sign_in("target.user")
    assert (await again.data("{ auditEvents { totalCount } }"))["auditEvents"]["totalCount"] > 0


@HOW
async def test_a_roles_new_permissions_apply_at_once_to_its_holders_sessions(
        how: str, world: World, sign_in: SignIn, devices) -> None:
    target = await devices(how).sign_in("target.user")
    assert (await target.post("{ auditEvents { totalCount } }")).json()["data"] == {"auditEvents": None}
    admin = await _admin(sign_in, devices)
    await admin.data(UPDATE_ROLE, {"input": {"id": gid("Role", world.custom_role.id),
                                             "permissions": ["ORG_READ", "AUDIT_READ"]}})
    # A role's permissions are the holders' rights from their next request; their sessions go on.
    assert (await target.data("{ auditEvents { totalCount } }"))["auditEvents"]["totalCount"] > 0


@pytest.mark.parametrize("credential", ["cookie", "bearer", "api_token"])
async def test_changing_ones_password_is_limited_like_signing_in(credential: str, world: World, devices,
                                                                 session: AsyncSession) -> None:
    """A stolen session or API token cannot be used to guess the password: 5 failures per account."""
    if credential == "api_token":
        thief = devices("bearer")
        thief.token = world.target_token_secret
    else:
        thief = await devices(credential).sign_in("target.user")
    for _ in range(5):
        result = (await thief.data(CHANGE, {"input": {"currentPassword": "guess", "newPassword": NEW_PASSWORD}}))
        assert result["changePassword"]["code"] == "WRONG_PASSWORD"
    # The failures are kept although each answer was an error.
    failures = select(func.count()).where(LoginAttempt.username == "target.user")
    assert (await session.execute(failures)).scalar_one() == 5
    result = (await thief.data(CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}}))
    assert result["changePassword"]["code"] == "TOO_MANY_ATTEMPTS" and result["changePassword"]["message"]
    user = await session.get(User, world.target.id)
    assert user is not None
    await session.refresh(user)
    assert verify_password(user.password_hash, PASSWORD)  # unchanged
    # Signing in to the account is limited as well: the failures are the account's.
    login = (await devices("bearer").http.post("/graphql", json={"query": LOGIN, "variables": {
        "u": "target.user", "p": PASSWORD}})).json()["data"]["login"]
    assert login == {"__typename": "LoginError", "code": "TOO_MANY_ATTEMPTS"}


async def test_a_successful_change_clears_the_failures(world: World, devices, session: AsyncSession) -> None:
    here = await devices("cookie").sign_in("target.user")
    for _ in range(2):
        await here.data(CHANGE, {"input": {"currentPassword": "guess", "newPassword": NEW_PASSWORD}})
    assert (await here.data(CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}})
            )["changePassword"]["ok"] is True
    failures = select(func.count()).where(LoginAttempt.username == "target.user")
    assert (await session.execute(failures)).scalar_one() == 0


@HOW
async def test_an_expired_session_does_not_work(how: str, world: World, devices, session: AsyncSession) -> None:
    from datetime import timedelta

    from yecai.db import utcnow

    target = await devices(how).sign_in("target.user")
    for row in (await session.execute(select(UserSession).where(UserSession.user_id == world.target.id))).scalars():
        row.expires_at = utcnow() - timedelta(seconds=1)
    await session.commit()
    assert await target.signed_in_as() is None
