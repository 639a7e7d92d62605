"""Cycles, templates, assessments and calibration through the services: the whole cycle from draft to closed,
bad input named and nothing written, every operation refused to whoever may not do it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.performance.conftest import Org, cycle_input, indicator, make_cycle, manual, person_template
from yecai.actor import system_actor
from yecai.audit.models import AuditEvent
from yecai.errors import DomainError
from yecai.meetings.models import ActionItem, ActionItemStatus, Meeting
from yecai.performance import service
from yecai.performance.models import (
    BandKind,
    CycleState,
    Grade,
    NoDataRule,
    Rater,
    Scorecard,
    ScoreLine,
    Subject,
)

SYSTEM = system_actor("test")


async def _card(session: AsyncSession, cycle_id: int, user_id: int) -> Scorecard:
    return (await session.execute(select(Scorecard).where(Scorecard.cycle_id == cycle_id,
                                                          Scorecard.user_id == user_id))).scalar_one()


async def _items(session: AsyncSession, org: Org) -> None:
    """The accountant: 3 of 4 action items done on time (75%); the clerk: none (no data)."""
    m = Meeting(title="联席会", starts_at=datetime(2027, 1, 5, 2, tzinfo=UTC),
                ends_at=datetime(2027, 1, 5, 3, tzinfo=UTC), organizer_id=org.cfo.id)
    session.add(m)
    await session.flush()
    done = datetime(2027, 1, 9, tzinfo=UTC)
    session.add_all([ActionItem(meeting_id=m.id, title=f"待办{i}", owner_id=org.accountant.id,
                                department_id=org.finance.id, due_on=date(2027, 1, 10),
                                status=ActionItemStatus.DONE if i < 3 else ActionItemStatus.OPEN,
                                completed_at=done if i < 3 else None) for i in range(4)])
    await session.flush()


async def test_a_cycle_from_draft_to_closed(session: AsyncSession, org: Org) -> None:
    await _items(session, org)
    template = await person_template(session)
    cycle = await make_cycle(session)
    hr, cfo, accountant = [await org.actor(session, u) for u in (org.hr, org.cfo, org.accountant)]
    await service.open_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert cycle.state == CycleState.OPEN
    cards = (await session.execute(select(Scorecard).where(Scorecard.cycle_id == cycle.id))).scalars().all()
    assert {c.user_id for c in cards} >= {org.accountant.id, org.clerk.id, org.cfo.id, org.hr.id}
    assert all(c.template_id == template.id for c in cards)
    await service.advance_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert cycle.state == CycleState.SELF_ASSESSMENT
    card = await _card(session, cycle.id, org.accountant.id)
    collaboration = await indicator(session, "COLLAB")
    await service.submit_assessment(session, actor=accountant, scorecard_id=card.id, indicator_id=collaboration.id,
                                    score="95", comment="积极配合")
    with pytest.raises(DomainError) as error:  # the manager's turn has not come
        await service.submit_assessment(session, actor=cfo, scorecard_id=card.id, indicator_id=collaboration.id,
                                        score="80", comment="")
    assert error.value.code == "WRONG_STATE"
    await service.advance_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    await service.submit_assessment(session, actor=cfo, scorecard_id=card.id, indicator_id=collaboration.id,
                                    score="80", comment="沟通及时")
    await service.advance_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert cycle.state == CycleState.CALIBRATION
    await session.refresh(card)
    # action items 75% on a linear 50..100 -> 50 points x 60%; the manager's 80 (not the self 95) x 40% -> 62
    assert card.computed_score == Decimal("62.00")
    assert card.grade == Grade.C
    clerk = await _card(session, cycle.id, org.clerk.id)
    await session.refresh(clerk)
    assert clerk.computed_score is None and clerk.grade is None  # no data anywhere: nothing to score
    lines = {line.indicator_id: line for line in (await session.execute(select(ScoreLine).where(
        ScoreLine.scorecard_id == card.id))).scalars()}
    items = lines[(await indicator(session, "ACTION_ITEMS_ON_TIME")).id]
    assert (items.value, items.score, items.counted, len(items.evidence)) == (Decimal("75.0000"), Decimal("50.00"),
                                                                              4, 4)
    calibrated = await service.calibrate_score(session, actor=hr, scorecard_id=card.id, score="76",
                                               reason="跨部门项目贡献突出")
    assert (calibrated.final_score, calibrated.grade, calibrated.calibration_reason) == (
        Decimal("76.00"), Grade.B, "跨部门项目贡献突出")
    event = (await session.execute(select(AuditEvent).where(AuditEvent.action == "scorecard.calibrate"))).scalar_one()
    assert event.after["calibration_reason"] == "跨部门项目贡献突出" and event.before["calibrated_score"] is None
    await service.publish_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert cycle.state == CycleState.PUBLISHED
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.publish_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert (error.value.code, error.value.field) == ("ALREADY_PUBLISHED", "cycleId")
    assert await fingerprint(session) == before
    await service.close_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert cycle.state == CycleState.CLOSED
    actions = list((await session.execute(select(AuditEvent.action).where(
        AuditEvent.subject_type == "evaluation_cycle").order_by(AuditEvent.seq))).scalars())
    assert actions == ["evaluation_cycle.create", "evaluation_cycle.open", "evaluation_cycle.self_assessment",
                       "evaluation_cycle.manager_assessment", "evaluation_cycle.calibration",
                       "evaluation_cycle.published", "evaluation_cycle.closed"]


async def test_no_data_follows_the_templates_rule(session: AsyncSession, org: Org) -> None:
    items = await indicator(session, "ACTION_ITEMS_ON_TIME")
    attendance = await indicator(session, "MEETING_ATTENDANCE")
    await _items(session, org)
    results = {}
    for rule in NoDataRule:
        await session.execute(ScoreLine.__table__.delete())
        template = await service.create_scorecard_template(session, actor=SYSTEM, data=service.TemplateInput(
            name=f"规则{rule}", subject=Subject.PERSON, no_data_rule=rule, lines=[
                service.TemplateLineInput(items.id, "50", BandKind.THRESHOLD, target="70"),
                service.TemplateLineInput(attendance.id, "50", BandKind.THRESHOLD, target="90")]))
        cycle = await make_cycle(session, name=f"周期{rule}")
        await service.open_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
        for _ in range(3):
            await service.advance_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
        card = await _card(session, cycle.id, org.accountant.id)
        await session.refresh(card)
        results[rule] = card.computed_score
        template.active = False
        await session.flush()
    # items met (100 points); attendance has no data
    assert results == {NoDataRule.REWEIGHT: Decimal("100.00"), NoDataRule.ZERO: Decimal("50.00"),
                       NoDataRule.FULL: Decimal("100.00")}


@pytest.mark.parametrize(("lines", "code", "field"), [
    ([("60", BandKind.LINEAR, "100", "50", ()), ("30", BandKind.THRESHOLD, "90", None, ())],
     "WEIGHTS_NOT_100", "lines"),
    ([("100", BandKind.STEP, None, None, ({"min": "0", "max": "60", "score": "40"},
                                          {"min": "50", "max": "100", "score": "90"}))],
     "OVERLAPPING_BANDS", "lines[0].bands"),
    ([("100", BandKind.STEP, None, None, ({"min": "0", "max": "60", "score": "140"},))],
     "INVALID_INPUT", "lines[0].bands[0].score"),
    ([("100", BandKind.LINEAR, "100", None, ())], "INVALID_INPUT", "lines[0].floor"),
    ([("100", BandKind.THRESHOLD, "abc", None, ())], "INVALID_INPUT", "lines[0].target"),
    ([("100.001", BandKind.THRESHOLD, "1", None, ())], "INVALID_INPUT", "lines[0].weight"),
    ([], "INVALID_INPUT", "lines"),
])
async def test_bad_templates_are_named_and_nothing_is_written(session: AsyncSession, org: Org, lines: list,
                                                              code: str, field: str) -> None:
    items = await indicator(session, "ACTION_ITEMS_ON_TIME")
    attendance = await indicator(session, "MEETING_ATTENDANCE")
    ids = [items.id, attendance.id]
    data = service.TemplateInput(name="模板", subject=Subject.PERSON, lines=[
        service.TemplateLineInput(ids[i], w, k, target=t, floor=f, bands=b) for i, (w, k, t, f, b) in enumerate(lines)])
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.create_scorecard_template(session, actor=await org.actor(session, org.hr), data=data)
    assert (error.value.code, error.value.field) == (code, field)
    assert await fingerprint(session) == before


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": " "}, "name"),
    ({"period_end": date(2026, 12, 1)}, "periodEnd"),
    ({"manager_assessment_due": date(2099, 4, 1)}, "managerAssessmentDue"),
    ({"forced_distribution": {"A": 20, "B": 30}}, "forcedDistribution"),
    ({"forced_distribution": {"A": 20, "E": 80}}, "forcedDistribution"),
])
async def test_bad_cycles_are_named_and_nothing_is_written(session: AsyncSession, org: Org, changes: dict,
                                                           field: str) -> None:
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.create_evaluation_cycle(session, actor=await org.actor(session, org.hr),
                                              data=cycle_input(**changes))
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before


async def _in_stage(session: AsyncSession, org: Org, stage: CycleState):
    await person_template(session)
    cycle = await make_cycle(session)
    await service.open_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
    while cycle.state != stage:
        await service.advance_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
    return cycle, await indicator(session, "COLLAB")


@pytest.mark.parametrize(("score", "field"), [("101", "score"), ("-1", "score"), ("7.123", "score"),
                                              ("x", "score")])
async def test_scores_out_of_range_are_refused(session: AsyncSession, org: Org, score: str, field: str) -> None:
    cycle, collab = await _in_stage(session, org, CycleState.MANAGER_ASSESSMENT)
    card = await _card(session, cycle.id, org.accountant.id)
    before = await fingerprint(session)
    with pytest.raises(DomainError) as error:
        await service.submit_assessment(session, actor=await org.actor(session, org.cfo), scorecard_id=card.id,
                                        indicator_id=collab.id, score=score)
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", field)
    assert await fingerprint(session) == before


async def test_who_may_assess_whom(session: AsyncSession, org: Org) -> None:
    cycle, collab = await _in_stage(session, org, CycleState.MANAGER_ASSESSMENT)
    peer_indicator = await manual(session, "PEER", Rater.PEER)
    card = await _card(session, cycle.id, org.clerk.id)  # the clerk is of the group under finance
    before = await fingerprint(session)
    for user, code in ((org.sales_manager, "NOT_FOUND"), (org.seller, "NOT_FOUND"), (org.admin, "NOT_FOUND"),
                       (org.accountant, "NOT_FOUND")):
        with pytest.raises(DomainError) as error:
            await service.submit_assessment(session, actor=await org.actor(session, user), scorecard_id=card.id,
                                            indicator_id=collab.id, score="70")
        assert error.value.code == code, user.username
    assert await fingerprint(session) == before
    # the finance manager oversees the group under finance
    a = await service.submit_assessment(session, actor=await org.actor(session, org.cfo), scorecard_id=card.id,
                                        indicator_id=collab.id, score="70", comment="认真")
    assert a.relation.value == "MANAGER"
    # a peer scores only the peer indicator of a colleague of their own department, with a comment
    accountant_card = await _card(session, cycle.id, org.accountant.id)
    with pytest.raises(DomainError) as error:  # not on the template
        await service.submit_assessment(session, actor=await org.actor(session, org.cfo), scorecard_id=card.id,
                                        indicator_id=peer_indicator.id, score="70")
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", "indicatorId")
    with pytest.raises(DomainError) as error:
        await service.submit_assessment(session, actor=await org.actor(session, org.clerk),
                                        scorecard_id=accountant_card.id, indicator_id=collab.id, score="70")
    assert error.value.code == "NOT_FOUND"


async def test_deadlines_close_the_assessment(session: AsyncSession, org: Org) -> None:
    cycle, collab = await _in_stage(session, org, CycleState.SELF_ASSESSMENT)
    card = await _card(session, cycle.id, org.accountant.id)
    with pytest.raises(DomainError) as error:
        await service.submit_assessment(session, actor=await org.actor(session, org.accountant), scorecard_id=card.id,
                                        indicator_id=collab.id, score="90", today=date(2099, 4, 11))
    assert error.value.code == "DEADLINE_PASSED"


async def test_only_hr_runs_cycles_and_calibrates(session: AsyncSession, org: Org) -> None:
    cycle, _ = await _in_stage(session, org, CycleState.CALIBRATION)
    card = await _card(session, cycle.id, org.accountant.id)
    draft = await make_cycle(session, name="草稿")
    before = await fingerprint(session)
    for user in (org.admin, org.cfo, org.accountant, org.seller):
        actor = await org.actor(session, user)
        calls = [
            lambda a=actor: service.create_evaluation_cycle(session, actor=a, data=cycle_input()),
            lambda a=actor: service.open_evaluation_cycle(session, actor=a, cycle_id=draft.id),
            lambda a=actor: service.advance_evaluation_cycle(session, actor=a, cycle_id=cycle.id),
            lambda a=actor: service.compute_scorecards(session, actor=a, cycle_id=cycle.id),
            lambda a=actor: service.publish_evaluation_cycle(session, actor=a, cycle_id=cycle.id),
            lambda a=actor: service.close_evaluation_cycle(session, actor=a, cycle_id=cycle.id),
            lambda a=actor: service.calibrate_score(session, actor=a, scorecard_id=card.id, score="90", reason="x"),
            lambda a=actor: service.create_indicator(session, actor=a, data=service.IndicatorInput(
                code="X", name="X", kind="MANUAL")),
            lambda a=actor: service.create_scorecard_template(session, actor=a, data=service.TemplateInput(
                name="X", subject=Subject.PERSON)),
        ]
        for call in calls:
            with pytest.raises(DomainError) as error:
                await call()
            assert error.value.code == "PERMISSION_DENIED", user.username
    assert await fingerprint(session) == before
    hr = await org.actor(session, org.hr)
    with pytest.raises(DomainError) as error:
        await service.calibrate_score(session, actor=hr, scorecard_id=card.id, score="90", reason=" ")
    assert (error.value.code, error.value.field) == ("INVALID_INPUT", "reason")
    with pytest.raises(DomainError) as error:
        await service.advance_evaluation_cycle(session, actor=hr, cycle_id=cycle.id)
    assert error.value.code == "WRONG_STATE"
    assert await fingerprint(session) == before


async def test_forced_distribution_grades_by_rank(session: AsyncSession, org: Org) -> None:
    from yecai.performance import scoring

    scores = [(1, Decimal(95)), (2, Decimal(90)), (3, Decimal(90)), (4, Decimal(70)), (5, Decimal(60)),
              (6, Decimal(50)), (7, Decimal(40)), (8, Decimal(30)), (9, Decimal(20)), (10, Decimal(10)), (11, None)]
    # the quotas are cumulative (A: the best 20%, A and B: the best 50% ...); the tie at 90 shares A
    grades = scoring.forced_grades(scores, {"A": 20, "B": 30, "C": 30, "D": 20})
    assert [grades[i] for i in range(1, 12)] == [Grade.A, Grade.A, Grade.A, Grade.B, Grade.B, Grade.C, Grade.C,
                                                 Grade.C, Grade.D, Grade.D, None]
    assert (await session.execute(select(func.count()).select_from(Scorecard))).scalar_one() == 0
