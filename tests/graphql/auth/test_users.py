"""Users through the API: each mutation's success and each of its error codes."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import PASSWORD, token_for
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation
from yecai.audit.models import AuditEvent
from yecai.auth.models import User

CREATE = mutation("createUser", "CreateUserInput",
                  "user { username displayName email active department { code } roles { code } viewerCan { update } }")
UPDATE = mutation("updateUser", "UpdateUserInput", "user { displayName email department { code } }")
SET_ACTIVE = mutation("setUserActive", "SetUserActiveInput", "user { active }")
ASSIGN = mutation("assignRoles", "AssignRolesInput", "user { roles { code } }")
RESET = mutation("resetPassword", "ResetPasswordInput", "user { username }")
CHANGE = mutation("changePassword", "ChangePasswordInput", "ok")
LOGIN = """mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename
  ... on LoginSuccess { token viewer { username roles permissions department { name } } }
  ... on LoginError { code field message } } }"""


async def _last_event(session: AsyncSession) -> AuditEvent:
    return (await session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))).scalar_one()


async def test_create_user(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    admin, token = await sign_in("admin")
    data = await gql(CREATE, {"input": {"username": "Zhang.San", "displayName": " 张三 ", "password": PASSWORD,
                                        "email": "zs@example.com", "departmentId": gid("Department", world.child.id),
                                        "roleIds": [gid("Role", world.custom_role.id)]}}, token=token)
    user = data["createUser"]["user"]
    assert user == {"username": "zhang.san", "displayName": "张三", "email": "zs@example.com", "active": True,
                    "department": {"code": "W-CHILD"}, "roles": [{"code": "custom_reader"}],
                    "viewerCan": {"update": True}}
    event = await _last_event(session)
    assert (event.action, event.actor_id, event.actor_username) == ("user.create", admin.id, admin.username)
    assert event.after is not None and event.after["roles"] == ["custom_reader"]
    assert event.client_address == "203.0.113.7" and event.request_id
    # The new user can sign in with the password that was set.
    login = (await gql(LOGIN, {"u": "zhang.san", "p": PASSWORD}))["login"]
    assert login["__typename"] == "LoginSuccess"
    assert login["viewer"]["roles"] == ["custom_reader"] and login["viewer"]["permissions"] == ["ORG_READ"]


@pytest.mark.parametrize(("patch", "code", "field"), [
    ({"username": "target.user"}, "USERNAME_TAKEN", "username"),
    ({"username": "TARGET.USER"}, "USERNAME_TAKEN", "username"),
    ({"username": ""}, "INVALID_INPUT", "username"),
    ({"username": "x" * 65}, "INVALID_INPUT", "username"),
    ({"username": "有中文"}, "INVALID_INPUT", "username"),
    ({"displayName": "   "}, "INVALID_INPUT", "displayName"),
    ({"displayName": "名" * 101}, "INVALID_INPUT", "displayName"),
    ({"password": "short"}, "INVALID_INPUT", "password"),
    ({"password": "alllowercaseletters"}, "INVALID_INPUT", "password"),
    ({"email": "not-an-email"}, "INVALID_INPUT", "email"),
    ({"departmentId": "RGVwYXJ0bWVudDo5OTk5OTk="}, "NOT_FOUND", "departmentId"),
    ({"departmentId": "not-a-global-id"}, "INVALID_INPUT", "departmentId"),
    ({"departmentId": gid("User", 1)}, "INVALID_INPUT", "departmentId"),
    ({"roleIds": [gid("Role", 999999)]}, "NOT_FOUND", "roleIds"),
])
async def test_create_user_errors(patch: dict, code: str, field: str, world: World, sign_in: SignIn,
                                  gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    payload = {"username": "new.one", "displayName": "新人", "password": PASSWORD, **patch}
    await expect_error(gql, session, CREATE, "createUser", {"input": payload}, token, code, field)


async def test_update_user(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    data = await gql(UPDATE, {"input": {"id": gid("User", world.target.id), "displayName": "新名字", "email": None,
                                        "departmentId": gid("Department", world.parent.id)}}, token=token)
    assert data["updateUser"]["user"] == {"displayName": "新名字", "email": None, "department": {"code": "W-PARENT"}}
    event = await _last_event(session)
    assert event.action == "user.update"
    assert event.before is not None and event.after is not None
    assert (event.before["display_name"], event.after["display_name"]) == ("用户" + event.before["display_name"][2:],
                                                                          "新名字")
    assert event.before["email"] == "target@example.com" and event.after["email"] is None


async def test_update_user_leaves_out_fields(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("admin")
    data = await gql(UPDATE, {"input": {"id": gid("User", world.target.id), "displayName": "只改名"}}, token=token)
    assert data["updateUser"]["user"] == {"displayName": "只改名", "email": "target@example.com",
                                          "department": {"code": "W-CHILD"}}


@pytest.mark.parametrize(("patch", "code", "field"), [
    ({"id": gid("User", 999999)}, "NOT_FOUND", "id"),
    ({"id": "garbage=="}, "INVALID_INPUT", "id"),
    ({"email": "bad@"}, "INVALID_INPUT", "email"),
    ({"displayName": ""}, "INVALID_INPUT", "displayName"),
    ({"departmentId": gid("Department", 999999)}, "NOT_FOUND", "departmentId"),
])
async def test_update_user_errors(patch: dict, code: str, field: str, world: World, sign_in: SignIn,
                                  gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    payload = {"id": gid("User", world.target.id), **patch}
    await expect_error(gql, session, UPDATE, "updateUser", {"input": payload}, token, code, field)


async def test_deactivation_ends_sessions_and_reactivation(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                           session: AsyncSession) -> None:
    _, admin_token = await sign_in("admin")
    target_token = await token_for(session, world.target, TEST_SECRET)
    assert (await gql("{ viewer { username } }", token=target_token))["viewer"]["username"] == "target.user"
    data = await gql(SET_ACTIVE, {"input": {"id": gid("User", world.target.id), "active": False}}, token=admin_token)
    assert data["setUserActive"]["user"]["active"] is False
    refused = await gql.raw("{ viewer { username } }", token=target_token)
    assert refused.status_code == 401 and refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # Their API tokens stop working too.
    assert (await gql.raw("{ viewer { username } }", token=world.target_token_secret)).status_code == 401
    login = (await gql(LOGIN, {"u": "target.user", "p": PASSWORD}))["login"]
    assert login["__typename"] == "LoginError" and login["code"] == "INVALID_CREDENTIALS"
    data = await gql(SET_ACTIVE, {"input": {"id": gid("User", world.target.id), "active": True}}, token=admin_token)
    assert data["setUserActive"]["user"]["active"] is True
    assert (await gql(LOGIN, {"u": "target.user", "p": PASSWORD}))["login"]["__typename"] == "LoginSuccess"


async def test_nobody_deactivates_themselves(sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    admin, token = await sign_in("admin")
    await expect_error(gql, session, SET_ACTIVE, "setUserActive",
                       {"input": {"id": gid("User", admin.id), "active": False}}, token, "SELF_CHANGE", "id")


async def test_assign_roles(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    data = await gql(ASSIGN, {"input": {"userId": gid("User", world.target.id),
                                        "roleIds": [gid("Role", world.unused_role.id)]}}, token=token)
    assert data["assignRoles"]["user"]["roles"] == [{"code": "unused_role"}]
    event = await _last_event(session)
    assert (event.action, event.before, event.after) == (
        "user.assign_roles", {"roles": ["custom_reader", "staff"]}, {"roles": ["unused_role"]})


@pytest.mark.parametrize(("who", "role_ids", "code", "field"), [
    ("self", [], "SELF_CHANGE", "userId"),
    ("target", [gid("Role", 999999)], "NOT_FOUND", "roleIds"),
    ("target", ["%%%"], "INVALID_INPUT", "roleIds"),
    ("nobody", [], "NOT_FOUND", "userId"),
])
async def test_assign_roles_errors(who: str, role_ids: list, code: str, field: str, world: World, sign_in: SignIn,
                                   gql: GraphQLClient, session: AsyncSession) -> None:
    admin, token = await sign_in("admin")
    user_id = {"self": admin.id, "target": world.target.id, "nobody": 999999}[who]
    await expect_error(gql, session, ASSIGN, "assignRoles",
                       {"input": {"userId": gid("User", user_id), "roleIds": role_ids}}, token, code, field)


async def test_reset_password(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    old_session = await token_for(session, world.target, TEST_SECRET)
    data = await gql(RESET, {"input": {"userId": gid("User", world.target.id), "newPassword": "Reset!Pass9"}},
                     token=token)
    assert data["resetPassword"]["user"]["username"] == "target.user"
    assert (await gql.raw("{ viewer { username } }", token=old_session)).status_code == 401
    assert (await gql(LOGIN, {"u": "target.user", "p": "Reset!Pass9"}))["login"]["__typename"] == "LoginSuccess"
    event = await _last_event(session)
    assert event.action == "auth.login"
    reset = (await session.execute(select(AuditEvent).where(AuditEvent.action == "user.reset_password"))).scalar_one()
    assert "Reset!Pass9" not in repr((reset.before, reset.after))


@pytest.mark.parametrize(("who", "password", "code", "field"), [
    ("self", "Reset!Pass9", "SELF_CHANGE", "userId"),
    ("target", "weak", "INVALID_INPUT", "newPassword"),
    ("target", "", "INVALID_INPUT", "newPassword"),
    ("target", "Aa1!" * 100, "INVALID_INPUT", "newPassword"),
    ("nobody", "Reset!Pass9", "NOT_FOUND", "userId"),
])
async def test_reset_password_errors(who: str, password: str, code: str, field: str, world: World, sign_in: SignIn,
                                     gql: GraphQLClient, session: AsyncSession) -> None:
    admin, token = await sign_in("admin")
    user_id = {"self": admin.id, "target": world.target.id, "nobody": 999999}[who]
    await expect_error(gql, session, RESET, "resetPassword",
                       {"input": {"userId": gid("User", user_id), "newPassword": password}}, token, code, field)


async def test_change_own_password(world: World, gql: GraphQLClient, session: AsyncSession) -> None:
    token = await token_for(session, world.target, TEST_SECRET)
    # A wrong current password changes nothing but the record of the failure (see test_sessions).
    wrong = (await gql(CHANGE, {"input": {"currentPassword": "wrong", "newPassword": "Chang3d!pw"}},
                       token=token))["changePassword"]
    assert (wrong["__typename"], wrong["code"], wrong["field"]) == (
        "ChangePasswordError", "WRONG_PASSWORD", "currentPassword")
    assert (await _last_event(session)).action == "user.change_password_failed"
    await expect_error(gql, session, CHANGE, "changePassword",
                       {"input": {"currentPassword": PASSWORD, "newPassword": "weak"}}, token,
                       "INVALID_INPUT", "newPassword")
    data = await gql(CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": "Chang3d!pw"}}, token=token)
    assert data["changePassword"] == {"__typename": "ChangePasswordSuccess", "ok": True}
    assert (await gql(LOGIN, {"u": "target.user", "p": "Chang3d!pw"}))["login"]["__typename"] == "LoginSuccess"
    user = await session.get(User, world.target.id)
    assert user is not None


async def test_login_sets_an_httponly_cookie_and_logout_clears_it(world: World, gql: GraphQLClient) -> None:
    response = await gql.raw(LOGIN, {"u": "target.user", "p": PASSWORD})
    body = response.json()["data"]["login"]
    assert body["__typename"] == "LoginSuccess"
    assert body["viewer"]["username"] == "target.user"
    assert body["viewer"]["department"] == {"name": "下级部门"}
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("yecai_session=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    # The bearer token works for API clients.
    assert (await gql("{ viewer { username } }", token=body["token"]))["viewer"]["username"] == "target.user"
    # The cookie alone signs the browser in.
    gql.http.cookies.set("yecai_session", response.cookies["yecai_session"])
    assert (await gql("{ viewer { username } }"))["viewer"]["username"] == "target.user"
    out = await gql.raw("mutation { logout { __typename } }")
    assert 'yecai_session=""' in out.headers["set-cookie"] and "Max-Age=0" in out.headers["set-cookie"]


@pytest.mark.parametrize(("username", "password", "code", "field"), [
    ("target.user", "wrong-password", "INVALID_CREDENTIALS", None),
    ("no.such.user", PASSWORD, "INVALID_CREDENTIALS", None),
    ("", PASSWORD, "INVALID_INPUT", "username"),
    ("target.user", "", "INVALID_INPUT", "password"),
])
async def test_login_errors(username: str, password: str, code: str, field: str | None, world: World,
                            gql: GraphQLClient) -> None:
    result = (await gql(LOGIN, {"u": username, "p": password}))["login"]
    assert (result["__typename"], result["code"], result["field"]) == ("LoginError", code, field)
    assert "set-cookie" not in (await gql.raw(LOGIN, {"u": username, "p": password})).headers


async def test_login_is_limited(world: World, gql: GraphQLClient) -> None:
    for _ in range(5):
        assert (await gql(LOGIN, {"u": "target.user", "p": "nope"}))["login"]["code"] == "INVALID_CREDENTIALS"
    result = (await gql(LOGIN, {"u": "target.user", "p": PASSWORD}))["login"]
    assert result["code"] == "TOO_MANY_ATTEMPTS" and "稍后" in result["message"]


async def test_messages_follow_the_language(world: World, gql: GraphQLClient) -> None:
    response = await gql.http.post("/graphql", headers={"Accept-Language": "en-US,en;q=0.9"},
                                   json={"query": LOGIN, "variables": {"u": "target.user", "p": "nope"}})
    assert response.json()["data"]["login"]["message"] == "Wrong username or password"
