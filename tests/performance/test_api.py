"""The performance API end to end: HR takes a cycle from draft to published, bad input is named by field with
nothing written, every operation is refused to whoever may not do it, and the confidentiality matrix: every role
against every person's scorecard, its comments and its grade, in lists, counts, ``node`` and the distribution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry import relay

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import token_for
from tests.graphql.helpers import expect_error, mutation
from tests.performance.conftest import Org, make_cycle, person_template
from yecai.actor import system_actor
from yecai.meetings.models import ActionItem, ActionItemStatus, Meeting
from yecai.performance import service
from yecai.performance.models import CycleState, EvaluationCycle, Indicator, Scorecard

SYSTEM = system_actor("test")
SCORECARDS = """query($cycle: ID) { scorecards(first: 20, cycleId: $cycle) { totalCount edges { node {
  id user { username } grade finalScore assessments { comment } lines { value evidence { type } } } } } }"""
NODE = """query($id: ID!) { node(id: $id) { ... on Scorecard { id grade assessments { comment } } } }"""
DISTRIBUTION = """query($id: ID!) { node(id: $id) { ... on EvaluationCycle { gradeDistribution { a b c d none } } } }"""
CALIBRATE = mutation("calibrateScore", "CalibrateScoreInput", "scorecard { finalScore grade calibrationReason }")
PUBLISH = mutation("publishEvaluationCycle", "CycleIdInput", "cycle { state }")
ADVANCE = mutation("advanceEvaluationCycle", "CycleIdInput", "cycle { state }")
ASSESS = mutation("submitAssessment", "SubmitAssessmentInput", "assessment { relation score }")
TEMPLATE = mutation("createScorecardTemplate", "CreateScorecardTemplateInput", "template { id }")
CYCLE = mutation("createEvaluationCycle", "CreateEvaluationCycleInput", "cycle { id state }")


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@dataclass
class Scene:
    org: Org
    cycle: EvaluationCycle
    cards: dict[str, Scorecard]  # by username
    tokens: dict[str, str]  # by username


async def _scene(session: AsyncSession, org: Org, stage: CycleState) -> Scene:
    m = Meeting(title="联席会", starts_at=datetime(2027, 1, 5, 2, tzinfo=UTC),
                ends_at=datetime(2027, 1, 5, 3, tzinfo=UTC), organizer_id=org.cfo.id)
    session.add(m)
    await session.flush()
    for user in (org.accountant, org.clerk, org.seller):
        session.add(ActionItem(meeting_id=m.id, title="待办", owner_id=user.id, department_id=user.department_id,
                               due_on=date(2027, 1, 10), status=ActionItemStatus.DONE,
                               completed_at=datetime(2027, 1, 9, tzinfo=UTC)))
    await person_template(session)
    cycle = await make_cycle(session)
    await service.open_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
    cards = {}
    for c in (await session.execute(select(Scorecard).where(Scorecard.cycle_id == cycle.id))).scalars():
        for user in (org.hr, org.cfo, org.accountant, org.clerk, org.sales_manager, org.seller, org.admin):
            if c.user_id == user.id:
                cards[user.username] = c
    collab = (await session.execute(select(Indicator).where(Indicator.code == "COLLAB"))).scalar_one()
    while cycle.state != stage:
        if cycle.state == CycleState.MANAGER_ASSESSMENT:
            for who, manager in (("p.accountant", org.cfo), ("p.clerk", org.cfo), ("p.seller", org.sales_manager)):
                await service.submit_assessment(session, actor=await org.actor(session, manager),
                                                scorecard_id=cards[who].id, indicator_id=collab.id, score="88",
                                                comment=f"评语-{who}")
        await service.advance_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
    tokens = {u.username: await token_for(session, u, TEST_SECRET)
              for u in (org.hr, org.cfo, org.accountant, org.clerk, org.sales_manager, org.seller, org.admin)}
    await session.flush()
    return Scene(org, cycle, cards, tokens)


# Who sees whose scorecard: the person, their managers up the tree, HR. Not the admin, not other managers.
SEES = {
    "p.hr": {"p.hr", "p.cfo", "p.accountant", "p.clerk", "p.salesmgr", "p.seller", "p.admin"},
    "p.cfo": {"p.cfo", "p.accountant", "p.clerk"},
    "p.accountant": {"p.accountant"},
    "p.clerk": {"p.clerk"},
    "p.salesmgr": {"p.salesmgr", "p.seller"},
    "p.seller": {"p.seller"},
    "p.admin": {"p.admin"},
}


@pytest.mark.parametrize("stage", [CycleState.CALIBRATION, CycleState.PUBLISHED])
async def test_confidentiality_matrix(session: AsyncSession, org: Org, gql: GraphQLClient, stage: CycleState) -> None:
    scene = await _scene(session, org, CycleState.CALIBRATION)
    if stage == CycleState.PUBLISHED:
        await service.publish_evaluation_cycle(session, actor=SYSTEM, cycle_id=scene.cycle.id)
    await session.flush()
    for viewer, token in scene.tokens.items():
        listed = (await gql(SCORECARDS, {"cycle": gid("EvaluationCycle", scene.cycle.id)}, token=token))["scorecards"]
        names = {e["node"]["user"]["username"] for e in listed["edges"]}
        assert names == SEES[viewer], viewer
        assert listed["totalCount"] == len(SEES[viewer]), viewer
        for owner, card in scene.cards.items():
            node = (await gql(NODE, {"id": gid("Scorecard", card.id)}, token=token))["node"]
            if owner not in SEES[viewer]:
                assert node is None, (viewer, owner)
                continue
            assert node is not None, (viewer, owner)
            comments = [a["comment"] for a in node["assessments"]]
            if owner not in ("p.accountant", "p.clerk", "p.seller"):
                assert comments == [] and node["grade"] is None  # nothing counted: no data, no grade
                continue
            assert comments == [f"评语-{owner}"], (viewer, owner)
            # the person sees their grade once published; managers and HR always
            assert (node["grade"] is not None) == (viewer != owner or stage == CycleState.PUBLISHED), (viewer, owner)
        dist = (await gql(DISTRIBUTION, {"id": gid("EvaluationCycle", scene.cycle.id)}, token=token))["node"]
        counted = sum(dist["gradeDistribution"].values())
        own_hidden = stage != CycleState.PUBLISHED and viewer != "p.hr"
        assert counted == len(SEES[viewer]) - (1 if own_hidden else 0), viewer


async def test_hr_calibrates_and_publishes_once(session: AsyncSession, org: Org, gql: GraphQLClient) -> None:
    scene = await _scene(session, org, CycleState.CALIBRATION)
    hr, card = scene.tokens["p.hr"], scene.cards["p.accountant"]
    await expect_error(gql, session, CALIBRATE, "calibrateScore", {"input": {
        "scorecardId": gid("Scorecard", card.id), "score": "120", "reason": "x"}}, hr, "INVALID_INPUT", "score")
    await expect_error(gql, session, CALIBRATE, "calibrateScore", {"input": {
        "scorecardId": gid("Scorecard", card.id), "score": "80", "reason": ""}}, hr, "INVALID_INPUT", "reason")
    for who in ("p.cfo", "p.accountant", "p.admin"):
        await expect_error(gql, session, CALIBRATE, "calibrateScore", {"input": {
            "scorecardId": gid("Scorecard", card.id), "score": "80", "reason": "x"}}, scene.tokens[who],
            "PERMISSION_DENIED")
        await expect_error(gql, session, PUBLISH, "publishEvaluationCycle", {"input": {
            "cycleId": gid("EvaluationCycle", scene.cycle.id)}}, scene.tokens[who], "PERMISSION_DENIED")
    done = (await gql(CALIBRATE, {"input": {"scorecardId": gid("Scorecard", card.id), "score": "91.5",
                                            "reason": "牵头业财对账项目"}}, token=hr))["calibrateScore"]
    assert done["scorecard"] == {"finalScore": "91.50", "grade": "A", "calibrationReason": "牵头业财对账项目"}
    published = (await gql(PUBLISH, {"input": {"cycleId": gid("EvaluationCycle", scene.cycle.id)}}, token=hr))
    assert published["publishEvaluationCycle"]["cycle"]["state"] == "PUBLISHED"
    await expect_error(gql, session, PUBLISH, "publishEvaluationCycle", {"input": {
        "cycleId": gid("EvaluationCycle", scene.cycle.id)}}, hr, "ALREADY_PUBLISHED", "cycleId")
    await expect_error(gql, session, CALIBRATE, "calibrateScore", {"input": {
        "scorecardId": gid("Scorecard", card.id), "score": "80", "reason": "x"}}, hr, "WRONG_STATE")


async def test_assessments_by_stage_and_relation(session: AsyncSession, org: Org, gql: GraphQLClient) -> None:
    scene = await _scene(session, org, CycleState.SELF_ASSESSMENT)
    collab = (await session.execute(select(Indicator).where(Indicator.code == "COLLAB"))).scalar_one()
    card = scene.cards["p.clerk"]
    base = {"scorecardId": gid("Scorecard", card.id), "indicatorId": gid("Indicator", collab.id), "score": "80"}
    await expect_error(gql, session, ASSESS, "submitAssessment", {"input": base}, scene.tokens["p.cfo"],
                       "WRONG_STATE", "scorecardId")
    await expect_error(gql, session, ASSESS, "submitAssessment", {"input": base}, scene.tokens["p.seller"],
                       "NOT_FOUND", "scorecardId")
    await expect_error(gql, session, ASSESS, "submitAssessment", {"input": base | {"indicatorId": gid("User", 1)}},
                       scene.tokens["p.clerk"], "INVALID_INPUT", "indicatorId")
    own = (await gql(ASSESS, {"input": base | {"comment": "本季度按时完成对账"}}, token=scene.tokens["p.clerk"]))
    assert own["submitAssessment"]["assessment"] == {"relation": "SELF", "score": "80.00"}
    await gql(ADVANCE, {"input": {"cycleId": gid("EvaluationCycle", scene.cycle.id)}}, token=scene.tokens["p.hr"])
    given = await gql(ASSESS, {"input": base | {"score": "72.5"}}, token=scene.tokens["p.cfo"])
    assert given["submitAssessment"]["assessment"] == {"relation": "MANAGER", "score": "72.50"}


async def test_bad_templates_and_cycles_by_field(session: AsyncSession, org: Org, gql: GraphQLClient) -> None:
    scene = await _scene(session, org, CycleState.OPEN)
    hr = scene.tokens["p.hr"]
    items = (await session.execute(select(Indicator).where(Indicator.code == "ACTION_ITEMS_ON_TIME"))).scalar_one()
    line = {"indicatorId": gid("Indicator", items.id), "weight": "90", "bandKind": "THRESHOLD", "target": "80"}
    await expect_error(gql, session, TEMPLATE, "createScorecardTemplate", {"input": {
        "name": "模板", "subject": "PERSON", "lines": [line]}}, hr, "WEIGHTS_NOT_100", "lines")
    await expect_error(gql, session, TEMPLATE, "createScorecardTemplate", {"input": {
        "name": "模板", "subject": "PERSON", "lines": [line | {"weight": "100", "bandKind": "STEP", "bands": [
            {"min": "0", "max": "50", "score": "10"}, {"min": "40", "max": "100", "score": "90"}]}]}}, hr,
        "OVERLAPPING_BANDS", "lines[0].bands")
    await expect_error(gql, session, TEMPLATE, "createScorecardTemplate", {"input": {
        "name": "模板", "subject": "PERSON", "lines": [line | {"indicatorId": gid("Meeting", 1)}]}}, hr,
        "INVALID_INPUT", "lines[0].indicatorId")
    await expect_error(gql, session, TEMPLATE, "createScorecardTemplate", {"input": {
        "name": "模板", "subject": "PERSON", "lines": [line | {"weight": "100"}]}}, scene.tokens["p.cfo"],
        "PERMISSION_DENIED")
    cycle = {"name": "2027 Q2", "kind": "QUARTERLY", "periodStart": "2027-04-01", "periodEnd": "2027-06-30",
             "selfAssessmentDue": "2027-07-05", "managerAssessmentDue": "2027-07-10", "calibrationDue": "2027-07-15"}
    await expect_error(gql, session, CYCLE, "createEvaluationCycle", {"input": {"cycle": cycle | {
        "periodEnd": "2027-03-01"}}}, hr, "INVALID_INPUT", "periodEnd")
    await expect_error(gql, session, CYCLE, "createEvaluationCycle", {"input": {"cycle": cycle}},
                       scene.tokens["p.admin"], "PERMISSION_DENIED")
    made = await gql(CYCLE, {"input": {"cycle": cycle}}, token=hr)
    assert made["createEvaluationCycle"]["cycle"]["state"] == "DRAFT"
    # drafts are HR's: nobody else lists them
    listed = await gql("{ evaluationCycles(first: 10) { totalCount } }", token=scene.tokens["p.accountant"])
    assert listed["evaluationCycles"]["totalCount"] == 1
