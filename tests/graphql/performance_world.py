"""The world's performance: a cycle in each state, each with one scorecard: the person's of a group under the
business department (the template is for that group only), so the signed-in manager of the business department
is their manager; scored by a manual indicator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import system_actor
from yecai.org.models import Department
from yecai.performance import service
from yecai.performance.models import BandKind, CycleKind, EvaluationCycle, Indicator, IndicatorKind, Scorecard, Subject


@dataclass
class Performance:
    draft: EvaluationCycle
    opened: EvaluationCycle
    assessing: EvaluationCycle  # manager assessment
    calibrating: EvaluationCycle
    published: EvaluationCycle
    assessed: Scorecard  # the person's card of ``assessing``
    card: Scorecard  # the person's card of ``calibrating``
    manual: Indicator


async def make_performance(session: AsyncSession, business: Department) -> Performance:
    system = system_actor("test")
    group = await make_department(session, code="W-OPS-A", name="业务一组", parent=business)
    person = await make_user(session, username="w.perf.person", roles=("staff",), department=group)
    manual = await service.create_indicator(session, actor=system, data=service.IndicatorInput(
        code="W-COLLAB", name="协作配合", kind=IndicatorKind.MANUAL))
    await service.create_scorecard_template(session, actor=system, data=service.TemplateInput(
        name="下级部门个人考核", subject=Subject.PERSON, department_id=person.department_id, lines=[
            service.TemplateLineInput(manual.id, "100", BandKind.LINEAR, target="100", floor="0")]))

    def cycle(name: str) -> service.CycleInput:
        return service.CycleInput(name=name, kind=CycleKind.QUARTERLY, period_start=date(2026, 10, 1),
                                  period_end=date(2026, 12, 31), self_assessment_due=date(2099, 1, 7),
                                  manager_assessment_due=date(2099, 1, 14), calibration_due=date(2099, 1, 21))

    cycles = []
    for name, steps in (("草稿周期", -1), ("已开启周期", 0), ("上级评分周期", 2), ("校准周期", 3), ("已发布周期", 4)):
        c = await service.create_evaluation_cycle(session, actor=system, data=cycle(name))
        if steps >= 0:
            await service.open_evaluation_cycle(session, actor=system, cycle_id=c.id)
        for _ in range(min(steps, 3)):
            await service.advance_evaluation_cycle(session, actor=system, cycle_id=c.id)
        if steps == 4:
            await service.publish_evaluation_cycle(session, actor=system, cycle_id=c.id)
        cycles.append(c)

    async def card_of(c: EvaluationCycle) -> Scorecard:
        return (await session.execute(select(Scorecard).where(Scorecard.cycle_id == c.id,
                                                              Scorecard.user_id == person.id))).scalar_one()

    draft, opened, assessing, calibrating, published = cycles
    return Performance(draft, opened, assessing, calibrating, published, await card_of(assessing),
                       await card_of(calibrating), manual)
