"""A small organisation for the performance tests: HR, a finance manager over an accountant and a clerk of the
group under finance, a sales manager and a seller, and the library's automatic indicators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_department, make_user
from yecai.actor import Actor, system_actor
from yecai.auth.models import User
from yecai.auth.service import actor_for
from yecai.org.models import Department, DepartmentKind
from yecai.performance import service
from yecai.performance.models import (
    BandKind,
    CycleKind,
    EvaluationCycle,
    Indicator,
    IndicatorKind,
    Rater,
    ScorecardTemplate,
    Subject,
)

Q1 = (date(2027, 1, 1), date(2027, 3, 31))


@dataclass
class Org:
    top: Department
    finance: Department
    east: Department  # under finance
    sales: Department
    people: Department
    hr: User
    cfo: User  # manager of finance
    accountant: User  # staff, finance
    clerk: User  # staff, east (under finance)
    sales_manager: User
    seller: User  # business, sales
    admin: User

    async def actor(self, session: AsyncSession, user: User) -> Actor:
        return await actor_for(session, user)


@pytest.fixture
async def org(session: AsyncSession) -> Org:
    top = await make_department(session, code="P-GM", name="总经理办公室", kind=DepartmentKind.EXECUTIVE)
    finance = await make_department(session, code="P-FIN", name="财务部", kind=DepartmentKind.FINANCE, parent=top)
    east = await make_department(session, code="P-EAST", name="华东核算组", kind=DepartmentKind.FINANCE, parent=finance)
    sales = await make_department(session, code="P-SALES", name="销售部", parent=top)
    people = await make_department(session, code="P-HR", name="人力资源部", kind=DepartmentKind.SUPPORT, parent=top)
    return Org(top, finance, east, sales, people,
               await make_user(session, username="p.hr", roles=("hr",), department=people),
               await make_user(session, username="p.cfo", roles=("manager",), department=finance),
               await make_user(session, username="p.accountant", roles=("staff",), department=finance),
               await make_user(session, username="p.clerk", roles=("staff",), department=east),
               await make_user(session, username="p.salesmgr", roles=("manager",), department=sales),
               await make_user(session, username="p.seller", roles=("business",), department=sales),
               await make_user(session, username="p.admin", roles=("admin",), department=top))


async def indicator(session: AsyncSession, code: str) -> Indicator:
    return (await session.execute(select(Indicator).where(Indicator.code == code))).scalar_one()


async def manual(session: AsyncSession, code: str, rater: Rater = Rater.MANAGER) -> Indicator:
    return await service.create_indicator(session, actor=system_actor("test"), data=service.IndicatorInput(
        code=code, name=code, kind=IndicatorKind.MANUAL, rater=rater))


async def person_template(session: AsyncSession, **changes: object) -> ScorecardTemplate:
    """Action items (linear 50..100) 60% and a manager-scored collaboration indicator 40%."""
    items = await indicator(session, "ACTION_ITEMS_ON_TIME")
    collaboration = await manual(session, "COLLAB")
    values: dict[str, object] = dict(name="个人协同", subject=Subject.PERSON, lines=[
        service.TemplateLineInput(items.id, "60", BandKind.LINEAR, target="100", floor="50"),
        service.TemplateLineInput(collaboration.id, "40", BandKind.LINEAR, target="100", floor="0")])
    values.update(changes)
    return await service.create_scorecard_template(session, actor=system_actor("test"),
                                                   data=service.TemplateInput(**values))  # type: ignore[arg-type]


def cycle_input(**changes: object) -> service.CycleInput:
    values: dict[str, object] = dict(name="2027 年第一季度", kind=CycleKind.QUARTERLY, period_start=Q1[0],
                                     period_end=Q1[1], self_assessment_due=date(2099, 4, 10),
                                     manager_assessment_due=date(2099, 4, 20), calibration_due=date(2099, 4, 30))
    values.update(changes)
    return service.CycleInput(**values)  # type: ignore[arg-type]


async def make_cycle(session: AsyncSession, **changes: object) -> EvaluationCycle:
    return await service.create_evaluation_cycle(session, actor=system_actor("test"), data=cycle_input(**changes))
