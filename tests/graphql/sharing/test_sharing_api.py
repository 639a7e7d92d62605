"""The sharing API end to end: bad input named by field with nothing written, only the audience sees a
publication, figures for admins and managers of the department only."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import make_user, token_for
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import expect_error, mutation

CREATE = mutation("createSharingRule", "CreateSharingRuleInput", "rule { id }")
PUBLICATIONS = """{ publications(first: 20) { totalCount edges { node { id title state } } } }"""
FIGURES = """query($from: Date!, $to: Date!) { sharingFigures(from: $from, to: $to) { total { due onTime missed
  onTimeRate receipts acknowledged } byDepartment { label figures { due } } } }"""


async def test_bad_rules_are_named_and_nothing_written(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                       session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    base = {"title": "成本分析", "responsibleId": gid("User", world.target.id), "recurrence": "FREQ=MONTHLY;BYMONTHDAY=5",
            "startsAt": "2026-12-05T09:00:00+08:00", "deadlineMinutes": 120,
            "audienceDepartmentIds": [gid("Department", world.ops.department.id)]}
    for change, field in (({"recurrence": "FREQ=FORTNIGHTLY"}, "recurrence"),
                          ({"deadlineMinutes": -10}, "deadlineMinutes"),
                          ({"audienceDepartmentIds": [gid("Department", 999999)]}, "audienceDepartmentIds[0]"),
                          ({"audienceDepartmentIds": [gid("User", world.target.id)]}, "audienceDepartmentIds[0]"),
                          ({"audienceRoles": ["nobody"]}, "audienceRoles[0]"),
                          ({"audienceDepartmentIds": []}, "audience"),
                          ({"responsibleId": gid("User", 999999)}, "responsibleId")):
        await expect_error(gql, session, CREATE, "createSharingRule", {"input": {"rule": base | change}}, token,
                           "INVALID_INPUT", field)


async def test_only_the_audience_sees_a_publication(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                    session: AsyncSession) -> None:
    _, receiver = await sign_in("staff")  # joined the audience's department after it was published
    one = await gql("query($id: ID!) { node(id: $id) { ... on Publication { title viewerCan { acknowledge } } } }",
                    {"id": gid("Publication", world.sharing.published.id)}, token=receiver)
    assert one["node"] == {"title": "销售日报", "viewerCan": {"acknowledge": True}}
    ack = mutation("acknowledgePublication", "AcknowledgePublicationInput", "publication { id }")
    done = await gql(ack, {"input": {"publicationId": gid("Publication", world.sharing.published.id)}}, token=receiver)
    assert done["acknowledgePublication"]["__typename"] == "AcknowledgePublicationSuccess"
    seen = (await gql(PUBLICATIONS, token=receiver))["publications"]
    assert [e["node"]["id"] for e in seen["edges"]] == [gid("Publication", world.sharing.published.id)]
    assert seen["edges"][0]["node"]["title"] == "销售日报"
    outsider = await make_user(session, roles=("staff",), department=world.empty)
    await session.commit()
    outsider_token = await token_for(session, outsider, TEST_SECRET)
    assert (await gql(PUBLICATIONS, token=outsider_token))["publications"]["totalCount"] == 0
    node = await gql("query($id: ID!) { node(id: $id) { id } }",
                     {"id": gid("Publication", world.sharing.published.id)}, token=outsider_token)
    assert node["node"] is None


async def test_figures_for_admins_and_department_managers(world: World, sign_in: SignIn, gql: GraphQLClient) -> None:
    variables = {"from": "2026-12-01", "to": "2026-12-31"}
    _, admin = await sign_in("admin")
    total = (await gql(FIGURES, variables, token=admin))["sharingFigures"]["total"]
    assert total["due"] >= 1 and total["receipts"] >= 1
    _, staff = await sign_in("staff")
    denied = await gql(FIGURES, variables, token=staff, errors=True)
    assert denied["data"]["sharingFigures"] is None and denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    _, manager = await sign_in("manager")  # of the audience's department, not the rule's source department
    scoped = (await gql(FIGURES, variables, token=manager))["sharingFigures"]
    assert scoped["total"]["due"] == 0 and scoped["byDepartment"] == []
