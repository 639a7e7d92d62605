"""Queries: viewer, connections and their pages, node(id:), the audit trail, and SQL statement counts."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import make_department, make_user, token_for
from tests.graphql.conftest import SignIn, World, gid
from yecai.auth.permissions import BUILTIN_ROLES

STAFF = {r.code: r.permissions for r in BUILTIN_ROLES}["staff"]
VIEWER = "{ viewer { id username displayName roles permissions department { name } user { id } } }"
USERS = """query($first: Int!, $after: String) { users(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id username department { code parent { code } } roles { code permissions userCount } viewerCan { update deactivate resetPassword assignRoles } } } } }"""


async def test_viewer(world: World, gql: GraphQLClient, session: AsyncSession) -> None:
    data = await gql(VIEWER, token=await token_for(session, world.target, TEST_SECRET))
    assert data["viewer"] == {"id": gid("User", world.target.id), "username": "target.user",
                              "displayName": world.target.display_name, "roles": ["custom_reader", "staff"],
                              "permissions": sorted(c.replace(".", "_").upper() for c in STAFF | {"org.read"}), "department": {"name": "下级部门"},
                              "user": {"id": gid("User", world.target.id)}}


async def test_viewer_is_null_when_signed_out(gql: GraphQLClient) -> None:
    assert (await gql(VIEWER)) == {"viewer": None}


async def test_users_pages_walk_every_user_once(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                session: AsyncSession) -> None:
    _, token = await sign_in("staff")
    for _ in range(7):
        await make_user(session, department=world.child)
    await session.commit()
    first = await gql(USERS, {"first": 100}, token=token)
    everyone = [e["node"]["username"] for e in first["users"]["edges"]]
    total = first["users"]["totalCount"]
    assert len(everyone) == total and everyone == sorted(everyone)
    seen, after, pages = [], None, 0
    while True:
        page = (await gql(USERS, {"first": 3, "after": after}, token=token))["users"]
        seen += [e["node"]["username"] for e in page["edges"]]
        pages += 1
        assert page["totalCount"] == total
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
        assert after == page["edges"][-1]["cursor"]
    assert seen == everyone and pages == -(-total // 3)


async def test_staff_see_the_directory_but_cannot_act_on_it(world: World, sign_in: SignIn,
                                                            gql: GraphQLClient) -> None:
    _, token = await sign_in("staff")
    edges = (await gql(USERS, {"first": 100}, token=token))["users"]["edges"]
    assert edges and all(e["node"]["viewerCan"] == {"update": False, "deactivate": False, "resetPassword": False,
                                                    "assignRoles": False} for e in edges)


async def test_user_filters(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    await make_user(session, username="inactive.one", active=False, department=world.child)
    await session.commit()
    q = """query($s: String, $d: ID, $a: Boolean) { users(first: 100, search: $s, departmentId: $d, active: $a) {
      edges { node { username } } } }"""

    async def names(**v: object) -> list[str]:
        return [e["node"]["username"] for e in (await gql(q, v, token=token))["users"]["edges"]]

    assert await names(s="TARGET") == ["target.user"]
    assert await names(s="target@EXAMPLE") == ["target.user"]
    assert await names(d=gid("Department", world.child.id)) == ["inactive.one", "target.user"]
    assert await names(d=gid("Department", world.child.id), a=False) == ["inactive.one"]
    assert await names(s="没有这个人") == []


@pytest.mark.parametrize(("first", "message"), [(0, "first"), (101, "first"), (-5, "first")])
async def test_page_size_is_bounded(first: int, message: str, world: World, sign_in: SignIn,
                                    gql: GraphQLClient) -> None:
    _, token = await sign_in("staff")
    body = await gql(USERS, {"first": first}, token=token, errors=True)
    error = body["errors"][0]
    assert error["extensions"] == {"code": "INVALID_INPUT", "field": "first"}
    assert "100" in error["message"]


async def test_bad_cursor(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("staff")
    for cursor in ("!!!", "bm90IGpzb24=", "WzFd"):
        body = await gql(USERS, {"first": 5, "after": cursor}, token=token, errors=True)
        assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "after"}


async def test_anonymous_lists_need_sign_in(gql: GraphQLClient) -> None:
    for field in ("users", "departments", "roles", "apiTokens", "auditEvents"):
        query = f"{{ {field} {{ totalCount }} }}"
        body = await gql(query, errors=True)
        assert body["data"] == {field: None}  # a refused field is null, with its error
        assert body["errors"][0]["path"] == [field]
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", query
        assert body["errors"][0]["message"] == "请先登录"


@pytest.mark.parametrize("role", ["finance", "business", "hr", "manager", "staff"])
async def test_audit_trail_is_closed_to_roles_without_audit_read(role: str, sign_in: SignIn,
                                                                  gql: GraphQLClient) -> None:
    _, token = await sign_in(role)
    body = await gql("{ auditEvents { totalCount } }", token=token, errors=True)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


@pytest.mark.parametrize("role", ["admin", "auditor"])
async def test_audit_trail_filters(role: str, world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    admin, admin_token = await sign_in("admin")
    _, token = await sign_in(role)
    create = """mutation { createDepartment(input: {code: "AUD-1", name: "审计测试", kind: SUPPORT}) {
      ... on CreateDepartmentSuccess { department { id } } } }"""
    await gql(create, token=admin_token)
    q = """query($action: String, $actor: ID, $type: String) {
      auditEvents(first: 10, action: $action, actorId: $actor, subjectType: $type) {
        totalCount edges { node { seq action subjectType subjectId actorUsername actor { username }
          before after requestId clientAddress hash occurredAt } } } }"""
    data = await gql(q, {"action": "department.create", "actor": gid("User", admin.id)}, token=token)
    events = data["auditEvents"]
    assert events["totalCount"] == 1
    node = events["edges"][0]["node"]
    assert node["actor"] == {"username": admin.username} and node["actorUsername"] == admin.username
    assert node["after"]["code"] == "AUD-1" and node["before"] is None
    assert node["clientAddress"] == "203.0.113.7" and len(node["hash"]) == 64 and node["occurredAt"].endswith("+00:00")
    newest_first = await gql("{ auditEvents(first: 5) { edges { node { seq } } } }", token=token)
    seqs = [e["node"]["seq"] for e in newest_first["auditEvents"]["edges"]]
    assert seqs == sorted(seqs, reverse=True)


async def test_node_lookup(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("auditor")
    q = """query($id: ID!) { node(id: $id) { __typename id
      ... on User { username } ... on Department { code } ... on Role { code } } }"""
    assert (await gql(q, {"id": gid("User", world.target.id)}, token=token))["node"]["username"] == "target.user"
    assert (await gql(q, {"id": gid("Department", world.child.id)}, token=token))["node"]["code"] == "W-CHILD"
    assert (await gql(q, {"id": gid("Role", world.custom_role.id)}, token=token))["node"]["code"] == "custom_reader"
    assert (await gql(q, {"id": gid("User", 999999)}, token=token))["node"] is None
    assert (await gql(q, {"id": gid("Nothing", 1)}, token=token))["node"] is None
    assert (await gql(q, {"id": gid("User", "abc")}, token=token))["node"] is None  # type: ignore[arg-type]
    # Someone else's token is invisible; so is everything to the anonymous.
    assert (await gql(q, {"id": gid("ApiToken", world.target_token.id)}, token=token))["node"] is None
    assert (await gql(q, {"id": gid("User", world.target.id)}))["node"] is None
    body = await gql(q, {"id": "%%%garbage"}, token=token, errors=True)
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "id"}


async def test_departments_and_roles(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("manager")
    deps = await gql("{ departments { totalCount edges { node { code parent { code } memberCount "
                     "viewerCan { update delete } } } } }", token=token)
    by_code = {e["node"]["code"]: e["node"] for e in deps["departments"]["edges"]}
    assert by_code["W-CHILD"]["parent"] == {"code": "W-PARENT"} and by_code["W-CHILD"]["memberCount"] == 1
    assert by_code["W-CHILD"]["viewerCan"] == {"update": False, "delete": False}
    roles = await gql("{ roles { edges { node { code builtin userCount viewerCan { delete } } } } }", token=token)
    codes = {e["node"]["code"]: e["node"] for e in roles["roles"]["edges"]}
    assert set(codes) >= {"admin", "finance", "business", "hr", "manager", "staff", "auditor", "custom_reader"}
    assert codes["admin"]["builtin"] is True and codes["custom_reader"]["userCount"] == 1
    catalogue = await gql("{ permissions { code domain domainLabel name description } }", token=token)
    assert {"code": "AUDIT_READ", "domain": "AUDIT", "domainLabel": "审计", "name": "查看审计日志",
            "description": "浏览审计日志"} in catalogue["permissions"]


@pytest.mark.parametrize("size", [2, 20, 60])
async def test_a_list_costs_the_same_statements_whatever_its_size(size: int, sign_in: SignIn, gql: GraphQLClient,
                                                                   session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    parent = await make_department(session)
    for i in range(size - 1):
        department = await make_department(session, parent=parent)
        await make_user(session, department=department, roles=("staff", "finance") if i % 2 else ("hr",))
    await session.commit()
    response = await gql.raw(USERS, {"first": size}, token=token)
    assert response.status_code == 200 and len(response.json()["data"]["users"]["edges"]) == size
    # identity (user, roles) + count + page + roles + departments + parents + permissions + user counts
    assert int(response.headers["x-yecai-sql-statements"]) == 9
