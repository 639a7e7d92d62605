"""Roles and personal API tokens through the API."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.dbstate import fingerprint
from tests.factories import make_api_token, make_user, role_by_code, token_for
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation
from yecai.audit.models import AuditEvent
from yecai.auth.models import ApiToken
from yecai.auth.permissions import BUILTIN_ROLES

CREATE_ROLE = mutation("createRole", "CreateRoleInput",
                       "role { code name description builtin permissions userCount viewerCan { update delete } }")
UPDATE_ROLE = mutation("updateRole", "UpdateRoleInput", "role { name permissions }")
DELETE_ROLE = mutation("deleteRole", "DeleteRoleInput", "deletedId")
CREATE_TOKEN = mutation("createApiToken", "CreateApiTokenInput", "secret apiToken { id name prefix active expiresAt }")
REVOKE_TOKEN = mutation("revokeApiToken", "RevokeApiTokenInput", "apiToken { active revokedAt }")


async def test_create_role_and_use_it(world: World, sign_in: SignIn, gql: GraphQLClient,
                                      session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    data = await gql(CREATE_ROLE, {"input": {"code": "audit_reader", "name": "审计查阅", "description": "只读",
                                             "permissions": ["AUDIT_READ", "ORG_READ", "AUDIT_READ"]}}, token=token)
    assert data["createRole"]["role"] == {"code": "audit_reader", "name": "审计查阅", "description": "只读",
                                          "builtin": False, "permissions": ["AUDIT_READ", "ORG_READ"],
                                          "userCount": 0, "viewerCan": {"update": True, "delete": True}}
    roles = await gql("{ roles { edges { node { id code } } } }", token=token)
    role_id = next(e["node"]["id"] for e in roles["roles"]["edges"] if e["node"]["code"] == "audit_reader")
    assign = mutation("assignRoles", "AssignRolesInput", "user { id }")
    await gql(assign, {"input": {"userId": gid("User", world.target.id), "roleIds": [role_id]}}, token=token)
    # The new role's permission takes effect at the holder's next request.
    events = await gql("{ auditEvents(first: 1) { totalCount } }", token=await token_for(session, world.target, TEST_SECRET))
    assert events["auditEvents"]["totalCount"] > 0


@pytest.mark.parametrize(("patch", "code", "field"), [
    ({"code": "admin"}, "ROLE_CODE_TAKEN", "code"),
    ({"code": "1bad"}, "INVALID_INPUT", "code"),
    ({"code": ""}, "INVALID_INPUT", "code"),
    ({"name": ""}, "INVALID_INPUT", "name"),
    ({"description": "长" * 2001}, "INVALID_INPUT", "description"),
])
async def test_create_role_errors(patch: dict, code: str, field: str, sign_in: SignIn, gql: GraphQLClient,
                                  session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    payload = {"code": "some_role", "name": "某角色", "permissions": ["ORG_READ"], **patch}
    await expect_error(gql, session, CREATE_ROLE, "createRole", {"input": payload}, token, code, field)


async def test_unknown_permission_is_refused_by_the_schema(sign_in: SignIn, gql: GraphQLClient,
                                                          session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    before = await fingerprint(session)
    body = await gql(CREATE_ROLE, {"input": {"code": "some_role", "name": "某角色",
                                             "permissions": ["ORG_READ", "NO_SUCH_PERMISSION"]}}, token=token,
                     errors=True)
    assert "data" not in body or body["data"] is None
    assert "permissions" in body["errors"][0]["message"] and "PermissionCode" in body["errors"][0]["message"]
    assert await fingerprint(session) == before


async def test_update_builtin_role_permissions(sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    staff = await role_by_code(session, "staff")
    data = await gql(UPDATE_ROLE, {"input": {"id": gid("Role", staff.id), "name": "普通员工",
                                             "permissions": ["ORG_READ"]}}, token=token)
    assert data["updateRole"]["role"] == {"name": "普通员工", "permissions": ["ORG_READ"]}
    event = (await session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))).scalar_one()
    assert event.action == "role.update"
    assert event.before is not None and event.after is not None
    assert event.before["permissions"] == sorted({r.code: r.permissions for r in BUILTIN_ROLES}["staff"])
    assert event.after["permissions"] == ["org.read"]


@pytest.mark.parametrize(("patch", "code", "field"), [
    ({"id": gid("Role", 999999)}, "NOT_FOUND", "id"),
    ({"name": "  "}, "INVALID_INPUT", "name"),
])
async def test_update_role_errors(patch: dict, code: str, field: str, world: World, sign_in: SignIn,
                                  gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    payload = {"id": gid("Role", world.custom_role.id), **patch}
    await expect_error(gql, session, UPDATE_ROLE, "updateRole", {"input": payload}, token, code, field)


async def test_delete_role(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    data = await gql(DELETE_ROLE, {"input": {"id": gid("Role", world.unused_role.id)}}, token=token)
    assert data["deleteRole"]["deletedId"] == gid("Role", world.unused_role.id)
    await expect_error(gql, session, DELETE_ROLE, "deleteRole", {"input": {"id": gid("Role", world.custom_role.id)}},
                       token, "ROLE_IN_USE", "id")
    admin_role = await role_by_code(session, "admin")
    await expect_error(gql, session, DELETE_ROLE, "deleteRole", {"input": {"id": gid("Role", admin_role.id)}},
                       token, "BUILTIN_ROLE", "id")
    await expect_error(gql, session, DELETE_ROLE, "deleteRole", {"input": {"id": gid("Role", world.unused_role.id)}},
                       token, "NOT_FOUND", "id")


async def test_api_token_lifecycle(world: World, gql: GraphQLClient, session: AsyncSession) -> None:
    session_token = await token_for(session, world.target, TEST_SECRET)
    data = await gql(CREATE_TOKEN, {"input": {"name": "月末脚本", "expiresInDays": 30}}, token=session_token)
    created = data["createApiToken"]
    secret = created["secret"]
    assert secret.startswith("yct_") and created["apiToken"]["prefix"] == secret[:10]
    assert created["apiToken"]["active"] is True and created["apiToken"]["expiresAt"]
    stored = (await session.execute(select(ApiToken).where(ApiToken.name == "月末脚本"))).scalar_one()
    assert secret not in (stored.token_hash, stored.prefix)
    # The secret is a bearer credential for scripts.
    assert (await gql("{ viewer { username } }", token=secret))["viewer"]["username"] == "target.user"
    listed = await gql("{ apiTokens { totalCount edges { node { name active } } } }", token=secret)
    assert {"name": "月末脚本", "active": True} in [e["node"] for e in listed["apiTokens"]["edges"]]
    revoked = await gql(REVOKE_TOKEN, {"input": {"id": created["apiToken"]["id"]}}, token=session_token)
    assert revoked["revokeApiToken"]["apiToken"]["active"] is False
    assert (await gql.raw("{ viewer { username } }", token=secret)).status_code == 401
    await expect_error(gql, session, REVOKE_TOKEN, "revokeApiToken", {"input": {"id": created["apiToken"]["id"]}},
                       session_token, "TOKEN_REVOKED", "id")


@pytest.mark.parametrize(("days", "name"), [(0, "x"), (3651, "x"), (30, ""), (30, "名" * 101)])
async def test_create_api_token_errors(days: int, name: str, world: World, gql: GraphQLClient,
                                       session: AsyncSession) -> None:
    field = "name" if days == 30 else "expiresInDays"
    await expect_error(gql, session, CREATE_TOKEN, "createApiToken", {"input": {"name": name, "expiresInDays": days}},
                       await token_for(session, world.target, TEST_SECRET), "INVALID_INPUT", field)


async def test_someone_elses_token_is_not_found_to_non_admins(world: World, session: AsyncSession,
                                                              gql: GraphQLClient) -> None:
    other = await make_user(session)
    await session.commit()
    await expect_error(gql, session, REVOKE_TOKEN, "revokeApiToken",
                       {"input": {"id": gid("ApiToken", world.target_token.id)}}, await token_for(session, other, TEST_SECRET),
                       "NOT_FOUND", "id")


async def test_admins_revoke_anyones_token(world: World, sign_in: SignIn, gql: GraphQLClient,
                                           session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    other_token, _ = await make_api_token(session, user=world.target)
    await session.commit()
    data = await gql(REVOKE_TOKEN, {"input": {"id": gid("ApiToken", other_token.id)}}, token=token)
    assert data["revokeApiToken"]["apiToken"]["active"] is False
