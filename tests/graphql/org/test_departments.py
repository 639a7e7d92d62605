"""The department tree through the API."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation

CREATE = mutation("createDepartment", "CreateDepartmentInput",
                  "department { code name kind parent { code } memberCount viewerCan { update delete } }")
UPDATE = mutation("updateDepartment", "UpdateDepartmentInput", "department { code name kind parent { code } }")
DELETE = mutation("deleteDepartment", "DeleteDepartmentInput", "deletedId")


async def test_create_department(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("admin")
    data = await gql(CREATE, {"input": {"code": "FIN-AP", "name": "应付组", "kind": "FINANCE",
                                        "parentId": gid("Department", world.parent.id)}}, token=token)
    assert data["createDepartment"]["department"] == {
        "code": "FIN-AP", "name": "应付组", "kind": "FINANCE", "parent": {"code": "W-PARENT"}, "memberCount": 0,
        "viewerCan": {"update": True, "delete": True}}


@pytest.mark.parametrize(("patch", "code", "field"), [
    ({"code": "W-CHILD"}, "DEPARTMENT_CODE_TAKEN", "code"),
    ({"code": ""}, "INVALID_INPUT", "code"),
    ({"code": "含中文"}, "INVALID_INPUT", "code"),
    ({"name": "名" * 101}, "INVALID_INPUT", "name"),
    ({"parentId": gid("Department", 999999)}, "NOT_FOUND", "parentId"),
    ({"parentId": "xyz"}, "INVALID_INPUT", "parentId"),
])
async def test_create_department_errors(patch: dict, code: str, field: str, world: World, sign_in: SignIn,
                                        gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    payload = {"code": "NEW", "name": "新部门", "kind": "SUPPORT", **patch}
    await expect_error(gql, session, CREATE, "createDepartment", {"input": payload}, token, code, field)


async def test_move_and_rename(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("admin")
    data = await gql(UPDATE, {"input": {"id": gid("Department", world.child.id), "name": "改名", "kind": "SUPPORT",
                                        "parentId": gid("Department", world.empty.id)}}, token=token)
    assert data["updateDepartment"]["department"] == {"code": "W-CHILD", "name": "改名", "kind": "SUPPORT",
                                                      "parent": {"code": "W-EMPTY"}}
    data = await gql(UPDATE, {"input": {"id": gid("Department", world.child.id), "parentId": None}}, token=token)
    assert data["updateDepartment"]["department"]["parent"] is None


@pytest.mark.parametrize(("moved", "new_parent", "code"), [
    ("parent", "child", "DEPARTMENT_CYCLE"),
    ("parent", "parent", "DEPARTMENT_CYCLE"),
])
async def test_no_cycles(moved: str, new_parent: str, code: str, world: World, sign_in: SignIn,
                         gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    ids = {"parent": world.parent.id, "child": world.child.id}
    await expect_error(gql, session, UPDATE, "updateDepartment",
                       {"input": {"id": gid("Department", ids[moved]), "parentId": gid("Department", ids[new_parent])}},
                       token, code, "parentId")


async def test_recode_to_a_taken_code(world: World, sign_in: SignIn, gql: GraphQLClient,
                                      session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    await expect_error(gql, session, UPDATE, "updateDepartment",
                       {"input": {"id": gid("Department", world.child.id), "code": "W-PARENT"}}, token,
                       "DEPARTMENT_CODE_TAKEN", "code")


async def test_delete(world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    # A department with members, or with sub-departments, stays.
    for department in (world.child, world.parent):
        await expect_error(gql, session, DELETE, "deleteDepartment",
                           {"input": {"id": gid("Department", department.id)}}, token, "DEPARTMENT_NOT_EMPTY", "id")
    data = await gql(DELETE, {"input": {"id": gid("Department", world.empty.id)}}, token=token)
    assert data["deleteDepartment"]["deletedId"] == gid("Department", world.empty.id)
    await expect_error(gql, session, DELETE, "deleteDepartment", {"input": {"id": gid("Department", world.empty.id)}},
                       token, "NOT_FOUND", "id")
